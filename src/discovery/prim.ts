/**
 * PRIM, the patient rule induction method (Friedman and Fisher 1999), as used for scenario
 * discovery (Bryant and Lempert 2010): find a box in input space where cases of interest
 * (failures) are concentrated.
 *
 * Peeling: starting from the box that holds all rows, every step considers, for each numeric
 * column, removing the rows below its α-quantile or above its (1 − α)-quantile within the box
 * (all rows at the extreme value when ties leave nothing to remove), and for each categorical
 * column removing one of its levels, and takes the candidate with the best objective: the
 * highest gain in density per row removed ('lenient1', the default, as in the EMA Workbench), or
 * the highest density of the remaining box ('original', Friedman and Fisher). The original
 * criterion takes large bites for small gains when a peel cannot be small: a categorical level,
 * or the top value of an integer column with few values (on the synthetic test data it peels a
 * fifth of the rows for noise and ends 15 points of density short). Peeling stops when no
 * candidate keeps the box's mass at or above minMass. Each step's box is kept: the peeling trajectory, along which coverage falls
 * and density (mostly) rises.
 *
 * Pasting: from a chosen box, repeatedly widen one limit by about pasteAlpha × n rows (the rows
 * just outside that limit and inside all others), or add one level back, while this raises the
 * density; the box found by greedy peeling is often a little too small.
 *
 * Restriction statistics: for each restricted column, the box's density and coverage without that
 * restriction, and a quasi-p-value (Bryant and Lempert 2010): the binomial probability of at least
 * as many cases of interest in the box if the restriction added nothing.
 */
import { incompleteBeta } from '../analysis/student-t.js';
import { checkNumber } from '../checks/fields.js';
import { type Box, type BoxStats, fullBox, type Limit, restrictedColumns, statsOf } from './box.js';
import { type Dataset, validateDataset } from './data.js';

export type PrimObjective = 'original' | 'lenient1';

/** Which box of the trajectory to take. */
export type BoxChoice =
  /** Largest harmonic mean of coverage and density (a balanced trade-off; our default, not from the paper). */
  | { readonly kind: 'balanced' }
  /** Highest coverage among boxes with at least this density (else the densest box). */
  | { readonly kind: 'minDensity'; readonly value: number }
  /** Highest density among boxes with at least this coverage (else the first box). */
  | { readonly kind: 'minCoverage'; readonly value: number }
  /** This step of the trajectory. */
  | { readonly kind: 'index'; readonly value: number };

export interface PrimOptions {
  /** Share of the box's rows one peel removes (default 0.05). */
  readonly alpha?: number;
  /** Share of the box's rows one paste adds (default 0.05). */
  readonly pasteAlpha?: number;
  /** Smallest share of all rows a box may hold (default 0.05). */
  readonly minMass?: number;
  /** Peeling criterion (default 'lenient1'). */
  readonly objective?: PrimObjective;
  /** Which step of the trajectory to paste and report (default balanced). */
  readonly choose?: BoxChoice;
  /** Paste the chosen box (default true). */
  readonly paste?: boolean;
}

export interface PrimStep {
  readonly box: Box;
  readonly stats: BoxStats;
  /** Indices of the restricted columns. */
  readonly restricted: readonly number[];
}

export interface RestrictionStats {
  readonly column: number;
  readonly name: string;
  /** Density and coverage of the box with this restriction dropped. */
  readonly densityWithout: number;
  readonly coverageWithout: number;
  /** Quasi-p-value: P(at least the box's cases of interest | the restriction adds nothing). */
  readonly pValue: number;
}

export interface PrimResult {
  readonly trajectory: readonly PrimStep[];
  /** Index of the chosen step. */
  readonly chosen: number;
  /** The chosen box after pasting (the chosen step's box if pasting is off or adds nothing). */
  readonly box: PrimStep;
  readonly restrictions: readonly RestrictionStats[];
}

interface Settings {
  alpha: number;
  pasteAlpha: number;
  minMass: number;
  objective: PrimObjective;
  choose: BoxChoice;
  paste: boolean;
}

