/**
 * From a validated scenario to model inputs: the size preset with the organisation overrides
 * applied, parameters over their defaults, and interventions with dates turned into week ticks and
 * unit names into unit indices. Checks that need more than one field (dates within the horizon,
 * end after start, unit names that exist, the calendar staying within four-digit years, and the
 * size limits of limits.ts) happen here and come back as path-level issues, so that whatever
 * validates also runs to the end.
 *
 * The scenario is also written out fully resolved (`resolved`): every default filled in, in the
 * scenario format itself, so that the block in a manifest validates and reruns as it is.
 */

import type { z } from 'zod';
import { expandSweep, type SweepPoint, type SweepSpec } from '../batch/sweep.js';
import { Calendar, formatIsoDate, parseIsoDate } from '../engine/calendar.js';
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
import { type CostTable, costTable, type RunEffort, runEffort } from './effort.js';
import { describeValue, didYouMean, foundAllowed, type Issue, type PathSegment, quoteList } from './errors.js';
import { notMonday } from './fields.js';
import { agentCount, LIMITS, largestOrg, sweepPointCount, thousands } from './limits.js';
import {
  type CostsOverrides,
  type InterventionSpec,
  type OptionValue,
  type OrganisationOverrides,
  OrganisationSchema,
  type Scenario,
  ScenarioSchema,
} from './schema.js';
import { resolveSweep } from './sweep.js';
import { checkSchema } from './validate.js';

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

/** One intervention as the scenario format writes it, every default filled in. */
export interface ResolvedInterventionJson {
  readonly kind: string;
  readonly label?: string;
  readonly label_nb?: string;
  /** As written (a date or a week index). */
  readonly start: string | number;
  readonly end?: string | number;
  readonly intensity: number;
  readonly units?: readonly string[];
  readonly options: Readonly<Record<string, OptionValue>>;
}

/**
 * The fully resolved scenario with every default filled in, itself a valid scenario file (no
 * `extends`): what a manifest records, and what `tanker rerun` runs again.
 */
export interface ResolvedScenarioJson {
  readonly name: string;
  readonly description?: string;
  readonly description_nb?: string;
  readonly seed: string | number;
  readonly replicates: number;
  readonly size: SizePreset;
  readonly start: string;
  readonly horizon: number;
  readonly elections: boolean;
  readonly mechanisms: ModelConfig['mechanisms'];
  readonly organisation: OrgConfig;
  readonly parameters: ModelParams;
  readonly sweep?: SweepSpec;
  readonly costs?: CostsOverrides;
  readonly interventions: readonly ResolvedInterventionJson[];
}

/** Where a resolved scenario came from (recorded beside it in manifests). */
export interface ScenarioOrigin {
  /** The scenario file, absolute (or a label such as "built-in"). */
  readonly source: string;
  /** The files of the extends chain, child first. */
  readonly files: readonly string[];
  /** Command-line overrides applied on top of the file, if any. */
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
  readonly origin: ScenarioOrigin;
  /** The levers' costs (declared, with the scenario's overrides). */
  readonly costs: CostTable;
  /** The cumulative effort of the interventions over the run. */
  readonly effort: RunEffort;
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
  const usable = start !== null && horizon !== null && maxWeeks(start) >= horizon;
  return { calendar: usable ? new Calendar(start, horizon) : null, horizon: horizon ?? 0, unitNames };
}

const LAST_DAY = parseIsoDate(LIMITS.lastDate);

