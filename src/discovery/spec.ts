/**
 * Discover files (`tanker discover FILE`): a package (a scenario file), the conditions to sample
 * (numeric ranges of organisation fields and model parameters, management layers, and the
 * alternatives of the contested mechanisms), the budget (Latin hypercube samples × replicates) and
 * what counts as failure. Read with the scenario files' field helpers and error style; pure (the
 * caller reads the files: cli/search-files.ts).
 */
import { z } from 'zod';
import { parameterBounds } from '../analysis/sensitivity-spec.js';
import type { BatchEnsemble } from '../batch/ensemble.js';
import { sweepableNames } from '../batch/sweep.js';
import { CHOICES, type ChoiceSpec, INDICATORS, type IndicatorName } from '../model/index.js';
import { didYouMean, foundAllowed, type Issue, quoteList, type ScenarioError } from '../scenario/errors.js';
import { isMapping } from '../scenario/extends.js';
import { numberField, seedField, strictObject, textField } from '../scenario/fields.js';
import type { ResolvedScenario } from '../scenario/index.js';
import { parseSource, placeIssues } from '../scenario/parse.js';
import { checkBase, checkEnsemble, type LoadBase, type LoadEnsemble } from '../scenario/spec-file.js';
import { checkSchema } from '../scenario/validate.js';

/** Every unit's management layers (an integer from 2 to 5), besides the sweepable names. */
export const LAYERS_CONDITION = 'organisation.layers';

export const DiscoverSchema = strictObject(
  {
    scenario: textField().describe('The package to stress: a scenario file, relative to this file'),
    description: textField().optional().describe('Free text'),
    ensemble: textField()
      .optional()
      .describe(
        "Ensemble file of a calibration (its ensemble.json), relative to this file: each sampled point runs in one member, sampled as one more dimension; the member's parameters become conditions",
      ),
    seed: seedField().default('discover').describe('Seed of the Latin hypercube; the runs use the scenario seed'),
    samples: numberField(4, 100_000, { integer: true }).default(64).describe('Sampled conditions (Latin hypercube points)'),
    replicates: numberField(1, 1000, { integer: true })
      .default(2)
      .describe('Replicates per sampled condition; the outcome of a point is the share of them that fail'),
    turnBy: numberField(1, 5200, { integer: true })
      .optional()
      .describe('Failure: no turn before this week (default 260, year 5, or the horizon)'),
    indicator: strictObject(
      {
        measure: textField().describe('Indicator name'),
        below: z.number({ error: 'a number' }).optional().describe('Failure when the indicator ends below this'),
        above: z.number({ error: 'a number' }).optional().describe('Failure when the indicator ends above this'),
        week: numberField(1, 5200, { integer: true }).optional().describe('Week read (default turnBy)'),
      },
      { what: 'a mapping with measure and below or above (and optionally week)' },
    )
      .optional()
      .describe('Failure defined by an indicator instead of turning'),
    conditions: z
      .record(z.string(), z.array(z.union([z.number(), z.string()]), { error: 'a list: [low, high] or the alternatives to sample' }), {
        error: 'a mapping from condition names to [low, high] or to lists of mechanism alternatives',
      })
      .describe(
        'Conditions to sample: organisation fields, organisation.layers, parameters (group.name) as [low, high]; mechanisms.<name> as a list of alternatives',
      ),
    prim: strictObject(
      {
        minMass: numberField(0.01, 0.5).default(0.05).describe('Smallest share of the samples a box may hold'),
        alpha: numberField(0.01, 0.5).default(0.05).describe('Share of the box one peel removes'),
      },
      { what: 'a mapping with minMass and/or alpha' },
    ).prefault({}),
    cart: strictObject(
      {
        maxDepth: numberField(1, 10, { integer: true }).default(3).describe('Deepest split'),
        minLeaf: numberField(1, 10_000, { integer: true }).default(5).describe('Fewest samples in a leaf'),
      },
      { what: 'a mapping with maxDepth and/or minLeaf' },
    ).prefault({}),
  },
  {
    what: 'a discover file: a mapping with scenario, conditions and optionally ensemble, seed, samples, replicates, turnBy, indicator, prim, cart',
  },
);

