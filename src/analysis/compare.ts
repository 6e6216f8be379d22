/**
 * Scenario comparison: each scenario against a baseline on the final values of the key indicators
 * and on time-to-turn. Difference in means (scenario − baseline) with a 95 % confidence interval,
 * Cohen's d, and a t-test:
 * - paired t-test on the replicate differences when both arms used common random numbers (the same
 *   master seed: replicate r of both draws from the same streams), pairing replicate r with r;
 * - Welch's t-test (unequal variances, Welch–Satterthwaite degrees of freedom) otherwise.
 * Time-to-turn is censored (a replicate may never turn): the share turned is reported per arm, and
 * turn weeks are compared among turned replicates only (pairs where both turned, when paired).
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from './student-t.js';
import { cohenD, finite, hedgesG, pairedTest, type TestResult, welchTest } from './ttest.js';

/** Final-value indicators compared by default (in this order). */
export const KEY_INDICATORS = [
  'transformationIndex',
  'practiceNPG',
  'policyPracticeGap',
  'coCreationActual',
  'crossSiloCoCreation',
  'trustCitizens',
  'trustStaffManagement',
  'burnout',
  'participationGini',
  'routines',
] as const;
export type KeyIndicator = (typeof KEY_INDICATORS)[number];

/** The row name of time-to-turn (weeks from the start to the first week the index passes its threshold). */
export const TIME_TO_TURN = 'timeToTurn';

/** One replicate of one arm (a scenario, or one sweep point of a scenario). */
export interface ReplicateRecord {
  readonly arm: string;
  readonly seed: string;
  readonly replicate: number;
  /** Week of turning, or null when the replicate never turned. */
  readonly turnTick: number | null;
  /** Final value per indicator (NaN when not defined). */
  readonly final: Readonly<Record<string, number>>;
}

export function wilson(k: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: Number.NaN, high: Number.NaN };
  const z = 1.959963984540054;
  const p = k / n;
  const den = 1 + (z * z) / n;
  const mid = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return { low: Math.max(0, mid - half), high: Math.min(1, mid + half) };
}

/** Holm's step-down adjustment of p-values (NaN stays NaN and does not count). */
export function holm(ps: readonly number[]): number[] {
  const idx = ps.map((p, i) => ({ p, i })).filter((x) => Number.isFinite(x.p));
  idx.sort((x, y) => x.p - y.p || x.i - y.i);
  const out = ps.map(() => Number.NaN);
  let running = 0;
  idx.forEach((x, k) => {
    running = Math.max(running, Math.min(1, (idx.length - k) * x.p));
    out[x.i] = running;
  });
  return out;
}

// ---------------------------------------------------------------- per-arm summaries

