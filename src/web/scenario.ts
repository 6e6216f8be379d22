/**
 * Scenario handling in the browser, built only from the pure parts of src/scenario (parse,
 * validate, schema, resolve), never from the file-reading loader: reading a scenario text,
 * following `extends` into the bundled library, resolving to model inputs, and writing YAML.
 */
import { stringify } from 'yaml';
import { formatPath, type ScenarioError } from '../scenario/errors.js';
import { parseSource, placeIssues } from '../scenario/parse.js';
import { type ResolvedScenario, resolveScenarioData } from '../scenario/resolve.js';
import { ScenarioSchema } from '../scenario/schema.js';
import { checkSchema } from '../scenario/validate.js';
import {
  type BaseRef,
  BUILT_IN,
  describeChanges,
  describeIntervention,
  horizonOf,
  isMapping,
  type SlotConfig,
  scenarioData,
} from './config.js';
import type { BaseSummary, LibraryEntry } from './protocol.js';

type Json = Record<string, unknown>;

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly string[] };

/** The built-in base: every default of the medium preset. */
export const BUILT_IN_DATA: Json = { name: 'medium-default', description: 'The built-in medium municipality with every default.' };

function formatPlaced(e: ScenarioError): string {
  const where = e.line === null ? e.file : `${e.file}:${e.line}:${e.col ?? 1}`;
  return e.path === '' ? `${where}  ${e.message}` : `${where}  ${e.path}: ${e.message}`;
}

/**
 * Merge a parent scenario under a child, as `extends` does: mappings merge (the child wins), lists
 * replace, interventions append to the parent's, `name` is never inherited and `description` only
 * when the child has none.
 */
export function mergeUnder(parent: Json, child: Json): Json {
  const deep = (a: unknown, b: unknown): unknown => {
    if (!isMapping(a) || !isMapping(b)) return b;
    const o: Json = { ...a };
    for (const [k, v] of Object.entries(b)) o[k] = deep(o[k], v);
    return o;
  };
  const skip = new Set(['name', 'description', 'extends', '$schema', 'interventions']);
  const out: Json = {};
  for (const [k, v] of Object.entries(parent)) if (!skip.has(k)) out[k] = v;
  for (const [k, v] of Object.entries(child)) if (!skip.has(k)) out[k] = deep(out[k], v);
  if (child.name !== undefined) out.name = child.name;
  const description = child.description ?? parent.description;
  if (description !== undefined) out.description = description;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  out.interventions = [...list(parent.interventions), ...list(child.interventions)];
  return out;
}

/** The library entry a loaded file's `extends` names: by its path under scenarios/, else by file name. */
export function findParent(ext: string, library: readonly LibraryEntry[]): LibraryEntry | undefined {
  const clean = ext.replace(/\\/g, '/');
  const stripped = clean.replace(/^(\.\.?\/)+/, '');
  const byId = library.find((e) => e.id === clean || e.id === stripped);
  if (byId) return byId;
  const file = stripped.split('/').pop();
  const byName = library.filter((e) => e.id.split('/').pop() === file);
  return byName.length === 1 ? byName[0] : undefined;
}

/** A scenario text (YAML or JSON) to plain data free of `extends`, or its errors with line and column. */
export function readScenarioText(text: string, fileName: string, library: readonly LibraryEntry[]): Outcome<Json> {
  const src = parseSource(text, fileName);
  if (src.errors.length > 0 || src.data === undefined) return { ok: false, errors: src.errors.map(formatPlaced) };
  if (!isMapping(src.data))
    return { ok: false, errors: [`${fileName}  found something other than a mapping; allowed: a scenario mapping`] };
  const checked = checkSchema(ScenarioSchema, src.data);
  if (!checked.ok) return { ok: false, errors: placeIssues(src, checked.issues).map(formatPlaced) };
  const ext = src.data.extends;
  if (typeof ext !== 'string') return { ok: true, value: src.data };
  const parent = findParent(ext, library);
  if (!parent)
    return {
      ok: false,
      errors: [
        `${fileName}  extends: found ${JSON.stringify(ext)}; allowed in the explorer: a scenario of its library (${library.map((e) => e.id).join(', ')})`,
      ],
    };
  return { ok: true, value: mergeUnder(parent.data, src.data) };
}