export type Condition =
  | { readonly kind: 'numeric'; readonly name: string; readonly low: number; readonly high: number; readonly integer: boolean }
  | { readonly kind: 'mechanism'; readonly name: string; readonly mechanism: string; readonly values: readonly string[] };

export interface DiscoverSpec {
  readonly file: string;
  readonly name: string;
  readonly description: string | null;
  readonly scenarioFile: string;
  readonly scenario: ResolvedScenario;
  /** Plausible parameter sets, sampled as one more dimension of the hypercube; null: the scenario's own. */
  readonly ensemble: BatchEnsemble | null;
  readonly seed: string | number;
  readonly samples: number;
  readonly replicates: number;
  readonly turnBy: number;
  readonly indicator: {
    readonly name: IndicatorName;
    readonly below: number | null;
    readonly above: number | null;
    readonly week: number;
  } | null;
  readonly conditions: readonly Condition[];
  readonly prim: { readonly minMass: number; readonly alpha: number };
  readonly cart: { readonly maxDepth: number; readonly minLeaf: number };
}

export type DiscoverLoad =
  | { readonly ok: true; readonly spec: DiscoverSpec }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

const CONDITION_ALLOWED = `a numeric organisation field, ${LAYERS_CONDITION}, a model parameter "group.name" or mechanisms.<name> (${quoteList(Object.keys(CHOICES).map((c) => `mechanisms.${c}`))})`;

function condition(name: string, list: readonly (number | string)[], issues: Issue[]): Condition | null {
  const path = ['conditions', name];
  const [group, field] = name.split('.', 2) as [string, string | undefined];
  if (group === 'mechanisms') {
    const c = (CHOICES as Readonly<Record<string, ChoiceSpec>>)[field ?? ''];
    if (!c) {
      issues.push({
        path,
        atKey: true,
        message: foundAllowed(
          name,
          CONDITION_ALLOWED,
          didYouMean(
            name,
            Object.keys(CHOICES).map((k) => `mechanisms.${k}`),
          ),
        ),
      });
      return null;
    }
    const bad = list.findIndex((v) => typeof v !== 'string' || !c.values.includes(v));
    if (bad >= 0 || list.length < 2) {
      issues.push({
        path: bad >= 0 ? [...path, bad] : path,
        message: foundAllowed(bad >= 0 ? list[bad] : list, `at least two of ${quoteList(c.values)}`),
      });
      return null;
    }
    return { kind: 'mechanism', name, mechanism: field!, values: [...new Set(list as string[])] };
  }
  const b = name === LAYERS_CONDITION ? { min: 2, max: 5, integer: true } : parameterBounds(name);
  if (!b) {
    const names = [...sweepableNames(), LAYERS_CONDITION];
    issues.push({ path, atKey: true, message: foundAllowed(name, CONDITION_ALLOWED, didYouMean(name, names)) });
    return null;
  }
  const within = `two numbers [low, high] from ${b.min} to ${b.max} with low < high`;
  const [low, high] = list;
  if (list.length !== 2 || typeof low !== 'number' || typeof high !== 'number' || !(low < high) || low < b.min || high > b.max) {
    issues.push({ path, message: foundAllowed(list, within) });
    return null;
  }
  return { kind: 'numeric', name, low, high, integer: b.integer };
}

const ENSEMBLE_SETS = "the ensemble's members set it (each sampled point takes its value from its member); remove the condition";

/** The parameters an ensemble's members set, in the order the first member names them (then any others). */
export function ensembleParameters(e: BatchEnsemble): string[] {
  return [...new Set(e.members.flatMap((m) => Object.keys(m.values)))];
}

/**
 * A discover spec with another ensemble (tanker discover --ensemble); throws, naming the option,
 * when a condition samples a parameter the ensemble sets.
 */
