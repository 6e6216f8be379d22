/**
 * The last spin-ups simulated, by configuration, seed and replicate. Runs that differ only in their
 * interventions (scenarios of a batch, the explorer's lever settings, its configurations A and B)
 * start from the same everyday state: the second and later of them copy it (about 1 ms) instead of
 * simulating the spin-up weeks again, with the same numbers (tests/batch/spin-up-sharing.test.ts).
 * Pure: used by the batch's worker threads and the explorer's Web Worker.
 */
import type { ModelConfig } from './config.js';
import { type SpunUp, spinUp } from './simulate.js';

export class SpinUpCache {
  // Insertion order is use order: the first key is the least recently used.
  private readonly kept = new Map<string, SpunUp>();

  /** Keeps at most `keep` spin-ups (each holds a world: about 1.3 MB for the medium preset). */
  constructor(private readonly keep: number) {}

  /** Runs with equal keys start from equal spin-ups. */
  static key(config: ModelConfig, seed: string | number, replicate: number): string {
    return `${JSON.stringify(seed)}|${replicate}|${JSON.stringify(config)}`;
  }

  /** The spin-up of this configuration, seed and replicate: a kept one, or a new one, kept. */
  get(config: ModelConfig, seed: string | number, replicate: number): SpunUp {
    const key = SpinUpCache.key(config, seed, replicate);
    let s = this.kept.get(key);
    if (s) {
      this.kept.delete(key); // most recently used last
    } else {
      s = spinUp(config, seed, replicate);
      if (this.kept.size >= this.keep) this.kept.delete(this.kept.keys().next().value!);
    }
    this.kept.set(key, s);
    return s;
  }
}
