/**
 * Boxes: conjunctions of one limit per input column (a closed interval for a numeric column, a
 * set of allowed levels for a categorical one), what PRIM finds and what a CART leaf is. A limit
 * restricts its column when it excludes part of the column's observed range or levels. Plain
 * data, so boxes can be stored and compared.
 */
import type { Column, Dataset } from './data.js';

export type Limit =
  | { readonly kind: 'numeric'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'categorical'; readonly levels: readonly number[] };

export interface Box {
  readonly limits: readonly Limit[];
}

export interface BoxStats {
  /** Rows in the box. */
  readonly n: number;
  /** Σ y over the rows in the box (the cases of interest it holds). */
  readonly interest: number;
  /** Share of all cases of interest that fall in the box: interest / Σ y. */
  readonly coverage: number;
  /** Share of the box's rows that are of interest: interest / n (NaN for an empty box). */
  readonly density: number;
  /** Share of all rows that fall in the box: n / N. */
  readonly mass: number;
}

function range(values: readonly number[]): { lo: number; hi: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { lo, hi };
}

/** The box that holds every row: each numeric column's observed range, every level. */
export function fullBox(data: Dataset): Box {
  return {
    limits: data.columns.map(
      (c): Limit =>
        c.kind === 'numeric' ? { kind: 'numeric', ...range(c.values) } : { kind: 'categorical', levels: c.levels.map((_, i) => i) },
    ),
  };
}

/** Whether row i of the data lies in the box. */
export function inBox(data: Dataset, box: Box, i: number): boolean {
  for (let j = 0; j < box.limits.length; j++) {
    const l = box.limits[j]!;
    const v = data.columns[j]!.values[i]!;
    if (l.kind === 'numeric' ? v < l.lo || v > l.hi : !l.levels.includes(v)) return false;
  }
  return true;
}

/** Coverage, density and mass of a box on the data. */
export function boxStats(data: Dataset, box: Box): BoxStats {
  let n = 0;
  let interest = 0;
  let total = 0;
  for (let i = 0; i < data.y.length; i++) {
    total += data.y[i]!;
    if (inBox(data, box, i)) {
      n++;
      interest += data.y[i]!;
    }
  }
  return statsOf(n, interest, total, data.y.length);
}

export function statsOf(n: number, interest: number, totalInterest: number, rows: number): BoxStats {
  return {
    n,
    interest,
    coverage: totalInterest > 0 ? interest / totalInterest : Number.NaN,
    density: n > 0 ? interest / n : Number.NaN,
    mass: n / rows,
  };
}

/** Indices of the columns the box restricts relative to the observed data. */
export function restrictedColumns(data: Dataset, box: Box): number[] {
  const full = fullBox(data);
  const out: number[] = [];
  box.limits.forEach((l, j) => {
    const f = full.limits[j]!;
    if (l.kind === 'numeric' && f.kind === 'numeric') {
      if (l.lo > f.lo || l.hi < f.hi) out.push(j);
    } else if (l.kind === 'categorical' && f.kind === 'categorical') {
      // Only levels that occur in the data count: excluding an unobserved level restricts nothing.
      const present = new Set(data.columns[j]!.values);
      if ([...present].some((v) => !l.levels.includes(v))) out.push(j);
    }
  });
  return out;
}

/** Words for {@link describeBox}, so the description can be in any language. */
export interface BoxWords {
  readonly and: string;
  readonly atLeast: (name: string, value: string) => string;
  readonly atMost: (name: string, value: string) => string;
  readonly between: (name: string, lo: string, hi: string) => string;
  readonly equals: (name: string, value: string) => string;
  readonly oneOf: (name: string, values: readonly string[]) => string;
  /** The box's conditions, its coverage and its density, already formatted. */
  readonly summary: (conditions: string, coverage: string, density: string) => string;
  /** The conditions of a box that restricts nothing. */
  readonly anywhere: string;
}

/** English words; `cases` names the cases of interest ("failures"). */
export function englishBoxWords(cases = 'cases'): BoxWords {
  return {
    and: ' and ',
    atLeast: (n, v) => `${n} ≥ ${v}`,
    atMost: (n, v) => `${n} ≤ ${v}`,
    between: (n, lo, hi) => `${lo} ≤ ${n} ≤ ${hi}`,
    equals: (n, v) => `${n} = ${v}`,
    oneOf: (n, vs) => `${n} is one of ${vs.join(', ')}`,
    summary: (c, cov, dens) => `${c}: ${cov} of ${cases}, density ${dens}`,
    anywhere: 'anywhere',
  };
}

export interface DescribeOptions {
  readonly words: BoxWords;
  /** Formats a bound of a numeric column (integer columns get whole numbers from their own formatter too). */
  readonly number: (x: number, column: Column) => string;
  /** Formats a share in [0, 1], e.g. (x) => `${Math.round(100 * x)} %`. */
  readonly share: (x: number) => string;
}

/**
 * A box in plain language, e.g. "politicalBacking ≤ 0.4 and layers = 5: 78 % of failures,
 * density 64 %". Only restricted columns appear; integer columns are stated on whole numbers
 * (a limit of 3.5 to 5 reads "≥ 4"), so one integer value reads "= 5".
 */
export function describeBox(data: Dataset, box: Box, stats: BoxStats, opts: DescribeOptions): string {
  const { words } = opts;
  const full = fullBox(data);
  const parts = restrictedColumns(data, box).map((j) => {
    const c = data.columns[j]!;
    const l = box.limits[j]!;
    const f = full.limits[j]!;
    if (c.kind === 'categorical' && l.kind === 'categorical') {
      const present = new Set(c.values);
      const names = l.levels.filter((v) => present.has(v)).map((v) => c.levels[v]!);
      return names.length === 1 ? words.equals(c.name, names[0]!) : words.oneOf(c.name, names);
    }
    if (l.kind !== 'numeric' || f.kind !== 'numeric') throw new Error(`column ${c.name}: limit and column kinds differ`);
    let lo = l.lo;
    let hi = l.hi;
    if (c.kind === 'numeric' && c.integer) {
      lo = Math.ceil(lo);
      hi = Math.floor(hi);
    }
    const fmt = (x: number) => opts.number(x, c);
    const loRestricted = lo > f.lo;
    const hiRestricted = hi < f.hi;
    if (c.kind === 'numeric' && c.integer && lo === hi) return words.equals(c.name, fmt(lo));
    if (loRestricted && hiRestricted) return words.between(c.name, fmt(lo), fmt(hi));
    return loRestricted ? words.atLeast(c.name, fmt(lo)) : words.atMost(c.name, fmt(hi));
  });
  const conditions = parts.length > 0 ? parts.join(words.and) : words.anywhere;
  return words.summary(conditions, opts.share(stats.coverage), opts.share(stats.density));
}
