/**
 * From a validated scenario to model inputs: the size preset with the organisation overrides
 * applied, parameters over their defaults, and interventions with dates turned into week ticks and
 * unit names into unit indices. Checks that need more than one field (dates within the horizon,
 * end after start, unit names that exist) happen here and come back as path-level issues.
 */

import type { z } from 'zod';
import { expandSweep, type SweepPoint, type SweepSpec } from '../batch/sweep.js';
import { Calendar, formatIsoDate } from '../engine/calendar.js';
import {
  defaultParams,
  type InterventionItem,
  type ModelConfig,
  type ModelParams,
  type OrgConfig,
  presetOrg,
  type SizePreset,
  type UnitConfig,
} from '../model/index.js';
import { describeValue, didYouMean, foundAllowed, type Issue, type PathSegment, quoteList } from './errors.js';
import { type InterventionSpec, type OptionValue, type OrganisationOverrides, OrganisationSchema, type Scenario } from './schema.js';
import { resolveSweep } from './sweep.js';

export interface ScenarioOverrides {
  /** Replaces the file's seed (e.g. `--seed`). */
  readonly seed?: string | number | undefined;
  /** Replaces the file's horizon (e.g. `--ticks`); dates are still checked against the file's horizon. */
  readonly horizon?: number | undefined;
}

export interface ResolveOptions {
  /** Absolute path of the scenario file (or a label such as "inline"). */
  readonly source: string;
  /** The files of the extends chain, child first (recorded in `resolved`). */
  readonly files?: readonly string[] | undefined;
  readonly overrides?: ScenarioOverrides | undefined;
}

/** One intervention in the resolved JSON: as written, plus its ticks and every default. */
export interface ResolvedInterventionJson {
  readonly kind: string;
  readonly label: string | null;
  readonly start: string | number;
  readonly end: string | number | null;
  readonly startWeek: number;
  readonly endWeek: number | null;
  readonly intensity: number;
  readonly units: readonly string[] | null;
  readonly options: Readonly<Record<string, OptionValue>>;
}

/** The fully resolved scenario as plain JSON with every default filled in, for manifests. */
export interface ResolvedScenarioJson {
  readonly name: string;
  readonly description: string | null;
  readonly source: string;
  readonly files: readonly string[];
  readonly seed: string | number;
  readonly replicates: number;
  readonly size: SizePreset;
  readonly start: string;
  readonly horizon: number;
  readonly elections: boolean;
  readonly mechanisms: ModelConfig['mechanisms'];
  readonly organisation: OrgConfig;
  readonly parameters: ModelParams;
  readonly interventions: readonly ResolvedInterventionJson[];
  /** Command-line overrides applied on top of the file, if any. */
  readonly sweep: SweepSpec | null;
  readonly overrides: { readonly seed?: string | number; readonly horizon?: number };
}

export interface ResolvedScenario {
  readonly name: string;
  readonly description: string | null;
  readonly source: string;
  readonly seed: string | number;
  readonly replicates: number;
  readonly elections: boolean;
  readonly config: ModelConfig;
  /** Sorted (stably) by start tick. */
  readonly interventions: readonly InterventionItem[];
  /** The parameter sweep, if any, and its points (one empty point without a sweep). */
  readonly sweep: SweepSpec | null;
  readonly points: readonly SweepPoint[];
  readonly resolved: ResolvedScenarioJson;
  /** Things worth telling the user that are not errors (e.g. interventions past an overridden horizon). */
  readonly notes: readonly string[];
}

export type Resolution =
  | { readonly ok: true; readonly scenario: ResolvedScenario }
  | { readonly ok: false; readonly issues: readonly Issue[] };

// ---------------------------------------------------------------- organisation

/** The preset's management layers for a size (small 3, medium 4, large 5). */
export function presetLayers(size: SizePreset): number {
  return Math.max(...presetOrg(size).units.map((u) => u.layers));
}

