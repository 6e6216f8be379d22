/**
 * The package builder's catalogue, derived from the lever registration (src/model/levers): every
 * lever of LEVERS, in catalogue order within its group (lever-text.ts), with its names, its one-line
 * description, its options and their ranges. A lever added to the catalogue appears here with no
 * edit of the explorer. Also a lever as the builder holds it (a choice: kind, start, end,
 * intensity, options, and for a unit lever the units it acts on), its intervention in a scenario,
 * and its form in the URL hash. No DOM.
 */
import { LEVERS, type LeverSpec, type OptionSpec } from '../model/index.js';
import type { Lang } from '../report/names.js';
import { GROUP_NAMES, LEVER_CHANGES_NB, LEVER_GROUP_OF, OPTION_DOCS_NB } from './lever-text.js';

export type OptionValue = number | boolean | string;

/** A lever added in the builder. `end` null: to the end of the run. Options hold only values that differ from the default. */
export interface LeverChoice {
  kind: string;
  start: number;
  end: number | null;
  intensity: number;
  options: Record<string, OptionValue>;
  /** Names of the units a unit lever acts on (`units:` of its intervention); null: every unit. Always null for a lever that acts on the whole organisation. */
  units: string[] | null;
}

export interface LeverGroup {
  readonly id: string;
  readonly levers: readonly LeverSpec[];
}

const ALL = LEVERS as readonly LeverSpec[];

/** The whole catalogue by group (empty groups left out); a lever with no group yet goes to `other`. */
export const LEVER_GROUPS: readonly LeverGroup[] = Object.keys(GROUP_NAMES)
  .map((id) => ({ id, levers: ALL.filter((l) => (LEVER_GROUP_OF[l.kind] ?? 'other') === id) }))
  .filter((g) => g.levers.length > 0);

export function groupName(lang: Lang, id: string): string {
  return GROUP_NAMES[id]?.[lang] ?? id;
}

export function leverSpecOf(kind: string): LeverSpec | undefined {
  return ALL.find((l) => l.kind === kind);
}

/** What the lever changes, in one line (Norwegian where written, else the declaration's English line). */
export function leverDescription(lang: Lang, kind: string): string {
  const spec = leverSpecOf(kind);
  if (!spec) return '';
  return (lang === 'nb' ? LEVER_CHANGES_NB[kind] : undefined) ?? spec.changes;
}

/** What an option of a lever sets, in a line (Norwegian where written, else the declaration's `doc`). */
export function optionDoc(lang: Lang, kind: string, option: string): string {
  const doc = leverSpecOf(kind)?.options[option]?.doc ?? option;
  return (lang === 'nb' ? OPTION_DOCS_NB[`${kind}.${option}`] : undefined) ?? doc;
}

/** 2026-03-02, the start date the teaching scenarios use. */
export const DEFAULT_LEVER_START = 8;

export function newChoice(kind: string, start = DEFAULT_LEVER_START): LeverChoice {
  return { kind, start, end: null, intensity: 1, options: {}, units: null };
}

/** True for a lever that can be placed on chosen units (its declaration's scope is `unit`). */
export function actsOnUnits(kind: string): boolean {
  return leverSpecOf(kind)?.scope === 'unit';
}

/**
 * Place a choice on the named units, keeping only names of `available` (the base scenario's units),
 * in its order: none left, or all of them, means every unit (null), as does a lever of the whole organisation.
 */
export function setUnits(c: LeverChoice, names: readonly string[] | null, available: readonly string[]): void {
  const kept = names === null || !actsOnUnits(c.kind) ? [] : available.filter((u) => names.includes(u));
  c.units = kept.length === 0 || kept.length === available.length ? null : kept;
}

