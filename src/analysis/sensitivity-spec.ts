/**
 * Sensitivity files: their format (one zod schema, the same field helpers and error style as
 * scenario files) and reading one, with the scenario it names, into a `SensitivitySpec`. Every
 * problem is reported at once with file, line, column, field path, the value found and what is
 * allowed; nothing runs on a bad file.
 */
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { sweepableNames } from '../batch/sweep.js';
import { INDICATORS, type IndicatorName, PARAM_GROUPS } from '../model/index.js';
import { didYouMean, foundAllowed, type Issue, quoteList, type ScenarioError } from '../scenario/errors.js';
import { isMapping } from '../scenario/extends.js';
import { boolField, enumField, numberField, seedField, strictObject, textField } from '../scenario/fields.js';
import type { ResolvedScenario } from '../scenario/index.js';
import { readSourceFile } from '../scenario/load.js';
import { placeIssues } from '../scenario/parse.js';
import { OrganisationSchema } from '../scenario/schema.js';
import { baseFromDisk, checkBase } from '../scenario/spec-file.js';
import { checkSchema } from '../scenario/validate.js';
import { SOBOL_MAX_DIMENSIONS } from './sobol.js';

export const METHODS = ['morris', 'sobol'] as const;
export type Method = (typeof METHODS)[number];
export const STATISTICS = ['final', 'mean', 'peak'] as const;
export type Statistic = (typeof STATISTICS)[number];

const METHOD_ALLOWED = `${quoteList(METHODS)}, or a list of them`;
const RANGE = 'two numbers [low, high] with low < high';

export const SensitivitySchema = strictObject(
  {
    scenario: textField().describe('Scenario file to analyse, relative to this file'),
    description: textField().optional().describe('Free text'),
    method: z
      .array(enumField(METHODS), { error: METHOD_ALLOWED })
      .min(1, { error: METHOD_ALLOWED })
      .default([...METHODS])
      .describe('Which analyses to run: morris (screening), sobol (variance-based indices), or both'),
    replicates: numberField(1, 10_000, { integer: true })
      .default(1)
      .describe('Replicates per design point; the output is their mean (the same replicate seeds at every point)'),
    seed: seedField()
      .default('sensitivity')
      .describe('Seed of the sampling design and the bootstrap (the model runs use the scenario seed)'),
    confidence: numberField(0.5, 0.999).default(0.95).describe('Level of the bootstrap confidence intervals'),
    output: strictObject(
      {
        indicator: z
          .enum(INDICATORS, { error: `one of the ${INDICATORS.length} indicator names, e.g. ${quoteList(INDICATORS.slice(-3))}` })
          .default('transformationIndex')
          .describe('Indicator whose sensitivity is analysed'),
        statistic: enumField(STATISTICS)
          .default('final')
          .describe('final: value in the last week; mean: mean over the run; peak: largest value in the run'),
      },
      { what: 'a mapping with indicator and statistic' },
    ).prefault({}),
    morris: strictObject(
      {
        trajectories: numberField(2, 10_000, { integer: true }).default(10).describe('Number of trajectories r; cost r (k + 1) points'),
        levels: numberField(2, 20, { integer: true })
          .refine((v) => v % 2 === 0, { error: 'an even integer from 2 to 20' })
          .default(4)
          .describe('Grid levels p (even); step Δ = p / (2 (p − 1)) of each range'),
        bootstrap: numberField(0, 100_000, { integer: true }).default(1000).describe('Bootstrap resamples for the μ* interval'),
      },
      { what: 'a mapping with trajectories, levels and bootstrap' },
    ).prefault({}),
    sobol: strictObject(
      {
        samples: numberField(2, 1_048_576, { integer: true })
          .default(256)
          .describe('Base sample size N (a power of two is best); cost N (k + 2) points'),
        bootstrap: numberField(0, 100_000, { integer: true }).default(500).describe('Bootstrap resamples for the intervals'),
        base: enumField(['sobol', 'random'])
          .default('sobol')
          .describe("Base sample: Sobol' quasi-random points (randomly shifted) or plain random numbers"),
        noiseCorrection: boolField()
          .default(true)
          .describe('With 2 or more replicates: remove replicate noise from the estimators (indices of the mean response)'),
      },
      { what: 'a mapping with samples, bootstrap, base and noiseCorrection' },
    ).prefault({}),
    parameters: z
      .record(z.string(), z.tuple([z.number(), z.number()], { error: RANGE }), {
        error: 'a mapping from parameter names (e.g. signals.relay) to [low, high]',
      })
      .describe('Parameters to vary, each over [low, high] within its allowed range'),
  },
  { what: 'a mapping with scenario, parameters and optionally method, replicates, seed, output, morris, sobol' },
);

