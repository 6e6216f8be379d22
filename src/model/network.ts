/**
 * Staff ties with a running count of cross-unit ties, so the silo indicator costs O(1) per tick.
 * All tie changes in the model go through these three functions.
 */
import type { World } from './state.js';

export function addTie(w: World, a: number, b: number): boolean {
  if (!w.ties.addEdge(a, b)) return false;
  if (w.staff.unit[a] !== w.staff.unit[b]) w.crossTies++;
  return true;
}

export function removeTie(w: World, a: number, b: number): boolean {
  if (!w.ties.removeEdge(a, b)) return false;
  if (w.staff.unit[a] !== w.staff.unit[b]) w.crossTies--;
  return true;
}

export function clearTies(w: World, a: number): void {
  const { ties, staff } = w;
  const o = ties.offsets[a]!;
  const u = staff.unit[a]!;
  for (let e = 0; e < ties.degree[a]!; e++) if (staff.unit[ties.neighbors[o + e]!] !== u) w.crossTies--;
  ties.clearNode(a);
}

export function crossTieShare(w: World): number {
  const all = w.ties.edgeCount();
  return all > 0 ? w.crossTies / all : 0;
}
