/**
 * What a sensitivity analysis writes and prints: the measures per parameter as ranked rows, text
 * tables for the terminal, CSV tables (measures and every design row with its replicate outputs),
 * charts (sensitivity-chart.ts) and a manifest with the hash of every file.
 */
import { join } from 'node:path';
import { fmt, type TableColumn, textTable } from '../engine/format.js';
import { type Cell, csvText } from '../io/table-sink.js';
import { formatNumber } from '../io/tables.js';
import type { MorrisDesign, MorrisResult } from './morris.js';
import { scaleRow } from './sensitivity-design.js';
import type { MethodOutcome } from './sensitivity-evaluate.js';
import type { SensitivityParameter, SensitivitySpec } from './sensitivity-spec.js';
import type { Interval, SaltelliDesign, SobolResult } from './sobol.js';

// ---------------------------------------------------------------- measures per parameter

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

const rangeOf = (p: SensitivityParameter) => ({ parameter: p.name, low: p.low, high: p.high });
const lo = (c: Interval | undefined) => c?.lo ?? Number.NaN;
const hi = (c: Interval | undefined) => c?.hi ?? Number.NaN;

/** Rows ordered by `key`, largest first (NaN last), ties by parameter name. */
function ranked<T extends { readonly parameter: string }>(rows: T[], key: (r: T) => number): T[] {
  const k = (r: T) => (Number.isNaN(key(r)) ? Number.NEGATIVE_INFINITY : key(r));
  return rows.sort((a, b) => k(b) - k(a) || (a.parameter < b.parameter ? -1 : a.parameter > b.parameter ? 1 : 0));
}

/** Morris measures per parameter, most important (largest μ*) first. */
export function morrisRows(parameters: readonly SensitivityParameter[], r: MorrisResult): MorrisRow[] {
  const rows = parameters.map((p, i) => ({
    ...rangeOf(p),
    muStar: r.muStar[i]!,
    muStarLo: lo(r.muStarCi[i]),
    muStarHi: hi(r.muStarCi[i]),
    mu: r.mu[i]!,
    sigma: r.sigma[i]!,
    noise: r.effectNoise?.[i] ?? Number.NaN,
  }));
  return ranked(rows, (x) => x.muStar);
}

/** Sobol' indices per parameter, largest total index first. */
export function sobolRows(parameters: readonly SensitivityParameter[], r: SobolResult): SobolRow[] {
  const rows = parameters.map((p, i) => ({
    ...rangeOf(p),
    s1: r.s1[i]!,
    s1Lo: lo(r.s1Ci[i]),
    s1Hi: hi(r.s1Ci[i]),
    st: r.st[i]!,
    stLo: lo(r.stCi[i]),
    stHi: hi(r.stCi[i]),
  }));
  return ranked(rows, (x) => x.st);
}

// ---------------------------------------------------------------- text tables

/** Measures of unknown scale: `digits` decimals, exponent notation where those would hide them. */
const measure = (v: number, digits = 4) => fmt(v, digits, { exponent: true });
const ci = (l: number, h: number) => (Number.isNaN(l) ? '' : `[${measure(l, 3)}, ${measure(h, 3)}]`);
const range = (r: { low: number; high: number }) => `${formatNumber(r.low)}–${formatNumber(r.high)}`;
const columns = (titles: readonly string[], right: readonly boolean[]): TableColumn[] =>
  titles.map((title, j) => ({ title, right: right[j] ?? false }));

export function morrisTable(rows: readonly MorrisRow[], confidence: number): string {
  const pct = Math.round(confidence * 100);
  return textTable(
    columns(['parameter', 'range', 'μ*', `${pct} % CI of μ*`, 'μ', 'σ', 'noise'], [false, false, true, false, true, true, true]),
    rows.map((r) => [
      r.parameter,
      range(r),
      measure(r.muStar),
      ci(r.muStarLo, r.muStarHi),
      measure(r.mu),
      measure(r.sigma),
      measure(r.noise),
    ]),
  );
}

export function sobolTable(rows: readonly SobolRow[], confidence: number): string {
  const pct = Math.round(confidence * 100);
  return textTable(
    columns(['parameter', 'range', 'S1', `${pct} % CI`, 'ST', `${pct} % CI`], [false, false, true, false, true, false]),
    rows.map((r) => [r.parameter, range(r), measure(r.s1, 3), ci(r.s1Lo, r.s1Hi), measure(r.st, 3), ci(r.stLo, r.stHi)]),
  );
}

// ---------------------------------------------------------------- files

export function morrisCsv(rows: readonly MorrisRow[]): string {
  return csvText([
    ['rank', 'parameter', 'low', 'high', 'mu_star', 'mu_star_lo', 'mu_star_hi', 'mu', 'sigma', 'noise'],
    ...rows.map((r, i) => [i + 1, r.parameter, r.low, r.high, r.muStar, r.muStarLo, r.muStarHi, r.mu, r.sigma, r.noise]),
  ]);
}

export function sobolCsv(rows: readonly SobolRow[]): string {
  return csvText([
    ['rank', 'parameter', 'low', 'high', 'S1', 'S1_lo', 'S1_hi', 'ST', 'ST_lo', 'ST_hi'],
    ...rows.map((r, i) => [i + 1, r.parameter, r.low, r.high, r.s1, r.s1Lo, r.s1Hi, r.st, r.stLo, r.stHi]),
  ]);
}

/** Every design row with its parameter values, its mean output and each replicate's output. */
export function morrisDesignCsv(spec: SensitivitySpec, o: MethodOutcome<MorrisDesign, MorrisResult>): string {
  const k = spec.parameters.length;
  const { design, y, raw } = o;
  const R = spec.replicates;
  const rows: Cell[][] = [];
  for (let row = 0; row < y.length; row++) {
    const t = Math.floor(row / (k + 1));
    const step = row % (k + 1);
    const changed = step === 0 ? '' : spec.parameters[design.changed[t * k + step - 1]!]!.name;
    const values = scaleRow(spec.parameters, design.points.subarray(row * k, (row + 1) * k));
    rows.push([row, t, step, changed, ...spec.parameters.map((p) => values[p.name]!), y[row]!, ...raw.subarray(row * R, (row + 1) * R)]);
  }
  return csvText([
    ['row', 'trajectory', 'step', 'changed', ...spec.parameters.map((p) => p.name), 'output', ...replicateColumns(R)],
    ...rows,
  ]);
}

export function sobolDesignCsv(spec: SensitivitySpec, o: MethodOutcome<SaltelliDesign, SobolResult>): string {
  const k = spec.parameters.length;
  const { design, y, raw } = o;
  const R = spec.replicates;
  const n = design.n;
  const rows: Cell[][] = [];
  for (let row = 0; row < y.length; row++) {
    const b = Math.floor(row / n);
    const matrix = b === 0 ? 'A' : b === 1 ? 'B' : `AB:${spec.parameters[b - 2]!.name}`;
    const values = scaleRow(spec.parameters, design.points.subarray(row * k, (row + 1) * k));
    rows.push([row, matrix, row % n, ...spec.parameters.map((p) => values[p.name]!), y[row]!, ...raw.subarray(row * R, (row + 1) * R)]);
  }
  return csvText([['row', 'matrix', 'sample', ...spec.parameters.map((p) => p.name), 'output', ...replicateColumns(R)], ...rows]);
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
