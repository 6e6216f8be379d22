/**
 * Global sensitivity analysis of the simulator: a sensitivity file names a scenario, parameter
 * ranges and an output; this module validates it (same error style as scenario files), builds
 * the Morris and Saltelli designs (morris.ts, sobol.ts), evaluates every design point with
 * `replicates` replicates on the worker pool, and writes tables, charts and a manifest.
 *
 * Each design point is a sweep point of the scenario (batch/sweep.ts `applyPoint`). Every point
 * runs the same replicate indices 0..R-1 of the scenario's seed (common random numbers), and its
 * output is the mean over them. Results are gathered by task index, so they do not depend on the
 * number of threads or on scheduling.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import { mapReplicates } from '../batch/replicates.js';
import { applyPoint, sweepableNames } from '../batch/sweep.js';
import type { WorkerResult, WorkerTask } from '../batch/worker.js';
import { writeFileAtomic } from '../io/atomic.js';
import { provenance } from '../io/provenance.js';
import { formatNumber } from '../io/tables.js';
import { INDICATORS, type IndicatorName } from '../model/indicators.js';
import { PARAM_GROUPS } from '../model/params/index.js';
import { didYouMean, displayFile, foundAllowed, type Issue, quoteList, type ScenarioError } from '../scenario/errors.js';
import { boolField, enumField, numberField, seedField, strictObject, textField } from '../scenario/fields.js';
import { loadScenario, type ResolvedScenario } from '../scenario/index.js';
import { parseSource, placeIssues } from '../scenario/parse.js';
import { OrganisationSchema } from '../scenario/schema.js';
import { checkSchema } from '../scenario/validate.js';
import { type MorrisDesign, type MorrisResult, morrisAnalyze, morrisCost, morrisDesign } from './morris.js';
import {
  replicateNoiseVariance,
  type SaltelliDesign,
  SOBOL_MAX_DIMENSIONS,
  type SobolResult,
  saltelliCost,
  saltelliDesign,
  sobolAnalyze,
} from './sobol.js';

// ---------------------------------------------------------------- file format

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

/** Read and validate a sensitivity file and the scenario it names; every error at once. */
export function loadSensitivity(path: string): SensitivityLoad {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : String(e);
    return { ok: false, errors: [{ file, line: null, col: null, path: '', message: `cannot read the sensitivity file: ${reason}` }] };
  }
  const src = parseSource(text, file);
  if (src.errors.length > 0) return { ok: false, errors: src.errors };
  // `method: sobol` is short for `method: [sobol]`; issues about it are reported at `method`.
  const raw = src.data;
  const single = isRecord(raw) && typeof raw.method === 'string';
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
  const ranges = checked.ok ? checked.value.parameters : isRecord(data) ? part(shape.parameters, data.parameters) : null;
  const methods = METHODS.filter((m) =>
    (checked.ok ? checked.value.method : (isRecord(data) && part(shape.method, data.method)) || []).includes(m),
  );
  const sobolOpts = checked.ok ? checked.value.sobol : null;

  // Parameters: known names, ranges inside the registry's.
  const names = sweepableNames();
  const parameters: SensitivityParameter[] = [];
  for (const [name, [low, high]] of Object.entries(ranges ?? {})) {
    const path = ['parameters', name];
    const b = parameterBounds(name);
    if (!b) {
      issues.push({
        path,
        atKey: true,
        message: foundAllowed(
          name,
          `a model parameter "group.name" or a numeric "organisation.field", e.g. ${quoteList(names.slice(0, 3))}`,
          didYouMean(name, names),
        ),
      });
      continue;
    }
    const within = `a number from ${b.min} to ${b.max}${b.integer ? ' (rounded to an integer)' : ''}`;
    let ok = true;
    for (const [i, v] of [low, high].entries()) {
      if (v < b.min || v > b.max) {
        issues.push({ path: [...path, i], message: foundAllowed(v, within) });
        ok = false;
      }
    }
    if (ok && !(low < high)) {
      issues.push({ path, message: foundAllowed([low, high], RANGE) });
      ok = false;
    }
    if (ok) {
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
  const scenarioPath = isRecord(data) ? part(shape.scenario, data.scenario) : null;
  let scenario: ResolvedScenario | null = null;
  const scenarioFile = scenarioPath === null ? '' : resolve(dirname(file), scenarioPath);
  const scenarioErrors: ScenarioError[] = [];
  if (scenarioPath === null) {
    // reported by the schema
  } else if (!existsSync(scenarioFile) || !statSync(scenarioFile).isFile()) {
    issues.push({
      path: ['scenario'],
      message: foundAllowed(scenarioPath, 'a path to a scenario file, relative to this file', `no file at ${displayFile(scenarioFile)}`),
    });
  } else {
    const r = loadScenario(scenarioFile);
    if (!r.ok) scenarioErrors.push(...r.errors);
    else if (r.scenario.sweep !== null)
      issues.push({
        path: ['scenario'],
        message: foundAllowed(
          scenarioPath,
          'a scenario without a sweep section',
          'the sensitivity design sets the parameter values itself; remove the sweep',
        ),
      });
    else {
      scenario = r.scenario;
      notes.push(...r.scenario.notes);
    }
  }
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

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(Math.log2(n));
}

// ---------------------------------------------------------------- designs

export interface Designs {
  readonly morris: MorrisDesign | null;
  readonly sobol: SaltelliDesign | null;
}

export function buildDesigns(spec: SensitivitySpec): Designs {
  const k = spec.parameters.length;
  return {
    morris: spec.methods.includes('morris')
      ? morrisDesign(k, { trajectories: spec.morris.trajectories, levels: spec.morris.levels, seed: spec.seed })
      : null,
    sobol: spec.methods.includes('sobol') ? saltelliDesign(k, spec.sobol.samples, { seed: spec.seed, base: spec.sobol.base }) : null,
  };
}

/** Design points (rows) of each method and the replicates they run. */
export function designCost(spec: SensitivitySpec): { morris: number; sobol: number; points: number; replicates: number } {
  const k = spec.parameters.length;
  const morris = spec.methods.includes('morris') ? morrisCost(k, spec.morris.trajectories) : 0;
  const sobol = spec.methods.includes('sobol') ? saltelliCost(k, spec.sobol.samples) : 0;
  return { morris, sobol, points: morris + sobol, replicates: (morris + sobol) * spec.replicates };
}

/** Parameter values of a unit-cube row: low + u (high − low). */
export function scaleRow(parameters: readonly SensitivityParameter[], unit: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  parameters.forEach((p, i) => {
    out[p.name] = p.low + unit[i]! * (p.high - p.low);
  });
  return out;
}

// ---------------------------------------------------------------- the output of interest

/** The scalar output of one replicate: final, mean or peak of one indicator. */
export function replicateOutput(data: Float64Array, width: number, column: number, statistic: Statistic): number {
  const ticks = data.length / width;
  if (statistic === 'final') return data[(ticks - 1) * width + column]!;
  let sum = 0;
  let n = 0;
  let peak = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < ticks; t++) {
    const v = data[t * width + column]!;
    if (!Number.isFinite(v)) continue;
    sum += v;
    n++;
    if (v > peak) peak = v;
  }
  if (n === 0) return Number.NaN;
  return statistic === 'mean' ? sum / n : peak;
}

