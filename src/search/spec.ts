/**
 * Search files (`tanker search FILE`): their format (one zod schema with the scenario files' field
 * helpers and error style) and reading one, with the base scenario it names, into a `SearchSpec`.
 * Every problem is reported at once with file, line, column, field path, the value found and what
 * is allowed; nothing runs on a bad file. Pure: the caller reads the files (cli/search-files.ts).
 */
import { z } from 'zod';
import type { BatchEnsemble } from '../batch/ensemble.js';
import { INDICATOR_SPECS, INDICATORS, type IndicatorName, LEVER_KINDS } from '../model/index.js';
import { didYouMean, foundAllowed, type Issue, quoteList, type ScenarioError } from '../scenario/errors.js';
import { isMapping } from '../scenario/extends.js';
import { enumField, numberField, seedField, strictObject, textField } from '../scenario/fields.js';
import type { ResolvedScenario } from '../scenario/index.js';
import { parseSource, placeIssues } from '../scenario/parse.js';
import { checkBase, checkEnsemble, type LoadBase, type LoadEnsemble } from '../scenario/spec-file.js';
import { checkSchema } from '../scenario/validate.js';

/** The two measures that are not indicators: the probability of turning by the deadline, and the effort (million NOK). */
export const SPECIAL_MEASURES = ['turn', 'effort'] as const;
export type MeasureName = (typeof SPECIAL_MEASURES)[number] | IndicatorName;
const MEASURES: readonly string[] = [...SPECIAL_MEASURES, ...INDICATORS];
const MEASURE_ALLOWED = `turn (probability of turning by turnBy), effort (million NOK) or an indicator name, e.g. ${quoteList(['coCreationActual', 'burnout', 'trustCitizens'])}`;

const range = (lo: number, hi: number, integer: boolean) =>
  z
    .tuple([numberField(lo, hi, { integer }), numberField(lo, hi, { integer })], {
      error: `two ${integer ? 'integers' : 'numbers'} [low, high] from ${lo} to ${hi} with low ≤ high`,
    })
    .refine(([a, b]) => a <= b, { error: 'two numbers [low, high] with low ≤ high' });

const LeverSchema = strictObject(
  {
    kind: enumField(LEVER_KINDS as unknown as [string, ...string[]]).describe('Lever kind'),
    start: range(0, 5200, true).describe('Window of start weeks [earliest, latest] (week 0 is the scenario start)'),
    duration: range(1, 5200, true).describe('Range of durations in weeks [shortest, longest]; past the horizon means to the end'),
    intensity: range(0, 1, false).default([0.25, 1]).describe('Range of intensities [low, high]'),
    optional: z.boolean({ error: 'true or false' }).default(true).describe('May the search leave this lever out?'),
  },
  { what: 'a candidate lever: a mapping with kind, start, duration and optionally intensity, optional' },
);

const MeasureObject = strictObject(
  {
    measure: textField().describe(MEASURE_ALLOWED),
    direction: enumField(['max', 'min']).optional().describe('Maximise or minimise (default: the better direction of the indicator)'),
    week: numberField(1, 5200, { integer: true }).optional().describe('Read the indicator at the end of this week (default turnBy)'),
  },
  { what: 'an objective: a measure name, or a mapping with measure and optionally direction, week' },
);

const ConstraintSchema = strictObject(
  {
    measure: textField().describe(MEASURE_ALLOWED),
    min: z.number({ error: 'a number' }).optional().describe('Lowest allowed mean'),
    max: z.number({ error: 'a number' }).optional().describe('Highest allowed mean'),
    week: numberField(1, 5200, { integer: true }).optional().describe('Read the indicator at the end of this week (default turnBy)'),
  },
  { what: 'a constraint: a mapping with measure and min and/or max (and optionally week)' },
);