export type SensitivityInput = z.output<typeof SensitivitySchema>;

export interface SensitivityParameter {
  readonly name: string;
  readonly low: number;
  readonly high: number;
  /** Values are rounded to integers when the model uses them. */
  readonly integer: boolean;
}

export interface SensitivitySpec {
  /** Absolute path of the sensitivity file. */
  readonly file: string;
  /** The file name without extension (the default output folder name). */
  readonly name: string;
  readonly description: string | null;
  /** Absolute path of the scenario file. */
  readonly scenarioFile: string;
  readonly scenario: ResolvedScenario;
  readonly methods: readonly Method[];
  readonly replicates: number;
  readonly seed: string | number;
  readonly confidence: number;
  readonly output: { readonly indicator: IndicatorName; readonly statistic: Statistic };
  readonly morris: { readonly trajectories: number; readonly levels: number; readonly bootstrap: number };
  readonly sobol: {
    readonly samples: number;
    readonly bootstrap: number;
    readonly base: 'sobol' | 'random';
    readonly noiseCorrection: boolean;
  };
  readonly parameters: readonly SensitivityParameter[];
  /** Things worth telling the user that are not errors. */
  readonly notes: readonly string[];
}

export type SensitivityLoad =
  | { readonly ok: true; readonly spec: SensitivitySpec }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/** Allowed range of a sweepable name, or null when the name is unknown. */
export function parameterBounds(name: string): Bounds | null {
  const [group, field] = name.split('.', 2) as [string, string | undefined];
  if (field === undefined || !sweepableNames().includes(name)) return null;
  if (group === 'organisation') {
    const s = (OrganisationSchema.shape as Record<string, z.ZodType>)[field];
    const inner = s instanceof z.ZodOptional ? s.unwrap() : s;
    if (!(inner instanceof z.ZodNumber)) return null;
    return { min: inner.minValue ?? Number.NEGATIVE_INFINITY, max: inner.maxValue ?? Number.POSITIVE_INFINITY, integer: inner.isInt };
  }
  const spec = (PARAM_GROUPS as Record<string, Record<string, { min: number; max: number; integer?: boolean }>>)[group]?.[field];
  return spec ? { min: spec.min, max: spec.max, integer: spec.integer === true } : null;
}

/**
 * Checks one `name: [low, high]` entry of a sensitivity or calibration file: a sweepable name,
 * both ends within its allowed range, low < high. Pushes an issue per problem and returns the
 * bounds when all is well. Integer parameters take any ends (`rounded`: the model rounds values)
 * or only whole ones (`whole`).
 */
export function checkParameterRange(
  name: string,
  low: number,
  high: number,
  path: readonly (string | number)[],
  issues: Issue[],
  integers: 'rounded' | 'whole',
): Bounds | null {
  const b = parameterBounds(name);
  if (!b) {
    const names = sweepableNames();
    issues.push({
      path,
      atKey: true,
      message: foundAllowed(
        name,
        `a model parameter "group.name" or a numeric "organisation.field", e.g. ${quoteList(names.slice(0, 3))}`,
        didYouMean(name, names),
      ),
    });
    return null;
  }
  const whole = b.integer && integers === 'whole';
  const within = `a number from ${b.min} to ${b.max}${b.integer ? (whole ? ' (a whole number)' : ' (rounded to an integer)') : ''}`;
  let ok = true;
  for (const [i, v] of [low, high].entries()) {
    if (v < b.min || v > b.max || (whole && !Number.isInteger(v))) {
      issues.push({ path: [...path, i], message: foundAllowed(v, within) });
      ok = false;
    }
  }
  if (ok && !(low < high)) {
    issues.push({ path, message: foundAllowed([low, high], RANGE) });
    ok = false;
  }
  return ok ? b : null;
}

