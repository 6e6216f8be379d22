/**
 * Box priors: each parameter uniform on [min, max], continuous or integer (every integer in
 * [min, max] equally likely), independent of the others. This is what the model's parameter
 * registry gives (a default and a range per parameter), so it is the prior a calibration starts
 * from when nothing better is known.
 */
import { checkNames } from '../checks/fields.js';
import type { Rng } from '../engine/rng.js';

/** One calibrated parameter: its name (for messages and output), range and whether it is an integer. */
export interface ParameterSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Integer parameter: uniform on the integers min, min + 1, …, max. */
  readonly integer?: boolean;
}

/** Throws a message naming the field path, the value and what is allowed for the first bad parameter. */
export function validateParameters(parameters: readonly ParameterSpec[], path = 'parameters'): void {
  checkNames(parameters, path, 'parameters');
  parameters.forEach((p, i) => {
    const at = `${path}[${i}]`;
    for (const key of ['min', 'max'] as const) {
      const v = p[key];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${at}.${key}: found ${v}; allowed: a finite number`);
      if (p.integer && !Number.isInteger(v))
        throw new RangeError(`${at}.${key}: found ${v}; allowed: an integer (the parameter is an integer)`);
    }
    if (!(p.max > p.min)) throw new RangeError(`${at}.max: found ${p.max}; allowed: a number above min (${p.min})`);
  });
}

/** One draw from the prior. */
export function samplePrior(parameters: readonly ParameterSpec[], rng: Rng): number[] {
  return parameters.map((p) => (p.integer ? p.min + rng.int(p.max - p.min + 1) : rng.range(p.min, p.max)));
}

/** True when θ has prior density > 0: inside every range, and integral where required. */
export function inPrior(parameters: readonly ParameterSpec[], theta: ArrayLike<number>): boolean {
  for (let i = 0; i < parameters.length; i++) {
    const p = parameters[i]!;
    const v = theta[i]!;
    if (!(v >= p.min && v <= p.max)) return false;
    if (p.integer && !Number.isInteger(v)) return false;
  }
  return true;
}
