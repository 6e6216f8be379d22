/**
 * Scenario inheritance: follows `extends` from a file to its ancestors (detecting cycles and
 * missing files), validates each file on its own so errors carry that file's name and position,
 * and merges the chain: mappings merge deeply (the child wins), lists replace, except
 * `interventions`, which append to the parent's. `name` is never inherited; `description` and
 * `description_nb` are inherited together, only when the child has neither.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { displayFile, foundAllowed, type Issue, type PathSegment, type ScenarioError } from './errors.js';
import { LIMITS, thousands } from './limits.js';
import { locate, type ParsedSource, parseSource, placeIssues } from './parse.js';
import { ScenarioSchema } from './schema.js';
import { checkSchema, valueAt } from './validate.js';

/** Ancestors beyond this depth are almost certainly a mistake (cycles are caught separately). */
export const MAX_EXTENDS_DEPTH = 32;

export interface ChainFile {
  /** Absolute path. */
  readonly file: string;
  readonly src: ParsedSource;
  /** The file's data when it is a mapping, else undefined. */
  readonly data: Record<string, unknown> | undefined;
}

export interface Chain {
  /** The file itself first, then its parent, grandparent, … */
  readonly files: readonly ChainFile[];
  /** Read, syntax, schema and extends errors of every file in the chain. */
  readonly errors: readonly ScenarioError[];
  /** Every file in the chain was read and parsed (schema errors aside), so the chain can be merged. */
  readonly complete: boolean;
}

export type ReadText = (absPath: string) => string;

const readUtf8: ReadText = (p) => readFileSync(p, 'utf8');

export function loadChain(path: string, read: ReadText = readUtf8): Chain {
  const files: ChainFile[] = [];
  const errors: ScenarioError[] = [];
  let file = resolve(path);
  /** Where the current file was named (the child's `extends`), for errors about the file itself. */
  let namedAt: ChainFile | undefined;
  for (;;) {
    let text: string;
    try {
      text = read(file);
    } catch (e) {
      const reason = readError(e);
      if (namedAt)
        errors.push(extendsError(namedAt, `a path to an existing scenario file, relative to this file (${displayFile(file)}: ${reason})`));
      else errors.push({ file, line: null, col: null, path: '', message: `cannot read the scenario file: ${reason}` });
      return { files, errors, complete: false };
    }
    if (text.length > LIMITS.fileBytes) {
      // Checked before parsing: reading a huge file would take long before saying anything.
      const message = `the file has ${thousands(text.length)} characters; allowed: at most ${thousands(LIMITS.fileBytes)} (256 KB) for a scenario file`;
      errors.push({ file, line: null, col: null, path: '', message });
      return { files, errors, complete: false };
    }
    const src = parseSource(text, file);
    errors.push(...src.errors);
    if (src.data === undefined) return { files, errors, complete: false };
    const data = isMapping(src.data) ? src.data : undefined;
    const cf: ChainFile = { file, src, data };
    files.push(cf);
    const tooMany = interventionCountIssue(data?.interventions);
    if (tooMany) errors.push(...placeIssues(src, [tooMany]));
    // Too many interventions are not checked one by one (that alone would take long).
    const checked = checkSchema(ScenarioSchema, tooMany ? { ...data, interventions: [] } : src.data);
    if (!checked.ok) errors.push(...placeIssues(src, checked.issues));
    if (tooMany) return { files, errors, complete: false };
    const ext = data?.extends;
    if (ext === undefined) return { files, errors, complete: files.every((f) => f.data !== undefined) };
    // An unusable `extends` has been reported by the schema; the ancestors are unknown.
    if (typeof ext !== 'string' || !/\.(ya?ml|json)$/i.test(ext)) return { files, errors, complete: false };
    const next = resolve(dirname(file), ext);
    const seen = files.findIndex((f) => f.file === next);
    if (seen >= 0) {
      const here = dirname(cf.file);
      const cycle = [...files.slice(seen).map((f) => f.file), next].map((f) => relative(here, f) || f).join(' → ');
      errors.push(extendsError(cf, 'a file that does not extend this one', `cycle: ${cycle}`));
      return { files, errors, complete: false };
    }
    if (files.length >= MAX_EXTENDS_DEPTH) {
      errors.push(extendsError(cf, `a chain of at most ${MAX_EXTENDS_DEPTH} files`));
      return { files, errors, complete: false };
    }
    namedAt = cf;
    file = next;
  }
}

