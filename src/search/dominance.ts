/**
 * Constrained Pareto dominance, non-dominated sorting and crowding distance (Deb, Pratap, Agarwal
 * and Meyarivan 2002, "A fast and elitist multiobjective genetic algorithm: NSGA-II"). Every
 * objective is minimised; `violation` is the total constraint violation (0 = feasible).
 */

/** A point in objective space with its constraint violation. */
export interface Scored {
  readonly objectives: readonly number[];
  /** Sum of constraint violations; 0 when feasible. */
  readonly violation: number;
}

/** a dominates b in the Pareto sense (no worse in every objective, better in one); minimisation. */
export function paretoDominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let k = 0; k < a.length; k++) {
    if (a[k]! > b[k]!) return false;
    if (a[k]! < b[k]!) better = true;
  }
  return better;
}

/**
 * Constrained domination (Deb et al. 2002, §VI): a feasible point dominates an infeasible one; of
 * two infeasible points the one with the smaller violation dominates; two feasible points compare
 * by Pareto dominance.
 */
export function constrainedDominates(a: Scored, b: Scored): boolean {
  const fa = a.violation <= 0;
  const fb = b.violation <= 0;
  if (fa && !fb) return true;
  if (!fa && fb) return false;
  if (!fa && !fb) return a.violation < b.violation;
  return paretoDominates(a.objectives, b.objectives);
}

export type Dominance = (a: Scored, b: Scored) => boolean;

/**
 * Fast non-dominated sort: fronts of indices, front 0 the non-dominated set, each front
 * non-dominated once the earlier ones are removed. Indices inside a front are ascending.
 * O(M N²) comparisons.
 */
export function nonDominatedSort(points: readonly Scored[], dominates: Dominance = constrainedDominates): number[][] {
  const n = points.length;
  const dominated: number[][] = Array.from({ length: n }, () => []);
  const count = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    for (let q = p + 1; q < n; q++) {
      if (dominates(points[p]!, points[q]!)) {
        dominated[p]!.push(q);
        count[q]!++;
      } else if (dominates(points[q]!, points[p]!)) {
        dominated[q]!.push(p);
        count[p]!++;
      }
    }
  }
  const fronts: number[][] = [];
  let current: number[] = [];
  for (let p = 0; p < n; p++) if (count[p] === 0) current.push(p);
  let placed = 0;
  while (current.length > 0) {
    fronts.push(current);
    placed += current.length;
    const next: number[] = [];
    for (const p of current) {
      for (const q of dominated[p]!) {
        if (--count[q]! === 0) next.push(q);
      }
    }
    current = next.sort((a, b) => a - b);
  }
  // A relation that is not a strict partial order (a cycle) would leave points unplaced.
  if (placed < n) throw new Error('nonDominatedSort: the dominance relation has a cycle');
  return fronts;
}

/**
 * Crowding distance of each member of a front (same order as `front`): the sum over objectives of
 * the normalised gap between its two neighbours; the extremes of each objective get Infinity.
 * Ties in an objective are ordered by index, so the result is deterministic.
 */
export function crowdingDistance(points: readonly Scored[], front: readonly number[]): number[] {
  const n = front.length;
  const d = new Array<number>(n).fill(0);
  if (n === 0) return d;
  const m = points[front[0]!]!.objectives.length;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < m; k++) {
    const f = (i: number) => points[front[i]!]!.objectives[k]!;
    order.sort((a, b) => f(a) - f(b) || front[a]! - front[b]!);
    const lo = f(order[0]!);
    const hi = f(order[n - 1]!);
    d[order[0]!] = Number.POSITIVE_INFINITY;
    d[order[n - 1]!] = Number.POSITIVE_INFINITY;
    if (!(hi > lo)) continue;
    for (let i = 1; i < n - 1; i++) d[order[i]!]! += (f(order[i + 1]!) - f(order[i - 1]!)) / (hi - lo);
  }
  return d;
}

/** Rank (front number) and crowding distance of every point. */
export function rankAndCrowding(
  points: readonly Scored[],
  dominates: Dominance = constrainedDominates,
  crowding: typeof crowdingDistance = crowdingDistance,
): { rank: number[]; crowding: number[]; fronts: number[][] } {
  const fronts = nonDominatedSort(points, dominates);
  const rank = new Array<number>(points.length);
  const crowd = new Array<number>(points.length);
  fronts.forEach((front, r) => {
    const c = crowding(points, front);
    front.forEach((i, k) => {
      rank[i] = r;
      crowd[i] = c[k]!;
    });
  });
  return { rank, crowding: crowd, fronts };
}
