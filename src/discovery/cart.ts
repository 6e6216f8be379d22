/**
 * A CART classification tree (Breiman, Friedman, Olshen and Stone 1984) for scenario discovery:
 * binary splits that minimise the Gini impurity of the children, on numeric columns at midpoints
 * between consecutive distinct values and on categorical columns by the best subset of levels
 * (found among the prefixes of the levels ordered by their share of cases of interest, which is
 * optimal for two classes: Breiman et al. 1984, §9.4). Growth stops at maxDepth, below minSplit
 * rows, at a pure node or when no split leaves minLeaf rows on both sides; optional minimal
 * cost-complexity pruning (weakest link, with misclassification cost) with parameter ccpAlpha.
 * Every leaf is returned as a box with its coverage and density, so CART's answer reads like
 * PRIM's. The outcome y may be a share in [0, 1] (the Gini impurity of a node is 2p(1 − p) with p
 * its mean y), so it needs no thresholding.
 *
 * Written here rather than taken from ml-cart 2.1 (the npm candidate): that library has no
 * categorical splits, pruning or per-leaf paths, which are what scenario discovery needs, and its
 * tree would need as much code again to turn into boxes.
 */
import { checkNumber } from '../checks/fields.js';
import { type Box, type BoxStats, fullBox, type Limit, restrictedColumns, statsOf } from './box.js';
import { type Dataset, validateDataset } from './data.js';

export interface CartOptions {
  /** Deepest split level (default 4). */
  readonly maxDepth?: number;
  /** Fewest rows in a leaf (default 5). */
  readonly minLeaf?: number;
  /** Fewest rows in a node that may be split (default 2 minLeaf). */
  readonly minSplit?: number;
  /** Cost-complexity parameter: prune subtrees whose cost per leaf saved is at most this (default 0: no pruning). */
  readonly ccpAlpha?: number;
}

export type Split =
  | { readonly kind: 'numeric'; readonly column: number; readonly threshold: number }
  | { readonly kind: 'categorical'; readonly column: number; readonly left: readonly number[] };

export interface TreeNode {
  readonly box: Box;
  readonly stats: BoxStats;
  readonly depth: number;
  /** Present on internal nodes: rows with x ≤ threshold (or a level in `left`) go left. */
  readonly split?: Split;
  readonly left?: TreeNode;
  readonly right?: TreeNode;
}

export interface Leaf {
  readonly box: Box;
  readonly stats: BoxStats;
  readonly restricted: readonly number[];
  readonly depth: number;
}

export interface CartResult {
  readonly root: TreeNode;
  /** Leaves from left to right; they partition the rows. */
  readonly leaves: readonly Leaf[];
}

interface Settings {
  maxDepth: number;
  minLeaf: number;
  minSplit: number;
  ccpAlpha: number;
}

function settings(o: CartOptions): Settings {
  const minLeaf = o.minLeaf ?? 5;
  const s = { maxDepth: o.maxDepth ?? 4, minLeaf, minSplit: o.minSplit ?? 2 * minLeaf, ccpAlpha: o.ccpAlpha ?? 0 };
  checkNumber('maxDepth', s.maxDepth, (x) => Number.isInteger(x) && x >= 0, 'an integer ≥ 0');
  checkNumber('minLeaf', s.minLeaf, (x) => Number.isInteger(x) && x >= 1, 'an integer ≥ 1');
  checkNumber('minSplit', s.minSplit, (x) => Number.isInteger(x) && x >= 2, 'an integer ≥ 2');
  checkNumber('ccpAlpha', s.ccpAlpha, (x) => x >= 0 && Number.isFinite(x), 'a finite number ≥ 0');
  return s;
}

/** n · 2p(1 − p): the Gini impurity of a node weighted by its size, from its row count and Σy. */
function weightedGini(n: number, y: number): number {
  if (n === 0) return 0;
  const p = y / n;
  return 2 * n * p * (1 - p);
}

interface Candidate {
  split: Split;
  cost: number;
}

function bestSplit(data: Dataset, rows: readonly number[], s: Settings): Candidate | null {
  const n = rows.length;
  let total = 0;
  for (const r of rows) total += data.y[r]!;
  let best: Candidate | null = null;
  const consider = (split: Split, nl: number, yl: number) => {
    if (nl < s.minLeaf || n - nl < s.minLeaf) return;
    const cost = weightedGini(nl, yl) + weightedGini(n - nl, total - yl);
    // Strictly better only (with a relative margin against rounding), so ties go to the first column and threshold.
    if (!best || cost < best.cost * (1 - 1e-12)) best = { split, cost };
  };
  data.columns.forEach((c, j) => {
    if (c.kind === 'numeric') {
      const sorted = rows.slice().sort((a, b) => c.values[a]! - c.values[b]! || a - b);
      let yl = 0;
      for (let k = 0; k < n - 1; k++) {
        yl += data.y[sorted[k]!]!;
        const v = c.values[sorted[k]!]!;
        const next = c.values[sorted[k + 1]!]!;
        if (next > v) consider({ kind: 'numeric', column: j, threshold: (v + next) / 2 }, k + 1, yl);
      }
    } else {
      const count = new Map<number, { n: number; y: number }>();
      for (const r of rows) {
        const v = c.values[r]!;
        const e = count.get(v) ?? { n: 0, y: 0 };
        e.n++;
        e.y += data.y[r]!;
        count.set(v, e);
      }
      const levels = [...count.keys()].sort((a, b) => count.get(a)!.y / count.get(a)!.n - count.get(b)!.y / count.get(b)!.n || a - b);
      let nl = 0;
      let yl = 0;
      for (let k = 0; k < levels.length - 1; k++) {
        const e = count.get(levels[k]!)!;
        nl += e.n;
        yl += e.y;
        consider({ kind: 'categorical', column: j, left: levels.slice(0, k + 1).sort((a, b) => a - b) }, nl, yl);
      }
    }
  });
  return best;
}