/** Read and validate a sensitivity file and the scenario it names; every error at once. */
export function loadSensitivity(path: string): SensitivityLoad {
  const read = readSourceFile(path, 'sensitivity file');
  if (!read.ok) return read;
  const { file, src } = read;
  // `method: sobol` is short for `method: [sobol]`; issues about it are reported at `method`.
  const raw = src.data;
  const single = isMapping(raw) && typeof raw.method === 'string';
  const data = single ? { ...raw, method: [raw.method] } : raw;
  const checked = checkSchema(SensitivitySchema, data);
  const issues: Issue[] = checked.ok
    ? []
    : checked.issues.map((iss) => (single && iss.path[0] === 'method' ? { ...iss, path: ['method'] } : iss));
  const notes: string[] = [];
  // Check parameters and the scenario even when other fields are wrong, so one run reports as much as it can.
  const shape = SensitivitySchema.shape;
  const part = <T>(schema: z.ZodType<T>, v: unknown): T | null => {
    const r = schema.safeParse(v);
    return r.success ? r.data : null;
  };
  const ranges = checked.ok ? checked.value.parameters : isMapping(data) ? part(shape.parameters, data.parameters) : null;
  const methods = METHODS.filter((m) =>
    (checked.ok ? checked.value.method : (isMapping(data) && part(shape.method, data.method)) || []).includes(m),
  );
  const sobolOpts = checked.ok ? checked.value.sobol : null;

  // Parameters: known names, ranges inside the registry's.
  const parameters: SensitivityParameter[] = [];
  for (const [name, [low, high]] of Object.entries(ranges ?? {})) {
    const b = checkParameterRange(name, low, high, ['parameters', name], issues, 'rounded');
    if (b) {
      parameters.push({ name, low, high, integer: b.integer });
      if (b.integer) notes.push(`${name} is a whole number: values are rounded, so its effects are measured on a coarser grid`);
    }
  }
  const k = Object.keys(ranges ?? {}).length;
  if (ranges !== null && k === 0)
    issues.push({ path: ['parameters'], message: 'found no parameters; allowed: at least one parameter range' });
  const maxSobol = Math.floor(SOBOL_MAX_DIMENSIONS / 2);
  if (sobolOpts && methods.includes('sobol') && sobolOpts.base === 'sobol' && k > maxSobol)
    issues.push({
      path: ['parameters'],
      message: foundAllowed(
        `${k} parameters`,
        `at most ${maxSobol} parameters with Sobol' points`,
        'set sobol.base to random for more, or screen them with morris first',
      ),
    });
  if (sobolOpts && methods.includes('sobol') && sobolOpts.base === 'sobol' && !isPowerOfTwo(sobolOpts.samples))
    notes.push(
      `sobol.samples ${sobolOpts.samples} is not a power of two; Sobol' points are best balanced at powers of two (e.g. ${2 ** Math.round(Math.log2(sobolOpts.samples))})`,
    );

  // The scenario, relative to this file.
  const base = checkBase(data, baseFromDisk(file), issues, 'the sensitivity design sets the parameter values itself; remove the sweep');
  const scenario = base.scenario;
  const scenarioFile = base.file;
  const scenarioErrors = base.errors;
  if (scenario) notes.push(...scenario.notes);
  const errors = [
    ...placeIssues(src, issues).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0)),
    ...scenarioErrors,
  ];
  if (errors.length > 0 || scenario === null || !checked.ok) return { ok: false, errors };
  const s = checked.value;
  return {
    ok: true,
    spec: {
      file,
      name: basename(file, extname(file)),
      description: s.description ?? null,
      scenarioFile,
      scenario,
      methods,
      replicates: s.replicates,
      seed: s.seed,
      confidence: s.confidence,
      output: s.output,
      morris: s.morris,
      sobol: s.sobol,
      parameters,
      notes,
    },
  };
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(Math.log2(n));
}