// ---------------------------------------------------------------- evaluation on the pool

export interface RunOptions {
  /** Worker threads (default: the number of cores). Results do not depend on it. */
  readonly threads?: number;
  readonly onStart?: (total: number) => void;
  readonly onDone?: (done: number) => void;
}

export interface MethodOutcome<D, R> {
  readonly design: D;
  readonly result: R;
  /** Output per design row: the mean over replicates. */
  readonly y: Float64Array;
  /** Output per design row and replicate, row-major (row r, replicate j at r R + j). */
  readonly raw: Float64Array;
  /**
   * Share of the variance of the row means that is replicate noise (noise not shared by all
   * points, see sobol.ts `replicateNoiseVariance`). Null with one replicate.
   */
  readonly noiseShare: number | null;
}

export interface SensitivityResult {
  readonly spec: SensitivitySpec;
  readonly morris: MethodOutcome<MorrisDesign, MorrisResult> | null;
  readonly sobol: MethodOutcome<SaltelliDesign, SobolResult> | null;
  /** Replicates run in all. */
  readonly replicates: number;
}

/** Run `count` model replicates on the worker pool and return one scalar per task, in task order. */
export async function evaluateOnPool(
  count: number,
  task: (i: number) => WorkerTask,
  extract: (r: WorkerResult, i: number) => number,
  opts: RunOptions = {},
): Promise<Float64Array> {
  const values = await mapReplicates(count, task, extract, opts.threads ?? availableParallelism(), opts.onDone);
  return Float64Array.from(values);
}

