/**
 * The explorer's configuration of one slot (A or B): a base scenario plus the levers a person can
 * move, and the pure translation of both into a plain scenario object. That object is what the
 * browser runs and what is exported as YAML, so an exported file reproduces the run exactly.
 * Also the URL hash that shares the whole page state. No DOM, no Node APIs.
 */
import type { Lang } from '../report/names.js';
import { leverName } from '../report/names.js';
import { choiceIntervention, DEFAULT_LEVER_START, decodeChoice, encodeChoice, type LeverChoice, newChoice } from './levers.js';

/** Where the base scenario comes from: a bundled library file (its path under scenarios/) or a loaded file. */
export type BaseRef = { readonly library: string } | { readonly text: string; readonly fileName: string };

/** The built-in base: the medium preset with every default (the same model as `tanker run`). */
export const BUILT_IN = 'built-in';

export interface SlotConfig {
  /** Library id (path under scenarios/), BUILT_IN, or 'file' for a loaded file. */
  base: string;
  /** Master seed; null keeps the scenario's seed. */
  seed: string | null;
  /** Organisation overrides; null keeps the scenario's value. */
  silo: number | null;
  matrix: number | null;
  layers: number | null;
  elections: boolean | null;
  /** Levers added on top of the scenario's own interventions (the package builder), in the order written. */
  levers: LeverChoice[];
}

export function defaultSlot(base: string): SlotConfig {
  return {
    base,
    seed: null,
    silo: null,
    matrix: null,
    layers: null,
    elections: null,
    levers: [],
  };
}

/** A slot's configuration with its own list of levers (editing one never changes the other). */
export function copySlot(s: SlotConfig): SlotConfig {
  return { ...s, levers: s.levers.map((c) => ({ ...c, options: { ...c.options }, units: c.units && [...c.units] })) };
}

export const EXPLORER_LABEL = 'explorer';

type Json = Record<string, unknown>;

