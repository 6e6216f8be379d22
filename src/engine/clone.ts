/**
 * A deep copy of a world (or any part of it): typed arrays copied, arrays, maps, sets and objects
 * rebuilt, shared references kept shared, functions shared (they are the model's code, not its
 * state). Used to start many runs from one spin-up (model/simulate.ts).
 *
 * The copy must look to V8 like the original (same hidden classes, same array kinds): hot model code
 * then stays monomorphic whether it runs on a copy or on a world built from scratch. Hence arrays
 * built by push, plain objects by spread, and classes copying themselves with their constructor
 * ({@link CLONE}).
 */

/** A class instance that copies itself: `[CLONE](seen)` returns the copy (deepClone its parts with `seen`). */
export const CLONE: unique symbol = Symbol('tanker.clone');

interface Cloneable {
  [CLONE](seen: Map<unknown, unknown>): unknown;
}

export function deepClone<T>(v: T, seen: Map<unknown, unknown> = new Map()): T {
  if (v === null || typeof v !== 'object') return v;
  const done = seen.get(v);
  if (done !== undefined) return done as T;
  if (typeof (v as Partial<Cloneable>)[CLONE] === 'function') {
    const c = (v as unknown as Cloneable)[CLONE](seen);
    seen.set(v, c);
    return c as T;
  }
  if (ArrayBuffer.isView(v)) {
    const c = (v as unknown as Float64Array).slice();
    seen.set(v, c);
    return c as T;
  }
  if (Array.isArray(v)) {
    const c: unknown[] = [];
    seen.set(v, c);
    for (let i = 0; i < v.length; i++) c.push(deepClone(v[i], seen));
    return c as T;
  }
  if (v instanceof Map) {
    const c = new Map();
    seen.set(v, c);
    for (const [k, x] of v) c.set(k, deepClone(x, seen));
    return c as T;
  }
  if (v instanceof Set) {
    const c = new Set();
    seen.set(v, c);
    for (const x of v) c.add(deepClone(x, seen));
    return c as T;
  }
  const proto = Object.getPrototypeOf(v) as object | null;
  // Plain objects by spread: V8 gives a spread copy the original's shape, while an object filled
  // key by key with many keys turns into a slow dictionary. Other class instances keep their prototype.
  const c = (proto === Object.prototype ? { ...v } : Object.create(proto)) as Record<string, unknown>;
  seen.set(v, c);
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (proto !== Object.prototype || (x !== null && typeof x === 'object')) c[k] = deepClone(x, seen);
  }
  return c as T;
}
