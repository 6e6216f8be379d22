/**
 * Runs the intervention schedule in the calendar process: a lever begins at its start tick
 * (adding its modifiers, then its other start effects), acts every week while active, and at its
 * end tick removes exactly its modifiers and ends what it began. What each has applied is kept in
 * the world (`w.levers`), not in closures.
 */
import { addModifiers, removeModifiers } from '../modifiers.js';
import type { ParamGroup } from '../params/define.js';
import type { World } from '../state.js';
import { leverSpec } from './catalog.js';
import type { LeverContext } from './lever.js';

export function runLevers(w: World, t: number): void {
  const { items, applied, memo } = w.levers;
  if (items.length === 0) return;
  const ctx: LeverContext<ParamGroup> = { p: w.p.levers!, rng: w.streams.stream('levers') };
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    const fx = leverSpec(it.kind);
    if (!fx) throw new Error(`unknown lever kind "${it.kind}"`);
    if (t === it.start) {
      applied[k] = fx.modifiers ? addModifiers(w, fx.modifiers(w, it, ctx)) : [];
      memo[k] = fx.begin?.(w, it, ctx);
    }
    const active = t >= it.start && (it.end === null || t < it.end);
    if (active) fx.weekly?.(w, it, ctx);
    if (it.end !== null && t === it.end) {
      if (fx.reversible) {
        removeModifiers(w, applied[k] ?? []);
        fx.end?.(w, it, ctx, memo[k]);
      }
      applied[k] = null;
    }
  }
}
