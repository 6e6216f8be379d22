/**
 * One indicator over replicates as a chart series: the median and the outer band of the report
 * (analysis/bands.ts, the middle 90 %), computed with the engine's quantile. Pure.
 */
import { MEDIAN, OUTER_BAND, QUANTILES } from '../analysis/bands.js';
import { quantileSorted } from '../engine/stats.js';
import type { Series } from './charts.js';
import type { SlotResult } from './model-worker.js';

/** The band as a reader sees it: percentages of its ends, e.g. { lo: 5, hi: 95 }. */
export const BAND_PERCENT = { lo: 100 * QUANTILES[OUTER_BAND.lo], hi: 100 * QUANTILES[OUTER_BAND.hi] } as const;

/** Median and band of column `col` over replicates (each row-major ticks × width); no band for one replicate. */
export function bandOf(reps: readonly Float64Array[], col: number, width: number, ticks: number): Series {
  const n = reps.length;
  const mid = new Float64Array(ticks);
  if (n === 1) {
    for (let t = 0; t < ticks; t++) mid[t] = reps[0]![t * width + col]!;
    return { mid, lo: null, hi: null };
  }
  const lo = new Float64Array(ticks);
  const hi = new Float64Array(ticks);
  const buf = new Float64Array(n);
  for (let t = 0; t < ticks; t++) {
    for (let k = 0; k < n; k++) buf[k] = reps[k]![t * width + col]!;
    buf.sort();
    mid[t] = quantileSorted(buf, QUANTILES[MEDIAN]);
    lo[t] = quantileSorted(buf, QUANTILES[OUTER_BAND.lo]);
    hi[t] = quantileSorted(buf, QUANTILES[OUTER_BAND.hi]);
  }
  return { mid, lo, hi };
}

/** The series of an indicator in a slot's result (computed once, then cached), or null if it has none. */
export function seriesOf(r: SlotResult, indicator: string): Series | null {
  const hit = r.cache.get(indicator);
  if (hit) return hit;
  const col = r.indicators.indexOf(indicator);
  if (col < 0) return null;
  const s = bandOf(r.reps, col, r.indicators.length, r.ticks);
  r.cache.set(indicator, s);
  return s;
}
