/** Helpers for reversible lever effects: apply a change, remember exactly what was applied, undo it. */
import type { OrgState, World } from '../state.js';
import type { InterventionItem } from './catalog.js';

export type Undo = (w: World) => void;

export interface LeverEffect {
  /** At the start tick; returns how to undo the change at the end tick (reversible levers). */
  begin?(w: World, it: InterventionItem): Undo | undefined;
  /** Every week while the lever is active. */
  weekly?(w: World, it: InterventionItem): void;
}

type NumericOrgField = { [K in keyof OrgState]: OrgState[K] extends number ? K : never }[keyof OrgState];

/** Add `delta` to an organisation field, clamped to [lo, hi]; the undo removes what was actually added. */
export function shiftOrg(w: World, field: NumericOrgField, delta: number, lo = 0, hi = 1): Undo {
  const before = w.org[field];
  const after = Math.min(hi, Math.max(lo, before + delta));
  w.org[field] = after;
  const applied = after - before;
  return (x) => {
    x.org[field] = Math.min(hi, Math.max(lo, x.org[field] - applied));
  };
}

/** Set an organisation field; the undo restores the earlier value. */
export function setOrg(w: World, field: NumericOrgField, value: number): Undo {
  const before = w.org[field];
  w.org[field] = value;
  return (x) => {
    x.org[field] = before;
  };
}

/**
 * Move a logic mix (documents or steering) toward one vertex by a share of the distance, on the
 * simplex; the undo restores the mix as it was.
 */
export function moveMix(mix: Float64Array, vertex: number, share: number): Undo {
  const before = Float64Array.from(mix);
  for (let k = 0; k < 3; k++) if (k !== vertex) mix[k] = mix[k]! * (1 - share);
  mix[vertex] = 1 - mix.reduce((a, v, k) => (k === vertex ? a : a + v), 0);
  // Undo removes exactly this move, so overlapping levers on the same mix undo independently.
  const delta = mix.map((v, k) => v - before[k]!);
  return () => {
    let sum = 0;
    for (let k = 0; k < 3; k++) {
      mix[k] = Math.max(0, mix[k]! - delta[k]!);
      sum += mix[k]!;
    }
    for (let k = 0; k < 3; k++) mix[k] = sum > 0 ? mix[k]! / sum : 1 / 3;
  };
}

export function undoAll(...undos: Undo[]): Undo {
  return (w) => {
    for (let k = undos.length - 1; k >= 0; k--) undos[k]!(w);
  };
}

/** The units an intervention targets: its list, or all units. */
export function targetUnits(w: World, it: InterventionItem): readonly number[] {
  return it.units ?? Array.from({ length: w.units.n }, (_, u) => u);
}

export function inTargets(it: InterventionItem, unit: number): boolean {
  return it.units === null || it.units.includes(unit);
}