function settings(opts: PrimOptions): Settings {
  const s: Settings = {
    alpha: opts.alpha ?? 0.05,
    pasteAlpha: opts.pasteAlpha ?? 0.05,
    minMass: opts.minMass ?? 0.05,
    objective: opts.objective ?? 'lenient1',
    choose: opts.choose ?? { kind: 'balanced' },
    paste: opts.paste ?? true,
  };
  for (const key of ['alpha', 'pasteAlpha', 'minMass'] as const) checkNumber(key, s[key], (x) => x > 0 && x < 1, 'a number in (0, 1)');
  if (s.objective !== 'original' && s.objective !== 'lenient1')
    throw new RangeError(`objective: found ${JSON.stringify(s.objective)}; allowed: original, lenient1`);
  return s;
}

/** Sum of y and count over rows where mask is set. */
function totals(data: Dataset, mask: Uint8Array): { n: number; y: number } {
  let n = 0;
  let y = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i]) {
      n++;
      y += data.y[i]!;
    }
  }
  return { n, y };
}

function maskOf(data: Dataset, box: Box): Uint8Array {
  const mask = new Uint8Array(data.y.length);
  for (let i = 0; i < mask.length; i++) mask[i] = violations(data, box, i) === 0 ? 1 : 0;
  return mask;
}

function violates(l: Limit, v: number): boolean {
  return l.kind === 'numeric' ? v < l.lo || v > l.hi : !l.levels.includes(v);
}

function violations(data: Dataset, box: Box, i: number): number {
  let k = 0;
  box.limits.forEach((l, j) => {
    if (violates(l, data.columns[j]!.values[i]!)) k++;
  });
  return k;
}

interface Move {
  column: number;
  limit: Limit;
  /** Rows the move removes (peel) or adds (paste). */
  rows: number[];
  dy: number;
}

function sumY(data: Dataset, rows: readonly number[]): number {
  let s = 0;
  for (const r of rows) s += data.y[r]!;
  return s;
}

/** Linear-interpolation quantile (type 7) of ascending values. */
function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Candidate peels of the box whose rows are `mask`; `orders[j]` sorts all rows by numeric column j. */
function peels(data: Dataset, box: Box, mask: Uint8Array, orders: readonly (number[] | null)[], alpha: number): Move[] {
  const moves: Move[] = [];
  data.columns.forEach((c, j) => {
    const l = box.limits[j]!;
    if (c.kind === 'numeric' && l.kind === 'numeric') {
      const rows = orders[j]!.filter((i) => mask[i]);
      if (rows.length < 2) return;
      const vals = rows.map((i) => c.values[i]!);
      if (vals[0] === vals[vals.length - 1]) return;
      // Lower peel: remove x < q; if ties leave nothing below q, remove the rows at the minimum.
      let q = quantile(vals, alpha);
      let k = 0;
      while (vals[k]! < q) k++;
      if (k === 0) {
        while (vals[k] === vals[0]) k++;
        q = vals[k]!;
      }
      moves.push({ column: j, limit: { kind: 'numeric', lo: q, hi: l.hi }, rows: rows.slice(0, k), dy: sumY(data, rows.slice(0, k)) });
      // Upper peel, symmetrically.
      q = quantile(vals, 1 - alpha);
      let m = vals.length;
      while (vals[m - 1]! > q) m--;
      if (m === vals.length) {
        const top = vals[m - 1];
        while (vals[m - 1] === top) m--;
        q = vals[m - 1]!;
      }
      moves.push({ column: j, limit: { kind: 'numeric', lo: l.lo, hi: q }, rows: rows.slice(m), dy: sumY(data, rows.slice(m)) });
    } else if (c.kind === 'categorical' && l.kind === 'categorical') {
      const byLevel = new Map<number, number[]>();
      for (let i = 0; i < mask.length; i++) {
        if (!mask[i]) continue;
        const v = c.values[i]!;
        const list = byLevel.get(v);
        if (list) list.push(i);
        else byLevel.set(v, [i]);
      }
      if (byLevel.size < 2) return;
      for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
        const rows = byLevel.get(level)!;
        moves.push({ column: j, limit: { kind: 'categorical', levels: l.levels.filter((v) => v !== level) }, rows, dy: sumY(data, rows) });
      }
    }
  });
  return moves;
}

