/**
 * Drift of a scenario's five-year path: for each key indicator, the change of its mean from year 1
 * (weeks 0–51) to year 5 (weeks 208–259), over replicates, with its 95 % interval (one-sample t),
 * against the flatness bound: 10 % of the year-1 level, 25 % for small counts and shares, whose
 * year-to-year noise is larger. With the named exogenous trends off (demand growth 0, no
 * elections) the baseline starts from its everyday state and stays inside the bound
 * (docs/model.md 0.3-1; tests/model/flatness.test.ts); with them on, the change is theirs.
 * `tanker drift` prints it for any scenario file, e.g. with other parameters.
 */
import { oneSampleTest } from '../analysis/ttest.js';
import { runReplicates } from '../batch/replicates.js';
import { fmt, pct, textTable } from '../engine/format.js';
import { INDICATOR_SPECS, INDICATORS, type IndicatorName, type InterventionItem, type ModelConfig } from '../model/index.js';
import { meanOver, withOrg } from './design.js';

/** Small counts and shares: their bound is 25 % of the level. */
export const DRIFT_NOISY: readonly IndicatorName[] = [
  'coCreationActual',
  'crossSiloCoCreation',
  'initiativesActive',
  'routines',
  'burnout',
];
/** Scores: their bound is 10 % of the level. */
const SCORES: readonly IndicatorName[] = [
  'transformationIndex',
  'practiceNPG',
  'workload',
  'freeTime',
  'trustStaffManagement',
  'trustCitizens',
  'openness',
  'fearOfError',
  'coachingStyle',
];
export const DRIFT_KEY: readonly IndicatorName[] = [...DRIFT_NOISY, ...SCORES];
/**
 * Every other indicator but cumulative ones (public value only grows): reported with `--all` to
 * show slow variables the flatness check does not cover (partners' trust, the engaged core), never
 * part of its verdict.
 */
export const DRIFT_OTHER: readonly IndicatorName[] = INDICATORS.filter(
  (n) => !DRIFT_KEY.includes(n) && INDICATOR_SPECS[n].unit !== 'value',
);

export interface DriftOptions {
  readonly config: ModelConfig;
  readonly interventions: readonly InterventionItem[];
  /** Elections as the scenario has them; off whenever `trends` is false. */
  readonly elections: boolean;
  readonly seed: string | number;
  readonly replicates: number;
  readonly threads: number;
  /** Keep the named exogenous trends (demand growth, elections) as the scenario has them. */
  readonly trends: boolean;
  /** Also the indicators outside the flatness check ({@link DRIFT_OTHER}), after the key ones. */
  readonly all?: boolean;
}

export interface DriftRow {
  readonly indicator: IndicatorName;
  /** One of the key indicators the flatness check (and the exit code of `tanker drift`) reads. */
  readonly key: boolean;
  /** Mean over replicates of the year-1 mean. */
  readonly level: number;
  /** Mean change from year 1 to year 5 and its 95 % interval. */
  readonly change: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Half-width of the flat band: 10 % (25 % if noisy) of |level|. */
  readonly bound: number;
  /** The whole interval lies inside ±bound (an equivalence check: drift or a warm-up fails it). */
  readonly flat: boolean;
  /** The interval holds 0 or lies within ±0.5 % of the level: no change worth the name. */
  readonly still: boolean;
}

export type DriftVerdict = 'still' | 'moves' | 'unsure' | 'drifts';

/**
 * A row in words: still (the interval inside the bound and holding 0, or within ±0.5 % of the
 * level: flat within noise), moves
 * (inside the bound, but not noise), unsure (the change inside the bound, its interval not: more
 * replicates), drifts (the change itself past the bound).
 */
export function driftVerdict(r: DriftRow): DriftVerdict {
  if (r.flat) return r.still ? 'still' : 'moves';
  return Math.abs(r.change) < r.bound ? 'unsure' : 'drifts';
}

const YEAR = 52;
/** A change whose whole interval lies within this share of the level is negligible (e.g. free time's 10^-7). */
const NEGLIGIBLE = 0.005;

export async function drift(o: DriftOptions): Promise<DriftRow[]> {
  if (o.config.ticks < 5 * YEAR) throw new Error(`drift needs five years (260 weeks) of run; this scenario has ${o.config.ticks} weeks`);
  const config = o.trends ? o.config : withOrg(o.config, { demandGrowth: 0 });
  const elections = o.trends && o.elections;
  const tasks = Array.from({ length: o.replicates }, (_, replicate) => ({
    config,
    interventions: o.interventions,
    elections,
    seed: o.seed,
    replicate,
  }));
  const runs = await runReplicates(tasks, o.threads);
  return [...DRIFT_KEY, ...(o.all ? DRIFT_OTHER : [])].map((indicator) => {
    const y1 = runs.map((r) => meanOver(r, indicator, 0, YEAR));
    return driftRow(
      indicator,
      y1,
      runs.map((r, i) => meanOver(r, indicator, 4 * YEAR, 5 * YEAR) - y1[i]!),
    );
  });
}

/** One indicator's row from each replicate's year-1 mean and its change to year 5. */
export function driftRow(indicator: IndicatorName, year1: readonly number[], change: readonly number[]): DriftRow {
  const level = year1.reduce((a, b) => a + b, 0) / year1.length;
  const t = oneSampleTest(change, 0);
  const key = DRIFT_KEY.includes(indicator);
  const bound = (noisy(indicator, level) ? 0.25 : 0.1) * Math.abs(level);
  const flat = t.ciLow > -bound && t.ciHigh < bound;
  const negligible = NEGLIGIBLE * Math.abs(level);
  const still = (t.ciLow <= 0 && t.ciHigh >= 0) || (t.ciLow > -negligible && t.ciHigh < negligible);
  return { indicator, key, level, change: t.diff, ciLow: t.ciLow, ciHigh: t.ciHigh, bound, flat, still };
}

/**
 * Whether an indicator's bound is the wider 25 %: the key ones listed as noisy; of the others,
 * counts, rates and shares below 0.1, whose year-to-year noise is large against their level.
 */
function noisy(indicator: IndicatorName, level: number): boolean {
  if (DRIFT_KEY.includes(indicator)) return DRIFT_NOISY.includes(indicator);
  const unit = INDICATOR_SPECS[indicator].unit;
  return unit === 'count' || unit === 'rate' || unit === 'routines' || (unit === 'share' && Math.abs(level) < 0.1);
}

/**
 * The rows as a terminal table: level, change with its interval, both also as a share of the
 * level, and the verdict ({@link driftVerdict}).
 */
export function driftTable(rows: readonly DriftRow[]): string {
  const rel = (x: number, level: number) => (level !== 0 ? pct(x / Math.abs(level), 1) : '–');
  return textTable(
    [
      { title: 'Indicator' },
      { title: 'Year 1', right: true },
      { title: 'Change to year 5', right: true },
      { title: '95 % CI', right: true },
      { title: 'Change / level', right: true },
      { title: 'CI / level', right: true },
      { title: 'Bound', right: true },
      { title: 'Verdict' },
    ],
    rows.map((r) => [
      r.indicator,
      fmt(r.level, 4),
      fmt(r.change, 4),
      `[${fmt(r.ciLow, 4)}, ${fmt(r.ciHigh, 4)}]`,
      rel(r.change, r.level),
      `[${rel(r.ciLow, r.level)}, ${rel(r.ciHigh, r.level)}]`,
      `±${rel(r.bound, r.level)}`,
      driftVerdict(r),
    ]),
  );
}