export const SearchSchema = strictObject(
  {
    scenario: textField().describe('Base scenario file, relative to this file; candidate levers are added to its interventions'),
    description: textField().optional().describe('Free text'),
    ensemble: textField()
      .optional()
      .describe(
        'Ensemble file of a calibration (its ensemble.json), relative to this file: replicate r runs with member order[r mod N], as in tanker batch --ensemble',
      ),
    seed: seedField().default('search').describe('Seed of the search (initial population, variation); the runs use the scenario seed'),
    replicates: numberField(1, 1000, { integer: true })
      .default(4)
      .describe('Replicates per mechanism variant; the same replicates for every candidate (common random numbers)'),
    mechanisms: enumField(['all', 'scenario'])
      .default('all')
      .describe(
        "all: evaluate every candidate under every combination of the contested mechanisms' alternatives; scenario: only the scenario's",
      ),
    population: numberField(4, 1000, { integer: true })
      .refine((v) => v % 2 === 0, { error: 'an even integer from 4 to 1000' })
      .default(16)
      .describe('NSGA-II population size (even)'),
    generations: numberField(1, 10_000, { integer: true }).default(10).describe('Generations, the initial one included'),
    turnBy: numberField(1, 5200, { integer: true })
      .optional()
      .describe('Turning counts if it happens before this week (default 260, year 5, or the horizon)'),
    budget: numberField(0, 1e6).optional().describe('Largest allowed effort in million NOK (a constraint)'),
    levers: z.array(LeverSchema, { error: 'a list of candidate levers' }).min(1).describe('Candidate levers'),
    objectives: z
      .array(MeasureObject, { error: 'a list of objectives' })
      .min(1)
      .default([{ measure: 'turn' }, { measure: 'effort' }])
      .describe('What to optimise: turn, effort, indicators'),
    constraints: z.array(ConstraintSchema, { error: 'a list of constraints' }).default([]).describe('Limits on mean measures'),
  },
  {
    what: 'a search: a mapping with scenario, levers and optionally ensemble, seed, replicates, mechanisms, population, generations, turnBy, budget, objectives, constraints',
  },
);

export interface CandidateLever {
  readonly kind: string;
  readonly start: readonly [number, number];
  readonly duration: readonly [number, number];
  readonly intensity: readonly [number, number];
  readonly optional: boolean;
}

export interface Measure {
  readonly name: MeasureName;
  /** Week at whose end an indicator is read (1-based count of weeks: the row week − 1). */
  readonly week: number;
}

export interface Objective extends Measure {
  readonly direction: 'max' | 'min';
}

export interface Constraint extends Measure {
  readonly min: number | null;
  readonly max: number | null;
}

export interface SearchSpec {
  readonly file: string;
  readonly name: string;
  readonly description: string | null;
  readonly scenarioFile: string;
  readonly scenario: ResolvedScenario;
  /** Plausible parameter sets: replicate r of every candidate runs with member order[r mod N]; null: the scenario's own. */
  readonly ensemble: BatchEnsemble | null;
  readonly seed: string | number;
  readonly replicates: number;
  readonly mechanisms: 'all' | 'scenario';
  readonly population: number;
  readonly generations: number;
  readonly turnBy: number;
  readonly budget: number | null;
  readonly levers: readonly CandidateLever[];
  readonly objectives: readonly Objective[];
  readonly constraints: readonly Constraint[];
}

export type SearchLoad =
  | { readonly ok: true; readonly spec: SearchSpec }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

function measureIssue(name: string, path: (string | number)[]): Issue | null {
  if (MEASURES.includes(name)) return null;
  return { path, message: foundAllowed(name, MEASURE_ALLOWED, didYouMean(name, MEASURES)) };
}

