/**
 * Data targets of a calibration and the distance between a simulation and them. A target is one
 * indicator's mean over a window of weeks, observed as a value ± sd or as a range [lo, hi]. A
 * candidate parameter set is simulated R times; its statistic per target is the mean over the
 * replicates of the window means. The ABC distance is the root mean square of the standardised
 * misses: (s − value) / sd for a value, and for a range the distance outside it in units of its
 * half-width (0 inside), so being one half-width outside a range weighs like one sd off a value.
 * Pure: no Node APIs.
 */
import { fmt } from '../engine/format.js';
import type { IndicatorName } from '../model/index.js';

export type TargetObservation =
  | { readonly kind: 'value'; readonly value: number; readonly sd: number }
  | { readonly kind: 'range'; readonly lo: number; readonly hi: number };

export interface DataTarget {
  readonly indicator: IndicatorName;
  /** First and last week of the window (week indices, inclusive). */
  readonly from: number;
  readonly to: number;
  readonly observed: TargetObservation;
}

/** One line that names a target, e.g. "trustStaffManagement, weeks 40–51: 0.55 ± 0.05". */
export function targetLabel(t: DataTarget): string {
  const when = t.from === t.to ? `week ${t.from}` : `weeks ${t.from}–${t.to}`;
  const o = t.observed;
  const what = o.kind === 'value' ? `${fmt(o.value)} ± ${fmt(o.sd)}` : `${fmt(o.lo)} to ${fmt(o.hi)}`;
  return `${t.indicator}, ${when}: ${what}`;
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

/** The standardised miss of a simulated statistic (0 inside a range). */
export function standardisedMiss(t: DataTarget, s: number): number {
  const o = t.observed;
  if (o.kind === 'value') return (s - o.value) / o.sd;
  const half = (o.hi - o.lo) / 2;
  if (s < o.lo) return (s - o.lo) / half;
  if (s > o.hi) return (s - o.hi) / half;
  return 0;
}

/** Root mean square of the standardised misses; NaN when a statistic is not a finite number. */
export function targetDistance(targets: readonly DataTarget[], stats: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < targets.length; k++) {
    const s = stats[k]!;
    if (!Number.isFinite(s)) return Number.NaN;
    sum += standardisedMiss(targets[k]!, s) ** 2;
  }
  return Math.sqrt(sum / targets.length);
}
