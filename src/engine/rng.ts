// Seeded random streams. Pure (no Node APIs, no Math.random) so runs are reproducible in
// browsers and workers alike. Alea is small, fast and has a plain-object state we can
// serialise; its 32-bit resolution is ample for agent-level draws.
import seedrandom from 'seedrandom';
import { CLONE, deepClone } from './clone.js';

type AleaState = seedrandom.State.Alea;
type AleaPrng = seedrandom.StatefulPRNG<AleaState>;

/** JSON-serialisable snapshot of an {@link Rng}. `spare` is the cached second Box–Muller normal. */
export interface RngState {
  alea: object;
  spare: number | null;
}

function toAleaState(s: object): AleaState {
  const r = s as Record<string, unknown>;
  for (const k of ['c', 's0', 's1', 's2']) {
    if (typeof r[k] !== 'number' || !Number.isFinite(r[k])) {
      throw new Error(`Invalid RNG state: alea.${k} must be a finite number`);
    }
  }
  return { c: r.c as number, s0: r.s0 as number, s1: r.s1 as number, s2: r.s2 as number };
}

const TWO_PI = 2 * Math.PI;

export class Rng {
  // Alea's state (seedrandom lib/alea.js): s0, s1, s2 in [0,1) and the integer carry c, in a
  // typed array so that the step below stores raw doubles (object fields would box them).
  private readonly st = new Float64Array(4);
  // Box–Muller yields two normals per pair of uniforms; the second is kept for the next call.
  private hasSpare = false;
  private spare = 0;

  /** With `state`, the seed is ignored and the stream resumes exactly where `state` was taken. */
  constructor(seed: string, state?: RngState) {
    const a = state ? toAleaState(state.alea) : (seedrandom.alea(seed, { state: true }) as AleaPrng).state();
    this.st[0] = a.s0;
    this.st[1] = a.s1;
    this.st[2] = a.s2;
    this.st[3] = a.c;
    if (state && state.spare !== null) {
      this.hasSpare = true;
      this.spare = state.spare;
    }
  }

  /** Alea's step, the same arithmetic as seedrandom's, hence the same numbers. */
  private prng(): number {
    const st = this.st;
    const t = 2091639 * st[0]! + st[3]! * 2.3283064365386963e-10; // 2^-32
    st[0] = st[1]!;
    st[1] = st[2]!;
    const c = t | 0;
    st[3] = c;
    const x = t - c;
    st[2] = x;
    return x;
  }

  /** Uniform in [0,1) with 2^-32 resolution. */
  next(): number {
    return this.prng();
  }

  /** Uniform integer in [0,n) for integer n >= 1 (n up to 2^32; bias is negligible for agent-sized n). */
  int(n: number): number {
    return Math.floor(this.prng() * n);
  }

  /**
   * True with probability p. Always consumes exactly one draw (even for p<=0 or p>=1) so that
   * changing a probability never shifts the rest of the stream (common random numbers).
   */
  bernoulli(p: number): boolean {
    return this.prng() < p;
  }

  /**
   * Failures before the next success in Bernoulli trials that each fail with probability
   * e^logMiss (one draw; 0 when logMiss is 0, every trial a success). Thinned loops use it to jump
   * from candidate to candidate instead of drawing for everyone.
   */
  gap(logMiss: number): number {
    return logMiss < 0 ? Math.floor(Math.log(1 - this.prng()) / logMiss) : 0;
  }

  /** Normal via Box–Muller; the cached spare is part of {@link state}. */
  normal(mean = 0, sd = 1): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return mean + sd * this.spare;
    }
    const u1 = 1 - this.prng(); // (0,1] so the log is finite
    const u2 = this.prng();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = TWO_PI * u2;
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return mean + sd * r * Math.cos(theta);
  }

  /** Uniform in [lo,hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.prng();
  }

  /**
   * Index i in [0,n) with probability w[i] / sum(w[0..n)). Weights must be non-negative;
   * throws if their sum is not positive. One draw, no allocation.
   */
  categorical(weights: ArrayLike<number>, n: number = weights.length): number {
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i]!;
    if (!(total > 0)) throw new RangeError(`categorical: weights must have a positive sum (got ${total})`);
    let u = this.prng() * total;
    let last = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      if (w > 0) {
        if (u < w) return i;
        u -= w;
        last = i;
      }
    }
    return last; // floating-point shortfall: fall back to the last positive weight
  }

  /** Fisher–Yates shuffle of the first n entries of `a`, in place. */
  shuffle(a: Int32Array, n: number = a.length): void {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.prng() * (i + 1));
      const t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
  }

  state(): RngState {
    return { alea: { c: this.st[3]!, s0: this.st[0]!, s1: this.st[1]!, s2: this.st[2]! }, spare: this.hasSpare ? this.spare : null };
  }

  /** A stream at the same point (engine/clone.ts). */
  [CLONE](): Rng {
    return new Rng('', this.state());
  }
}

const SEP = '|';

/**
 * Stable seed derivation: the master (verbatim) and each path segment (via `String()`), joined
 * with '|', e.g. `deriveSeed(42, 'rep:3', 'calendar') === '42|rep:3|calendar'`. Segments may not
 * contain '|' so distinct paths never collide. Alea hashes the whole string, so adjacent seeds
 * give unrelated streams.
 */
export function deriveSeed(master: string | number, ...path: (string | number)[]): string {
  let s = String(master);
  for (const p of path) {
    const seg = String(p);
    if (seg.includes(SEP)) throw new Error(`deriveSeed: path segment "${seg}" must not contain '${SEP}'`);
    s += SEP + seg;
  }
  return s;
}

/**
 * One master seed per scenario, one independent stream per (replicate, purpose), seeded with
 * `deriveSeed(master, 'rep:' + replicate, purpose)`. Giving each purpose its own stream keeps
 * e.g. network draws unchanged when another subsystem starts drawing more numbers.
 */
export class RngStreams {
  readonly master: string | number;
  readonly replicate: number;
  private readonly streams = new Map<string, Rng>();

  constructor(master: string | number, replicate: number) {
    if (!Number.isInteger(replicate) || replicate < 0) {
      throw new RangeError(`RngStreams: replicate must be a non-negative integer (got ${replicate})`);
    }
    this.master = master;
    this.replicate = replicate;
  }

  /** Created on first use and cached: the same purpose always returns the same object. */
  stream(purpose: string): Rng {
    let r = this.streams.get(purpose);
    if (!r) {
      r = new Rng(this.seedFor(purpose));
      this.streams.set(purpose, r);
    }
    return r;
  }

  /** States of all streams created so far, keyed by purpose. */
  saveState(): Record<string, RngState> {
    const out: Record<string, RngState> = {};
    for (const [purpose, r] of this.streams) {
      // defineProperty so even a purpose named '__proto__' becomes an own, JSON-visible key.
      Object.defineProperty(out, purpose, {
        value: r.state(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }

  /** The same streams at the same points (engine/clone.ts). */
  [CLONE](seen: Map<unknown, unknown>): RngStreams {
    const s = new RngStreams(this.master, this.replicate);
    for (const [purpose, r] of this.streams) s.streams.set(purpose, deepClone(r, seen));
    return s;
  }

  static restore(master: string | number, replicate: number, saved: Record<string, RngState>): RngStreams {
    const s = new RngStreams(master, replicate);
    for (const [purpose, st] of Object.entries(saved)) {
      s.streams.set(purpose, new Rng(s.seedFor(purpose), st));
    }
    return s;
  }

  private seedFor(purpose: string): string {
    return deriveSeed(this.master, `rep:${this.replicate}`, purpose);
  }
}
