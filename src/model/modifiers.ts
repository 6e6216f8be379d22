/**
 * Effects compose through one rule. A quantity that levers and endogenous mechanisms both act on
 * (an organisation field, one unit's demand, a logic mix) has a base value and a list of active
 * modifiers; its value is recomputed from them whenever they change:
 *
 *   value = clamp(lo, hi, (last active `set`, else base) + Σ active `add`) × Π active `mul`
 *   mix   = base mix moved toward each active modifier's vertex by its share, in start order
 *
 * Levers add modifiers when they start and remove exactly theirs when they end; endogenous
 * mechanisms change the base (`setBase`) or scale the quantity's base and its active additions
 * (`scaleQuantity`, e.g. an election's reprioritisation), so a lever ending, an election and a
 * second lever can never clobber each other. A quantity nobody has modified is just its live field.
 */
import type { MixQuantity, Modifiers, World } from './state.js';

/** Scalar organisation fields that modifiers may target, with their bounds. */
export const ORG_BOUNDS = {
  ambition: [0, 10],
  siloStrength: [0, 1],
  matrixDegree: [0, 1],
  projectBudgetShare: [0, 1],
  reportingLoad: [0, 1],
  centralisation: [0, 1],
  cogwheel: [0, 1],
  topSignal: [0, 1],
  budgetPressure: [0, 1],
  roomToFail: [0, 1],
  outreach: [0, 1],
  missionRate: [0, 52],
  conceptBreadth: [-1, 1],
  earlyCoCreation: [0, 1],
  portfolio: [0, 1],
  budgetTransfer: [0, 1],
  onTheJob: [0, 1],
  volunteerRelief: [0, 1],
  crossBudget: [0, 1],
  imposedChanges: [0, 100],
  mandateClarity: [0, 1],
  autonomy: [0, 1],
  lineResistance: [-1, 1],
  anchor: [0, 1],
} as const satisfies Record<string, readonly [number, number]>;
export type OrgQuantity = keyof typeof ORG_BOUNDS;

/** Per-unit and per-method quantities: `units.demand`, `units.internalLegal`, `org.methodPush`. */
export type IndexedQuantity = 'demand' | 'internalLegal' | 'methodPush';
const INDEXED_BOUNDS: Record<IndexedQuantity, readonly [number, number]> = {
  demand: [0, Number.POSITIVE_INFINITY],
  internalLegal: [0, 1],
  methodPush: [0, 52],
};

export type { MixQuantity };

export type Target = { readonly org: OrgQuantity } | { readonly indexed: IndexedQuantity; readonly index: number };

export type ModifierSpec =
  | { readonly target: Target; readonly op: 'add' | 'mul' | 'set'; readonly value: number }
  | { readonly mix: MixQuantity; readonly vertex: number; readonly share: number };

export function createModifiers(): Modifiers {
  return { nextId: 1, base: new Map(), scalars: [], mixBase: new Map(), mixes: [] };
}

function keyOf(t: Target): string {
  return 'org' in t ? t.org : `${t.indexed}#${t.index}`;
}

function read(w: World, key: string): number {
  const hash = key.indexOf('#');
  if (hash < 0) return w.org[key as OrgQuantity];
  return array(w, key.slice(0, hash) as IndexedQuantity)[Number(key.slice(hash + 1))]!;
}

function write(w: World, key: string, v: number): void {
  const hash = key.indexOf('#');
  if (hash < 0) w.org[key as OrgQuantity] = v;
  else array(w, key.slice(0, hash) as IndexedQuantity)[Number(key.slice(hash + 1))] = v;
}

function array(w: World, q: IndexedQuantity): Float64Array {
  return q === 'methodPush' ? w.org.methodPush : q === 'demand' ? w.units.demand : w.units.internalLegal;
}

function bounds(key: string): readonly [number, number] {
  const hash = key.indexOf('#');
  return hash < 0 ? ORG_BOUNDS[key as OrgQuantity] : INDEXED_BOUNDS[key.slice(0, hash) as IndexedQuantity];
}

function recompute(w: World, key: string): void {
  const m = w.mods;
  const base = m.base.get(key);
  if (base === undefined) return;
  let v = base;
  let add = 0;
  let mul = 1;
  for (const x of m.scalars) {
    if (x.key !== key) continue;
    if (x.op === 'set') v = x.value;
    else if (x.op === 'add') add += x.value;
    else mul *= x.value;
  }
  const [lo, hi] = bounds(key);
  write(w, key, Math.min(hi, Math.max(lo, (v + add) * mul)));
}

