import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { repairOrder } from '../../src/engine/sorted-order.js';

/** Whether `order` is a permutation of 0..n−1, ascending by `key`. */
function sortedPermutation(order: Int32Array, key: Float64Array): boolean {
  const seen = new Uint8Array(order.length);
  for (let r = 0; r < order.length; r++) {
    if (seen[order[r]!]) return false;
    seen[order[r]!] = 1;
    if (r > 0 && key[order[r - 1]!]! > key[order[r]!]!) return false;
  }
  return true;
}

describe('repairOrder', () => {
  it('keeps an index order ascending week after week while keys fade and a few, or many, rise', () => {
    const r = new Rng('repair');
    const n = 500;
    const key = new Float64Array(n);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const spare = new Int32Array(n);
    for (let week = 0; week < 200; week++) {
      // Every key fades by one factor (order kept); some rise: none, a few, or (every 50th week) most.
      const rising = week % 50 === 0 ? 0.8 : week % 7 === 0 ? 0 : 0.02;
      for (let i = 0; i < n; i++) {
        key[i] = key[i]! * 0.97;
        if (r.bernoulli(rising)) key[i] = key[i]! + 1;
      }
      // Ties as well: whole groups at exactly 0 or 1.
      if (week === 100) for (let i = 0; i < n; i += 3) key[i] = 1;
      repairOrder(order, key, n, spare);
      expect(sortedPermutation(order, key), `week ${week}`).toBe(true);
    }
  });

  it('sorts any order of arbitrary keys, including keys that fall', () => {
    const r = new Rng('any');
    const n = 300;
    const key = Float64Array.from({ length: n }, () => r.next());
    const order = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
    const spare = new Int32Array(n);
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < n; i++) if (r.bernoulli(0.05)) key[i] = r.next();
      repairOrder(order, key, n, spare);
      expect(sortedPermutation(order, key)).toBe(true);
    }
  });
});
