// CART: recovery of a known box as a leaf, leaves partitioning the data, split choices and pruning.
import { describe, expect, it } from 'vitest';
import { boxStats, type CartResult, cart, type Dataset, inBox, type TreeNode } from '../../src/discovery/index.js';
import { synthetic, trueBox } from './synthetic.js';

const data = synthetic(2000, 'cart');
const truth = boxStats(data, trueBox(data));

function countLeaves(node: TreeNode): number {
  return node.split ? countLeaves(node.left!) + countLeaves(node.right!) : 1;
}

describe('CART recovers a known box', () => {
  const tree = cart(data, { maxDepth: 4, minLeaf: 20 });
  const densest = tree.leaves.slice().sort((a, b) => b.stats.density - a.stats.density)[0]!;

  it('has a leaf within 0.05 of the true box, with its coverage and density', () => {
    expect(densest.restricted.map((j) => data.columns[j]!.name)).toEqual(['x1', 'x2', 'mechanism']);
    const [x1, x2] = densest.box.limits;
    if (x1?.kind !== 'numeric' || x2?.kind !== 'numeric') throw new Error('numeric limits expected');
    expect(Math.abs(x1.lo - 0.2)).toBeLessThan(0.05);
    expect(Math.abs(x1.hi - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(x2.hi - 0.5)).toBeLessThan(0.05);
    expect(densest.box.limits[6]).toEqual({ kind: 'categorical', levels: [0, 1] });
    expect(Math.abs(densest.stats.coverage - truth.coverage)).toBeLessThan(0.05);
    expect(Math.abs(densest.stats.density - truth.density)).toBeLessThan(0.05);
  });

  it('has leaves that partition the rows, with stats that match their boxes', () => {
    checkPartition(data, tree);
  });
});

function checkPartition(d: Dataset, tree: CartResult): void {
  let n = 0;
  let coverage = 0;
  for (const leaf of tree.leaves) {
    expect(leaf.stats).toEqual(boxStats(d, leaf.box));
    n += leaf.stats.n;
    coverage += leaf.stats.coverage;
  }
  expect(n).toBe(d.y.length);
  expect(coverage).toBeCloseTo(1, 12);
  for (let i = 0; i < d.y.length; i++) expect(tree.leaves.filter((l) => inBox(d, l.box, i)).length).toBe(1);
}

describe('CART splits and pruning', () => {
  it('splits a numeric column at the midpoint that separates the classes', () => {
    const d: Dataset = { columns: [{ kind: 'numeric', name: 'v', values: [1, 2, 3, 10, 11, 12] }], y: [0, 0, 0, 1, 1, 1] };
    const t = cart(d, { minLeaf: 1 });
    expect(t.root.split).toEqual({ kind: 'numeric', column: 0, threshold: 6.5 });
    expect(t.leaves.map((l) => l.stats.density)).toEqual([0, 1]);
  });

  it('groups categorical levels by their share of cases', () => {
    const levels = ['p', 'q', 'r', 's'];
    const values = [0, 0, 1, 1, 2, 2, 3, 3];
    const d: Dataset = { columns: [{ kind: 'categorical', name: 'c', values, levels }], y: [1, 1, 0, 0, 1, 1, 0, 0] };
    const t = cart(d, { minLeaf: 1 });
    expect(t.root.split).toEqual({ kind: 'categorical', column: 0, left: [1, 3] });
    expect(t.leaves.map((l) => l.stats.density)).toEqual([0, 1]);
  });

  it('respects maxDepth and minLeaf, and pruning shrinks the tree as alpha grows', () => {
    const full = cart(data, { maxDepth: 6, minLeaf: 10 });
    for (const l of full.leaves) {
      expect(l.depth).toBeLessThanOrEqual(6);
      expect(l.stats.n).toBeGreaterThanOrEqual(10);
    }
    let last = countLeaves(full.root);
    for (const ccpAlpha of [0.0005, 0.002, 0.01, 0.5]) {
      const pruned = cart(data, { maxDepth: 6, minLeaf: 10, ccpAlpha });
      const leaves = countLeaves(pruned.root);
      expect(leaves).toBeLessThanOrEqual(last);
      checkPartition(data, pruned);
      last = leaves;
    }
    expect(last).toBe(1);
    // Moderate pruning keeps the box of interest.
    const kept = cart(data, { maxDepth: 6, minLeaf: 10, ccpAlpha: 0.002 });
    expect(Math.max(...kept.leaves.map((l) => l.stats.density))).toBeGreaterThan(0.8);
  });

  it('rejects bad options with messages that name the field', () => {
    expect(() => cart(data, { minLeaf: 0 })).toThrow(/minLeaf: found 0; allowed: an integer ≥ 1/);
    expect(() => cart(data, { ccpAlpha: -1 })).toThrow(/ccpAlpha: found -1/);
  });
});
