/**
 * Hypervolume indicator (Zitzler and Thiele 1998): the Lebesgue measure of the part of objective
 * space that a set of points dominates and that is bounded by a reference point (minimisation).
 * Exact, by slicing objectives (While, Hingston, Barone and Huband 2006): a sweep in two
 * dimensions, O(n log n); one slab per point along the last objective above that, so
 * O(n² log n) for three objectives and O(n^(m−1) log n) in general. Use it for m ≤ 4 and
 * populations of a few hundred; larger problems need a dedicated algorithm (WFG, HBDA).
 */

/** Hypervolume of `points` with respect to `reference`; points not strictly better than it in every objective add nothing. */
export function hypervolume(points: readonly (readonly number[])[], reference: readonly number[]): number {
  const m = reference.length;
  for (const [i, p] of points.entries()) {
    if (p.length !== m) throw new RangeError(`hypervolume: point ${i} has ${p.length} objectives; the reference has ${m}`);
  }
  const inside = points.filter((p) => p.every((v, k) => v < reference[k]!));
  return slice(inside, reference, m);
}

function slice(points: readonly (readonly number[])[], ref: readonly number[], m: number): number {
  if (points.length === 0) return 0;
  if (m === 1) {
    let best = Number.POSITIVE_INFINITY;
    for (const p of points) best = Math.min(best, p[0]!);
    return ref[0]! - best;
  }
  if (m === 2) {
    const sorted = points.slice().sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    let area = 0;
    let y = ref[1]!;
    for (let i = 0; i < sorted.length; i++) {
      y = Math.min(y, sorted[i]![1]!);
      const nextX = i + 1 < sorted.length ? sorted[i + 1]![0]! : ref[0]!;
      area += (nextX - sorted[i]![0]!) * (ref[1]! - y);
    }
    return area;
  }
  // Slabs along the last objective: between consecutive values, the points at or below the
  // slab's floor dominate the slab's (m − 1)-dimensional cross-section.
  const last = m - 1;
  const sorted = points.slice().sort((a, b) => a[last]! - b[last]!);
  let volume = 0;
  for (let i = 0; i < sorted.length; i++) {
    const top = i + 1 < sorted.length ? sorted[i + 1]![last]! : ref[last]!;
    const depth = top - sorted[i]![last]!;
    if (depth > 0) volume += depth * slice(sorted.slice(0, i + 1), ref, last);
  }
  return volume;
}
