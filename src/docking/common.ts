/**
 * Shared pieces of the docking suite: the result row every docking check returns, option
 * handling, and small helpers. Pure TypeScript (no Node APIs, no clock, no Math.random), like the
 * engine it runs on.
 */
import { deriveSeed } from '../engine/index.js';

/** One row of the docking table: a published result and what our implementation measured. */
export interface DockingCheck<K extends string = string> {
  /** Short id, e.g. `march`. */
  readonly id: string;
  /** Model name with authors and year. */
  readonly model: string;
  /** Full citation of the paper. */
  readonly citation: string;
  /** The published result in one sentence. */
  readonly published: string;
  /** What we measured, in one sentence with the figures. */
  readonly measured: string;
  /** Whether the measured effect reproduces the published result by the check's criterion. */
  readonly pass: boolean;
  /** The criterion applied, in one sentence. */
  readonly criterion: string;
  /** Replicates per condition (0 for a deterministic check). */
  readonly replicates: number;
  /** The named figures behind `measured` (means, differences, p-values, ...). */
  readonly figures: Readonly<Record<K, number>>;
}

/** Identity that lets a check's figure names be inferred from its object literal. */
export function dockingCheck<K extends string>(row: DockingCheck<K>): DockingCheck<K> {
  return row;
}

/** Options every docking check accepts. */
export interface DockOptions {
  /** Replicates per condition; each check has its own default. */
  replicates?: number;
  /** Master seed; replicate r of a check uses `deriveSeed(seed, id, 'rep:' + r)`. */
  seed?: string | number;
}

export const DEFAULT_DOCK_SEED = 'dock';

/** Seed of replicate r of check `id`: conditions of one replicate share it (common random numbers). */
export function replicateSeed(opts: DockOptions, id: string, r: number): string {
  return deriveSeed(opts.seed ?? DEFAULT_DOCK_SEED, id, `rep:${r}`);
}

export function replicatesOf(opts: DockOptions, fallback: number, min = 2): number {
  const n = opts.replicates ?? fallback;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`replicates must be a positive integer (got ${n})`);
  return Math.max(min, n);
}

/** Arithmetic mean of a plain array (NaN when empty). */
export function avg(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Merges user parameters over defaults, rejecting unknown names so a typo cannot pass silently. */
export function withDefaults<P extends object>(defaults: Readonly<P>, params: Partial<P>, model: string): P {
  for (const k of Object.keys(params)) {
    if (!(k in defaults)) throw new RangeError(`${model}: unknown parameter "${k}"`);
  }
  const out = { ...defaults } as P;
  for (const [k, v] of Object.entries(params)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

export function checkInt(model: string, name: string, v: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(v) || v < min || v > max)
    throw new RangeError(`${model}: ${name} must be an integer in [${min}, ${max}] (got ${v})`);
}

export function checkRange(model: string, name: string, v: number, min: number, max: number): void {
  if (!(v >= min && v <= max)) throw new RangeError(`${model}: ${name} must lie in [${min}, ${max}] (got ${v})`);
}