function recomputeMix(w: World, mix: MixQuantity): void {
  const base = w.mods.mixBase.get(mix);
  if (base === undefined) return;
  const live = w.org[mix];
  live.set(base);
  for (const x of w.mods.mixes) if (x.mix === mix) moveToward(live, x.vertex, x.share);
}

/** Move a point of the logic simplex toward one vertex by a share of the distance (stays on the simplex). */
export function moveToward(mix: Float64Array, vertex: number, share: number): void {
  let others = 0;
  for (let k = 0; k < 3; k++) {
    if (k === vertex) continue;
    mix[k] = mix[k]! * (1 - share);
    others += mix[k]!;
  }
  mix[vertex] = 1 - others;
}

/** Add modifiers; returns their ids, which `removeModifiers` takes to undo exactly them. */
export function addModifiers(w: World, specs: readonly ModifierSpec[]): number[] {
  const m = w.mods;
  const ids: number[] = [];
  for (const s of specs) {
    const id = m.nextId++;
    ids.push(id);
    if ('mix' in s) {
      if (!m.mixBase.has(s.mix)) m.mixBase.set(s.mix, Float64Array.from(w.org[s.mix]));
      m.mixes.push({ id, mix: s.mix, vertex: s.vertex, share: s.share });
      recomputeMix(w, s.mix);
    } else {
      const key = keyOf(s.target);
      if (!m.base.has(key)) m.base.set(key, read(w, key));
      m.scalars.push({ id, key, op: s.op, value: s.value });
      recompute(w, key);
    }
  }
  return ids;
}

export function removeModifiers(w: World, ids: readonly number[]): void {
  const m = w.mods;
  const keys = new Set<string>();
  const mixes = new Set<MixQuantity>();
  for (let k = m.scalars.length - 1; k >= 0; k--) {
    if (ids.includes(m.scalars[k]!.id)) {
      keys.add(m.scalars[k]!.key);
      m.scalars.splice(k, 1);
    }
  }
  for (let k = m.mixes.length - 1; k >= 0; k--) {
    if (ids.includes(m.mixes[k]!.id)) {
      mixes.add(m.mixes[k]!.mix);
      m.mixes.splice(k, 1);
    }
  }
  for (const key of keys) recompute(w, key);
  for (const mix of mixes) recomputeMix(w, mix);
}

/** An endogenous change of the quantity's base (the value before any modifier). */
export function setBase(w: World, t: Target, v: number): void {
  const key = keyOf(t);
  if (w.mods.base.has(key)) {
    w.mods.base.set(key, v);
    recompute(w, key);
  } else write(w, key, v);
}

export function baseOf(w: World, t: Target): number {
  const key = keyOf(t);
  return w.mods.base.get(key) ?? read(w, key);
}

/**
 * Scale a quantity: its base and every active addition are multiplied by `k`, so what a lever
 * added shrinks with the rest and is still removed exactly when the lever ends.
 */
export function scaleQuantity(w: World, t: Target, k: number): void {
  const key = keyOf(t);
  const m = w.mods;
  const base = m.base.get(key);
  if (base === undefined) {
    write(w, key, read(w, key) * k);
    return;
  }
  m.base.set(key, base * k);
  for (const x of m.scalars) if (x.key === key && x.op === 'add') x.value *= k;
  recompute(w, key);
}

/** A permanent move of a logic mix (a decision written down): it changes the base mix. */
export function moveMixBase(w: World, mix: MixQuantity, vertex: number, share: number): void {
  const base = w.mods.mixBase.get(mix);
  if (base === undefined) moveToward(w.org[mix], vertex, share);
  else {
    moveToward(base, vertex, share);
    recomputeMix(w, mix);
  }
}

/** A logic mix decided anew (a revised plan, new steering systems): its base becomes `values`. */
export function setMixBase(w: World, mix: MixQuantity, values: ArrayLike<number>): void {
  const base = w.mods.mixBase.get(mix);
  const target = base ?? w.org[mix];
  for (let k = 0; k < 3; k++) target[k] = values[k]!;
  if (base !== undefined) recomputeMix(w, mix);
}

/** The base of a logic mix (what it is without active lever modifiers). */
export function mixBaseOf(w: World, mix: MixQuantity): Float64Array {
  return w.mods.mixBase.get(mix) ?? w.org[mix];
}
