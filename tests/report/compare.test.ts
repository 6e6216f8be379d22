import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  type ComparisonRow,
  commonRandomNumbers,
  compareScenarios,
  plausibleWorlds,
  type ReplicateRecord,
  summariseArm,
  TIME_TO_TURN,
} from '../../src/analysis/compare.js';

/** Standard normal draws from a fixed seed (Box–Muller). */
function normals(seed: string, n: number): number[] {
  const rng = seedrandom.alea(seed);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng()));
}

function records(arm: string, seed: string, values: readonly number[], turn: (r: number) => number | null = () => null): ReplicateRecord[] {
  return values.map((v, r) => ({ arm, seed, replicate: r, turnTick: turn(r), final: { transformationIndex: v } }));
}

const only = (rows: ComparisonRow[], scenario: string, indicator = 'transformationIndex') =>
  rows.find((r) => r.scenario === scenario && r.indicator === indicator)!;

describe('compareScenarios on constructed replicates', () => {
  const N = 30;
  const base = normals('base', N).map((z) => 0.5 + 0.05 * z);
  const noiseB = normals('other', N).map((z) => 0.05 * z);
  const opts = { indicators: ['transformationIndex'], timeToTurn: false } as const;

  it('independent samples with a true shift of 0.1: Welch, the CI covers 0.1 and excludes 0', () => {
    const recs = [
      ...records('base', 's1', base),
      ...records(
        'shift',
        's2',
        noiseB.map((e) => 0.6 + e),
      ),
    ];
    const r = only(compareScenarios(recs, ['base', 'shift'], 'base', opts), 'shift');
    expect(r.test).toBe('welch-t');
    expect(r.note).toMatch(/different seeds/);
    expect(r.ciLow).toBeLessThan(0.1);
    expect(r.ciHigh).toBeGreaterThan(0.1);
    expect(r.ciLow).toBeGreaterThan(0);
    expect(r.p).toBeLessThan(1e-6);
    expect(r.cohenD).toBeGreaterThan(1);
  });

  it('no difference: p is not small and the CI covers 0', () => {
    const recs = [
      ...records('base', 's1', base),
      ...records(
        'same',
        's2',
        noiseB.map((e) => 0.5 + e),
      ),
    ];
    const r = only(compareScenarios(recs, ['base', 'same'], 'base', opts), 'same');
    expect(r.p).toBeGreaterThan(0.2);
    expect(r.ciLow).toBeLessThan(0);
    expect(r.ciHigh).toBeGreaterThan(0);
  });

  it('common random numbers (same seed): paired by replicate, which detects a shift Welch would miss', () => {
    // Replicate r of both arms shares its large common noise; the effect (0.01) is small against it.
    const common = normals('common', N).map((z) => 0.5 + 0.1 * z);
    const small = normals('small', N).map((z) => 0.002 * z);
    const shifted = common.map((v, r) => v + 0.01 + small[r]!);
    const paired = [...records('base', 'same-seed', common), ...records('shift', 'same-seed', shifted)];
    const r = only(compareScenarios(paired, ['base', 'shift'], 'base', opts), 'shift');
    expect(r.test).toBe('paired-t');
    expect(r.nA).toBe(N);
    expect(r.note).toMatch(/common random numbers \(seed same-seed\): replicate r paired with r, 30 pairs/);
    expect(r.ciLow).toBeGreaterThan(0);
    expect(r.ciLow).toBeLessThan(0.01);
    expect(r.ciHigh).toBeGreaterThan(0.01);
    // The same numbers treated as independent samples: the shift drowns in the common noise.
    const unpaired = [...records('base', 'x', common), ...records('shift', 'y', shifted)];
    const w = only(compareScenarios(unpaired, ['base', 'shift'], 'base', opts), 'shift');
    expect(w.test).toBe('welch-t');
    expect(w.p).toBeGreaterThan(0.05);
    expect(w.diff).toBeCloseTo(r.diff, 12);
  });

  it('pairs only replicates both arms have', () => {
    const recs = [
      ...records('base', 's', [1, 2, 3, 4]),
      ...records('b', 's', [2, 3, 5]).map((x) => ({ ...x, replicate: x.replicate + 1 })),
    ];
    // pairs: (2,2) (3,3) (4,5) → differences 0, 0, 1
    const r = only(compareScenarios(recs, ['base', 'b'], 'base', opts), 'b');
    expect(r.test).toBe('paired-t');
    expect(r.nA).toBe(3);
    expect(r.diff).toBeCloseTo(1 / 3, 12);
    expect(r.note).toMatch(/1 replicate\(s\) without a partner/);
  });

  it('detects common random numbers from seeds and replicate indices', () => {
    expect(commonRandomNumbers(records('a', 's', [1, 2]), records('b', 's', [1, 2]))).toBe(true);
    expect(commonRandomNumbers(records('a', 's', [1, 2]), records('b', 't', [1, 2]))).toBe(false);
    expect(commonRandomNumbers(records('a', 's', []), records('b', 's', [1]))).toBe(false);
  });

  it('rows for every scenario but the baseline, every key indicator, Holm-adjusted p; unknown baseline throws', () => {
    const recs = [...records('base', 's', base), ...records('x', 's', base), ...records('y', 't', base)];
    const rows = compareScenarios(recs, ['base', 'x', 'y'], 'base');
    expect(new Set(rows.map((r) => r.scenario))).toEqual(new Set(['x', 'y']));
    expect(rows.filter((r) => r.scenario === 'x')).toHaveLength(10);
    for (const r of rows) if (Number.isFinite(r.p)) expect(r.pHolm).toBeGreaterThanOrEqual(r.p);
    expect(() => compareScenarios(recs, ['base', 'x'], 'nope')).toThrow(/no scenario "nope"/);
  });
});

