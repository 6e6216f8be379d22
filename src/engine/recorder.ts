// Time-series storage for observers: one Float64Array allocated up front, so recording a tick
// never allocates. NaN marks "not recorded".

import { CLONE } from './clone.js';

export class Recorder<N extends string> {
  readonly names: readonly N[];
  readonly ticks: number;
  readonly width: number;
  /** Row-major: data[tick * width + col]; initialised to NaN. */
  readonly data: Float64Array;
  private readonly cols = new Map<string, number>();

  /** The same columns and rows, with its own data (engine/clone.ts). */
  [CLONE](): Recorder<N> {
    const r = new Recorder<N>(this.names, this.ticks);
    r.data.set(this.data);
    return r;
  }

  constructor(names: readonly N[], ticks: number) {
    if (!Number.isInteger(ticks) || ticks < 0) {
      throw new RangeError(`Recorder: ticks must be a non-negative integer (got ${ticks})`);
    }
    names.forEach((name, i) => {
      if (this.cols.has(name)) throw new Error(`Recorder: duplicate column "${name}"`);
      this.cols.set(name, i);
    });
    this.names = Object.freeze(names.slice());
    this.ticks = ticks;
    this.width = names.length;
    this.data = new Float64Array(ticks * this.width).fill(Number.NaN);
  }

  /** Column index of `name`; resolve once, outside the tick loop. Throws on unknown names. */
  index(name: N): number {
    const i = this.cols.get(name);
    if (i === undefined) throw new Error(`Recorder: unknown column "${name}"`);
    return i;
  }

  set(tick: number, col: number, v: number): void {
    this.data[this.at(tick, col)] = v;
  }

  get(tick: number, col: number): number {
    return this.data[this.at(tick, col)]!;
  }

  /** A copy of one column, length `ticks`. */
  column(name: N): Float64Array {
    const c = this.index(name);
    const out = new Float64Array(this.ticks);
    for (let t = 0; t < this.ticks; t++) out[t] = this.data[t * this.width + c]!;
    return out;
  }

  // A bad column would silently land in another cell (or be dropped), so bounds are checked.
  private at(tick: number, col: number): number {
    if (!(tick >= 0 && tick < this.ticks && col >= 0 && col < this.width)) {
      throw new RangeError(`Recorder: cell (${tick}, ${col}) outside ${this.ticks}×${this.width}`);
    }
    return tick * this.width + col;
  }
}
