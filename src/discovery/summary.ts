/**
 * A discovery in plain language: the failure rate, the PRIM box (chosen step, pasted) with its
 * restrictions' quasi-p-values, the peeling trajectory as rows, and CART's leaves where failures
 * are denser than overall, densest first ("fails mostly when …: 78 % of failures, density 64 %").
 */
import { fmt, pct } from '../engine/format.js';
import { describeBox, englishBoxWords } from './box.js';
import type { Column } from './data.js';
import type { DiscoverResult } from './run.js';

/**
 * A box limit as the findings print it: whole numbers for integer conditions, two decimals for
 * shares and strengths, and about three significant digits for a small parameter (a rate of
 * 0.00394 would otherwise read "0.00").
 */
export function limitText(x: number, c: Column): string {
  if (c.kind === 'numeric' && c.integer) return String(Math.round(x));
  return Math.abs(x) >= 0.1 || x === 0 ? fmt(x, 2) : fmt(x);
}

const describeOpts = { words: englishBoxWords('failures'), number: limitText, share: (x: number) => pct(x) };

export interface DiscoverSummary {
  /** Share of all runs that failed. */
  readonly failureRate: number;
  readonly primBox: string | null;
  readonly primRestrictions: readonly string[];
  readonly trajectory: readonly { step: number; coverage: number; density: number; mass: number; restricted: string; chosen: boolean }[];
  readonly cartLeaves: readonly string[];
}

export function discoverSummary(r: DiscoverResult): DiscoverSummary {
  const { data } = r;
  const failureRate = data.y.reduce((a, b) => a + b, 0) / data.y.length;
  const names = (cols: readonly number[]) => cols.map((j) => data.columns[j]!.name).join(', ');
  const p = r.prim;
  return {
    failureRate,
    primBox: p ? `fails mostly when ${describeBox(data, p.box.box, p.box.stats, describeOpts)}` : null,
    primRestrictions: p
      ? p.restrictions.map(
          (x) =>
            `${x.name}: without it density ${pct(x.densityWithout)}, coverage ${pct(x.coverageWithout)}; quasi-p ${x.pValue < 1e-4 ? x.pValue.toExponential(1) : fmt(x.pValue, 4)}`,
        )
      : [],
    trajectory: p
      ? p.trajectory.map((s, i) => ({
          step: i,
          coverage: s.stats.coverage,
          density: s.stats.density,
          mass: s.stats.mass,
          restricted: names(s.restricted),
          chosen: i === p.chosen,
        }))
      : [],
    cartLeaves: r.cart.leaves
      .filter((l) => l.stats.density > failureRate && l.stats.interest > 0)
      .sort((a, b) => b.stats.density - a.stats.density || b.stats.coverage - a.stats.coverage)
      .map((l) => describeBox(data, l.box, l.stats, describeOpts)),
  };
}