describe('time to turn is censored', () => {
  // base: replicates 0..9 turn at week 50 + r for r < 6, never for r >= 6;
  // fast: turn at week 30 + r for r < 9, never for r = 9.
  const turnBase = (r: number) => (r < 6 ? 50 + r : null);
  const turnFast = (r: number) => (r < 9 ? 30 + r : null);
  const v = Array.from({ length: 10 }, (_, r) => r / 10);
  const recs = [...records('base', 's', v, turnBase), ...records('fast', 's', v, turnFast)];

  it('share turned per arm with a Wilson interval; weeks among turned replicates only', () => {
    const s = summariseArm(recs, 'base');
    expect(s.turn.turned).toBe(6);
    expect(s.turn.share).toBeCloseTo(0.6, 12);
    expect(s.turn.shareLow).toBeLessThan(0.6);
    expect(s.turn.shareHigh).toBeGreaterThan(0.6);
    expect(s.turn.week.n).toBe(6);
    expect(s.turn.week.mean).toBeCloseTo(52.5, 12);
    expect(s.turn.medianWeek).toBeCloseTo(52.5, 12);
  });

  it('compares turn weeks among replicates that turned (pairs where both turned), and says so', () => {
    const rows = compareScenarios(recs, ['base', 'fast'], 'base', { indicators: [] });
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect(r.indicator).toBe(TIME_TO_TURN);
    expect(r.test).toBe('paired-t');
    expect(r.nA).toBe(6); // replicates 0..5 turned in both
    expect(r.diff).toBeCloseTo(-20, 12);
    expect(r.note).toMatch(/among turned replicates only \(turned: base 6\/10, fast 9\/10\).*censored/);
  });

  it('no time-to-turn row when no replicate turned in either arm', () => {
    const none = [...records('a', 's', v), ...records('b', 's', v)];
    expect(compareScenarios(none, ['a', 'b'], 'a', { indicators: [] })).toEqual([]);
  });
});

describe('plausibleWorlds', () => {
  it('counts the pairs (same replicate) in which the scenario does better, with a Wilson interval', () => {
    const rs = [...records('base', 's', [0.5, 0.5, 0.5, 0.5, Number.NaN]), ...records('a', 's', [0.6, 0.4, 0.5, 0.7, 0.9])];
    const up = plausibleWorlds(rs, 'a', 'base', 'transformationIndex', 'up');
    expect([up.pairs, up.wins, up.share]).toEqual([4, 2, 0.5]); // the tie is not a win; the NaN pair is left out
    expect(up.low).toBeLessThan(0.5);
    expect(up.high).toBeGreaterThan(0.5);
    const down = plausibleWorlds(rs, 'a', 'base', 'transformationIndex', 'down');
    expect([down.pairs, down.wins]).toEqual([4, 1]);
  });
});