function withLimit(box: Box, column: number, limit: Limit): Box {
  return { limits: box.limits.map((l, j) => (j === column ? limit : l)) };
}

/**
 * The peeling trajectory from `start` (default: the box holding every row). Step 0 is the start
 * box; each further step is one peel.
 */
export function primPeel(data: Dataset, opts: PrimOptions = {}, start?: Box): PrimStep[] {
  validateDataset(data);
  const s = settings(opts);
  const rows = data.y.length;
  const total = data.y.reduce((a, b) => a + b, 0);
  let box = start ?? fullBox(data);
  const mask = maskOf(data, box);
  const orders = data.columns.map((c) =>
    c.kind === 'numeric' ? Array.from({ length: rows }, (_, i) => i).sort((a, b) => c.values[a]! - c.values[b]! || a - b) : null,
  );
  let { n, y } = totals(data, mask);
  const step = (): PrimStep => ({ box, stats: statsOf(n, y, total, rows), restricted: restrictedColumns(data, box) });
  const trajectory = [step()];
  for (;;) {
    const mean = y / n;
    let best: Move | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    let bestN = -1;
    for (const m of peels(data, box, mask, orders, s.alpha)) {
      const n2 = n - m.rows.length;
      if (n2 < 1 || n2 / rows < s.minMass) continue;
      const mean2 = (y - m.dy) / n2;
      const score = s.objective === 'original' ? mean2 : (mean2 - mean) / m.rows.length;
      if (score > bestScore || (score === bestScore && n2 > bestN)) {
        best = m;
        bestScore = score;
        bestN = n2;
      }
    }
    if (!best) break;
    for (const r of best.rows) mask[r] = 0;
    n -= best.rows.length;
    y -= best.dy;
    box = withLimit(box, best.column, best.limit);
    trajectory.push(step());
  }
  return trajectory;
}

/** Candidate pastes: rows just outside one limit (inside all others), or one excluded level. */
function pastes(data: Dataset, box: Box, n: number, pasteAlpha: number): Move[] {
  const rows = data.y.length;
  // For each row outside the box by exactly one limit, that limit's column.
  const onlyOutside = new Int32Array(rows).fill(-1);
  for (let i = 0; i < rows; i++) {
    let col = -1;
    let count = 0;
    box.limits.forEach((l, j) => {
      if (violates(l, data.columns[j]!.values[i]!)) {
        count++;
        col = j;
      }
    });
    if (count === 1) onlyOutside[i] = col;
  }
  const k = Math.max(1, Math.ceil(pasteAlpha * n));
  const moves: Move[] = [];
  data.columns.forEach((c, j) => {
    const l = box.limits[j]!;
    const outside: number[] = [];
    for (let i = 0; i < rows; i++) if (onlyOutside[i] === j) outside.push(i);
    if (outside.length === 0) return;
    if (c.kind === 'numeric' && l.kind === 'numeric') {
      const below = outside.filter((i) => c.values[i]! < l.lo).sort((a, b) => c.values[b]! - c.values[a]! || a - b);
      const above = outside.filter((i) => c.values[i]! > l.hi).sort((a, b) => c.values[a]! - c.values[b]! || a - b);
      for (const [side, list] of [
        ['lo', below],
        ['hi', above],
      ] as const) {
        if (list.length === 0) continue;
        // Take the k nearest rows, and any tied with the last of them.
        let m = Math.min(k, list.length);
        const edge = c.values[list[m - 1]!]!;
        while (m < list.length && c.values[list[m]!] === edge) m++;
        const added = list.slice(0, m);
        const limit: Limit = side === 'lo' ? { kind: 'numeric', lo: edge, hi: l.hi } : { kind: 'numeric', lo: l.lo, hi: edge };
        moves.push({ column: j, limit, rows: added, dy: sumY(data, added) });
      }
    } else if (c.kind === 'categorical' && l.kind === 'categorical') {
      const levels = [...new Set(outside.map((i) => c.values[i]!))].sort((a, b) => a - b);
      for (const level of levels) {
        const added = outside.filter((i) => c.values[i] === level);
        moves.push({
          column: j,
          limit: { kind: 'categorical', levels: [...l.levels, level].sort((a, b) => a - b) },
          rows: added,
          dy: sumY(data, added),
        });
      }
    }
  });
  return moves;
}