/** An option value within what the declaration allows, or null if it cannot be one. */
export function optionValue(o: OptionSpec, v: unknown): OptionValue | null {
  switch (o.type) {
    case 'boolean':
      return v === true || v === 'true' ? true : v === false || v === 'false' ? false : null;
    case 'enum':
      return typeof v === 'string' && o.values.includes(v) ? v : null;
    default: {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
      if (!Number.isFinite(n)) return null;
      const c = Math.min(o.max, Math.max(o.min, n));
      return o.type === 'integer' ? Math.round(c) : c;
    }
  }
}

/** Set an option of a choice; a value equal to the default is dropped (the scenario then keeps it implicit). */
export function setOption(c: LeverChoice, name: string, v: unknown): void {
  const o = leverSpecOf(c.kind)?.options[name];
  const value = o ? optionValue(o, v) : null;
  if (!o || value === null || value === o.default) delete c.options[name];
  else c.options[name] = value;
}

/** Start and end clamped into a run of `horizon` weeks (the end comes after the start). */
export function weeksIn(c: LeverChoice, horizon: number): { start: number; end: number | null } {
  const start = Math.max(0, Math.min(Math.round(c.start), horizon - 1));
  const end = c.end === null ? horizon : Math.max(start + 1, Math.round(c.end));
  return { start, end: end >= horizon ? null : end };
}

/** The intervention a choice adds to a scenario of `horizon` weeks. */
export function choiceIntervention(c: LeverChoice, horizon: number, label: string): Record<string, unknown> {
  const { start, end } = weeksIn(c, horizon);
  const out: Record<string, unknown> = { kind: c.kind, label, start };
  if (end !== null) out.end = end;
  out.intensity = c.intensity;
  if (Object.keys(c.options).length > 0) out.options = { ...c.options };
  if (c.units !== null && c.units.length > 0 && actsOnUnits(c.kind)) out.units = [...c.units];
  return out;
}

// ---------------------------------------------------------------- in the URL hash

/**
 * `kind:start:end:intensity[:name=value,name=value[:unit,unit]]`, end empty for "to the end of the
 * run", options empty when none differ from the defaults, units (each percent-encoded, so a name may
 * hold any character) only when the lever is placed on some units.
 */
export function encodeChoice(c: LeverChoice): string {
  const head = `${c.kind}:${c.start}:${c.end ?? ''}:${c.intensity}`;
  const opts = Object.entries(c.options).map(([k, v]) => `${k}=${String(v)}`);
  const units = c.units?.map(encodeURIComponent) ?? [];
  if (units.length > 0) return `${head}:${opts.join(',')}:${units.join(',')}`;
  return opts.length > 0 ? `${head}:${opts.join(',')}` : head;
}

/** Reads `encodeChoice`; an unknown kind gives null, malformed numbers and options fall back to the defaults. */
export function decodeChoice(s: string): LeverChoice | null {
  const [kind = '', start = '', end = '', intensity = '', opts = '', units = ''] = s.split(':');
  if (!leverSpecOf(kind)) return null;
  const int = (v: string, lo: number, hi: number) => {
    const n = v.trim() === '' ? Number.NaN : Number(v);
    return Number.isFinite(n) ? Math.round(Math.min(hi, Math.max(lo, n))) : null;
  };
  const c = newChoice(kind, int(start, 0, 5199) ?? DEFAULT_LEVER_START);
  c.end = int(end, 1, 5200);
  const k = Number(intensity);
  c.intensity = intensity.trim() !== '' && Number.isFinite(k) ? Math.min(1, Math.max(0, k)) : 1;
  for (const pair of opts.split(',').filter(Boolean)) {
    const i = pair.indexOf('=');
    if (i > 0) setOption(c, pair.slice(0, i), pair.slice(i + 1));
  }
  // Unit names are checked against the base scenario once it is known (setUnits); a malformed escape drops the list.
  try {
    const names = units.split(',').filter(Boolean).map(decodeURIComponent);
    if (names.length > 0 && actsOnUnits(kind)) c.units = names;
  } catch {
    c.units = null;
  }
  return c;
}