/** Evaluate the designs on the pool and compute the indices. */
export async function runSensitivity(spec: SensitivitySpec, opts: RunOptions = {}): Promise<SensitivityResult> {
  const designs = buildDesigns(spec);
  const k = spec.parameters.length;
  const R = spec.replicates;
  const blocks: { method: Method; points: Float64Array; rows: number }[] = [];
  if (designs.morris) blocks.push({ method: 'morris', points: designs.morris.points, rows: designs.morris.points.length / k });
  if (designs.sobol) blocks.push({ method: 'sobol', points: designs.sobol.points, rows: designs.sobol.points.length / k });
  const rowOf: { block: number; row: number }[] = [];
  blocks.forEach((b, bi) => {
    for (let r = 0; r < b.rows; r++) rowOf.push({ block: bi, row: r });
  });
  const total = rowOf.length * R;
  const s = spec.scenario;
  const column = INDICATORS.indexOf(spec.output.indicator);
  const pointOf = (i: number) => {
    const { block, row } = rowOf[Math.floor(i / R)]!;
    const b = blocks[block]!;
    return { method: b.method, row, values: scaleRow(spec.parameters, b.points.subarray(row * k, (row + 1) * k)) };
  };
  opts.onStart?.(total);
  let raw: Float64Array;
  try {
    raw = await evaluateOnPool(
      total,
      (i) => ({
        config: applyPoint(s.config, { index: Math.floor(i / R), values: pointOf(i).values }),
        interventions: s.interventions,
        elections: s.elections,
        seed: s.seed,
        replicate: i % R,
      }),
      (r) => {
        const v = replicateOutput(r.data, r.width, column, spec.output.statistic);
        if (!Number.isFinite(v)) throw new Error(`${spec.output.statistic} ${spec.output.indicator} is not a finite number (${v})`);
        return v;
      },
      opts,
    );
  } catch (e) {
    const m = /^task (\d+) failed: ([\s\S]*)$/.exec(e instanceof Error ? e.message : '');
    if (!m) throw e;
    const i = Number(m[1]);
    const p = pointOf(i);
    const values = Object.entries(p.values)
      .map(([n, v]) => `${n}=${formatNumber(v)}`)
      .join(', ');
    throw new Error(`${p.method} design row ${p.row}, replicate ${i % R} (seed ${s.seed}; ${values}) failed: ${m[2]}`);
  }
  let offset = 0;
  const take = (rows: number) => {
    const r = raw.subarray(offset * R, (offset + rows) * R);
    offset += rows;
    const y = new Float64Array(rows);
    for (let p = 0; p < rows; p++) {
      let sum = 0;
      for (let j = 0; j < R; j++) sum += r[p * R + j]!;
      y[p] = sum / R;
    }
    return { y, raw: Float64Array.from(r), noiseShare: noiseShare(r, y, R) };
  };
  const m = designs.morris;
  const morris = m
    ? (() => {
        const t = take(m.points.length / k);
        const result = morrisAnalyze(m, t.y, {
          bootstrap: spec.morris.bootstrap,
          confidence: spec.confidence,
          seed: spec.seed,
          ...(R >= 2 ? { replicates: { raw: t.raw, replicates: R } } : {}),
        });
        return { design: m, result, ...t };
      })()
    : null;
  const d = designs.sobol;
  const sobol = d
    ? (() => {
        const t = take(d.points.length / k);
        const result = sobolAnalyze(d, t.y, {
          bootstrap: spec.sobol.bootstrap,
          confidence: spec.confidence,
          seed: spec.seed,
          ...(R >= 2 && spec.sobol.noiseCorrection ? { replicates: { raw: t.raw, replicates: R } } : {}),
        });
        return { design: d, result, ...t };
      })()
    : null;
  return { spec, morris, sobol, replicates: total };
}