/** Pastes a box (see the file header); returns the final box with its statistics. */
export function primPaste(data: Dataset, box: Box, opts: PrimOptions = {}): PrimStep {
  validateDataset(data);
  const s = settings(opts);
  const rows = data.y.length;
  const total = data.y.reduce((a, b) => a + b, 0);
  let { n, y } = totals(data, maskOf(data, box));
  for (;;) {
    const mean = y / n;
    let best: Move | null = null;
    let bestMean = mean;
    let bestN = n;
    for (const m of pastes(data, box, n, s.pasteAlpha)) {
      const n2 = n + m.rows.length;
      const mean2 = (y + m.dy) / n2;
      // Strictly denser, with a relative margin so that rounding cannot make a paste look better.
      if (mean2 > bestMean * (1 + 1e-12) || (best && mean2 === bestMean && n2 > bestN)) {
        best = m;
        bestMean = mean2;
        bestN = n2;
      }
    }
    if (!best) break;
    n += best.rows.length;
    y += best.dy;
    box = withLimit(box, best.column, best.limit);
  }
  return { box, stats: statsOf(n, y, total, rows), restricted: restrictedColumns(data, box) };
}

/** Index of the trajectory step a choice picks. */
export function chooseStep(trajectory: readonly PrimStep[], choice: BoxChoice): number {
  if (trajectory.length === 0) throw new RangeError('chooseStep: empty trajectory');
  const best = (score: (s: PrimStep) => number, eligible: (s: PrimStep) => boolean = () => true): number => {
    let index = -1;
    let top = Number.NEGATIVE_INFINITY;
    trajectory.forEach((s, i) => {
      const v = score(s);
      if (eligible(s) && v > top) {
        top = v;
        index = i;
      }
    });
    return index;
  };
  switch (choice.kind) {
    case 'balanced':
      return Math.max(
        0,
        best((s) => (2 * s.stats.coverage * s.stats.density) / (s.stats.coverage + s.stats.density || 1)),
      );
    case 'minDensity': {
      const i = best(
        (s) => s.stats.coverage,
        (s) => s.stats.density >= choice.value,
      );
      return i >= 0 ? i : best((s) => s.stats.density);
    }
    case 'minCoverage': {
      const i = best(
        (s) => s.stats.density,
        (s) => s.stats.coverage >= choice.value,
      );
      return i >= 0 ? i : 0;
    }
    case 'index':
      if (!Number.isInteger(choice.value) || choice.value < 0 || choice.value >= trajectory.length) {
        throw new RangeError(`choose.value: found ${choice.value}; allowed: a step from 0 to ${trajectory.length - 1}`);
      }
      return choice.value;
  }
}

/** P(X ≥ k) for X ~ Binomial(n, p), through the regularised incomplete beta function. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return incompleteBeta(p, k, n - k + 1);
}

/** Density, coverage and quasi-p-value of each restriction of a box (see the file header). */
export function restrictionStats(data: Dataset, step: PrimStep): RestrictionStats[] {
  const full = fullBox(data);
  const rows = data.y.length;
  const total = data.y.reduce((a, b) => a + b, 0);
  return step.restricted.map((j) => {
    const without = withLimit(step.box, j, full.limits[j]!);
    const { n, y } = totals(data, maskOf(data, without));
    const st = statsOf(n, y, total, rows);
    return {
      column: j,
      name: data.columns[j]!.name,
      densityWithout: st.density,
      coverageWithout: st.coverage,
      pValue: binomialUpperTail(Math.round(step.stats.interest), step.stats.n, st.density),
    };
  });
}

/** Peel, choose a step, paste it, and test its restrictions. */
export function prim(data: Dataset, opts: PrimOptions = {}): PrimResult {
  const s = settings(opts);
  const trajectory = primPeel(data, opts);
  const chosen = chooseStep(trajectory, s.choose);
  const box = s.paste ? primPaste(data, trajectory[chosen]!.box, opts) : trajectory[chosen]!;
  return { trajectory, chosen, box, restrictions: restrictionStats(data, box) };
}
