import { describe, expect, it } from 'vitest';
import { SlottedGraph } from '../../src/engine/graph.js';
import { Rng } from '../../src/engine/rng.js';

function neighbourSet(g: SlottedGraph, i: number): Set<number> {
  return new Set(g.neighbors.subarray(g.offsets[i]!, g.offsets[i]! + g.degree[i]!));
}

/** Set-based reference model of an undirected capacity-limited simple graph. */
class Reference {
  readonly adj: Set<number>[];
  constructor(readonly caps: Int32Array) {
    this.adj = Array.from(caps, () => new Set<number>());
  }
  add(a: number, b: number): boolean {
    const A = this.adj[a]!;
    const B = this.adj[b]!;
    if (a === b || A.has(b) || A.size >= this.caps[a]! || B.size >= this.caps[b]!) return false;
    A.add(b);
    B.add(a);
    return true;
  }
  remove(a: number, b: number): boolean {
    if (!this.adj[a]!.has(b)) return false;
    this.adj[a]!.delete(b);
    this.adj[b]!.delete(a);
    return true;
  }
  clear(a: number): number {
    const k = this.adj[a]!.size;
    for (const b of this.adj[a]!) this.adj[b]!.delete(a);
    this.adj[a]!.clear();
    return k;
  }
  edges(): number {
    return this.adj.reduce((s, x) => s + x.size, 0) / 2;
  }
}

describe('SlottedGraph', () => {
  it('lays out slots from the capacities', () => {
    const g = new SlottedGraph(new Int32Array([2, 0, 3]));
    expect(g.n).toBe(3);
    expect(Array.from(g.offsets)).toEqual([0, 2, 2, 5]);
    expect(g.neighbors.length).toBe(5);
    expect([g.capacity(0), g.capacity(1), g.capacity(2)]).toEqual([2, 0, 3]);
    expect(SlottedGraph.uniform(4, 3).neighbors.length).toBe(12);
    expect(() => new SlottedGraph(new Int32Array([1, -1]))).toThrow(RangeError);
  });

  it('matches a Set-based reference over random add/remove/clear sequences', () => {
    for (const seed of ['g1', 'g2', 'g3']) {
      const rng = new Rng(seed);
      const n = 25;
      const caps = Int32Array.from({ length: n }, () => rng.int(7));
      const g = new SlottedGraph(caps);
      const ref = new Reference(caps);
      for (let step = 0; step < 6000; step++) {
        const a = rng.int(n);
        const b = rng.int(n);
        const op = rng.next();
        if (op < 0.55) expect(g.addEdge(a, b)).toBe(ref.add(a, b));
        else if (op < 0.95) expect(g.removeEdge(a, b)).toBe(ref.remove(a, b));
        else expect(g.clearNode(a)).toBe(ref.clear(a));
        expect(g.hasEdge(a, b)).toBe(ref.adj[a]!.has(b));
        expect(g.hasEdge(b, a)).toBe(ref.adj[a]!.has(b));
        expect(g.edgeCount()).toBe(ref.edges());
        if (step % 100 === 0) expect(g.checkConsistency()).toBeNull();
      }
      expect(g.checkConsistency()).toBeNull();
      for (let i = 0; i < n; i++) {
        expect(neighbourSet(g, i)).toEqual(ref.adj[i]);
        expect(g.degree[i]).toBe(ref.adj[i]!.size);
      }
      expect(g.edgeCount()).toBeGreaterThan(0);
    }
  });

  it('rejects self loops, duplicates and absent removals', () => {
    const g = SlottedGraph.uniform(3, 2);
    expect(g.addEdge(1, 1)).toBe(false);
    expect(g.addEdge(0, 1)).toBe(true);
    expect(g.addEdge(1, 0)).toBe(false);
    expect(g.edgeCount()).toBe(1);
    expect(g.removeEdge(0, 2)).toBe(false);
    expect(g.removeEdge(1, 0)).toBe(true);
    expect(g.removeEdge(0, 1)).toBe(false);
    expect(g.edgeCount()).toBe(0);
    expect(g.checkConsistency()).toBeNull();
  });

  it('enforces capacity on both endpoints', () => {
    const g = new SlottedGraph(new Int32Array([2, 5, 5, 5, 0]));
    expect(g.addEdge(0, 1)).toBe(true);
    expect(g.addEdge(0, 2)).toBe(true);
    expect(g.addEdge(0, 3)).toBe(false); // 0 is full
    expect(g.addEdge(3, 0)).toBe(false);
    expect(g.addEdge(1, 4)).toBe(false); // 4 has no slots
    expect(g.degree[3]).toBe(0);
    expect(g.removeEdge(0, 1)).toBe(true);
    expect(g.addEdge(3, 0)).toBe(true); // a freed slot is reusable
    expect(neighbourSet(g, 0)).toEqual(new Set([2, 3]));
    expect(g.checkConsistency()).toBeNull();
  });

  it('clearNode removes every edge of a node from both sides', () => {
    const g = SlottedGraph.uniform(5, 4);
    for (const b of [1, 2, 3]) g.addEdge(0, b);
    g.addEdge(1, 2);
    expect(g.clearNode(0)).toBe(3);
    expect(g.degree[0]).toBe(0);
    for (const b of [1, 2, 3]) expect(g.hasEdge(b, 0)).toBe(false);
    expect(g.hasEdge(1, 2)).toBe(true);
    expect(g.edgeCount()).toBe(1);
    expect(g.clearNode(0)).toBe(0);
    expect(g.checkConsistency()).toBeNull();
  });

  it('checkConsistency reports corruption', () => {
    const g = SlottedGraph.uniform(4, 3);
    g.addEdge(0, 1);
    g.addEdge(0, 2);
    g.neighbors[g.offsets[0]!] = 3; // 0 now lists 3, but 3 does not list 0
    expect(g.checkConsistency()).toMatch(/not symmetric/);

    const h = SlottedGraph.uniform(3, 3);
    h.addEdge(0, 1);
    h.neighbors[h.offsets[0]!] = 0;
    expect(h.checkConsistency()).toMatch(/self loop/);

    const k = SlottedGraph.uniform(3, 3);
    k.addEdge(0, 1);
    k.addEdge(0, 2);
    k.neighbors[k.offsets[0]! + 1] = 1;
    expect(k.checkConsistency()).toMatch(/duplicate/);

    const c = SlottedGraph.uniform(3, 3);
    c.addEdge(0, 1);
    c.degree[2] = 4;
    expect(c.checkConsistency()).toMatch(/degree/);
  });

  it('throws on out-of-range nodes instead of corrupting state', () => {
    const g = SlottedGraph.uniform(3, 2);
    expect(() => g.addEdge(0, 3)).toThrow(RangeError);
    expect(() => g.removeEdge(-1, 0)).toThrow(RangeError);
    expect(() => g.clearNode(3)).toThrow(RangeError);
    expect(() => g.hasEdge(0, 1.5)).toThrow(RangeError);
    expect(g.edgeCount()).toBe(0);
  });
});
