/**
 * Calibration files (`tanker calibrate FILE`): their format (one zod schema, the field helpers and
 * error style of scenario files) and reading one, with the scenario it names, into a
 * `CalibrationSpec`. Every problem is reported at once with file, line, column, field path, the
 * value found and what is allowed; nothing runs on a bad file.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { z } from 'zod';
import type { ParameterSpec } from '../calibration/prior.js';
import { MODEL_VERSION } from '../io/provenance.js';
import { INDICATORS, PARAM_GROUPS, SIZE_PRESETS } from '../model/index.js';
import { displayFile, formatPath, foundAllowed, type Issue, quoteList, type ScenarioError } from '../scenario/errors.js';
import { isMapping } from '../scenario/extends.js';
import { enumField, numberField, seedField, strictObject, textField } from '../scenario/fields.js';
import { loadScenario, type ResolvedScenario, readSourceFile, resolveScenarioData } from '../scenario/index.js';
import { LIMITS } from '../scenario/limits.js';
import { placeIssues } from '../scenario/parse.js';
import { checkSchema } from '../scenario/validate.js';
import { FACTS, factClaims } from '../validation/facts.js';
import type { CalibrationTarget } from './calibration-targets.js';
import { checkParameterRange, parameterBounds } from './sensitivity-spec.js';

const RANGE = 'two numbers [low, high] with low < high';
const WEEKS = `two week indices [first, last] with first ≤ last`;
const GROUPS = Object.keys(PARAM_GROUPS);

const TargetSchema = strictObject(
  {
    indicator: z
      .enum(INDICATORS, { error: `one of the ${INDICATORS.length} indicator names, e.g. ${quoteList(INDICATORS.slice(-3))}` })
      .describe('Indicator the target is about'),
    week: numberField(0, LIMITS.horizon - 1, { integer: true })
      .optional()
      .describe('One week (0 = the first week)'),
    weeks: z
      .tuple([z.number().int(), z.number().int()], { error: WEEKS })
      .optional()
      .describe('A window of weeks [first, last], inclusive: the target is the mean over it'),
    year: numberField(1, 200, { integer: true }).optional().describe('Year y of the run: weeks 52 (y − 1) to 52 y − 1'),
    value: z.number({ error: 'a number' }).optional().describe('Observed value (with sd)'),
    sd: numberField(0, Number.MAX_VALUE, { exclusiveMin: true }).optional().describe('Uncertainty of the value (one standard deviation)'),
    range: z.tuple([z.number(), z.number()], { error: RANGE }).optional().describe('Observed range [low, high] (instead of value ± sd)'),
  },
  { what: 'a mapping with indicator, one of week, weeks or year, and value with sd or range' },
);

const FACT_IDS = FACTS.map((f) => f.id);
const FACT_LIST = `one of the stylised facts ${FACT_IDS.slice(0, -1).join(', ')} or ${FACT_IDS.at(-1)} (tanker validate-model lists them)`;

const PatternSchema = strictObject(
  {
    fact: z.number({ error: FACT_LIST }).optional().describe('A stylised fact (src/validation/facts.ts) that must hold'),
    facts: z
      .union([z.literal('all'), z.array(z.number(), { error: `a list of fact numbers, each ${FACT_LIST}` })], {
        error: `"all" or a list of fact numbers, each ${FACT_LIST}`,
      })
      .optional()
      .describe('Several facts (a list of numbers) or all of them, each with this minD'),
    minD: numberField(0, 100).describe('Smallest standardised effect (Cohen’s d) in the claimed direction, for every check of the fact'),
  },
  { what: 'a mapping with fact (a number) or facts (all, or a list of numbers), and minD' },
);

export const CalibrationSchema = strictObject(
  {
    name: textField().optional().describe('Name of the calibration (default: the file name)'),
    description: textField().optional().describe('Free text'),
    scenario: textField().optional().describe('Base scenario file, relative to this file (or give preset)'),
    preset: enumField(SIZE_PRESETS).optional().describe('Base scenario: the built-in municipality of this size (instead of scenario)'),
    horizon: numberField(1, LIMITS.horizon, { integer: true }).optional().describe('Weeks to simulate (default: the scenario’s)'),
    parameters: z
      .record(z.string(), z.union([z.literal('registry'), z.tuple([z.number(), z.number()])], { error: `"registry" or ${RANGE}` }), {
        error: 'a mapping from parameter names (e.g. signals.relay) to "registry" (its registry range) or [low, high]',
      })
      .optional()
      .describe('Parameters to vary, each with a uniform prior over [low, high] or the registry’s range'),
    select: strictObject(
      {
        groups: z
          .array(enumField(GROUPS as unknown as readonly [string, ...string[]]), { error: 'a list of parameter group names' })
          .min(1)
          .optional()
          .describe('Every parameter of these groups (default: every group)'),
        source: textField().optional().describe('Only parameters whose registry source is exactly this (e.g. assumption)'),
      },
      { what: 'a mapping with groups and/or source' },
    )
      .optional()
      .describe('Parameters chosen from the registry, each at its registry range'),
    targets: z
      .array(z.unknown(), { error: 'a list of targets' })
      .min(1, { error: 'a list of at least one target' })
      .describe('Data targets (indicator, when, value ± sd or range) and pattern targets (fact or facts, minD); each checked below'),
    method: strictObject(
      {
        particles: numberField(2, 100_000, { integer: true }).default(100).describe('Particles per generation (N)'),
        generations: numberField(1, 100, { integer: true }).default(5).describe('ABC-SMC generations (rounds of lowering the tolerance)'),
        replicates: numberField(1, 1000, { integer: true }).default(1).describe('Model runs per particle; the statistics are their mean'),
        seed: seedField().default('calibrate').describe('Seed of the calibration (proposals, replicate seeds)'),
        quantile: numberField(0.05, 0.95).default(0.5).describe('Next tolerance = this quantile of the last generation’s distances'),
        minEpsilon: numberField(0, Number.MAX_VALUE).default(0).describe('Stop once the tolerance is at or below this distance'),
        maxSimulations: numberField(1, 1e9, { integer: true })
          .optional()
          .describe('Stop after the generation in which this many particles have been simulated'),
      },
      {
        what: 'a mapping with particles, generations, replicates, seed, quantile, minEpsilon and maxSimulations',
        unknownKey: (k) => (k === 'rounds' ? 'unknown key; did you mean "generations" (the rounds of ABC-SMC)?' : undefined),
      },
    ).prefault({}),
  },
  { what: 'a mapping with scenario or preset, parameters or select, targets and method' },
);

export type CalibrationInput = z.output<typeof CalibrationSchema>;

export interface CalibrationSpec {
  /** Absolute path of the calibration file. */
  readonly file: string;
  readonly name: string;
  readonly description: string | null;
  /** Absolute path of the scenario file, or "built-in <preset>". */
  readonly scenarioSource: string;
  readonly scenario: ResolvedScenario;
  readonly parameters: readonly ParameterSpec[];
  readonly targets: readonly CalibrationTarget[];
  readonly method: {
    readonly particles: number;
    readonly generations: number;
    readonly replicates: number;
    readonly seed: string | number;
    readonly quantile: number;
    readonly minEpsilon: number;
    readonly maxSimulations: number | null;
  };
  /** SHA-256 (16 hex digits) of everything that decides the result: model version, scenario, parameters, targets, method. */
  readonly hash: string;
  readonly notes: readonly string[];
}

