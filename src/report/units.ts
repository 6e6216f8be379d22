/**
 * What a reader needs to read an indicator's number: its unit and possible range (from the model's
 * indicator declarations), whether higher is better, a value written with its unit (shares as
 * percentages), and confidence intervals clipped to what the indicator can take.
 */

import { decimalsFor } from '../engine/format.js';
import { INDICATOR_SPECS, type IndicatorSpec, type IndicatorUnit } from '../model/index.js';
import { type Lang, numbers } from './names.js';

/** The declaration of an indicator, or undefined for names that are not recorded indicators. */
function specOf(name: string): IndicatorSpec | undefined {
  return (INDICATOR_SPECS as Readonly<Record<string, IndicatorSpec>>)[name];
}

/** The unit of an indicator; `timeToTurn` counts weeks; unknown names have no unit. */
export function indicatorUnit(name: string): IndicatorUnit | 'weeks' | null {
  if (name === 'timeToTurn') return 'weeks';
  return specOf(name)?.unit ?? null;
}

/** Is higher better (`up`), worse (`down`) or neither (`none`), as the model declares it. */
export function betterDirection(name: string): IndicatorSpec['better'] {
  return specOf(name)?.better ?? 'none';
}

/** The values an indicator can take: shares, scores and the index in [0, 1]; counts, values and weeks ≥ 0. */
export function indicatorRange(name: string): { readonly min: number; readonly max: number } {
  const unit = indicatorUnit(name);
  if (unit === 'share' || unit === 'score' || unit === 'index') return { min: 0, max: 1 };
  if (unit === null) return { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
  return { min: 0, max: Number.POSITIVE_INFINITY };
}

const clamp = (v: number, lo: number, hi: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : v);

/** A confidence interval of a mean of the indicator, clipped to its possible range (NaN stays NaN). */
export function clipMeanInterval(name: string, lo: number, hi: number): { low: number; high: number } {
  const r = indicatorRange(name);
  return { low: clamp(lo, r.min, r.max), high: clamp(hi, r.min, r.max) };
}

/**
 * A confidence interval of a difference (scenario − baseline) clipped to the differences possible
 * from the baseline's mean: baseline + difference must stay in the indicator's range.
 */
export function clipDifferenceInterval(name: string, baselineMean: number, lo: number, hi: number): { low: number; high: number } {
  const r = indicatorRange(name);
  if (!Number.isFinite(baselineMean)) return { low: lo, high: hi };
  return { low: clamp(lo, r.min - baselineMean, r.max - baselineMean), high: clamp(hi, r.min - baselineMean, r.max - baselineMean) };
}

const UNIT_WORDS: Readonly<Record<Lang, Readonly<Partial<Record<IndicatorUnit | 'weeks', string>>>>> = {
  en: { score: 'on a 0–1 scale', index: 'on a 0–1 scale', value: 'model units', routines: 'routines', weeks: 'weeks' },
  nb: { score: 'på en skala 0–1', index: 'på en skala 0–1', value: 'modellenheter', routines: 'rutiner', weeks: 'uker' },
};

/** Decimals for a set of numbers written alike: about three significant digits of the largest. */
function sharedDecimals(values: readonly number[]): number {
  return decimalsFor(Math.max(0, ...values.filter(Number.isFinite).map(Math.abs)));
}

export interface UnitFormat {
  /** Values as the reader sees them ("2.9 %", "0.452", "147"), all with the same decimals. */
  values(vs: readonly number[]): string[];
  /** Differences with a sign ("+0.9", "−0.012"), with the same decimals as each other. */
  differences(vs: readonly number[]): string[];
  /** The unit after a value ("" for shares: their % is in the value). */
  readonly unit: string;
  /** The unit after a difference ("percentage points" for shares). */
  readonly differenceUnit: string;
}

/** How to write values and differences of an indicator in a sentence, in the language. */
export function unitFormat(lang: Lang, name: string): UnitFormat {
  const { num } = numbers(lang);
  const unit = indicatorUnit(name);
  const share = unit === 'share' || unit === 'rate';
  const scale = share ? 100 : 1;
  const signed = (s: string) => (s.startsWith('−') || /^[0,.]+$/.test(s) ? s : `+${s}`);
  const digitsOf = (vs: readonly number[]) => {
    const k = sharedDecimals(vs.map((v) => v * scale));
    return share ? Math.max(1, k - 1) : unit === 'count' || unit === 'routines' ? Math.max(0, k - 1) : k;
  };
  const unitWord = UNIT_WORDS[lang][unit ?? 'count'] ?? '';
  return {
    values: (vs) => {
      const k = digitsOf(vs);
      return vs.map((v) => (share ? `${num(v * scale, k)} %` : num(v, k)));
    },
    differences: (vs) => {
      const k = digitsOf(vs);
      return vs.map((v) => signed(num(v * scale, k)));
    },
    unit: share ? '' : unitWord,
    differenceUnit: share ? (lang === 'nb' ? 'prosentpoeng' : 'percentage points') : unitWord,
  };
}

const SUFFIX: Readonly<Record<Lang, Readonly<Partial<Record<IndicatorUnit, string>>>>> = {
  en: { score: ' (0–1)', index: ' (0–1)', routines: ' (number)', count: ' (number)', value: ' (model units)' },
  nb: { score: ' (0–1)', index: ' (0–1)', routines: ' (antall)', count: ' (antall)', value: ' (modellenheter)' },
};

/** The unit to put after an indicator's name in a table row ("" for shares, written as %, and for names that say it). */
export function unitSuffix(lang: Lang, name: string, label: string): string {
  const unit = indicatorUnit(name);
  if (unit === null || unit === 'weeks' || label.includes('(')) return '';
  return SUFFIX[lang][unit] ?? '';
}