/** The data of a base scenario. */
export function baseData(ref: BaseRef, library: readonly LibraryEntry[]): Outcome<Json> {
  if ('text' in ref) return readScenarioText(ref.text, ref.fileName, library);
  if (ref.library === BUILT_IN) return { ok: true, value: BUILT_IN_DATA };
  const e = library.find((x) => x.id === ref.library);
  return e ? { ok: true, value: e.data } : { ok: false, errors: [`no scenario "${ref.library}" in the library`] };
}

/** Validate and resolve plain scenario data, exactly as the CLI does after reading a file. */
export function resolveData(data: Json, source = 'explorer'): Outcome<ResolvedScenario> {
  const r = resolveScenarioData(data, { source });
  if (!r.ok) return { ok: false, errors: r.issues.map((i) => `${formatPath(i.path) || '(scenario)'}: ${i.message}`) };
  return { ok: true, value: r.scenario };
}

export function summarize(data: Json, s: ResolvedScenario): BaseSummary {
  const layers = s.config.org.units.map((u) => u.layers);
  return {
    name: s.name,
    description: s.description ?? '',
    seed: String(s.seed),
    startDate: s.config.startDate,
    horizon: s.config.ticks,
    size: s.config.preset,
    siloStrength: s.config.org.siloStrength,
    matrixDegree: s.config.org.matrixDegree,
    layersMin: Math.min(...layers),
    layersMax: Math.max(...layers),
    units: s.config.org.units.map((u) => u.name),
    elections: s.elections,
    interventions: s.interventions.map((i) => i.kind),
    hasSweep: data.sweep !== undefined,
    turnThreshold: s.config.params.index.turnThreshold,
  };
}

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'scenario';
}

/**
 * The description of an exported scenario: where it comes from, every intervention it holds (the
 * base scenario's and the explorer's), what else the explorer changed, then the base scenario's
 * own description (which may say "no interventions" of the base, so it comes last and is named).
 */
export function exportDescription(base: Json, data: Json, baseLabel: string, changes: readonly string[]): string {
  const items = Array.isArray(data.interventions) ? data.interventions.filter(isMapping) : [];
  const others = changes.filter((c) => !c.startsWith('added '));
  const parts = [
    `Made in the Tanker explorer from ${baseLabel}.`,
    items.length === 0 ? 'Interventions: none.' : `Interventions: ${items.map(describeIntervention).join('; ')}.`,
  ];
  if (others.length > 0) parts.push(`Also changed in the explorer: ${others.join('; ')}.`);
  const own = typeof base.description === 'string' ? base.description.trim() : '';
  if (own !== '') parts.push(`The base scenario (${baseLabel}): ${own}`);
  return parts.join(' ');
}

/** The scenario file of a slot: YAML that `tanker validate`, `run` and `batch` accept as it is. */
export function exportYaml(base: Json, baseLabel: string, cfg: SlotConfig, note: string): { yaml: string; fileName: string } {
  const data = scenarioData(base, cfg);
  const name = safeName(String(data.name));
  data.name = name;
  const changes = describeChanges(cfg, horizonOf(base));
  data.description = exportDescription(base, data, baseLabel, changes);
  const header = [
    `Made with the Tanker explorer${note ? ` (${note})` : ''} from ${baseLabel}.`,
    changes.length > 0 ? `Changed in the explorer: ${changes.join('; ')}.` : 'Nothing was changed in the explorer.',
    'Self-contained (no extends). Check it with `tanker validate FILE`, run it with `tanker run FILE` or `tanker batch FILE`.',
  ];
  if (base.sweep !== undefined)
    header.push('The base scenario had a parameter sweep; the explorer runs one point, so it is left out here.');
  const order = ['name', 'description', 'seed', 'replicates', 'size', 'start', 'horizon', 'elections', 'mechanisms', 'organisation'];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : k === 'interventions' ? order.length + 1 : order.length);
  const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => rank(a) - rank(b)));
  const body = stringify(sorted, { lineWidth: 0 });
  return { yaml: `${header.map((l) => `# ${l}`).join('\n')}\n\n${body}`, fileName: `${name}.yaml` };
}