function goesLeft(data: Dataset, split: Split, r: number): boolean {
  const v = data.columns[split.column]!.values[r]!;
  return split.kind === 'numeric' ? v <= split.threshold : split.left.includes(v);
}

function childLimits(box: Box, split: Split, side: 'left' | 'right'): Box {
  return {
    limits: box.limits.map((l, j): Limit => {
      if (j !== split.column) return l;
      if (split.kind === 'numeric' && l.kind === 'numeric') {
        return side === 'left'
          ? { kind: 'numeric', lo: l.lo, hi: Math.min(l.hi, split.threshold) }
          : { kind: 'numeric', lo: Math.max(l.lo, split.threshold), hi: l.hi };
      }
      if (split.kind === 'categorical' && l.kind === 'categorical') {
        return { kind: 'categorical', levels: l.levels.filter((v) => split.left.includes(v) === (side === 'left')) };
      }
      throw new Error(`column ${j}: split and limit kinds differ`);
    }),
  };
}

/** Grows (and optionally prunes) a tree; see the file header. */
export function cart(data: Dataset, opts: CartOptions = {}): CartResult {
  validateDataset(data);
  const s = settings(opts);
  const rowsTotal = data.y.length;
  const total = data.y.reduce((a, b) => a + b, 0);
  const grow = (rows: number[], box: Box, depth: number): TreeNode => {
    let y = 0;
    for (const r of rows) y += data.y[r]!;
    const stats = statsOf(rows.length, y, total, rowsTotal);
    const pure = y === 0 || y === rows.length;
    if (depth >= s.maxDepth || rows.length < s.minSplit || pure) return { box, stats, depth };
    const cand = bestSplit(data, rows, s);
    if (!cand || cand.cost >= weightedGini(rows.length, y) * (1 - 1e-12)) return { box, stats, depth };
    const split = cand.split;
    const left = rows.filter((r) => goesLeft(data, split, r));
    const right = rows.filter((r) => !goesLeft(data, split, r));
    return {
      box,
      stats,
      depth,
      split,
      left: grow(left, childLimits(box, split, 'left'), depth + 1),
      right: grow(right, childLimits(box, split, 'right'), depth + 1),
    };
  };
  let root = grow(
    Array.from({ length: rowsTotal }, (_, i) => i),
    fullBox(data),
    0,
  );
  if (s.ccpAlpha > 0) root = prune(root, s.ccpAlpha, rowsTotal);
  return { root, leaves: leavesOf(data, root) };
}

/** Resubstitution misclassification cost of a node as a leaf, as a share of all rows. */
function leafCost(node: TreeNode, rows: number): number {
  const { n, interest } = node.stats;
  return Math.min(interest, n - interest) / rows;
}

function subtree(node: TreeNode, rows: number): { cost: number; leaves: number } {
  if (!node.split) return { cost: leafCost(node, rows), leaves: 1 };
  const l = subtree(node.left!, rows);
  const r = subtree(node.right!, rows);
  return { cost: l.cost + r.cost, leaves: l.leaves + r.leaves };
}

/**
 * Minimal cost-complexity pruning (Breiman et al. 1984, ch. 3): repeatedly collapse the internal
 * nodes with the smallest g(t) = (R(t) − R(T_t)) / (|leaves(T_t)| − 1) while g ≤ alpha.
 */
export function prune(root: TreeNode, alpha: number, rows: number): TreeNode {
  for (;;) {
    let weakest = Number.POSITIVE_INFINITY;
    const visit = (node: TreeNode) => {
      if (!node.split) return;
      const st = subtree(node, rows);
      weakest = Math.min(weakest, (leafCost(node, rows) - st.cost) / (st.leaves - 1));
      visit(node.left!);
      visit(node.right!);
    };
    visit(root);
    if (!(weakest <= alpha)) return root;
    const collapse = (node: TreeNode): TreeNode => {
      if (!node.split) return node;
      const st = subtree(node, rows);
      const g = (leafCost(node, rows) - st.cost) / (st.leaves - 1);
      if (g <= weakest + 1e-15) return { box: node.box, stats: node.stats, depth: node.depth };
      return { ...node, left: collapse(node.left!), right: collapse(node.right!) };
    };
    root = collapse(root);
  }
}

function leavesOf(data: Dataset, root: TreeNode): Leaf[] {
  const out: Leaf[] = [];
  const walk = (node: TreeNode) => {
    if (node.split) {
      walk(node.left!);
      walk(node.right!);
    } else {
      out.push({ box: node.box, stats: node.stats, restricted: restrictedColumns(data, node.box), depth: node.depth });
    }
  };
  walk(root);
  return out;
}