function noiseShare(raw: Float64Array, y: Float64Array, R: number): number | null {
  if (R < 2 || y.length < 2) return null;
  let mean = 0;
  for (const v of y) mean += v;
  mean /= y.length;
  let total = 0;
  for (const v of y) total += (v - mean) ** 2;
  total /= y.length - 1;
  const noise = replicateNoiseVariance(raw, y.length, R);
  return total > 0 && Number.isFinite(noise) ? Math.min(1, noise / total) : null;
}

// ---------------------------------------------------------------- tables

export interface MorrisRow {
  readonly parameter: string;
  readonly low: number;
  readonly high: number;
  readonly muStar: number;
  readonly muStarLo: number;
  readonly muStarHi: number;
  readonly mu: number;
  readonly sigma: number;
  /** Standard deviation of an elementary effect from replicate noise alone (NaN with one replicate). */
  readonly noise: number;
}

export interface SobolRow {
  readonly parameter: string;
  readonly low: number;
  readonly high: number;
  readonly s1: number;
  readonly s1Lo: number;
  readonly s1Hi: number;
  readonly st: number;
  readonly stLo: number;
  readonly stHi: number;
}

const orderKey = (v: number) => (Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v);
const byName = (a: { parameter: string }, b: { parameter: string }) => (a.parameter < b.parameter ? -1 : a.parameter > b.parameter ? 1 : 0);

/** Morris measures per parameter, most important (largest μ*) first. */
export function morrisRows(parameters: readonly SensitivityParameter[], r: MorrisResult): MorrisRow[] {
  return parameters
    .map((p, i) => ({
      parameter: p.name,
      low: p.low,
      high: p.high,
      muStar: r.muStar[i]!,
      muStarLo: r.muStarCi[i]?.lo ?? Number.NaN,
      muStarHi: r.muStarCi[i]?.hi ?? Number.NaN,
      mu: r.mu[i]!,
      sigma: r.sigma[i]!,
      noise: r.effectNoise?.[i] ?? Number.NaN,
    }))
    .sort((a, b) => orderKey(b.muStar) - orderKey(a.muStar) || byName(a, b));
}

/** Sobol' indices per parameter, largest total index first. */
export function sobolRows(parameters: readonly SensitivityParameter[], r: SobolResult): SobolRow[] {
  return parameters
    .map((p, i) => ({
      parameter: p.name,
      low: p.low,
      high: p.high,
      s1: r.s1[i]!,
      s1Lo: r.s1Ci[i]?.lo ?? Number.NaN,
      s1Hi: r.s1Ci[i]?.hi ?? Number.NaN,
      st: r.st[i]!,
      stLo: r.stCi[i]?.lo ?? Number.NaN,
      stHi: r.stCi[i]?.hi ?? Number.NaN,
    }))
    .sort((a, b) => orderKey(b.st) - orderKey(a.st) || byName(a, b));
}

function fmt(v: number, digits = 4): string {
  if (Number.isNaN(v)) return '–';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 10 ** -digits)) return v.toExponential(2);
  return v.toFixed(digits);
}

function ci(lo: number, hi: number, digits = 3): string {
  return Number.isNaN(lo) ? '' : `[${fmt(lo, digits)}, ${fmt(hi, digits)}]`;
}

