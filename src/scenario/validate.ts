/**
 * Runs a zod schema over plain data and turns every issue into a path-level Issue that says what
 * was found and what is allowed (with "did you mean" for enums, lever kinds and unknown keys).
 */
import type { z } from 'zod';
import { describeKind, didYouMean, foundAllowed, type Issue, type PathSegment, quoteList } from './errors.js';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };

export function checkSchema<T>(schema: z.ZodType<T>, data: unknown): Checked<T> {
  const r = schema.safeParse(data, { error: fallbackAllowed });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, issues: r.error.issues.flatMap((iss) => toIssues(iss, data)) };
}

/** The value at a path in plain data, or undefined. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function toIssues(iss: z.core.$ZodIssue, data: unknown): Issue[] {
  const path = iss.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  const found = valueAt(data, path);
  switch (iss.code) {
    case 'unrecognized_keys': {
      const lines = iss.message.split('\n');
      return iss.keys.map((k, i) => ({ path: [...path, k], message: lines[i] ?? 'unknown key', atKey: true }));
    }
    case 'invalid_union': {
      const disc = (iss as { discriminator?: string; options?: unknown[] }).discriminator;
      if (disc !== undefined) {
        // Unknown or missing discriminator (the lever kind): report it at the discriminator itself.
        const options = ((iss as { options?: unknown[] }).options ?? []).map(String);
        const at = path.at(-1) === disc ? path : [...path, disc];
        const v = valueAt(data, at);
        return [{ path: at, message: foundAllowed(v, `one of ${quoteList(options)}`, didYouMean(v, options)) }];
      }
      break;
    }
    case 'invalid_value':
      return [{ path, message: foundAllowed(found, iss.message, didYouMean(found, iss.values.map(String))) }];
  }
  // The whole file is not a mapping (a file of another kind): say what it is, without echoing it.
  if (path.length === 0 && iss.code === 'invalid_type') return [{ path, message: `found ${describeKind(found)}; allowed: ${iss.message}` }];
  return [{ path, message: foundAllowed(found, iss.message) }];
}

/** Allowed text for issues from schemas without their own wording (none are expected). */
function fallbackAllowed(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      return `a value of type ${iss.expected}`;
    case 'too_big':
      return `at most ${String(iss.maximum)}`;
    case 'too_small':
      return `at least ${String(iss.minimum)}`;
    case 'invalid_value':
      return `one of ${quoteList(iss.values.map(String))}`;
    default:
      return 'a valid value';
  }
}