export interface ValueSummary {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

export interface TurnSummary {
  readonly n: number;
  readonly turned: number;
  readonly share: number;
  readonly shareLow: number;
  readonly shareHigh: number;
  /** Turn weeks among turned replicates. */
  readonly week: ValueSummary;
  readonly medianWeek: number;
}

export interface ArmSummary {
  readonly arm: string;
  readonly seed: string;
  readonly replicates: number;
  readonly finals: Readonly<Record<string, ValueSummary>>;
  readonly turn: TurnSummary;
}

export function summarise(values: readonly number[]): ValueSummary {
  const x = finite(values);
  const n = x.length;
  if (n === 0) return { n, mean: Number.NaN, sd: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN };
  const m = mean(x);
  if (n === 1) return { n, mean: m, sd: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN };
  const sd = sampleStandardDeviation(x);
  const half = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { n, mean: m, sd, ciLow: m - half, ciHigh: m + half };
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

function armRecords(records: readonly ReplicateRecord[], arm: string): ReplicateRecord[] {
  return records.filter((r) => r.arm === arm).sort((x, y) => x.replicate - y.replicate);
}

export function summariseArm(records: readonly ReplicateRecord[], arm: string, indicators: readonly string[] = KEY_INDICATORS): ArmSummary {
  const rs = armRecords(records, arm);
  const finals: Record<string, ValueSummary> = {};
  for (const ind of indicators) finals[ind] = summarise(rs.map((r) => r.final[ind] ?? Number.NaN));
  const weeks = rs.filter((r) => r.turnTick !== null).map((r) => r.turnTick!);
  const ci = wilson(weeks.length, rs.length);
  return {
    arm,
    seed: rs[0]?.seed ?? '',
    replicates: rs.length,
    finals,
    turn: {
      n: rs.length,
      turned: weeks.length,
      share: rs.length > 0 ? weeks.length / rs.length : Number.NaN,
      shareLow: ci.low,
      shareHigh: ci.high,
      week: summarise(weeks),
      medianWeek: median(weeks),
    },
  };
}

// ---------------------------------------------------------------- comparison

export interface ComparisonRow extends TestResult {
  readonly scenario: string;
  readonly baseline: string;
  /** A key indicator (final value) or TIME_TO_TURN. */
  readonly indicator: string;
  readonly cohenD: number;
  readonly hedgesG: number;
  /** Holm-adjusted p over all rows of the comparison. */
  readonly pHolm: number;
  /** Why the test was chosen, and what was left out. */
  readonly note: string;
}

export interface CompareOptions {
  /** Final-value indicators (default KEY_INDICATORS). */
  readonly indicators?: readonly string[];
  /** Add time-to-turn rows (default true; rows appear only where some replicate turned). */
  readonly timeToTurn?: boolean;
}

/**
 * True when two arms share common random numbers: the same master seed, so replicate r of both
 * draws from the same random streams and replicate r can be paired with replicate r.
 */
export function commonRandomNumbers(a: readonly ReplicateRecord[], b: readonly ReplicateRecord[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const seed = a[0]!.seed;
  if (!a.every((r) => r.seed === seed) || !b.every((r) => r.seed === seed)) return false;
  const ib = new Set(b.map((r) => r.replicate));
  return a.some((r) => ib.has(r.replicate));
}

/** Values of two arms, paired by replicate index (only indices both arms have). */
function pairUp(
  a: readonly ReplicateRecord[],
  b: readonly ReplicateRecord[],
  get: (r: ReplicateRecord) => number,
): { xa: number[]; xb: number[]; unmatched: number } {
  const mb = new Map(b.map((r) => [r.replicate, r]));
  const xa: number[] = [];
  const xb: number[] = [];
  for (const r of a) {
    const q = mb.get(r.replicate);
    if (!q) continue;
    xa.push(get(r));
    xb.push(get(q));
  }
  return { xa, xb, unmatched: a.length + b.length - 2 * xa.length };
}

function compareValues(
  a: readonly ReplicateRecord[],
  b: readonly ReplicateRecord[],
  paired: boolean,
  get: (r: ReplicateRecord) => number,
): { result: TestResult; d: number; g: number; note: string } {
  const va = a.map(get);
  const vb = b.map(get);
  const d = cohenD(va, vb);
  const g = hedgesG(va, vb);
  if (paired) {
    const { xa, xb, unmatched } = pairUp(a, b, get);
    const result = pairedTest(xa, xb);
    if (result.test !== 'none') {
      const note = `common random numbers (seed ${a[0]!.seed}): replicate r paired with r, ${result.nA} pairs${unmatched > 0 ? `; ${unmatched} replicate(s) without a partner left out` : ''}`;
      return { result, d, g, note };
    }
  }
  const result = welchTest(va, vb);
  const why = paired ? 'fewer than 2 complete pairs, so unpaired' : 'different seeds, so independent samples';
  return { result, d, g, note: result.test === 'none' ? 'fewer than 2 values in an arm: no test' : why };
}

/**
 * Compares every arm in `arms` except the baseline with the baseline. Rows come in arm order,
 * indicators in the given order, time-to-turn last.
 */
export function compareScenarios(
  records: readonly ReplicateRecord[],
  arms: readonly string[],
  baseline: string,
  opts: CompareOptions = {},
): ComparisonRow[] {
  if (!arms.includes(baseline)) throw new Error(`no scenario "${baseline}" in this batch (scenarios: ${arms.join(', ')})`);
  const indicators = opts.indicators ?? KEY_INDICATORS;
  const base = armRecords(records, baseline);
  const rows: Omit<ComparisonRow, 'pHolm'>[] = [];
  for (const arm of arms) {
    if (arm === baseline) continue;
    const other = armRecords(records, arm);
    const paired = commonRandomNumbers(base, other);
    for (const ind of indicators) {
      const c = compareValues(base, other, paired, (r) => r.final[ind] ?? Number.NaN);
      rows.push({ scenario: arm, baseline, indicator: ind, ...c.result, cohenD: c.d, hedgesG: c.g, note: c.note });
    }
    if (opts.timeToTurn ?? true) {
      const week = (r: ReplicateRecord) => (r.turnTick === null ? Number.NaN : r.turnTick);
      const ta = base.filter((r) => r.turnTick !== null).length;
      const tb = other.filter((r) => r.turnTick !== null).length;
      if (ta + tb === 0) continue;
      const c = compareValues(base, other, paired, week);
      const censored = `turn weeks among turned replicates only (turned: ${baseline} ${ta}/${base.length}, ${arm} ${tb}/${other.length}); replicates that never turned are censored and left out`;
      rows.push({
        scenario: arm,
        baseline,
        indicator: TIME_TO_TURN,
        ...c.result,
        cohenD: c.d,
        hedgesG: c.g,
        note: `${censored}; ${c.note}`,
      });
    }
  }
  const adj = holm(rows.map((r) => r.p));
  return rows.map((r, i) => ({ ...r, pHolm: adj[i]! }));
}

/** How often a scenario beats the baseline across the replicate pairs of a batch run over an ensemble. */
export interface PlausibleWorlds {
  readonly arm: string;
  readonly indicator: string;
  /** Pairs (same replicate index, so the same ensemble member and random numbers) with a finite difference. */
  readonly pairs: number;
  /** Pairs in which the scenario's final value is better than the baseline's (ties count as not better). */
  readonly wins: number;
  readonly share: number;
  /** Wilson 95 % interval of the share. */
  readonly low: number;
  readonly high: number;
}

/**
 * The share of plausible worlds in which `arm` beats `baseline` on `indicator` (`better` says
 * which way is better). In a batch over an ensemble, replicate r of both arms runs with the same
 * member, drawn in proportion to its weight, and the same random numbers; each pair is one draw
 * of a plausible world and its chance, so the share estimates the probability that the scenario
 * does better, over parameter uncertainty and chance together. The interval is Wilson's.
 */
export function plausibleWorlds(
  records: readonly ReplicateRecord[],
  arm: string,
  baseline: string,
  indicator: string,
  better: 'up' | 'down',
): PlausibleWorlds {
  const base = new Map(armRecords(records, baseline).map((r) => [r.replicate, r.final[indicator] ?? Number.NaN]));
  let pairs = 0;
  let wins = 0;
  for (const r of armRecords(records, arm)) {
    const b = base.get(r.replicate);
    const v = r.final[indicator] ?? Number.NaN;
    if (b === undefined || !Number.isFinite(b) || !Number.isFinite(v)) continue;
    pairs++;
    if (better === 'up' ? v > b : v < b) wins++;
  }
  const ci = wilson(wins, pairs);
  return { arm, indicator, pairs, wins, share: pairs > 0 ? wins / pairs : Number.NaN, low: ci.low, high: ci.high };
}
