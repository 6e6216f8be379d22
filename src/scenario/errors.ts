/**
 * Scenario error values and their wording: one line per problem, naming the file, line, column,
 * field path, the value found and what is allowed, with a "did you mean" suggestion for near misses.
 */
import { isAbsolute, relative } from 'node:path';

export type PathSegment = string | number;

/** A problem at a field path, before it is placed in a file. */
export interface Issue {
  readonly path: readonly PathSegment[];
  /** The full text after `path: `, e.g. `found 1.5; allowed: a number from 0 to 1`. */
  readonly message: string;
  /** Point at the key of the last path segment (unknown keys) rather than at its value. */
  readonly atKey?: boolean;
}

/** A problem placed in a file; line and col are 1-based, or null when the problem is the file itself. */
export interface ScenarioError {
  readonly file: string;
  readonly line: number | null;
  readonly col: number | null;
  /** Field path as written in messages, e.g. `interventions[2].intensity`; '' for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** `['interventions', 2, 'intensity']` → `interventions[2].intensity`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

const MAX_SHOWN = 70;

/** A found value as shown in messages: strings quoted, lists and mappings as short JSON. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value (null)';
  if (typeof v === 'string') return clip(JSON.stringify(v));
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const json = safeJson(v);
  return Array.isArray(v) ? `a list ${json}` : `a mapping ${json}`;
}

/** What kind of value this is, without its content (for a whole file that is not a scenario). */
export function describeKind(v: unknown): string {
  if (v === undefined || v === null) return 'an empty file';
  if (typeof v === 'string') return `a text of ${v.length} characters, not a mapping of fields`;
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}, not a mapping of fields`;
  return `${typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'true or false' : 'a value'}, not a mapping of fields`;
}

function safeJson(v: unknown): string {
  try {
    return clip(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)) ?? String(v));
  } catch {
    return '(unprintable)';
  }
}

function clip(s: string): string {
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 1)}…` : s;
}

/** The standard message: what was found and what is allowed, plus an optional hint. */
export function foundAllowed(found: unknown, allowed: string, hint?: string): string {
  const head = found === undefined ? `missing; allowed: ${allowed}` : `found ${describeValue(found)}; allowed: ${allowed}`;
  return hint ? `${head}; ${hint}` : head;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/** The candidate closest to `word` if it is close enough to be a likely typo (or a clear prefix), else undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const dist = editDistance(word, c);
    if (dist < bestD) {
      best = c;
      bestD = dist;
    }
  }
  if (best === undefined || bestD === 0) return best;
  const limit = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  if (bestD <= limit) return best;
  if (word.length >= 3) {
    const lw = word.toLowerCase();
    const hit = candidates.filter((c) => c.toLowerCase().startsWith(lw) || c.toLowerCase().includes(lw));
    if (hit.length === 1) return hit[0];
  }
  return undefined;
}

/** `did you mean "x"?` when a candidate is close, else ''. */
export function didYouMean(word: unknown, candidates: readonly string[]): string {
  if (typeof word !== 'string') return '';
  const c = closest(word, candidates);
  return c === undefined || c === word ? '' : `did you mean ${JSON.stringify(c)}?`;
}

/** `"a", "b" or "c"` for enumerations in messages. */
export function quoteList(values: readonly string[]): string {
  const q = values.map((v) => JSON.stringify(v));
  return q.length <= 1 ? (q[0] ?? '(none)') : `${q.slice(0, -1).join(', ')} or ${q.at(-1)}`;
}

/** A file name for messages: relative to `cwd` when inside it, else absolute. */
export function displayFile(file: string, cwd: string = process.cwd()): string {
  const r = relative(cwd, file);
  return r !== '' && !r.startsWith('..') && !isAbsolute(r) ? r : file;
}

/** `scenarios/bad.yaml:14:16  interventions[0].intensity: found 1.5; allowed: a number from 0 to 1` */
export function formatError(e: ScenarioError, cwd?: string): string {
  const where = e.line === null ? displayFile(e.file, cwd) : `${displayFile(e.file, cwd)}:${e.line}:${e.col ?? 1}`;
  return e.path === '' ? `${where}  ${e.message}` : `${where}  ${e.path}: ${e.message}`;
}

export function formatErrors(errors: readonly ScenarioError[], cwd?: string): string {
  return errors.map((e) => formatError(e, cwd)).join('\n');
}