/** presetOrg(size) with the overrides applied: scalars replace, logic levels replace, units replace, `layers` sets every unit. */
export function buildOrg(size: SizePreset, o: OrganisationOverrides | undefined): OrgConfig {
  const base = presetOrg(size);
  if (o === undefined) return base;
  const { layers, units, logic, ...scalars } = o;
  const defined = Object.fromEntries(Object.entries(scalars).filter(([, v]) => v !== undefined)) as Partial<OrgConfig>;
  let us: UnitConfig[] = units
    ? units.map((u) => ({
        name: u.name,
        kind: u.kind,
        staffShare: u.staffShare,
        layers: u.layers ?? layers ?? presetLayers(size),
        legalStrictness: u.legalStrictness,
        load: u.load,
      }))
    : [...base.units];
  if (layers !== undefined) us = us.map((u) => ({ ...u, layers }));
  return {
    ...base,
    ...defined,
    units: us,
    logic: {
      documents: logic?.documents ?? base.logic.documents,
      steering: logic?.steering ?? base.logic.steering,
      practice: logic?.practice ?? base.logic.practice,
    },
  };
}

/** defaultParams() with the scenario's values laid over it. */
export function buildParams(p: Partial<Record<string, Partial<Record<string, number>>>> | undefined): ModelParams {
  const out = defaultParams() as unknown as Record<string, Record<string, number>>;
  for (const [g, values] of Object.entries(p ?? {})) {
    const group = out[g];
    if (!group || !values) continue;
    for (const [k, v] of Object.entries(values)) if (typeof v === 'number' && k in group) group[k] = v;
  }
  return out as unknown as ModelParams;
}

// ---------------------------------------------------------------- interventions

export interface InterventionContext {
  /** Null when the start date or horizon is itself invalid: dates are then not checked. */
  readonly calendar: Calendar | null;
  readonly horizon: number;
  /** Null when the units are themselves invalid: unit names are then not checked. */
  readonly unitNames: readonly string[] | null;
}

export function interventionContext(
  start: string | null,
  horizon: number | null,
  unitNames: readonly string[] | null,
): InterventionContext {
  const calendar = start !== null && horizon !== null ? new Calendar(start, horizon) : null;
  return { calendar, horizon: horizon ?? 0, unitNames };
}

/**
 * Resolves one intervention: ticks from dates or weeks, unit indices from names. Issue paths are
 * relative to the intervention (e.g. `['end']`).
 */
export function resolveIntervention(spec: InterventionSpec, ctx: InterventionContext): { item: InterventionItem | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const cal = ctx.calendar;
  const h = ctx.horizon;
  let start = -1;
  let end: number | null = null;
  if (cal) {
    const first = cal.isoDate(0);
    const dayAfter = formatIsoDate(cal.dayOf(h));
    const lastDay = formatIsoDate(cal.dayOf(h) - 1);
    start = tickOf(cal, spec.start);
    if (start < 0 || start >= h) {
      const allowed = `a date from ${first} to ${lastDay}, or a week from 0 to ${h - 1} (the run has ${h} weeks from ${first})`;
      issues.push({ path: ['start'], message: found(spec.start, start, cal, allowed) });
    }
    if (spec.end !== undefined) {
      end = tickOf(cal, spec.end);
      const startOk = start >= 0 && start < h;
      const lo = startOk ? start + 1 : 1;
      if (end < lo || end > h) {
        const after = startOk ? `after the start (week ${start}, ${cal.isoDate(start)})` : 'after the start';
        const allowed = `a date or week ${after} and no later than ${dayAfter} (week ${h}, the end of the run)`;
        const hint =
          startOk && end >= 0 && end <= start
            ? 'the end is the first week without the lever, so it must come after the start week'
            : undefined;
        issues.push({ path: ['end'], message: found(spec.end, end, cal, allowed, hint) });
      }
    }
  }
  let units: number[] | null = null;
  if (spec.units !== undefined && ctx.unitNames !== null) {
    const names = ctx.unitNames;
    units = [];
    spec.units.forEach((name, i) => {
      const k = names.indexOf(name);
      if (k < 0)
        issues.push({ path: ['units', i], message: foundAllowed(name, `one of the units ${quoteList(names)}`, didYouMean(name, names)) });
      else if (!units!.includes(k)) units!.push(k);
    });
  }
  if (issues.length > 0 || !cal) return { item: null, issues };
  return {
    item: { kind: spec.kind, start, end, intensity: spec.intensity, units, options: { ...spec.options } },
    issues,
  };
}

