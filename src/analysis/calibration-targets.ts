/**
 * Targets of a calibration and the distance between a simulation and them.
 *
 * A data target is one indicator's mean over a window of weeks, observed as a value ± sd or as a
 * range [lo, hi]; its statistic is the mean over the particle's R replicates of the window means.
 * A pattern target is a stylised fact (src/validation/facts.ts) that must hold with a standardised
 * effect of at least minD in the claimed direction in every one of its checks; each check is one
 * statistic, its effect (effectSize in analysis/ttest.ts: Cohen's d of the paired differences for
 * a paired check) over the particle's R replicates of the fact's conditions.
 *
 * Every statistic has a standardised miss: (s − value) / sd for a value; for a range the distance
 * outside it in units of its half-width (0 inside); for a pattern check the shortfall minD − d in
 * units of d (0 at or above minD). The ABC distance is the weighted root mean square of the
 * misses, every target weighing 1 and the checks of a fact sharing its weight equally:
 *   distance = √( Σ_k w_k miss_k² / Σ_k w_k ).
 * Pure: no Node APIs.
 */
import { fmt } from '../engine/format.js';
import type { IndicatorName } from '../model/index.js';
import { MAX_EFFECT } from '../validation/facts.js';

export type TargetObservation =
  | { readonly kind: 'value'; readonly value: number; readonly sd: number }
  | { readonly kind: 'range'; readonly lo: number; readonly hi: number }
  /** A pattern check: its standardised effect in the claimed direction at least `min`. */
  | { readonly kind: 'atLeast'; readonly min: number };

export interface DataTarget {
  readonly indicator: IndicatorName;
  /** First and last week of the window (week indices, inclusive). */
  readonly from: number;
  readonly to: number;
  readonly observed: TargetObservation;
}

export interface PatternTarget {
  readonly fact: number;
  readonly title: string;
  /** Smallest standardised effect in the claimed direction that counts as holding, per check. */
  readonly minD: number;
  /** The claims of its checks, in order. */
  readonly claims: readonly string[];
}

export type CalibrationTarget = DataTarget | PatternTarget;

export const isPattern = (t: CalibrationTarget): t is PatternTarget => 'fact' in t;

/** One number a simulation is compared on: a data target, or one check of a pattern target. */
export interface Statistic {
  readonly label: string;
  /** Index of its target. */
  readonly target: number;
  readonly weight: number;
  readonly observed: TargetObservation;
}

const fmtRange = (o: TargetObservation) =>
  o.kind === 'value' ? `${fmt(o.value)} ± ${fmt(o.sd)}` : o.kind === 'range' ? `${fmt(o.lo)} to ${fmt(o.hi)}` : `d ≥ ${fmt(o.min)}`;

/** One line that names a target, e.g. "trustStaffManagement, weeks 40–51: 0.55 ± 0.05" or "fact 2 holds with d ≥ 0.3". */
export function targetLabel(t: CalibrationTarget): string {
  if (isPattern(t)) return `fact ${t.fact} holds with d ≥ ${fmt(t.minD)} (${t.claims.length} check${t.claims.length === 1 ? '' : 's'})`;
  const when = t.from === t.to ? `week ${t.from}` : `weeks ${t.from}–${t.to}`;
  return `${t.indicator}, ${when}: ${fmtRange(t.observed)}`;
}

/** The statistics of a list of targets, in order: one per data target, one per check of a pattern target. */
export function statisticsOf(targets: readonly CalibrationTarget[]): Statistic[] {
  return targets.flatMap((t, k): Statistic[] =>
    isPattern(t)
      ? t.claims.map((claim, c) => ({
          label: `fact ${t.fact}.${c + 1}: ${claim}: d ≥ ${fmt(t.minD)}`,
          target: k,
          weight: 1 / t.claims.length,
          observed: { kind: 'atLeast', min: t.minD },
        }))
      : [{ label: targetLabel(t), target: k, weight: 1, observed: t.observed }],
  );
}

/** Mean of one column of a replicate's (ticks × width) matrix over weeks from..to; NaN if none is finite. */
export function windowMean(data: Float64Array, width: number, column: number, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (let t = from; t <= to; t++) {
    const v = data[t * width + column]!;
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : sum / n;
}

/** The standardised miss of a simulated statistic (0 inside a range or at or above a pattern's minD). */
export function standardisedMiss(t: { readonly observed: TargetObservation }, s: number): number {
  const o = t.observed;
  if (o.kind === 'value') return (s - o.value) / o.sd;
  if (o.kind === 'atLeast') return s >= o.min ? 0 : s - o.min;
  const half = (o.hi - o.lo) / 2;
  if (s < o.lo) return (s - o.lo) / half;
  if (s > o.hi) return (s - o.hi) / half;
  return 0;
}

/** Weighted root mean square of the standardised misses (weight 1 unless given); NaN when a statistic is not a finite number. */
export function targetDistance(
  items: readonly { readonly observed: TargetObservation; readonly weight?: number }[],
  stats: readonly number[],
): number {
  let sum = 0;
  let weights = 0;
  for (let k = 0; k < items.length; k++) {
    const s = stats[k]!;
    const it = items[k]!;
    if (!Number.isFinite(s)) return Number.NaN;
    const w = it.weight ?? 1;
    sum += w * standardisedMiss(it, s) ** 2;
    weights += w;
  }
  return Math.sqrt(sum / weights);
}

/**
 * A predictive check's 5 %, 50 % and 95 % as text. A pattern check's effect is stored as ±MAX_EFFECT
 * when its difference has no spread (every pair the same: d is infinite); it reads as ±∞, not as a
 * number a reader would take for a measured effect of 1000.
 */
export function predictiveQuantiles(c: {
  readonly observed: TargetObservation;
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
}): string[] {
  const text = (v: number): string => (c.observed.kind === 'atLeast' && Math.abs(v) >= MAX_EFFECT ? (v > 0 ? '∞' : '−∞') : fmt(v, 3));
  return [text(c.q05), text(c.q50), text(c.q95)];
}

/** The note under a predictive table that shows ±∞. */
export const INFINITE_EFFECT_NOTE = '±∞: in some runs the difference had no spread (every pair the same), so d is infinite.';
