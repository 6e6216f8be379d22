/**
 * Runs the intervention schedule in the calendar phase: a lever begins at its start tick, acts
 * every week while active, and finishes at its end tick (undoing what it changed if reversible).
 */
import type { World } from '../state.js';
import type { InterventionItem } from './catalog.js';
import { leverEffect } from './effects.js';

export class InterventionRunner {
  private readonly items: readonly InterventionItem[];
  /** What each begin() changed, so finish() can undo exactly that. */
  private readonly undo: (((w: World) => void) | null)[];

  constructor(items: readonly InterventionItem[]) {
    this.items = items;
    this.undo = items.map(() => null);
  }

  step(w: World, t: number): void {
    for (let k = 0; k < this.items.length; k++) {
      const it = this.items[k]!;
      const fx = leverEffect(it.kind);
      if (t === it.start) this.undo[k] = fx.begin?.(w, it) ?? null;
      const active = t >= it.start && (it.end === null || t < it.end);
      if (active) fx.weekly?.(w, it);
      if (it.end !== null && t === it.end) {
        this.undo[k]?.(w);
        this.undo[k] = null;
      }
    }
  }
}