/** An issue when a list of interventions is longer than LIMITS.interventions. */
export function interventionCountIssue(list: unknown): Issue | null {
  if (!Array.isArray(list) || list.length <= LIMITS.interventions) return null;
  return {
    path: ['interventions'],
    message: `found a list of ${thousands(list.length)} interventions; allowed: at most ${thousands(LIMITS.interventions)} interventions in a scenario (inherited ones included)`,
  };
}

function extendsError(cf: ChainFile, allowed: string, hint?: string): ScenarioError {
  const p = locate(cf.src, ['extends']);
  return { file: cf.file, line: p.line, col: p.col, path: 'extends', message: foundAllowed(cf.data?.extends, allowed, hint) };
}

function readError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

export function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Where an intervention of the merged scenario was written: chain index and position in that file's list. */
export interface InterventionOrigin {
  readonly file: number;
  readonly index: number;
}

export interface Merged {
  readonly data: Record<string, unknown>;
  readonly interventions: readonly InterventionOrigin[];
}

const DESCRIPTIONS = ['description', 'description_nb'] as const;
const NOT_INHERITED = new Set<string>(['name', ...DESCRIPTIONS, 'extends', '$schema', 'interventions']);

/** Merge a chain (child first, as loadChain returns it) into one raw scenario. */
export function mergeChain(files: readonly ChainFile[]): Merged {
  let data: Record<string, unknown> = {};
  let origins: InterventionOrigin[] = [];
  for (let k = files.length - 1; k >= 0; k--) {
    const child = files[k]!.data ?? {};
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(data)) if (!NOT_INHERITED.has(key)) setOwn(out, key, v);
    for (const [key, v] of Object.entries(child)) if (!NOT_INHERITED.has(key)) setOwn(out, key, deepMerge(out[key], v));
    if (child.name !== undefined) setOwn(out, 'name', child.name);
    // The description and its Norwegian translation travel together: a child that writes either
    // replaces both, so an inherited translation never sits beside another file's English text.
    const writesText = child.description !== undefined || child.description_nb !== undefined;
    for (const key of DESCRIPTIONS) {
      const v = writesText ? child[key] : data[key];
      if (v !== undefined) setOwn(out, key, v);
    }
    const own = Array.isArray(child.interventions) ? child.interventions : [];
    const inherited = Array.isArray(data.interventions) ? data.interventions : [];
    setOwn(out, 'interventions', [...inherited, ...own]);
    origins = [...origins, ...own.map((_, index) => ({ file: k, index }))];
    data = out;
  }
  return { data, interventions: origins };
}

/** Objects merge key by key (b wins); anything else (lists included) is replaced by b. */
export function deepMerge(a: unknown, b: unknown): unknown {
  if (!isMapping(a) || !isMapping(b)) return b;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) setOwn(out, k, v);
  for (const [k, v] of Object.entries(b)) setOwn(out, k, deepMerge(out[k], v));
  return out;
}

/** Assign an own property even for keys such as `__proto__` (never touching a prototype). */
function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** The file (chain index) and path within it that a path of the merged scenario came from. */
export function originOf(
  files: readonly ChainFile[],
  merged: Merged,
  path: readonly PathSegment[],
): { file: number; path: readonly PathSegment[] } {
  if (path[0] === 'interventions' && typeof path[1] === 'number') {
    const o = merged.interventions[path[1]];
    if (o) return { file: o.file, path: ['interventions', o.index, ...path.slice(2)] };
  }
  let best = 0;
  let bestDepth = -1;
  files.forEach((f, k) => {
    let depth = 0;
    while (depth < path.length && valueAt(f.data, path.slice(0, depth + 1)) !== undefined) depth++;
    if (depth > bestDepth) {
      best = k;
      bestDepth = depth;
    }
  });
  return { file: best, path };
}
