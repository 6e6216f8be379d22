/**
 * An index order kept ascending by keys that change a little between calls: most keys keep their
 * order (e.g. all scaled by one factor) and a few rise. Re-sorting from scratch each week costs
 * O(n log n); repairing the previous order costs O(n) plus sorting the few that moved.
 */

/** Above this many displaced indices a full sort is cheaper than sorting them one by one. */
const FEW = 64;

/**
 * Makes `order[0..n)` (a permutation of 0..n−1) ascending by `key`, starting from its previous
 * state, whatever the keys did: one pass keeps the longest run that is already ascending and lifts
 * out the indices that break it (those whose key rose); they are sorted and merged back. `spare`
 * is scratch of length ≥ n. The result is the ascending order of the keys (ties in any order).
 */
export function repairOrder(order: Int32Array, key: ArrayLike<number>, n: number, spare: Int32Array): void {
  // Kept indices are compacted to the front of `order` (ascending); lifted ones go to `spare`.
  let kept = 0;
  let lifted = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    const k = key[i]!;
    while (kept > 0 && key[order[kept - 1]!]! > k) spare[lifted++] = order[--kept]!;
    order[kept++] = i;
  }
  if (lifted === 0) return;
  if (lifted > FEW) {
    // Many moved (e.g. the first call): put them back and sort everything.
    order.set(spare.subarray(0, lifted), kept);
    order.subarray(0, n).sort((a, b) => key[a]! - key[b]!);
    return;
  }
  // Insertion sort of the lifted few, then merge from the back (order has room for both).
  for (let a = 1; a < lifted; a++) {
    const i = spare[a]!;
    const k = key[i]!;
    let b = a - 1;
    while (b >= 0 && key[spare[b]!]! > k) {
      spare[b + 1] = spare[b]!;
      b--;
    }
    spare[b + 1] = i;
  }
  let a = kept - 1;
  let b = lifted - 1;
  for (let w = n - 1; b >= 0; w--) {
    if (a >= 0 && key[order[a]!]! > key[spare[b]!]!) order[w] = order[a--]!;
    else order[w] = spare[b--]!;
  }
}
