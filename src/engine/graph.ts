// Undirected graph in "slotted CSR": node i owns the fixed slice [offsets[i], offsets[i+1]) of one
// shared neighbour array, with its live neighbours packed at the front. Edges can be added and
// removed in O(degree) with no reallocation, and iterating a node's neighbours is a contiguous scan.
// Neighbour order within a slice is not stable (removal swaps in the last entry).

import { CLONE } from './clone.js';

export class SlottedGraph {
  readonly n: number;
  /** Length n+1; node i's slots are [offsets[i], offsets[i+1]). */
  readonly offsets: Int32Array;
  /** Live neighbours of i are neighbors[offsets[i] .. offsets[i]+degree[i]). */
  readonly degree: Int32Array;
  readonly neighbors: Int32Array;
  private edges = 0;

  /** `capacities[i]` is the maximum degree of node i (non-negative integers). */
  constructor(capacities: Int32Array) {
    const n = capacities.length;
    this.n = n;
    this.offsets = new Int32Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const c = capacities[i]!;
      if (c < 0) throw new RangeError(`SlottedGraph: capacity of node ${i} is negative (${c})`);
      total += c;
      if (total > 0x7fffffff) throw new RangeError('SlottedGraph: total capacity exceeds 2^31-1');
      this.offsets[i + 1] = total;
    }
    this.degree = new Int32Array(n);
    this.neighbors = new Int32Array(total);
  }

  /** The same graph, with its own arrays (engine/clone.ts). */
  [CLONE](): SlottedGraph {
    const caps = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) caps[i] = this.offsets[i + 1]! - this.offsets[i]!;
    const g = new SlottedGraph(caps);
    g.degree.set(this.degree);
    g.neighbors.set(this.neighbors);
    g.edges = this.edges;
    return g;
  }

  static uniform(n: number, capacity: number): SlottedGraph {
    return new SlottedGraph(new Int32Array(n).fill(capacity));
  }

  capacity(i: number): number {
    return this.offsets[i + 1]! - this.offsets[i]!;
  }

  /** Scans the smaller of the two neighbour lists. */
  hasEdge(a: number, b: number): boolean {
    this.check(a);
    this.check(b);
    return this.degree[a]! <= this.degree[b]! ? this.find(a, b) >= 0 : this.find(b, a) >= 0;
  }

  /** Returns false (and changes nothing) if a===b, the edge exists, or either node is full. */
  addEdge(a: number, b: number): boolean {
    this.check(a);
    this.check(b);
    if (a === b) return false;
    const da = this.degree[a]!;
    const db = this.degree[b]!;
    if (da >= this.capacity(a) || db >= this.capacity(b)) return false;
    if (da <= db ? this.find(a, b) >= 0 : this.find(b, a) >= 0) return false;
    this.neighbors[this.offsets[a]! + da] = b;
    this.neighbors[this.offsets[b]! + db] = a;
    this.degree[a] = da + 1;
    this.degree[b] = db + 1;
    this.edges++;
    return true;
  }

  /** Swap-with-last removal on both sides; false if the edge is absent. */
  removeEdge(a: number, b: number): boolean {
    this.check(a);
    this.check(b);
    const ia = this.find(a, b);
    if (ia < 0) return false;
    this.removeAt(a, ia);
    this.removeAt(b, this.find(b, a));
    this.edges--;
    return true;
  }

  /** Removes all of a's edges (from both endpoints); returns how many were removed. */
  clearNode(a: number): number {
    this.check(a);
    const start = this.offsets[a]!;
    const k = this.degree[a]!;
    for (let s = start; s < start + k; s++) {
      const b = this.neighbors[s]!;
      this.removeAt(b, this.find(b, a));
    }
    this.degree[a] = 0;
    this.edges -= k;
    return k;
  }

  /** Maintained counter, O(1). */
  edgeCount(): number {
    return this.edges;
  }

  /** Full invariant check (allocates; for tests and debugging): null if consistent, else a message. */
  checkConsistency(): string | null {
    const { n, offsets, degree, neighbors } = this;
    const seen = new Int32Array(n).fill(-1); // seen[j] === i  ⇔  j already listed for node i
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const d = degree[i]!;
      if (d < 0 || d > this.capacity(i)) return `node ${i}: degree ${d} outside [0, ${this.capacity(i)}]`;
      sum += d;
      for (let s = offsets[i]!; s < offsets[i]! + d; s++) {
        const j = neighbors[s]!;
        if (j < 0 || j >= n) return `node ${i}: neighbour ${j} out of range`;
        if (j === i) return `node ${i}: self loop`;
        if (seen[j] === i) return `node ${i}: duplicate neighbour ${j}`;
        seen[j] = i;
        if (this.find(j, i) < 0) return `edge ${i}-${j} is not symmetric`;
      }
    }
    if (sum !== 2 * this.edges) return `edge counter ${this.edges} but degrees sum to ${sum}`;
    return null;
  }

  /** Slot index of b in a's live slice, or -1. */
  private find(a: number, b: number): number {
    const start = this.offsets[a]!;
    const end = start + this.degree[a]!;
    for (let s = start; s < end; s++) if (this.neighbors[s] === b) return s;
    return -1;
  }

  /** Removes slot s of node a by moving a's last live neighbour into it. */
  private removeAt(a: number, s: number): void {
    const last = this.offsets[a]! + this.degree[a]! - 1;
    this.neighbors[s] = this.neighbors[last]!;
    this.degree[a] = this.degree[a]! - 1;
  }

  // Typed arrays silently ignore out-of-range writes, which would corrupt the edge counter.
  private check(i: number): void {
    if (!(i >= 0 && i < this.n && Number.isInteger(i))) {
      throw new RangeError(`SlottedGraph: node ${i} out of range [0, ${this.n})`);
    }
  }
}
