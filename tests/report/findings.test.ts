import { describe, expect, it } from 'vitest';
import type { ReplicateRecord } from '../../src/analysis/compare.js';
import type { Arm, BatchResults } from '../../src/report/batch-data.js';
import { makeContext } from '../../src/report/common.js';
import { findings, verdictOf } from '../../src/report/findings.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { clipDifferenceInterval, clipMeanInterval, indicatorRange, unitFormat } from '../../src/report/units.js';

function arm(name: string): Arm {
  return {
    name,
    scenario: name,
    point: 0,
    pointValues: {},
    description: null,
    descriptionNb: null,
    source: `${name}.yaml`,
    seed: 's',
    replicates: 4,
    start: '2026-01-05',
    horizon: 261,
    elections: true,
    interventions: [],
    turnThreshold: 0.45,
  };
}

/** Four replicates per arm: a share near 0 whose interval would reach below 0, and burnout that rises. */
function batch(turns: (arm: string, r: number) => number | null): BatchResults {
  const values: Record<string, { co: number[]; burnout: number[] }> = {
    baseline: { co: [0, 0, 0, 0.04], burnout: [0.1, 0.11, 0.09, 0.1] },
    package: { co: [0.2, 0.22, 0.19, 0.21], burnout: [0.2, 0.22, 0.18, 0.2] },
  };
  const records: ReplicateRecord[] = [];
  for (const [name, v] of Object.entries(values))
    for (let r = 0; r < 4; r++)
      records.push({
        arm: name,
        seed: 's',
        replicate: r,
        turnTick: turns(name, r),
        final: { coCreationActual: v.co[r]!, burnout: v.burnout[r]! },
      });
  return { dir: '/x', plan: '', modelVersion: '', version: '', arms: [arm('baseline'), arm('package')], records, aggregate: () => [] };
}

describe('units: ranges and clipping', () => {
  it('shares, scores and the index lie in [0, 1]; counts and values from 0', () => {
    expect(indicatorRange('coCreationActual')).toEqual({ min: 0, max: 1 });
    expect(indicatorRange('burnout')).toEqual({ min: 0, max: 1 });
    expect(indicatorRange('transformationIndex')).toEqual({ min: 0, max: 1 });
    expect(indicatorRange('routines')).toEqual({ min: 0, max: Number.POSITIVE_INFINITY });
    expect(indicatorRange('publicValue').min).toBe(0);
  });

  it('a mean interval is clipped to the range; a difference interval so that baseline + difference stays possible', () => {
    expect(clipMeanInterval('coCreationActual', -0.02, 0.05)).toEqual({ low: 0, high: 0.05 });
    expect(clipMeanInterval('burnout', 0.9, 1.2)).toEqual({ low: 0.9, high: 1 });
    expect(clipDifferenceInterval('coCreationActual', 0.01, -0.05, 0.02)).toEqual({ low: -0.01, high: 0.02 });
    expect(clipDifferenceInterval('routines', 3, -5, 2)).toEqual({ low: -3, high: 2 });
  });

  it('shares are written as percentages and their differences in percentage points', () => {
    const f = unitFormat('nb', 'coCreationActual');
    expect(f.values([0.0204, 0.0291])).toEqual(['2,0 %', '2,9 %']);
    expect(f.differences([0.0087, -0.002])).toEqual(['+0,87', '−0,20']);
    expect(f.differenceUnit).toBe('prosentpoeng');
    expect(unitFormat('en', 'publicValue').unit).toBe('model units');
  });
});

describe('findings: the summary sentences', () => {
  it('marks better and worse by the declared direction, unclear when the interval includes zero, neutral without a direction', () => {
    expect(verdictOf('coCreationActual', 0.1, 0.05, 0.15)).toBe('better');
    expect(verdictOf('burnout', 0.1, 0.05, 0.15)).toBe('worse');
    expect(verdictOf('burnout', -0.1, -0.15, -0.05)).toBe('better');
    expect(verdictOf('coCreationActual', 0.1, -0.01, 0.2)).toBe('unclear');
    expect(verdictOf('practiceNPM', 0.1, 0.05, 0.15)).toBe('neutral');
  });

  it('one sentence per scenario and outcome with both means, the difference and its interval; nothing turned: what that means', () => {
    const b = batch(() => null);
    const ctx = makeContext(b, b.arms[0]!, 'en');
    const f = findings(ctx);
    const co = f.outcomes.find((o) => o.indicator === 'coCreationActual')!;
    expect(co.verdict).toBe('better');
    expect(co.sentence).toBe(
      `Compared with the baseline, package raises actual co-creation (share of staff) from 1.0 % to 20.5 % after 5 years (difference +19.5 percentage points, 95 % CI +${(100 * co.ciLow).toFixed(1)} to +${(100 * co.ciHigh).toFixed(1)}).`,
    );
    const burnout = f.outcomes.find((o) => o.indicator === 'burnout')!;
    expect(burnout.verdict).toBe('worse');
    expect(burnout.verdictText).toBe('Worse (lower is better).');
    expect(burnout.sentence).toContain('raises burnout from 0.100 to 0.200 on a 0–1 scale');
    expect(f.turning).toEqual([]);
    expect(f.noneTurned).toMatch(
      /^No run of any scenario reached the turning threshold \(transformation index 0\.45\): practice did not change enough within 5 years/,
    );
  });

  it('turning: k of n runs and the median time in years, in Norwegian with decimal commas', () => {
    // package turns in replicates 0 and 1 at weeks 180 and 216: median 198 weeks = 3.8 years.
    const b = batch((a, r) => (a === 'package' && r < 2 ? 180 + 36 * r : null));
    const f = findings(makeContext(b, b.arms[0]!, 'nb'));
    expect(f.noneTurned).toBeNull();
    expect(f.turning.map((t) => t.sentence)).toEqual([
      'baseline: ingen kjøring nådde terskelen: praksis endret seg ikke nok i løpet av 5 år til å regnes som snudd (se «snuing» i ordlisten).',
      'package snur i 2 av 4 kjøringer (50 %), typisk etter 3,8 år (medianen blant kjøringene som snudde).',
    ]);
    expect(f.outcomes.find((o) => o.indicator === 'coCreationActual')!.sentence).toMatch(
      /^Sammenlignet med referansen hever package faktisk samskaping \(andel ansatte\) fra 1,0 % til 20,5 % etter 5 år/,
    );
  });

  it('the summary table writes a share as % and clips its interval at 0; scores carry their scale', () => {
    const b = batch(() => null);
    const t = summaryTable(makeContext(b, b.arms[0]!, 'en'));
    // The baseline's co-creation is 0, 0, 0, 0.04: mean 0.01, the unclipped interval reaches −0.022.
    const row = t.keys.indexOf('coCreationActual');
    expect(t.cells[row]![0]).toBe('1.00 % [0.00, 4.18]');
    expect(t.labels[t.keys.indexOf('burnout')]).toBe('Burnout (0–1)');
  });
});
