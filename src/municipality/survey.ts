/**
 * What a municipality already measures, mapped to model quantities: KS's staff survey 10-FAKTOR
 * (ten factors, each the mean of 3-5 statements on a 1-5 scale; ks.no), the number of co-creation
 * projects it runs, and a citizens' survey of trust. Each mapping is an assumption, stated in
 * docs/municipality-data.md; each becomes a calibration target with an uncertainty that adds the
 * survey's sampling error to the uncertainty of the mapping itself.
 */
import { parseCsv } from '../io/csv.js';
import type { IndicatorName } from '../model/index.js';
import { foundAllowed, quoteList, type ScenarioError } from '../scenario/errors.js';
import { readTextFile } from '../scenario/load.js';

/** A calibration data target, in the format of calibration files (`targets:`). */
export interface DataTarget {
  readonly indicator: IndicatorName;
  readonly year: number;
  readonly value: number;
  readonly sd: number;
  /** Where the number comes from and how it was mapped (written as a comment). */
  readonly note: string;
}

/** The ten 10-FAKTOR factors: the model quantity each measures, or why none does. */
export const TEN_FACTOR: Readonly<Record<string, { readonly en: string; readonly indicator: IndicatorName | null; readonly why: string }>> =
  {
    oppgavemotivasjon: { en: 'task (intrinsic) motivation', indicator: 'motivation', why: 'staff motivation' },
    mestringstro: { en: 'self-efficacy', indicator: 'competence', why: 'co-creation competence (confidence in one’s own competence)' },
    selvstendighet: {
      en: 'autonomy',
      indicator: null,
      why: 'autonomy is an input (1 − organisation.reportingLoad), set it in the scenario',
    },
    'bruk-av-kompetanse': { en: 'use of competence', indicator: null, why: 'no model quantity' },
    'mestringsorientert-ledelse': { en: 'mastery-oriented leadership', indicator: 'coachingStyle', why: 'managers’ coaching style' },
    rolleklarhet: { en: 'role clarity', indicator: null, why: 'role ambiguity acts inside the matrix mechanism, not as a quantity' },
    'relevant-kompetanseutvikling': { en: 'relevant competence development', indicator: null, why: 'no model quantity' },
    fleksibilitetsvilje: { en: 'willingness to be flexible', indicator: 'openness', why: 'openness to new ways of working' },
    mestringsklima: { en: 'mastery climate', indicator: null, why: 'no model quantity' },
    nyttemotivasjon: { en: 'prosocial motivation', indicator: null, why: 'no model quantity' },
  };

/** The unit name of the comparison figures every 10-FAKTOR report carries ("Norge": all municipalities). */
export const REFERENCE = 'norge';

export const SURVEY_COLUMNS = ['unit', 'factor', 'mean', 'sd', 'n'] as const;

export interface FactorRow {
  readonly unit: string;
  readonly factor: string;
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

export type SurveyRead =
  | { readonly ok: true; readonly rows: readonly FactorRow[] }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

/** Reads a 10-FAKTOR result table (unit or "all", factor, mean, sd, n); `units` are the names allowed. */
export function readStaffSurvey(file: string, units: readonly string[]): SurveyRead {
  const read = readTextFile(file, 'staff survey');
  if (!read.ok) return read;
  const text = read.text;
  return parseStaffSurvey(text, file, units);
}

export function parseStaffSurvey(text: string, file: string, units: readonly string[]): SurveyRead {
  const rows = parseCsv(text).filter((r) => r.some((c) => c.trim() !== ''));
  const errors: ScenarioError[] = [];
  const err = (line: number | null, path: string, message: string) => errors.push({ file, line, col: null, path, message });
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  for (const c of SURVEY_COLUMNS) if (!header.includes(c)) err(1, c, `missing column; the header needs ${quoteList(SURVEY_COLUMNS)}`);
  if (errors.length > 0) return { ok: false, errors };
  const factors = Object.keys(TEN_FACTOR);
  const out: FactorRow[] = [];
  rows.slice(1).forEach((cells, k) => {
    const line = k + 2;
    const cell = (c: string): string => (cells[header.indexOf(c)] ?? '').trim();
    const unit = cell('unit');
    if (unit !== 'all' && unit !== REFERENCE && !units.includes(unit))
      err(
        line,
        'unit',
        foundAllowed(unit, `"all", "${REFERENCE}" (the national comparison) or a unit of the organisation CSV: ${quoteList(units)}`),
      );
    const factor = cell('factor').toLowerCase();
    if (!factors.includes(factor)) err(line, 'factor', foundAllowed(cell('factor'), `a 10-FAKTOR factor: ${quoteList(factors)}`));
    const num = (c: string, ok: (v: number) => boolean, allowed: string): number => {
      const v = Number(cell(c));
      if (cell(c) === '' || !Number.isFinite(v) || !ok(v)) err(line, c, foundAllowed(cell(c), allowed));
      return v;
    };
    const mean = num('mean', (v) => v >= 1 && v <= 5, 'a mean on the survey’s 1-5 scale');
    const sd = num('sd', (v) => v >= 0 && v <= 2, 'a standard deviation from 0 to 2');
    const n = num('n', (v) => Number.isInteger(v) && v >= 1, 'the number of respondents (a whole number, at least 1)');
    out.push({ unit, factor, mean, sd, n });
  });
  if (rows.length < 2) err(null, '', 'found no results; allowed: one line per unit (or "all") and factor after the header');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: out };
}