export function isMapping(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The interventions the levers of a slot add to a run of `horizon` weeks. */
export function leverInterventions(cfg: SlotConfig, horizon: number): Json[] {
  return cfg.levers.map((c) => choiceIntervention(c, horizon, EXPLORER_LABEL));
}

/** Weeks of a scenario's run as written (its horizon, else the default). */
export function horizonOf(data: Json): number {
  return typeof data.horizon === 'number' && data.horizon >= 1 ? data.horizon : 260;
}

/**
 * The scenario a slot runs: the base scenario (already free of `extends`) with the slot's
 * overrides and levers applied. `sweep` and `$schema` are dropped (the explorer runs one point,
 * and the schema path would not resolve next to an exported file).
 */
export function scenarioData(base: Json, cfg: SlotConfig, name?: string): Json {
  const out = JSON.parse(JSON.stringify(base)) as Json;
  delete out.extends;
  delete out.sweep;
  delete out.$schema;
  const baseName = typeof base.name === 'string' && base.name !== '' ? base.name : 'scenario';
  out.name = name ?? `${baseName}-explorer`;
  if (cfg.seed !== null && cfg.seed !== '') out.seed = cfg.seed;
  if (cfg.elections !== null) out.elections = cfg.elections;
  const org: Json = isMapping(out.organisation) ? out.organisation : {};
  if (cfg.silo !== null) org.siloStrength = cfg.silo;
  if (cfg.matrix !== null) org.matrixDegree = cfg.matrix;
  if (cfg.layers !== null) org.layers = cfg.layers;
  if (Object.keys(org).length > 0) out.organisation = org;
  const own = Array.isArray(out.interventions) ? out.interventions : [];
  out.interventions = [...own, ...leverInterventions(cfg, horizonOf(base))];
  return out;
}

/** A short description of what the explorer changed, for the exported file's header. */
export function describeChanges(cfg: SlotConfig, horizon: number): string[] {
  const lines: string[] = [];
  if (cfg.seed !== null && cfg.seed !== '') lines.push(`seed ${cfg.seed}`);
  if (cfg.silo !== null) lines.push(`silo strength ${cfg.silo}`);
  if (cfg.matrix !== null) lines.push(`matrix degree ${cfg.matrix}`);
  if (cfg.layers !== null) lines.push(`${cfg.layers} management layers in every unit`);
  if (cfg.elections !== null) lines.push(cfg.elections ? 'election on' : 'election off');
  for (const item of leverInterventions(cfg, horizon)) lines.push(`added ${describeIntervention(item)}`);
  return lines;
}

const when = (v: unknown) => (typeof v === 'number' ? `week ${v}` : String(v));

/** "Trust reform (trust-reform) from week 8 to the end of the run, intensity 1, clearMandates false": an intervention as written, in a line. */
export function describeIntervention(item: Json): string {
  const kind = String(item.kind);
  const end = item.end === undefined ? 'to the end of the run' : `to ${when(item.end)}`;
  const intensity = typeof item.intensity === 'number' ? item.intensity : 1;
  const opts = isMapping(item.options) ? Object.entries(item.options).map(([k, v]) => `, ${k} ${String(v)}`) : [];
  const units = Array.isArray(item.units) ? ` in ${item.units.join(', ')}` : '';
  return `${leverName('en', kind)} (${kind})${units} from ${when(item.start)} ${end}, intensity ${intensity}${opts.join('')}`;
}

// ---------------------------------------------------------------- page state in the URL hash

export type Mode = 'explore' | 'teach';

export interface PageState {
  lang: Lang;
  mode: Mode;
  /** Lesson index (0-based) in teacher mode, or null. */
  lesson: number | null;
  compare: boolean;
  replicates: number;
  /** Indicator of the sixth, selectable chart. */
  extra: string;
  a: SlotConfig;
  b: SlotConfig;
  /** Text of loaded files (slot A, slot B), kept so a shared link reproduces them. */
  fileA: { text: string; fileName: string } | null;
  fileB: { text: string; fileName: string } | null;
}

export const MAX_REPLICATES = 20;
export const DEFAULT_EXTRA = 'signalReach';

export function defaultPageState(base: string): PageState {
  return {
    lang: 'en',
    mode: 'explore',
    lesson: null,
    compare: false,
    replicates: 1,
    extra: DEFAULT_EXTRA,
    a: defaultSlot(base),
    b: defaultSlot(base),
    fileA: null,
    fileB: null,
  };
}

type ScalarKey = Exclude<keyof SlotConfig, 'levers'>;
const SLOT_KEYS: Record<ScalarKey, string> = {
  base: 'base',
  seed: 'seed',
  silo: 'silo',
  matrix: 'matrix',
  layers: 'layers',
  elections: 'elect',
};
/** One `a.lever=…` entry per added lever (levers.ts: encodeChoice). */
const LEVER_KEY = 'lever';

function encodeSlot(p: URLSearchParams, prefix: string, s: SlotConfig): void {
  const put = (k: ScalarKey, v: string) => p.set(`${prefix}.${SLOT_KEYS[k]}`, v);
  put('base', s.base);
  if (s.seed !== null) put('seed', s.seed);
  if (s.silo !== null) put('silo', String(s.silo));
  if (s.matrix !== null) put('matrix', String(s.matrix));
  if (s.layers !== null) put('layers', String(s.layers));
  if (s.elections !== null) put('elections', s.elections ? '1' : '0');
  for (const c of s.levers) p.append(`${prefix}.${LEVER_KEY}`, encodeChoice(c));
}

/**
 * Links made before the package builder: a push (`push=top|tugboats|both`), lever switches
 * (`trust=1`, ...) and one shared start week (`from`). They still open with the same levers.
 */
const LEGACY_SWITCHES = [
  ['paper', 'strategy-plans'],
  ['trust', 'trust-reform'],
  ['fail', 'room-to-fail'],
  ['lead', 'leadership-development'],
  ['cut', 'budget-cut'],
] as const;

function legacyLevers(p: URLSearchParams, prefix: string): LeverChoice[] {
  const get = (k: string) => p.get(`${prefix}.${k}`);
  const from = num(get('from'), 0, 5199, true) ?? DEFAULT_LEVER_START;
  const push = get('push');
  const kinds: string[] = [];
  if (push === 'top' || push === 'both') kinds.push('top-push');
  if (push === 'tugboats' || push === 'both') kinds.push('tugboats');
  for (const [key, kind] of LEGACY_SWITCHES) if (get(key) === '1') kinds.push(kind);
  return kinds.map((k) => newChoice(k, from));
}

function b64urlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function b64urlDecode(s: string): string | null {
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The page state as a URL hash (without '#'): only what differs from the defaults, plus the bases. */
export function encodeHash(st: PageState): string {
  const p = new URLSearchParams();
  if (st.lang !== 'en') p.set('lang', st.lang);
  if (st.mode !== 'explore') p.set('mode', st.mode);
  if (st.lesson !== null) p.set('lesson', String(st.lesson + 1));
  if (st.compare) p.set('compare', '1');
  if (st.replicates !== 1) p.set('reps', String(st.replicates));
  if (st.extra !== DEFAULT_EXTRA) p.set('extra', st.extra);
  encodeSlot(p, 'a', st.a);
  if (st.compare) encodeSlot(p, 'b', st.b);
  if (st.fileA && st.a.base === 'file') {
    p.set('a.fileName', st.fileA.fileName);
    p.set('a.file', b64urlEncode(st.fileA.text));
  }
  if (st.fileB && st.compare && st.b.base === 'file') {
    p.set('b.fileName', st.fileB.fileName);
    p.set('b.file', b64urlEncode(st.fileB.text));
  }
  return p.toString();
}

function num(v: string | null, min: number, max: number, integer = false): number | null {
  if (v === null || v.trim() === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) return null;
  const c = Math.min(max, Math.max(min, n));
  return integer ? Math.round(c) : c;
}

function decodeSlot(p: URLSearchParams, prefix: string, fallbackBase: string): SlotConfig {
  const get = (k: ScalarKey) => p.get(`${prefix}.${SLOT_KEYS[k]}`);
  const s = defaultSlot(get('base') ?? fallbackBase);
  s.seed = get('seed');
  s.silo = num(get('silo'), 0, 1);
  s.matrix = num(get('matrix'), 0, 1);
  s.layers = num(get('layers'), 2, 5, true);
  const el = get('elections');
  s.elections = el === null ? null : el === '1';
  const added = p.getAll(`${prefix}.${LEVER_KEY}`).map(decodeChoice);
  s.levers = [...legacyLevers(p, prefix), ...added.filter((c): c is LeverChoice => c !== null)];
  return s;
}

/** Reads a hash written by encodeHash; anything missing or malformed falls back to the defaults. */
export function decodeHash(hash: string, fallbackBase: string, extras: readonly string[]): PageState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const st = defaultPageState(fallbackBase);
  if (p.get('lang') === 'nb') st.lang = 'nb';
  if (p.get('mode') === 'teach') st.mode = 'teach';
  const lesson = num(p.get('lesson'), 1, 99, true);
  st.lesson = lesson === null ? null : lesson - 1;
  st.compare = p.get('compare') === '1';
  st.replicates = num(p.get('reps'), 1, MAX_REPLICATES, true) ?? 1;
  const extra = p.get('extra');
  if (extra !== null && extras.includes(extra)) st.extra = extra;
  st.a = decodeSlot(p, 'a', fallbackBase);
  st.b = st.compare ? decodeSlot(p, 'b', fallbackBase) : copySlot(st.a);
  for (const [slot, key] of [
    ['a', 'fileA'],
    ['b', 'fileB'],
  ] as const) {
    const raw = p.get(`${slot}.file`);
    const text = raw === null ? null : b64urlDecode(raw);
    if (text !== null) st[key] = { text, fileName: p.get(`${slot}.fileName`) ?? `${slot}.yaml` };
    else if (st[slot].base === 'file') st[slot].base = fallbackBase;
  }
  return st;
}