function tickOf(cal: Calendar, v: string | number): number {
  return typeof v === 'number' ? v : cal.tickOf(v);
}

function found(v: string | number, tick: number, cal: Calendar, allowed: string, hint?: string): string {
  const where = typeof v === 'number' ? `week ${v}` : tick < 0 ? `before the start ${cal.isoDate(0)}` : `week ${tick}`;
  const head = `found ${describeValue(v)}${typeof v === 'number' ? '' : ` (${where})`}; allowed: ${allowed}`;
  return hint ? `${head}; ${hint}` : head;
}

// ---------------------------------------------------------------- the scenario

export function resolveScenario(s: Scenario, opts: ResolveOptions): Resolution {
  const org = buildOrg(s.size, s.organisation);
  const ctx = interventionContext(
    s.start,
    s.horizon,
    org.units.map((u) => u.name),
  );
  const issues: Issue[] = [];
  const pairs: { item: InterventionItem; json: ResolvedInterventionJson }[] = [];
  s.interventions.forEach((spec, i) => {
    const r = resolveIntervention(spec, ctx);
    issues.push(...r.issues.map((iss) => prefix(['interventions', i], iss)));
    if (r.item) pairs.push({ item: r.item, json: interventionJson(spec, r.item, org) });
  });
  const sweep = resolveSweep(s.sweep, (field) => (OrganisationSchema.shape as Record<string, z.ZodType>)[field]);
  issues.push(...sweep.issues);
  if (issues.length > 0) return { ok: false, issues };
  pairs.sort((a, b) => a.item.start - b.item.start);

  const ov = opts.overrides ?? {};
  const seed = ov.seed ?? s.seed;
  const ticks = ov.horizon ?? s.horizon;
  const params = buildParams(s.parameters as unknown as Record<string, Record<string, number>>);
  const config: ModelConfig = { preset: s.size, startDate: s.start, ticks, org, params, mechanisms: { ...s.mechanisms } };
  const notes: string[] = [];
  const late = pairs.filter((p) => p.item.start >= ticks);
  if (late.length > 0) {
    const which = late.map((p) => p.json.label ?? p.json.kind).join(', ');
    notes.push(
      `${late.length} intervention(s) start at or after week ${ticks}, the end of this shortened run, and never take effect: ${which}`,
    );
  }
  const overrides: { seed?: string | number; horizon?: number } = {};
  if (ov.seed !== undefined) overrides.seed = ov.seed;
  if (ov.horizon !== undefined) overrides.horizon = ov.horizon;
  const resolved: ResolvedScenarioJson = {
    name: s.name,
    description: s.description ?? null,
    source: opts.source,
    files: opts.files ?? [opts.source],
    seed,
    replicates: s.replicates,
    size: s.size,
    start: s.start,
    horizon: ticks,
    elections: s.elections,
    mechanisms: config.mechanisms,
    organisation: org,
    parameters: params,
    interventions: pairs.map((p) => p.json),
    sweep: sweep.spec,
    overrides,
  };
  return {
    ok: true,
    scenario: {
      name: s.name,
      description: s.description ?? null,
      source: opts.source,
      seed,
      replicates: s.replicates,
      elections: s.elections,
      config,
      interventions: pairs.map((p) => p.item),
      sweep: sweep.spec,
      points: expandSweep(sweep.spec ?? undefined),
      resolved: JSON.parse(JSON.stringify(resolved)) as ResolvedScenarioJson,
      notes,
    },
  };
}

function interventionJson(spec: InterventionSpec, item: InterventionItem, org: OrgConfig): ResolvedInterventionJson {
  return {
    kind: spec.kind,
    label: spec.label ?? null,
    start: spec.start,
    end: spec.end ?? null,
    startWeek: item.start,
    endWeek: item.end,
    intensity: item.intensity,
    units: item.units === null ? null : item.units.map((k) => org.units[k]!.name),
    options: item.options,
  };
}

export function prefix(path: readonly PathSegment[], iss: Issue): Issue {
  return { ...iss, path: [...path, ...iss.path] };
}