function textTable(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((s, c) => (right[c] ? s.padStart(widths[c]!) : s.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function morrisTable(rows: readonly MorrisRow[], confidence: number): string {
  const pct = Math.round(confidence * 100);
  return textTable(
    ['parameter', 'range', 'μ*', `${pct} % CI of μ*`, 'μ', 'σ', 'noise'],
    rows.map((r) => [
      r.parameter,
      `${formatNumber(r.low)}–${formatNumber(r.high)}`,
      fmt(r.muStar),
      ci(r.muStarLo, r.muStarHi),
      fmt(r.mu),
      fmt(r.sigma),
      fmt(r.noise),
    ]),
    [false, false, true, false, true, true, true],
  );
}

export function sobolTable(rows: readonly SobolRow[], confidence: number): string {
  const pct = Math.round(confidence * 100);
  return textTable(
    ['parameter', 'range', 'S1', `${pct} % CI`, 'ST', `${pct} % CI`],
    rows.map((r) => [
      r.parameter,
      `${formatNumber(r.low)}–${formatNumber(r.high)}`,
      fmt(r.s1, 3),
      ci(r.s1Lo, r.s1Hi),
      fmt(r.st, 3),
      ci(r.stLo, r.stHi),
    ]),
    [false, false, true, false, true, false],
  );
}

// ---------------------------------------------------------------- files

function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => {
    if (typeof v === 'number') return formatNumber(v);
    return /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  };
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

export function morrisCsv(rows: readonly MorrisRow[]): string {
  return csv(
    ['rank', 'parameter', 'low', 'high', 'mu_star', 'mu_star_lo', 'mu_star_hi', 'mu', 'sigma', 'noise'],
    rows.map((r, i) => [i + 1, r.parameter, r.low, r.high, r.muStar, r.muStarLo, r.muStarHi, r.mu, r.sigma, r.noise]),
  );
}

export function sobolCsv(rows: readonly SobolRow[]): string {
  return csv(
    ['rank', 'parameter', 'low', 'high', 'S1', 'S1_lo', 'S1_hi', 'ST', 'ST_lo', 'ST_hi'],
    rows.map((r, i) => [i + 1, r.parameter, r.low, r.high, r.s1, r.s1Lo, r.s1Hi, r.st, r.stLo, r.stHi]),
  );
}

/** Every design row with its parameter values, its mean output and each replicate's output. */
export function morrisDesignCsv(spec: SensitivitySpec, o: MethodOutcome<MorrisDesign, MorrisResult>): string {
  const k = spec.parameters.length;
  const { design, y, raw } = o;
  const R = spec.replicates;
  const rows: (string | number)[][] = [];
  for (let row = 0; row < y.length; row++) {
    const t = Math.floor(row / (k + 1));
    const step = row % (k + 1);
    const changed = step === 0 ? '' : spec.parameters[design.changed[t * k + step - 1]!]!.name;
    const values = scaleRow(spec.parameters, design.points.subarray(row * k, (row + 1) * k));
    rows.push([row, t, step, changed, ...spec.parameters.map((p) => values[p.name]!), y[row]!, ...raw.subarray(row * R, (row + 1) * R)]);
  }
  return csv(['row', 'trajectory', 'step', 'changed', ...spec.parameters.map((p) => p.name), 'output', ...replicateColumns(R)], rows);
}

export function sobolDesignCsv(spec: SensitivitySpec, o: MethodOutcome<SaltelliDesign, SobolResult>): string {
  const k = spec.parameters.length;
  const { design, y, raw } = o;
  const R = spec.replicates;
  const n = design.n;
  const rows: (string | number)[][] = [];
  for (let row = 0; row < y.length; row++) {
    const b = Math.floor(row / n);
    const matrix = b === 0 ? 'A' : b === 1 ? 'B' : `AB:${spec.parameters[b - 2]!.name}`;
    const values = scaleRow(spec.parameters, design.points.subarray(row * k, (row + 1) * k));
    rows.push([row, matrix, row % n, ...spec.parameters.map((p) => values[p.name]!), y[row]!, ...raw.subarray(row * R, (row + 1) * R)]);
  }
  return csv(['row', 'matrix', 'sample', ...spec.parameters.map((p) => p.name), 'output', ...replicateColumns(R)], rows);
}

function replicateColumns(R: number): string[] {
  return Array.from({ length: R }, (_, j) => `replicate_${j}`);
}

/** The default output folder: output/sensitivity/<file name>/. */
export function defaultOutDir(spec: SensitivitySpec): string {
  return join('output', 'sensitivity', spec.name);
}

export function outputLabel(spec: SensitivitySpec): string {
  return `${spec.output.statistic} ${spec.output.indicator}`;
}

export interface WriteOptions {
  readonly threads: number;
  readonly startedAt: string;
  readonly seconds: number;
}

/**
 * Write tables (CSV), design tables, charts (.vl.json, .svg, .png) and manifest.json into `out`.
 * Returns the file names written, manifest last.
 */
export async function writeSensitivity(result: SensitivityResult, out: string, opts: WriteOptions): Promise<string[]> {
  const { spec } = result;
  const chart = await import('./sensitivity-chart.js');
  const files: string[] = [];
  const put = (name: string, data: string | Uint8Array) => {
    writeFileAtomic(join(out, name), data);
    files.push(name);
  };
  const subtitle = `${outputLabel(spec)} · scenario ${spec.scenario.name} · ${spec.replicates} replicate${spec.replicates === 1 ? '' : 's'} per point`;
  if (result.morris) {
    const rows = morrisRows(spec.parameters, result.morris.result);
    put('morris.csv', morrisCsv(rows));
    put('morris-design.csv', morrisDesignCsv(spec, result.morris));
    const c = await chart.renderChart(
      chart.morrisChartSpec(rows, { subtitle, trajectories: spec.morris.trajectories, confidence: spec.confidence }),
    );
    put('morris.vl.json', c.spec);
    put('morris.svg', c.svg);
    put('morris.png', c.png);
  }
  if (result.sobol) {
    const rows = sobolRows(spec.parameters, result.sobol.result);
    put('sobol.csv', sobolCsv(rows));
    put('sobol-design.csv', sobolDesignCsv(spec, result.sobol));
    const c = await chart.renderChart(chart.sobolChartSpec(rows, { subtitle, samples: spec.sobol.samples, confidence: spec.confidence }));
    put('sobol.vl.json', c.spec);
    put('sobol.svg', c.svg);
    put('sobol.png', c.png);
  }
  const hashes: Record<string, string> = {};
  for (const f of files)
    hashes[f] = createHash('sha256')
      .update(readFileSync(join(out, f)))
      .digest('hex');
  const k = spec.parameters.length;
  const cost = designCost(spec);
  const manifest = {
    ...provenance(),
    kind: 'sensitivity',
    file: spec.file,
    description: spec.description,
    scenario: { file: spec.scenarioFile, name: spec.scenario.name, seed: spec.scenario.seed },
    seed: spec.seed,
    replicates: spec.replicates,
    replicateSeeds: `RngStreams("${spec.scenario.seed}", r) for r = 0..${spec.replicates - 1} at every design point (common random numbers)`,
    output: spec.output,
    confidence: spec.confidence,
    parameters: spec.parameters,
    design: {
      morris: result.morris
        ? {
            trajectories: spec.morris.trajectories,
            levels: spec.morris.levels,
            delta: result.morris.design.delta,
            points: cost.morris,
            bootstrap: spec.morris.bootstrap,
            seed: `deriveSeed(${JSON.stringify(spec.seed)}, "morris", "design")`,
            noiseShare: result.morris.noiseShare,
          }
        : null,
      sobol: result.sobol
        ? {
            samples: spec.sobol.samples,
            base: spec.sobol.base,
            points: cost.sobol,
            cost: `N (k + 2) = ${spec.sobol.samples} × ${k + 2}`,
            bootstrap: spec.sobol.bootstrap,
            variance: result.sobol.result.variance,
            noiseShare: result.sobol.noiseShare,
            estimators: 'S1: Sobol 2007 / Saltelli et al. 2010; ST: Jansen 1999; CIs: percentile bootstrap over rows',
            noiseCorrected: result.sobol.result.noiseCorrected,
          }
        : null,
    },
    evaluations: { points: cost.points, replicates: result.replicates },
    threads: opts.threads,
    startedAt: opts.startedAt,
    endedAt: new Date().toISOString(), // clock-ok: manifest metadata
    seconds: opts.seconds,
    resolvedScenario: spec.scenario.resolved,
    files: hashes,
  };
  put('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}
