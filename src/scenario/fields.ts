/**
 * Leaf schema builders. Each field's zod error message is the "allowed" text (e.g. `a number from
 * 0 to 1`) for every way it can fail; validate.ts adds the value found and the path. Strict objects
 * word unknown keys themselves, one line per key, with a "did you mean" suggestion.
 */
import { z } from 'zod';
import { parseIsoDate } from '../engine/calendar.js';
import { didYouMean, quoteList } from './errors.js';

export interface NumberOpts {
  readonly integer?: boolean;
  /** The minimum itself is not allowed. */
  readonly exclusiveMin?: boolean;
}

export function numberAllowed(min: number, max: number, opts: NumberOpts = {}): string {
  const what = opts.integer ? 'an integer' : 'a number';
  return opts.exclusiveMin ? `${what} greater than ${min} and at most ${max}` : `${what} from ${min} to ${max}`;
}

export function numberField(min: number, max: number, opts: NumberOpts = {}) {
  let s = z.number({ error: numberAllowed(min, max, opts) });
  if (opts.integer) s = s.int();
  s = opts.exclusiveMin ? s.gt(min) : s.min(min);
  return s.max(max);
}

export function enumField<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `one of ${quoteList(values)}` });
}

export function boolField() {
  return z.boolean({ error: 'true or false' });
}

export function textField() {
  return z.string({ error: 'a non-empty text' }).min(1);
}

export const DATE_ALLOWED = 'a calendar date written YYYY-MM-DD';

function isDate(s: string): boolean {
  try {
    parseIsoDate(s);
    return true;
  } catch {
    return false;
  }
}

export function dateField(allowed = DATE_ALLOWED) {
  return z
    .string({ error: allowed })
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine(isDate);
}

/** A date (YYYY-MM-DD) or a 0-based week index. */
export function dateOrWeekField() {
  const allowed = `${DATE_ALLOWED}, or a week index (an integer from 0)`;
  return z.union([dateField(allowed), z.number({ error: allowed }).int().min(0)], { error: allowed });
}

export function unknownKeyMessage(key: string, allowedKeys: readonly string[]): string {
  if (allowedKeys.length === 0) return 'unknown key; no keys are allowed here';
  const hint = didYouMean(key, allowedKeys);
  return hint ? `unknown key; ${hint}` : `unknown key; allowed keys: ${allowedKeys.join(', ')}`;
}

export interface StrictOpts {
  /** The allowed text when the value is not a mapping. */
  readonly what?: string | undefined;
  /** A special message for some unknown keys (return undefined for the generic one). */
  readonly unknownKey?: ((key: string) => string | undefined) | undefined;
}

/**
 * A mapping that rejects unknown keys. Its unrecognized_keys message has one line per key, in the
 * order of the issue's `keys`; validate.ts splits them so each key is reported at its own position.
 */
export function strictObject<S extends z.ZodRawShape>(shape: S, opts: StrictOpts = {}) {
  const keys = Object.keys(shape).filter((k) => k !== '$schema');
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') return iss.keys.map((k) => opts.unknownKey?.(k) ?? unknownKeyMessage(k, keys)).join('\n');
      return opts.what ?? 'a mapping of key: value pairs';
    },
  });
}