/** A 1..5 (or lo..hi) survey mean as a 0..1 model score: the scale's range mapped linearly (assumption). */
export function toScore(mean: number, lo: number, hi: number): number {
  return (mean - lo) / (hi - lo);
}

/**
 * One target per mapped factor, from the respondent-weighted mean over the rows given (the
 * municipality-wide row, or the units' rows pooled). With the national comparison row ("norge"),
 * the target is anchored: the model's own level in the base scenario (`level`, which stands for a
 * typical municipality) plus the municipality's distance from the national mean, a quarter of a
 * score per scale point. Without it, the 1-5 mean is read at face value as a 0-1 score, which the
 * model's scores were never scaled to (said in the note). The sd combines the standard error of the
 * mean with `mappingSd`, the uncertainty of the mapping itself (assumption).
 */
export function staffSurveyTargets(
  rows: readonly FactorRow[],
  mappingSd: number,
  level: (indicator: IndicatorName) => number,
): { targets: DataTarget[]; unused: string[] } {
  const targets: DataTarget[] = [];
  const unused: string[] = [];
  const pooled = (rs: readonly FactorRow[]) => {
    const n = rs.reduce((s, r) => s + r.n, 0);
    return { n, mean: rs.reduce((s, r) => s + r.n * r.mean, 0) / n, se: Math.sqrt(rs.reduce((s, r) => s + r.n * r.sd * r.sd, 0)) / n };
  };
  for (const [factor, spec] of Object.entries(TEN_FACTOR)) {
    const mine = rows.filter((r) => r.factor === factor && r.unit !== REFERENCE);
    if (mine.length === 0) continue;
    if (spec.indicator === null) {
      unused.push(`${factor} (${spec.en}): ${spec.why}`);
      continue;
    }
    const own = pooled(mine.some((r) => r.unit === 'all') ? mine.filter((r) => r.unit === 'all') : mine);
    const refRows = rows.filter((r) => r.factor === factor && r.unit === REFERENCE);
    const scale = 4; // points on 1..5
    let value: number;
    let how: string;
    if (refRows.length > 0) {
      const ref = pooled(refRows);
      const base = level(spec.indicator);
      value = Math.min(1, Math.max(0, base + (own.mean - ref.mean) / scale));
      how = `anchored: model level ${base.toFixed(3)} ${own.mean >= ref.mean ? '+' : '-'} ${Math.abs(own.mean - ref.mean).toFixed(2)}/4 (national ${ref.mean.toFixed(2)})`;
    } else {
      value = toScore(own.mean, 1, 5);
      how = 'read at face value on 0-1 (no national comparison row)';
    }
    targets.push({
      indicator: spec.indicator,
      year: 1,
      value: round3(value),
      sd: round3(Math.sqrt((own.se / scale) ** 2 + mappingSd ** 2)),
      note: `10-FAKTOR ${factor} (${spec.en}) ${own.mean.toFixed(2)} on 1-5, n = ${own.n}, ${how}: ${spec.why}`,
    });
  }
  return { targets, unused };
}

/** Co-creation projects running in the survey year → initiatives active in year 1 (Poisson sd). */
export function projectTarget(running: number, countedShare: number, level: (indicator: IndicatorName) => number): DataTarget {
  const value = running / countedShare;
  return {
    indicator: 'initiativesActive',
    year: 1,
    value: round3(value),
    sd: round3(Math.max(1, Math.sqrt(value))),
    note: `${running} co-creation projects running, each ${countedShare} of the model's initiatives (assumption); the model has ${level('initiativesActive').toFixed(1)} at defaults`,
  };
}

/** A citizens' survey mean of trust in the municipality → citizens' trust in year 1 (anchored on the model when the national mean is given). */
export function citizenTrustTarget(
  s: { mean: number; scale: readonly [number, number]; sd: number; n: number; national?: number | undefined },
  mappingSd: number,
  level: (indicator: IndicatorName) => number,
): DataTarget {
  const [lo, hi] = s.scale;
  const se = s.sd / Math.sqrt(s.n) / (hi - lo);
  const base = level('trustCitizens');
  const anchored = s.national !== undefined;
  const value = anchored ? Math.min(1, Math.max(0, base + (s.mean - s.national!) / (hi - lo))) : toScore(s.mean, lo, hi);
  const how = anchored
    ? `anchored: model level ${base.toFixed(3)} ${s.mean >= s.national! ? '+' : '-'} ${Math.abs(s.mean - s.national!).toFixed(2)}/${hi - lo} (national ${s.national})`
    : `read at face value on 0-1 (no national mean)`;
  return {
    indicator: 'trustCitizens',
    year: 1,
    value: round3(value),
    sd: round3(Math.sqrt(se * se + mappingSd * mappingSd)),
    note: `citizens' survey: trust ${s.mean} on ${lo}-${hi}, n = ${s.n}, ${how}`,
  };
}

/** The model parameter that sets each target's everyday level: what the calibration varies by default. */
export const LEVEL_PARAMETER: Readonly<Partial<Record<IndicatorName, string>>> = {
  motivation: 'turnover.motivationBase',
  competence: 'init.competence',
  coachingStyle: 'init.managerStyle',
  openness: 'init.openness',
  trustCitizens: 'trust.serviceTrust',
  initiativesActive: 'generation.proposeRate',
};

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
