/**
 * `loadScenario(path)`: read, validate and resolve a scenario file and its extends chain, returning
 * either the resolved scenario or every error at once, each placed in the file it comes from.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatPath, type Issue, type ScenarioError } from './errors.js';
import {
  type Chain,
  type ChainFile,
  interventionCountIssue,
  loadChain,
  type Merged,
  mergeChain,
  originOf,
  type ReadText,
} from './extends.js';
import { locate, type ParsedSource, parseSource } from './parse.js';
import {
  buildOrg,
  interventionContext,
  prefix,
  type ResolvedScenario,
  resolveIntervention,
  resolveScenario,
  type ScenarioOverrides,
} from './resolve.js';
import { InterventionSchema, OrganisationSchema, ScenarioSchema } from './schema.js';
import { checkSchema } from './validate.js';

export type LoadResult =
  | { readonly ok: true; readonly scenario: ResolvedScenario; readonly files: readonly string[] }
  | { readonly ok: false; readonly errors: readonly ScenarioError[]; readonly files: readonly string[] };

export interface LoadOptions {
  readonly overrides?: ScenarioOverrides | undefined;
  /** Reads a file as text (default: the file system); for tests and embedding. */
  readonly read?: ReadText | undefined;
}

/** A file's text, or one error saying why it could not be read (`what` names the kind of file). */
export function readTextFile(
  path: string,
  what: string,
): { readonly ok: true; readonly file: string; readonly text: string } | { readonly ok: false; readonly errors: readonly ScenarioError[] } {
  const file = resolve(path);
  try {
    return { ok: true, file, text: readFileSync(file, 'utf8') };
  } catch (e) {
    const code = (e as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : String(e);
    return { ok: false, errors: [{ file, line: null, col: null, path: '', message: `cannot read the ${what}: ${reason}` }] };
  }
}

/**
 * Read and parse a YAML or JSON file that is not a scenario but is checked like one (sensitivity
 * and calibration files): the parsed source with positions, or one error saying why it could not
 * be read (`what` names the kind of file) or every parse error.
 */
export function readSourceFile(
  path: string,
  what: string,
):
  | { readonly ok: true; readonly file: string; readonly src: ParsedSource }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] } {
  const read = readTextFile(path, what);
  if (!read.ok) return read;
  const { file, text } = read;
  const src = parseSource(text, file);
  return src.errors.length > 0 ? { ok: false, errors: src.errors } : { ok: true, file, src };
}

export function loadScenario(path: string, opts: LoadOptions = {}): LoadResult {
  const chain = loadChain(path, opts.read);
  const files = chain.files.map((f) => f.file);
  const errors: ScenarioError[] = [...chain.errors];
  if (chain.complete) {
    const merged = mergeChain(chain.files);
    const tooMany = interventionCountIssue(merged.data.interventions);
    if (tooMany) return { ok: false, errors: tidy([...errors, ...placeMerged(chain, merged, [tooMany])], files), files };
    const checked = checkSchema(ScenarioSchema, merged.data);
    if (checked.ok) {
      const r = resolveScenario(checked.value, { source: files[0]!, files, overrides: opts.overrides });
      if (r.ok && errors.length === 0) return { ok: true, scenario: r.scenario, files };
      if (!r.ok) errors.push(...placeMerged(chain, merged, r.issues));
    } else if (errors.length === 0) {
      // Each file is valid on its own but the merge is not (kept for safety; lists replace, so rare).
      errors.push(...placeMerged(chain, merged, checked.issues));
    } else {
      errors.push(...placeMerged(chain, merged, bestEffortIssues(merged.data)));
    }
  }
  return { ok: false, errors: tidy(errors, files), files };
}

/** Place issues about the merged scenario in the file (and at the path in that file) they came from. */
function placeMerged(chain: Chain, merged: Merged, issues: readonly Issue[]): ScenarioError[] {
  return issues.map((iss) => {
    const o = originOf(chain.files, merged, iss.path);
    const cf: ChainFile = chain.files[o.file]!;
    const p = locate(cf.src, o.path, iss.atKey ?? false);
    return { file: cf.file, line: p.line, col: p.col, path: formatPath(o.path), message: iss.message };
  });
}

/**
 * When some fields are invalid, still check the interventions that are valid on their own against
 * the fields they depend on, skipping checks whose inputs are themselves invalid, so that one run
 * of `tanker validate` reports as much as it can.
 */
function bestEffortIssues(data: Record<string, unknown>): Issue[] {
  const part = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, v: unknown): T | null => {
    const r = schema.safeParse(v);
    return r.success ? r.data : null;
  };
  const shape = ScenarioSchema.shape;
  const start = part(shape.start, data.start);
  const horizon = part(shape.horizon, data.horizon);
  const size = part(shape.size, data.size);
  const org = part(OrganisationSchema.optional(), data.organisation);
  const unitNames =
    size !== null && (org !== null || data.organisation === undefined) ? buildOrg(size, org ?? undefined).units.map((u) => u.name) : null;
  const ctx = interventionContext(start, horizon, unitNames);
  const items = Array.isArray(data.interventions) ? data.interventions : [];
  return items.flatMap((raw, i) => {
    const spec = part(InterventionSchema, raw);
    return spec === null ? [] : resolveIntervention(spec, ctx).issues.map((iss) => prefix(['interventions', i], iss));
  });
}

/** Drop duplicates; order by file (the scenario first, then its ancestors), line and column. */
function tidy(errors: readonly ScenarioError[], files: readonly string[]): ScenarioError[] {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.file}\0${e.line}\0${e.col}\0${e.path}\0${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rank = (f: string) => {
    const k = files.indexOf(f);
    return k < 0 ? files.length : k;
  };
  return unique.sort((a, b) => rank(a.file) - rank(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}
