/**
 * Leaf schema builders. Each field's zod error message is the "allowed" text (e.g. `a number from
 * 0 to 1`) for every way it can fail; validate.ts adds the value found and the path. Strict objects
 * word unknown keys themselves, one line per key, with a "did you mean" suggestion.
 */
import { z } from 'zod';
import { formatIsoDate, parseIsoDate, weekday } from '../engine/calendar.js';
import { didYouMean, quoteList } from './errors.js';
import { LIMITS, SHORT_TEXT } from './limits.js';

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

/** A translation into Norwegian (bokmål) of a text the file also gives in English. */
export const NB_TEXT_ALLOWED = 'a text in Norwegian (bokmål) that is not empty or only spaces';

/** `description_nb`, `label_nb`: optional, and never empty or blank (an empty translation would hide the English text). */
export function nbTextField() {
  return z.string({ error: NB_TEXT_ALLOWED }).regex(/\S/, { error: NB_TEXT_ALLOWED }).optional();
}

const NAME_ALLOWED = `a text of 1 to ${LIMITS.nameLength} characters on one line`;

/** Text of 1 to LIMITS.nameLength characters on one line (no control characters); `allowed` for every way it fails. */
function shortText(allowed: string) {
  return z
    .string({ error: allowed })
    .min(1, { error: allowed })
    .max(LIMITS.nameLength, { error: allowed })
    .regex(SHORT_TEXT, { error: allowed });
}

/** A name that becomes part of folder names: short, one line, no control characters. */
export function nameField() {
  return shortText(NAME_ALLOWED);
}

export const SEED_ALLOWED = `a text of 1 to ${LIMITS.nameLength} characters on one line, or an integer from ${-Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}`;

/** Explains why a number is not a usable integer seed (too large to be exact, or a fraction). */
function seedMessage(input: unknown): string {
  if (typeof input === 'number' && Number.isFinite(input) && Number.isInteger(input))
    return `${SEED_ALLOWED}; ${input} is too large to be held exactly, so write it in quotes as a text`;
  return SEED_ALLOWED;
}

/** A master seed: a short text or an exactly representable integer (seeds name output folders). */
export function seedField() {
  const message = (iss: { input?: unknown }) => seedMessage(iss.input);
  return z.union([shortText(SEED_ALLOWED), z.number({ error: message }).int()], { error: message });
}

export const DATE_ALLOWED = 'a calendar date written YYYY-MM-DD';

/** Why a text is not a calendar date (e.g. `February 2026 has 28 days`), or null if it is one. */
export function dateProblem(s: string): string | null {
  try {
    parseIsoDate(s);
    return null;
  } catch (e) {
    const m = /^Invalid date "[^"]*": (.*)$/.exec(e instanceof Error ? e.message : '');
    return m ? m[1]! : 'not a date';
  }
}

/** The allowed text plus the reason when the input looks like a date but is not a real one. */
function dateMessage(allowed: string, input: unknown): string {
  if (typeof input !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(input)) return allowed;
  const problem = dateProblem(input);
  return problem ? `${allowed}; ${problem}` : allowed;
}

export function dateField(allowed = DATE_ALLOWED) {
  return z
    .string({ error: allowed })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: allowed })
    .refine((s) => dateProblem(s) === null, { error: (iss) => dateMessage(allowed, iss.input) });
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `a Wednesday; its week starts on Monday 2026-01-05`, or null for a Monday (or not a date). */
export function notMonday(s: string): string | null {
  if (dateProblem(s) !== null) return null;
  const day = parseIsoDate(s);
  const wd = weekday(day);
  return wd === 0 ? null : `${s} is a ${WEEKDAYS[wd]}; its week starts on Monday ${formatIsoDate(day - wd)}`;
}

const MONDAY_ALLOWED = `${DATE_ALLOWED} that is a Monday (every week of a run starts on a Monday)`;

/** The first day of a run: a Monday, so that every week in the results is named by its Monday. */
export function mondayField() {
  return dateField(MONDAY_ALLOWED).refine((s) => notMonday(s) === null, {
    error: (iss) => `${MONDAY_ALLOWED}; ${notMonday(String(iss.input))}`,
  });
}

const WEEK_ALLOWED = `a week index (an integer from 0 to ${LIMITS.horizon})`;

/**
 * A date (YYYY-MM-DD) or a 0-based week index. Weeks beyond the run are reported by resolve.ts
 * with the run's own range; here only what can never be a week (fractions, numbers too large to
 * be exact) is refused.
 */
export function dateOrWeekField() {
  const allowed = `${DATE_ALLOWED}, or ${WEEK_ALLOWED}`;
  const message = (iss: { input?: unknown }) => dateMessage(allowed, iss.input);
  return z.union([dateField(allowed), z.number({ error: message }).int().min(0)], { error: message });
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