export function withEnsemble(spec: DiscoverSpec, ensemble: BatchEnsemble): DiscoverSpec {
  const both = spec.conditions.filter((c) => ensembleParameters(ensemble).includes(c.name)).map((c) => c.name);
  if (both.length > 0)
    throw new Error(
      `${spec.file}: conditions: found ${quoteList(both)}, which --ensemble ${ensemble.source} also sets; allowed: ${ENSEMBLE_SETS.replace('remove the condition', 'remove them')}`,
    );
  return { ...spec, ensemble };
}

/** Validate a discover file's text and its scenario; every error at once. */
export function parseDiscover(text: string, file: string, name: string, loadBase: LoadBase, loadEnsemble: LoadEnsemble): DiscoverLoad {
  const src = parseSource(text, file);
  if (src.errors.length > 0) return { ok: false, errors: src.errors };
  const data = src.data;
  const checked = checkSchema(DiscoverSchema, data);
  const issues: Issue[] = checked.ok ? [] : [...checked.issues];
  const base = checkBase(data, loadBase, issues, 'discover samples the conditions itself; remove the sweep');
  const { scenario, errors: scenarioErrors } = base;
  const scenarioFile = base.file;
  const ensemble = checkEnsemble(data, loadEnsemble, issues);
  const conditions: Condition[] = [];
  const raw = isMapping(data) && isMapping(data.conditions) ? data.conditions : {};
  for (const [k, v] of Object.entries(raw)) {
    if (!Array.isArray(v)) continue; // reported by the schema
    const c = condition(k, v as (number | string)[], issues);
    if (c && ensemble && ensembleParameters(ensemble).includes(c.name))
      issues.push({
        path: ['conditions', k],
        atKey: true,
        message: foundAllowed(k, 'a condition the ensemble does not set', ENSEMBLE_SETS),
      });
    else if (c) conditions.push(c);
  }
  if (isMapping(data) && isMapping(data.conditions) && Object.keys(raw).length === 0)
    issues.push({ path: ['conditions'], message: 'found no conditions; allowed: at least one condition to sample' });
  const horizon = scenario?.config.ticks ?? Number.POSITIVE_INFINITY;
  const part = <T>(schema: z.ZodType<T>, v: unknown): T | undefined => {
    const r = schema.safeParse(v);
    return r.success ? r.data : undefined;
  };
  const turnByRaw = isMapping(data) ? part(DiscoverSchema.shape.turnBy, data.turnBy) : undefined;
  if (turnByRaw !== undefined && turnByRaw > horizon)
    issues.push({ path: ['turnBy'], message: foundAllowed(turnByRaw, `a week from 1 to the scenario's horizon, ${horizon}`) });
  const ind = isMapping(data) ? part(DiscoverSchema.shape.indicator, data.indicator) : undefined;
  if (ind) {
    if (!(INDICATORS as readonly string[]).includes(ind.measure))
      issues.push({
        path: ['indicator', 'measure'],
        message: foundAllowed(ind.measure, 'an indicator name', didYouMean(ind.measure, INDICATORS)),
      });
    if ((ind.below === undefined) === (ind.above === undefined))
      issues.push({ path: ['indicator'], message: 'found both or neither of below and above; allowed: exactly one of them' });
    if (ind.week !== undefined && ind.week > horizon)
      issues.push({ path: ['indicator', 'week'], message: foundAllowed(ind.week, `a week from 1 to the scenario's horizon, ${horizon}`) });
  }
  if (checked.ok && scenario && issues.length === 0) {
    const s = checked.value;
    const turnBy = s.turnBy ?? Math.min(260, horizon);
    return {
      ok: true,
      spec: {
        file,
        name,
        description: s.description ?? null,
        scenarioFile,
        scenario,
        ensemble,
        seed: s.seed,
        samples: s.samples,
        replicates: s.replicates,
        turnBy,
        indicator: ind
          ? { name: ind.measure as IndicatorName, below: ind.below ?? null, above: ind.above ?? null, week: ind.week ?? turnBy }
          : null,
        conditions,
        prim: s.prim,
        cart: s.cart,
      },
    };
  }
  const errors = [
    ...placeIssues(src, issues).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0)),
    ...scenarioErrors,
  ];
  return { ok: false, errors };
}