export type CalibrationLoad =
  | { readonly ok: true; readonly spec: CalibrationSpec }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

/** Read and validate a calibration file and the scenario it names; every error at once. */
export function loadCalibration(path: string): CalibrationLoad {
  const read = readSourceFile(path, 'calibration file');
  if (!read.ok) return read;
  const { file, src } = read;
  const data = src.data;
  const schema = checkSchema(CalibrationSchema, data);
  const checked = schema.ok ? { issues: [], value: schema.value } : { issues: schema.issues, value: null };
  const issues: Issue[] = [...checked.issues];
  const notes: string[] = [];
  const shape = CalibrationSchema.shape;
  const part = <T>(schema: z.ZodType<T>, v: unknown): T | null => {
    const r = schema.safeParse(v);
    return r.success ? r.data : null;
  };
  const raw = isMapping(data) ? data : {};

  // The base scenario: a file relative to this one, or a preset; exactly one.
  const scenarioPath = part(shape.scenario, raw.scenario);
  const preset = part(shape.preset, raw.preset);
  const horizon = part(shape.horizon, raw.horizon) ?? undefined;
  let scenario: ResolvedScenario | null = null;
  let scenarioSource = '';
  const scenarioErrors: ScenarioError[] = [];
  if (raw.scenario !== undefined && raw.preset !== undefined) {
    issues.push({ path: ['preset'], atKey: true, message: foundAllowed(preset, 'either scenario or preset, not both') });
  } else if (raw.scenario === undefined && raw.preset === undefined) {
    issues.push({
      path: [],
      message: 'found neither scenario nor preset; allowed: a base scenario file (scenario: FILE) or a size (preset: small)',
    });
  } else if (typeof scenarioPath === 'string') {
    const scenarioFile = resolve(dirname(file), scenarioPath);
    scenarioSource = scenarioFile;
    if (!existsSync(scenarioFile) || !statSync(scenarioFile).isFile()) {
      issues.push({
        path: ['scenario'],
        message: foundAllowed(scenarioPath, 'a path to a scenario file, relative to this file', `no file at ${displayFile(scenarioFile)}`),
      });
    } else {
      const r = loadScenario(scenarioFile, { overrides: { horizon } });
      if (!r.ok) scenarioErrors.push(...r.errors);
      else if (r.scenario.sweep !== null)
        issues.push({
          path: ['scenario'],
          message: foundAllowed(scenarioPath, 'a scenario without a sweep section', 'the calibration sets the parameter values itself'),
        });
      else scenario = r.scenario;
    }
  } else if (preset) {
    scenarioSource = `built-in ${preset}`;
    const r = resolveScenarioData({ name: `default-${preset}`, size: preset }, { source: 'built-in', overrides: { horizon } });
    if (!r.ok) throw new Error(`the built-in ${preset} scenario: ${r.issues.map((i) => i.message).join('; ')}`);
    scenario = r.scenario;
  }
  if (scenario) notes.push(...scenario.notes);
  const ticks = scenario?.config.ticks ?? horizon ?? null;

  // Parameters: named ones with their ranges, then the selected groups at their registry ranges.
  const parameters: ParameterSpec[] = [];
  const seen = new Set<string>();
  const ranges = part(shape.parameters, raw.parameters);
  for (const [name, range] of Object.entries(ranges ?? {})) {
    const path = ['parameters', name];
    const known = parameterBounds(name);
    const [low, high] = range !== 'registry' ? range : known ? [known.min, known.max] : [Number.NaN, Number.NaN];
    if (known && !(Number.isFinite(low) && Number.isFinite(high))) {
      issues.push({ path, message: foundAllowed(range, `${RANGE} (this parameter has no finite registry range)`) });
      continue;
    }
    const b = checkParameterRange(name, low, high, path, issues, 'whole');
    if (b) {
      parameters.push({ name, min: low, max: high, ...(b.integer ? { integer: true } : {}) });
      seen.add(name);
    }
  }
  const select = part(shape.select, raw.select);
  if (select) {
    const before = parameters.length;
    for (const g of select.groups ?? GROUPS) {
      for (const [p, s] of Object.entries(
        (PARAM_GROUPS as Record<string, Record<string, { min: number; max: number; integer?: boolean; source: string }>>)[g]!,
      )) {
        const name = `${g}.${p}`;
        if (seen.has(name) || (select.source !== undefined && s.source !== select.source)) continue;
        if (!(s.max > s.min)) continue;
        parameters.push({ name, min: s.min, max: s.max, ...(s.integer ? { integer: true } : {}) });
        seen.add(name);
      }
    }
    if (parameters.length === before)
      issues.push({
        path: ['select'],
        message: foundAllowed(select, 'a selection that names at least one parameter not listed under parameters'),
      });
  }
  if (raw.parameters === undefined && raw.select === undefined)
    issues.push({
      path: [],
      message: 'found no parameters; allowed: parameters (name: [low, high] or registry) and/or select (groups, source)',
    });

  // Pattern targets: fact N, or facts all / [N, ...], each a known fact listed once, with minD.
  function patternTarget(t: Record<string, unknown>, at: (string | number)[]): void {
    const r = checkSchema(PatternSchema, t);
    if (!r.ok) {
      issues.push(...r.issues.map((iss) => ({ ...iss, path: [...at, ...iss.path] })));
      return;
    }
    const p = r.value;
    if ((p.fact === undefined) === (p.facts === undefined)) {
      issues.push({ path: at, message: foundAllowed('fact and facts', 'one of fact (a number) or facts (all, or a list of numbers)') });
      return;
    }
    const ids: { id: number; path: (string | number)[] }[] =
      p.fact !== undefined
        ? [{ id: p.fact, path: [...at, 'fact'] }]
        : p.facts === 'all'
          ? FACT_IDS.map((id) => ({ id, path: [...at, 'facts'] }))
          : p.facts!.map((id, j) => ({ id, path: [...at, 'facts', j] }));
    for (const { id, path } of ids) {
      const fact = FACTS.find((f) => f.id === id);
      if (!fact) {
        const why = id === 5 ? 'fact 5 (trust asymmetry) holds by construction and is a unit test, not a check' : undefined;
        issues.push({ path, message: foundAllowed(id, FACT_LIST, why) });
        continue;
      }
      const before = patternFacts.get(id);
      if (before) {
        issues.push({
          path,
          message: foundAllowed(id, 'each fact in one pattern target only', `fact ${id} is already a target at ${formatPath(before)}`),
        });
        continue;
      }
      patternFacts.set(id, path);
      const ctx = { size: scenario?.resolved.size ?? 'small', alpha: 0.01 } as const;
      targets.push({ fact: id, title: fact.title, minD: p.minD, claims: factClaims(fact, ctx) });
    }
  }

  // Data targets: exactly one of week, weeks, year; value with sd, or range; the window inside the run.
  const targets: CalibrationTarget[] = [];
  const rawTargets = Array.isArray(raw.targets) ? raw.targets : [];
  const patternFacts = new Map<number, (string | number)[]>();
  rawTargets.forEach((t: unknown, i: number) => {
    const at = ['targets', i];
    if (isMapping(t) && ('fact' in t || 'facts' in t)) {
      patternTarget(t, at);
      return;
    }
    const checkedTarget = checkSchema(TargetSchema, t);
    if (!checkedTarget.ok) {
      issues.push(...checkedTarget.issues.map((iss) => ({ ...iss, path: [...at, ...iss.path] })));
      return;
    }
    const tt = checkedTarget.value;
    const whens = (['week', 'weeks', 'year'] as const).filter((k) => tt[k] !== undefined);
    if (whens.length !== 1) {
      issues.push({
        path: at,
        message: foundAllowed(whens.length === 0 ? 'no week, weeks or year' : whens.join(' and '), 'exactly one of week, weeks or year'),
      });
      return;
    }
    const [from, to] =
      tt.week !== undefined ? [tt.week, tt.week] : tt.weeks !== undefined ? tt.weeks : [52 * (tt.year! - 1), 52 * tt.year! - 1];
    const key = whens[0]!;
    if (from < 0 || to < from) {
      issues.push({ path: [...at, key], message: foundAllowed(tt[key], WEEKS) });
      return;
    }
    if (ticks !== null && to >= ticks) {
      issues.push({
        path: [...at, key],
        message: foundAllowed(
          tt[key],
          `a window within the run's ${ticks} weeks (0 to ${ticks - 1})`,
          'raise horizon or choose an earlier window',
        ),
      });
      return;
    }
    const hasValue = tt.value !== undefined || tt.sd !== undefined;
    if (hasValue === (tt.range !== undefined)) {
      issues.push({ path: at, message: foundAllowed(hasValue ? 'value and range' : 'neither value nor range', 'value with sd, or range') });
      return;
    }
    if (hasValue && (tt.value === undefined || tt.sd === undefined)) {
      issues.push({
        path: [...at, tt.value === undefined ? 'sd' : 'value'],
        atKey: true,
        message: 'found value without sd (or sd without value); allowed: both',
      });
      return;
    }
    if (tt.range !== undefined && !(tt.range[0] < tt.range[1])) {
      issues.push({ path: [...at, 'range'], message: foundAllowed(tt.range, RANGE) });
      return;
    }
    targets.push({
      indicator: tt.indicator,
      from,
      to,
      observed: tt.range ? { kind: 'range', lo: tt.range[0], hi: tt.range[1] } : { kind: 'value', value: tt.value!, sd: tt.sd! },
    });
  });

  const errors = [
    ...placeIssues(src, issues).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0)),
    ...scenarioErrors,
  ];
  if (errors.length > 0 || scenario === null || !checked.value) return { ok: false, errors };
  const c = checked.value;
  if (c.method.maxSimulations !== undefined && c.method.maxSimulations < c.method.particles) {
    return {
      ok: false,
      errors: placeIssues(src, [
        {
          path: ['method', 'maxSimulations'],
          message: foundAllowed(c.method.maxSimulations, `an integer ≥ particles (${c.method.particles})`),
        },
      ]),
    };
  }
  if (patternFacts.size > 0 && c.method.replicates < 2) {
    return {
      ok: false,
      errors: placeIssues(src, [
        {
          path: ['method', 'replicates'],
          message: foundAllowed(
            c.method.replicates,
            'an integer ≥ 2 with pattern targets',
            'the effect of a check needs at least 2 replicates',
          ),
        },
      ]),
    };
  }
  const method = {
    particles: c.method.particles,
    generations: c.method.generations,
    replicates: c.method.replicates,
    seed: c.method.seed,
    quantile: c.method.quantile,
    minEpsilon: c.method.minEpsilon,
    maxSimulations: c.method.maxSimulations ?? null,
  };
  const hash = createHash('sha256')
    .update(JSON.stringify([MODEL_VERSION, scenario.resolved, scenario.config, scenario.interventions, parameters, targets, method]))
    .digest('hex')
    .slice(0, 16);
  return {
    ok: true,
    spec: {
      file,
      name: c.name ?? basename(file, extname(file)),
      description: c.description ?? null,
      scenarioSource,
      scenario,
      parameters,
      targets,
      method,
      hash,
      notes,
    },
  };
}
