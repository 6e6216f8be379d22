// Parameter sweeps: grid expansion, Latin hypercube sampling, applying a point to a configuration,
// validation of names, and a small sweep batch end to end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchOutcome, expandSweep, latinHypercube, runBatch, sweepableNames } from '../../src/batch/index.js';
import { applyPoint, ORG_NUMERIC } from '../../src/batch/sweep.js';
import { PARAM_GROUPS } from '../../src/model/index.js';
import { formatError, loadScenario, OrganisationSchema } from '../../src/scenario/index.js';
import { small } from '../support/model.js';
import { FIXTURES, fixture, readCsv, scenarios, scratch } from './helpers.js';

describe('grid', () => {
  it('is the cartesian product, the last-named parameter varying fastest', () => {
    const points = expandSweep({ grid: { 'signals.relay': [0.5, 0.7], 'organisation.siloStrength': [0.2, 0.4, 0.8] } });
    expect(points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(points.map((p) => [p.values['signals.relay'], p.values['organisation.siloStrength']])).toEqual([
      [0.5, 0.2],
      [0.5, 0.4],
      [0.5, 0.8],
      [0.7, 0.2],
      [0.7, 0.4],
      [0.7, 0.8],
    ]);
    expect(expandSweep({ grid: { 'a.b': [1], 'c.d': [1, 2], 'e.f': [1, 2, 3], 'g.h': [1, 2] } })).toHaveLength(12);
  });

  it('no sweep is one point with no values', () => {
    expect(expandSweep(undefined)).toEqual([{ index: 0, values: {} }]);
    expect(expandSweep({})).toEqual([{ index: 0, values: {} }]);
  });
});

describe('Latin hypercube', () => {
  const ranges = { 'trust.asymmetry': [2, 6], 'organisation.enthusiastShare': [0.02, 0.2], 'signals.relay': [0.1, 0.9] } as const;

  it('gives n points, uses each of the n strata of every range exactly once, within the ranges', () => {
    for (const n of [1, 7, 50]) {
      const points = latinHypercube(n, ranges, 'seed-a');
      expect(points).toHaveLength(n);
      expect(points.map((p) => p.index)).toEqual(Array.from({ length: n }, (_, i) => i));
      for (const [name, [lo, hi]] of Object.entries(ranges)) {
        const values = points.map((p) => p.values[name]!);
        for (const v of values) {
          expect(v).toBeGreaterThanOrEqual(lo);
          expect(v).toBeLessThan(hi);
        }
        const strata = values.map((v) => Math.floor(((v - lo) / (hi - lo)) * n)).sort((a, b) => a - b);
        expect(strata, name).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(latinHypercube(20, ranges, 'seed-a')).toEqual(latinHypercube(20, ranges, 'seed-a'));
    expect(latinHypercube(20, ranges, 11)).toEqual(latinHypercube(20, ranges, 11));
    expect(latinHypercube(20, ranges, 'seed-a')).not.toEqual(latinHypercube(20, ranges, 'seed-b'));
    expect(expandSweep({ latinHypercube: { samples: 20, seed: 'seed-a', ranges } })).toEqual(latinHypercube(20, ranges, 'seed-a'));
  });

  it('pairs strata differently across dimensions (not along the diagonal)', () => {
    const points = latinHypercube(30, ranges, 'seed-a');
    const stratum = (name: keyof typeof ranges, v: number) =>
      Math.floor(((v - ranges[name][0]) / (ranges[name][1] - ranges[name][0])) * 30);
    const same = points.filter(
      (p) => stratum('trust.asymmetry', p.values['trust.asymmetry']!) === stratum('signals.relay', p.values['signals.relay']!),
    );
    expect(same.length).toBeLessThan(10);
  });
});

describe('applying a point', () => {
  const base = small(26);

  it('sets parameters and organisation fields on a copy, leaving the base unchanged', () => {
    const before = JSON.stringify(base);
    const cfg = applyPoint(base, { index: 0, values: { 'signals.relay': 0.33, 'organisation.siloStrength': 0.25 } });
    expect(cfg.params.signals.relay).toBe(0.33);
    expect(cfg.org.siloStrength).toBe(0.25);
    expect(cfg.params.trust).toEqual(base.params.trust);
    expect(JSON.stringify(base)).toBe(before);
    expect(applyPoint(base, { index: 0, values: {} })).toBe(base);
  });

  it('rounds integer parameters and counts, not shares', () => {
    expect(PARAM_GROUPS.teams.formingWeeks.integer).toBe(true);
    const cfg = applyPoint(base, {
      index: 0,
      values: { 'teams.formingWeeks': 6.6, 'teams.staffDraws': 2.4, 'organisation.politicians': 31.7, 'organisation.centralisation': 0.55 },
    });
    expect(cfg.params.teams.formingWeeks).toBe(7);
    expect(cfg.params.teams.staffDraws).toBe(2);
    expect(cfg.org.politicians).toBe(32);
    expect(cfg.org.centralisation).toBe(0.55);
    expect(applyPoint(base, { index: 0, values: { 'signals.relay': 0.123456 } }).params.signals.relay).toBe(0.123456);
    // A count is rounded whatever its size (a hypercube may sample 0.6 partners); a rate is not.
    expect(applyPoint(base, { index: 0, values: { 'organisation.partners': 0.6 } }).org.partners).toBe(1);
    expect(applyPoint(base, { index: 0, values: { 'organisation.staffPerThousand': 70.4 } }).org.staffPerThousand).toBe(70.4);
  });

  it('the organisation fields a sweep rounds are exactly those the scenario format takes as integers', () => {
    for (const [field, spec] of Object.entries(ORG_NUMERIC)) {
      const schema = (
        OrganisationSchema.shape as Record<
          string,
          { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }
        >
      )[field]!;
      const r = schema.safeParse(0.5);
      const integerOnly = !r.success && (r.error?.issues[0]?.message ?? '').startsWith('an integer');
      expect(integerOnly, field).toBe(spec!.integer);
    }
  });

  it('rejects unknown names', () => {
    expect(() => applyPoint(base, { index: 0, values: { 'signals.relai': 0.5 } })).toThrow(/sweep: unknown parameter "signals.relai"/);
    expect(() => applyPoint(base, { index: 0, values: { 'nogroup.relay': 0.5 } })).toThrow(/unknown parameter/);
    expect(() => applyPoint(base, { index: 0, values: { 'organisation.interface': 1 } })).toThrow(/not a numeric organisation field/);
    expect(sweepableNames()).toContain('signals.relay');
    expect(sweepableNames()).toContain('organisation.siloStrength');
    expect(sweepableNames()).not.toContain('organisation.interface');
  });

  it('scenario files with unknown sweep names or values out of range are rejected with their place and a suggestion', () => {
    const r = loadScenario(fixture('bad-sweep.yaml'));
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.errors.map((e) => formatError(e, FIXTURES));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(
      /^bad-sweep\.yaml:6:5 {2}sweep\.grid\["signals\.relai"\]: found "signals\.relai";.*did you mean "signals\.relay"\?$/,
    );
    expect(messages[1]).toMatch(/^bad-sweep\.yaml:7:38 {2}sweep\.grid\["organisation\.siloStrength"\]\[1\]: found 1\.5/);
  });
});

describe('a sweep batch end to end', () => {
  const input = scenarios('sweep.yaml', 'lhs.yaml');
  let dir: string;
  let cleanup: () => Promise<void>;
  let r: BatchOutcome;

  beforeAll(async () => {
    ({ dir, cleanup } = await scratch('sweep'));
    r = await runBatch(input, { out: dir, threads: 2, shard: null, resume: false });
  });
  afterAll(() => cleanup());

  it('loads the sweep from the scenario file', () => {
    expect(input[0]!.points).toHaveLength(4);
    expect(input[1]!.points).toEqual(latinHypercube(3, { 'trust.asymmetry': [2, 6], 'organisation.enthusiastShare': [0.02, 0.2] }, 5));
    expect(r.plan.tasks).toHaveLength((4 + 3) * 2);
    expect(r.files).toContain('points.csv');
  });

  it('writes points.csv: one row per scenario and point with its values', () => {
    const { header, rows } = readCsv(join(dir, 'points.csv'));
    expect(header).toEqual([
      'scenario',
      'point',
      'organisation.enthusiastShare',
      'organisation.siloStrength',
      'signals.relay',
      'trust.asymmetry',
    ]);
    expect(
      rows.slice(0, 4).map((p) => [p.scenario, p.point, p['signals.relay'], p['organisation.siloStrength'], p['trust.asymmetry']]),
    ).toEqual([
      ['sweep', '0', '0.5', '0.4', ''],
      ['sweep', '1', '0.5', '0.8', ''],
      ['sweep', '2', '0.7', '0.4', ''],
      ['sweep', '3', '0.7', '0.8', ''],
    ]);
    expect(rows.slice(4).map((p) => [p.scenario, p.point])).toEqual([
      ['lhs', '0'],
      ['lhs', '1'],
      ['lhs', '2'],
    ]);
    rows.slice(4).forEach((p, k) => {
      expect(Number(p['trust.asymmetry'])).toBeCloseTo(input[1]!.points[k]!.values['trust.asymmetry']!, 6);
      expect(p['signals.relay']).toBe('');
    });
  });

  it('puts the sweep values in sweep: columns of the summary and aggregate, and the points change the results', () => {
    const summary = readCsv(join(dir, 'summary.csv')).rows;
    expect(summary).toHaveLength(14);
    const sweepRows = summary.filter((s) => s.scenario === 'sweep');
    expect(sweepRows.map((s) => [s.point, s.replicate, s['sweep:signals.relay'], s['sweep:organisation.siloStrength']])).toEqual([
      ['0', '0', '0.5', '0.4'],
      ['0', '1', '0.5', '0.4'],
      ['1', '0', '0.5', '0.8'],
      ['1', '1', '0.5', '0.8'],
      ['2', '0', '0.7', '0.4'],
      ['2', '1', '0.7', '0.4'],
      ['3', '0', '0.7', '0.8'],
      ['3', '1', '0.7', '0.8'],
    ]);
    // Same seed and replicate, different siloStrength: a different municipality.
    const tieShare = (point: string) => sweepRows.find((s) => s.point === point && s.replicate === '0')!.final_crossUnitTieShare;
    expect(tieShare('0')).not.toBe(tieShare('1'));
    const agg = readCsv(join(dir, 'aggregate.csv')).rows.filter(
      (a) => a.scenario === 'lhs' && a.indicator === 'workload' && a.tick === '0',
    );
    expect(agg.map((a) => a.point)).toEqual(['0', '1', '2']);
    expect(agg.map((a) => a['sweep:trust.asymmetry'])).toEqual(
      readCsv(join(dir, 'points.csv'))
        .rows.slice(4)
        .map((p) => p['trust.asymmetry']),
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.scenarios[0].points).toEqual(input[0]!.points);
  });
});
