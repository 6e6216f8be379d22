/**
 * ε-dominance archive (Laumanns, Thiele, Deb and Zitzler 2002; as used by ε-NSGA-II, Kollat and
 * Reed 2006): objective space is cut into boxes of side ε_k, a box dominates another when its
 * index vector Pareto-dominates it, and the archive keeps at most one point per non-dominated
 * box (the one nearest the box's ideal corner, or the Pareto-dominating one). The result is a
 * bounded, well-spread approximation of the Pareto front whatever the population does. Only
 * feasible points enter. Pure: returns a new archive.
 */
import { paretoDominates, type Scored } from './dominance.js';

function boxOf(objectives: readonly number[], eps: readonly number[]): number[] {
  return objectives.map((f, k) => Math.floor(f / eps[k]!));
}

function sameBox(a: readonly number[], b: readonly number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Squared distance to the box's lower corner, in units of ε. */
function cornerDistance(objectives: readonly number[], box: readonly number[], eps: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < box.length; k++) s += ((objectives[k]! - box[k]! * eps[k]!) / eps[k]!) ** 2;
  return s;
}

/** The archive after offering it `candidates` in order. */
export function updateEpsilonArchive<T extends Scored>(archive: readonly T[], candidates: readonly T[], eps: readonly number[]): T[] {
  for (const [k, e] of eps.entries()) if (!(e > 0)) throw new RangeError(`epsilons[${k}]: found ${e}; allowed: a positive number`);
  let out = archive.slice();
  for (const c of candidates) {
    if (c.violation > 0) continue;
    const cb = boxOf(c.objectives, eps);
    let rejected = false;
    const keep: T[] = [];
    for (const a of out) {
      if (rejected) {
        keep.push(a);
        continue;
      }
      const ab = boxOf(a.objectives, eps);
      if (sameBox(ab, cb)) {
        // One point per box: the candidate replaces it only if it dominates it, or neither
        // dominates and it is nearer the box's corner.
        const replace =
          paretoDominates(c.objectives, a.objectives) ||
          (!paretoDominates(a.objectives, c.objectives) && cornerDistance(c.objectives, cb, eps) < cornerDistance(a.objectives, ab, eps));
        if (replace) continue;
        rejected = true;
        keep.push(a);
      } else if (paretoDominates(ab, cb)) {
        rejected = true;
        keep.push(a);
      } else if (!paretoDominates(cb, ab)) {
        keep.push(a);
      }
    }
    if (!rejected) keep.push(c);
    out = keep;
  }
  return out;
}