/** Validate a search file's text and its base scenario; every error at once. */
export function parseSearch(text: string, file: string, name: string, loadBase: LoadBase, loadEnsemble: LoadEnsemble): SearchLoad {
  const src = parseSource(text, file);
  if (src.errors.length > 0) return { ok: false, errors: src.errors };
  // An objective written as a bare name is short for `{ measure: name }`; its issues are reported at the entry.
  const raw = src.data;
  const bare = new Set<number>();
  const data =
    isMapping(raw) && Array.isArray(raw.objectives)
      ? {
          ...raw,
          objectives: raw.objectives.map((o: unknown, i: number) => {
            if (typeof o !== 'string') return o;
            bare.add(i);
            return { measure: o };
          }),
        }
      : raw;
  const checked = checkSchema(SearchSchema, data);
  const issues: Issue[] = checked.ok
    ? []
    : checked.issues.map((iss) =>
        iss.path[0] === 'objectives' && typeof iss.path[1] === 'number' && bare.has(iss.path[1])
          ? { ...iss, path: iss.path.slice(0, 2) }
          : iss,
      );
  const at = (key: string, i: number, field: string): (string | number)[] =>
    key === 'objectives' && bare.has(i) ? [key, i] : [key, i, field];

  // The base scenario, relative to this file (checked even when other fields are wrong).
  const base = checkBase(data, loadBase, issues, 'the search sets the interventions itself; remove the sweep');
  const { scenario, errors: scenarioErrors } = base;
  const scenarioFile = base.file;
  const ensemble = checkEnsemble(data, loadEnsemble, issues);

  // Checks that need the scenario or several fields, on every section that is valid on its own.
  const part = <T>(schema: z.ZodType<T>, v: unknown): T | null => {
    const r = schema.safeParse(v);
    return r.success ? r.data : null;
  };
  const list = (key: string): unknown[] => (isMapping(data) && Array.isArray(data[key]) ? (data[key] as unknown[]) : []);
  const horizon = scenario?.config.ticks ?? Number.POSITIVE_INFINITY;
  const turnByRaw = (isMapping(data) ? part(SearchSchema.shape.turnBy, data.turnBy) : null) ?? null;
  const turnBy = turnByRaw ?? Math.min(260, horizon);
  if (turnByRaw !== null && turnByRaw > horizon)
    issues.push({ path: ['turnBy'], message: foundAllowed(turnByRaw, `a week from 1 to the scenario's horizon, ${horizon}`) });
  const kinds = new Set<string>();
  list('levers').forEach((v, i) => {
    const l = part(LeverSchema, v);
    if (!l) return;
    if (kinds.has(l.kind))
      issues.push({ path: ['levers', i, 'kind'], message: foundAllowed(l.kind, 'each lever kind once in the candidate list') });
    kinds.add(l.kind);
    if (l.start[1] >= horizon)
      issues.push({
        path: ['levers', i, 'start', 1],
        message: foundAllowed(l.start[1], `a start week before the scenario's horizon (at most ${horizon - 1})`),
      });
  });
  const checkMeasure = (key: string, i: number, m: { measure: string; week?: number | undefined }) => {
    const bad = measureIssue(m.measure, at(key, i, 'measure'));
    if (bad) issues.push(bad);
    if (m.week !== undefined && m.week > horizon)
      issues.push({ path: [key, i, 'week'], message: foundAllowed(m.week, `a week from 1 to the scenario's horizon, ${horizon}`) });
    return !bad;
  };
  list('objectives').forEach((v, i) => {
    const o = part(MeasureObject, v);
    if (!o || !checkMeasure('objectives', i, o)) return;
    if (!o.direction && o.measure in INDICATOR_SPECS && INDICATOR_SPECS[o.measure as IndicatorName].better === 'none')
      issues.push({
        path: ['objectives', i],
        message: foundAllowed(o.measure, `a mapping with measure and direction (max or min): ${o.measure} has no better direction`),
      });
  });
  list('constraints').forEach((v, i) => {
    const c = part(ConstraintSchema, v);
    if (!c || !checkMeasure('constraints', i, c)) return;
    if (c.min === undefined && c.max === undefined)
      issues.push({ path: ['constraints', i], message: 'found no min or max; allowed: a constraint with min, max or both' });
  });

  if (checked.ok && scenario && issues.length === 0) {
    const s = checked.value;
    const objectives: Objective[] = s.objectives.map((o) => {
      const name = o.measure as MeasureName;
      const better = name === 'turn' ? 'max' : name === 'effort' ? 'min' : INDICATOR_SPECS[name].better === 'up' ? 'max' : 'min';
      return { name, week: o.week ?? turnBy, direction: o.direction ?? better };
    });
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
        replicates: s.replicates,
        mechanisms: s.mechanisms,
        population: s.population,
        generations: s.generations,
        turnBy,
        budget: s.budget ?? null,
        levers: s.levers,
        objectives,
        constraints: s.constraints.map((c) => ({
          name: c.measure as MeasureName,
          week: c.week ?? turnBy,
          min: c.min ?? null,
          max: c.max ?? null,
        })),
      },
    };
  }
  const errors = [
    ...placeIssues(src, issues).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0)),
    ...scenarioErrors,
  ];
  return { ok: false, errors };
}