/** The most weeks a run starting on `start` may have and still end by LIMITS.lastDate. */
export function maxWeeks(start: string): number {
  return Math.floor((LAST_DAY - parseIsoDate(start) + 1) / 7);
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

/** Issues with the size of a run, against LIMITS; counted, never built. */
function sizeIssues(s: Scenario, org: OrgConfig, params: ModelParams, ticks: number, fromCli: boolean): Issue[] {
  const issues: Issue[] = [];
  const most = maxWeeks(s.start);
  if (ticks > most) {
    issues.push({
      path: ['horizon'],
      message: `found ${ticks}${fromCli ? ' (given on the command line)' : ''}; allowed: at most ${most} weeks from ${s.start}, so that the run ends by ${LIMITS.lastDate} (dates have four-digit years)`,
    });
  }
  const points = sweepPointCount(s.sweep as SweepSpec | undefined);
  if (points > LIMITS.sweepPoints) {
    const grid = s.sweep?.grid ?? {};
    issues.push({
      path: ['sweep', 'grid'],
      message: `found a grid of ${Object.values(grid)
        .map((v) => v.length)
        .join(' × ')} = ${thousands(points)} points; allowed: at most ${thousands(LIMITS.sweepPoints)} sweep points`,
    });
  } else if (points * s.replicates > LIMITS.batchReplicates) {
    issues.push({
      path: ['replicates'],
      message: `found ${thousands(s.replicates)} replicates × ${thousands(points)} sweep points = ${thousands(points * s.replicates)} runs; allowed: at most ${thousands(LIMITS.batchReplicates)} runs in one batch (scenarios × sweep points × replicates)`,
    });
  }
  const swept = largestOrg(org, s.sweep as SweepSpec | undefined);
  const a = agentCount(swept, params);
  const atLargest =
    swept.population !== org.population || swept.staffPerThousand !== org.staffPerThousand || swept.citizenSample !== org.citizenSample;
  if (a.total > LIMITS.agents) {
    issues.push({
      path: ['organisation', 'population'],
      message: `found about ${thousands(a.total)} agents per replicate${atLargest ? ' at the largest sweep point' : ''} (${thousands(a.staff)} staff from population ${swept.population} × staffPerThousand ${swept.staffPerThousand} / 1,000, ${thousands(a.managers)} managers, ${thousands(a.citizens)} citizens, ${thousands(a.politicians + a.partners)} politicians and partners); allowed: at most ${thousands(LIMITS.agents)} agents per replicate`,
    });
  }
  return issues;
}

export function resolveScenario(s: Scenario, opts: ResolveOptions): Resolution {
  const org = buildOrg(s.size, s.organisation);
  const ov = opts.overrides ?? {};
  const seed = ov.seed ?? s.seed;
  const ticks = ov.horizon ?? s.horizon;
  const params = buildParams(s.parameters as unknown as Record<string, Record<string, number>>);
  const issues: Issue[] = sizeIssues(s, org, params, s.horizon, false);
  if (ticks !== s.horizon && issues.length === 0) issues.push(...sizeIssues(s, org, params, ticks, true));
  const ctx = interventionContext(
    s.start,
    s.horizon,
    org.units.map((u) => u.name),
  );
  const pairs: { item: InterventionItem; json: ResolvedInterventionJson }[] = [];
  const notes: string[] = [];
  s.interventions.forEach((spec, i) => {
    const r = resolveIntervention(spec, ctx);
    issues.push(...r.issues.map((iss) => prefix(['interventions', i], iss)));
    if (r.item) pairs.push({ item: r.item, json: interventionJson(spec, r.item, org, ticks) });
    for (const key of ['start', 'end'] as const) {
      const v = spec[key];
      const off = typeof v === 'string' ? notMonday(v) : null;
      if (off && r.item)
        notes.push(
          `interventions[${i}].${key}: ${off}; it takes effect from that week (week ${key === 'start' ? r.item.start : r.item.end})`,
        );
    }
  });
  // A sweep is checked and expanded only when its size is within the limits.
  const sweep =
    issues.length === 0
      ? resolveSweep(s.sweep, (field) => (OrganisationSchema.shape as Record<string, z.ZodType>)[field])
      : { spec: null, issues: [] };
  issues.push(...sweep.issues);
  if (issues.length > 0) return { ok: false, issues };
  pairs.sort((a, b) => a.item.start - b.item.start);

  const costs = costTable(s.costs);
  const config: ModelConfig = { preset: s.size, startDate: s.start, ticks, org, params, mechanisms: { ...s.mechanisms } };
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
  // What ran, as a scenario: the effective seed and horizon; interventions that never act in a
  // shortened run are left out (they change nothing).
  const resolved: ResolvedScenarioJson = {
    name: s.name,
    ...(s.description !== undefined ? { description: s.description } : {}),
    ...(s.description_nb !== undefined ? { description_nb: s.description_nb } : {}),
    seed,
    replicates: s.replicates,
    size: s.size,
    start: s.start,
    horizon: ticks,
    elections: s.elections,
    mechanisms: config.mechanisms,
    organisation: org,
    parameters: params,
    ...(sweep.spec ? { sweep: sweep.spec } : {}),
    ...(s.costs !== undefined ? { costs: s.costs } : {}),
    interventions: pairs.filter((p) => p.item.start < ticks).map((p) => p.json),
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
      origin: { source: opts.source, files: opts.files ?? [opts.source], overrides },
      costs,
      effort: runEffort(
        pairs.map((p) => p.item),
        org,
        ticks,
        costs,
      ),
      notes,
    },
  };
}

/** Validate and resolve plain scenario data (not read from a file): issues carry paths, no positions. */
export function resolveScenarioData(data: unknown, opts: ResolveOptions): Resolution {
  const checked = checkSchema(ScenarioSchema, data);
  return checked.ok ? resolveScenario(checked.value, opts) : { ok: false, issues: checked.issues };
}

/** An intervention as written, defaults filled in; an end beyond a shortened run is left out (it never comes). */
function interventionJson(spec: InterventionSpec, item: InterventionItem, org: OrgConfig, ticks: number): ResolvedInterventionJson {
  return {
    kind: spec.kind,
    ...(spec.label !== undefined ? { label: spec.label } : {}),
    ...(spec.label_nb !== undefined ? { label_nb: spec.label_nb } : {}),
    start: spec.start,
    ...(spec.end !== undefined && item.end !== null && item.end <= ticks ? { end: spec.end } : {}),
    intensity: item.intensity,
    ...(item.units !== null ? { units: item.units.map((k) => org.units[k]!.name) } : {}),
    options: item.options,
  };
}

export function prefix(path: readonly PathSegment[], iss: Issue): Issue {
  return { ...iss, path: [...path, ...iss.path] };
}
