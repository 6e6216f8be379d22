/**
 * The report's answer in plain words, generated from the batch's numbers: for each scenario and
 * each main outcome, one sentence with the baseline's and the scenario's mean at the end of the
 * run, the difference with its 95 % confidence interval (clipped to what the indicator can take),
 * and whether that is better or worse by the indicator's declared direction; and for each
 * scenario how many runs turned and when.
 */
import { type ComparisonRow, compareScenarios, summariseArm } from '../analysis/compare.js';
import { exactDecimals } from '../engine/format.js';
import type { Arm } from './batch-data.js';
import type { ChartContext } from './common.js';
import { theBaseline } from './i18n.js';
import { indicatorName, type Lang, numbers } from './names.js';
import { betterDirection, clipDifferenceInterval, indicatorUnit, unitFormat } from './units.js';

/** The outcomes the summary speaks about, in this order. */
export const MAIN_OUTCOMES = ['transformationIndex', 'practiceNPG', 'coCreationActual', 'publicValue', 'trustCitizens', 'burnout'] as const;

/** better/worse by the declared direction when the interval excludes zero; unclear when it does not; neutral without a direction. */
export type Verdict = 'better' | 'worse' | 'unclear' | 'neutral';

export interface OutcomeFinding {
  readonly arm: string;
  readonly indicator: string;
  readonly row: ComparisonRow;
  /** The difference's 95 % interval, clipped so that baseline + difference stays possible. */
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly verdict: Verdict;
  readonly sentence: string;
  readonly verdictText: string;
}

export interface TurnFinding {
  readonly arm: string;
  readonly turned: number;
  readonly runs: number;
  /** Median week of turning among the runs that turned (NaN when none did). */
  readonly medianWeek: number;
  readonly sentence: string;
}

export interface Findings {
  readonly outcomes: readonly OutcomeFinding[];
  /** One per arm, the baseline first; empty when no run of any arm turned (then `noneTurned`). */
  readonly turning: readonly TurnFinding[];
  readonly noneTurned: string | null;
}

export const WEEKS_PER_YEAR = 365.25 / 7;

/** Weeks as years, to one decimal ("3.8", "5"). */
function years(lang: Lang, weeks: number): string {
  const y = Math.round((10 * weeks) / WEEKS_PER_YEAR) / 10;
  return numbers(lang).num(y, Number.isInteger(y) ? 0 : 1);
}

/** An indicator's name inside a sentence: lower case first letter unless it is an acronym (NPG), "the" before an English index. */
export function indicatorInSentence(lang: Lang, indicator: string): string {
  const name = indicatorName(lang, indicator);
  const lower = /^\p{Lu}\p{Ll}/u.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
  return `${lang === 'en' && indicatorUnit(indicator) === 'index' ? 'the ' : ''}${lower}`;
}

export function verdictOf(indicator: string, diff: number, lo: number, hi: number): Verdict {
  const better = betterDirection(indicator);
  if (better === 'none') return 'neutral';
  if (!(lo > 0 || hi < 0)) return 'unclear';
  return diff > 0 === (better === 'up') ? 'better' : 'worse';
}

interface SentenceParts {
  baseline: string;
  arm: string;
  indicator: string;
  from: string;
  to: string;
  unit: string;
  years: string;
  diff: string;
  lo: string;
  hi: string;
  diffUnit: string;
  sign: number;
}

const TEXT = {
  en: {
    outcome: (s: SentenceParts) =>
      `Compared with ${s.baseline}, ${s.arm} ${s.sign > 0 ? 'raises' : s.sign < 0 ? 'lowers' : 'does not change'} ${s.indicator} from ${s.from} to ${s.to}${s.unit} after ${s.years} years (difference ${s.diff} ${s.diffUnit}, 95 % CI ${s.lo} to ${s.hi}).`,
    verdict: (v: Verdict, up: boolean) =>
      ({
        better: `Better (${up ? 'higher' : 'lower'} is better).`,
        worse: `Worse (${up ? 'higher' : 'lower'} is better).`,
        unclear: 'No clear difference: the interval includes zero.',
        neutral: 'Neither better nor worse in itself.',
      })[v],
    turned: (arm: string, k: number, n: number, share: string, y: string) =>
      `${arm} turns in ${k} of ${n} runs (${share}), typically after ${y} years (the median of the runs that turned).`,
    notTurned: (arm: string, y: string) =>
      `${arm}: no run reached the threshold: practice did not change enough within ${y} years to count as turned (see “turning” in the glossary).`,
    noneTurned: (thr: string, y: string) =>
      `No run of any scenario reached the turning threshold (transformation index ${thr}): practice did not change enough within ${y} years to count as turned; see “turning” in the glossary.`,
  },
  nb: {
    outcome: (s: SentenceParts) =>
      `Sammenlignet med ${s.baseline} ${s.sign > 0 ? 'hever' : s.sign < 0 ? 'senker' : 'endrer ikke'} ${s.arm} ${s.indicator} fra ${s.from} til ${s.to}${s.unit} etter ${s.years} år (forskjell ${s.diff} ${s.diffUnit}, 95 % KI ${s.lo} til ${s.hi}).`,
    verdict: (v: Verdict, up: boolean) =>
      ({
        better: `Bedre (${up ? 'høyere' : 'lavere'} er bedre).`,
        worse: `Verre (${up ? 'høyere' : 'lavere'} er bedre).`,
        unclear: 'Ingen klar forskjell: intervallet omfatter null.',
        neutral: 'Verken bedre eller verre i seg selv.',
      })[v],
    turned: (arm: string, k: number, n: number, share: string, y: string) =>
      `${arm} snur i ${k} av ${n} kjøringer (${share}), typisk etter ${y} år (medianen blant kjøringene som snudde).`,
    notTurned: (arm: string, y: string) =>
      `${arm}: ingen kjøring nådde terskelen: praksis endret seg ikke nok i løpet av ${y} år til å regnes som snudd (se «snuing» i ordlisten).`,
    noneTurned: (thr: string, y: string) =>
      `Ingen kjøring i noe scenario nådde terskelen for snuing (transformasjonsindeks ${thr}): praksis endret seg ikke nok i løpet av ${y} år til å regnes som snudd; se «snuing» i ordlisten.`,
  },
} as const;

function outcomeFinding(ctx: ChartContext, arm: Arm, row: ComparisonRow): OutcomeFinding {
  const T = TEXT[ctx.lang];
  const ci = clipDifferenceInterval(row.indicator, row.meanA, row.ciLow, row.ciHigh);
  const f = unitFormat(ctx.lang, row.indicator);
  const [from, to] = f.values([row.meanA, row.meanB]);
  const [diff, lo, hi] = f.differences([row.diff, ci.low, ci.high]);
  const verdict = verdictOf(row.indicator, row.diff, ci.low, ci.high);
  const sentence = T.outcome({
    baseline: theBaseline(ctx.lang, ctx.baseline.name),
    arm: arm.name,
    indicator: indicatorInSentence(ctx.lang, row.indicator),
    from: from!,
    to: to!,
    unit: f.unit ? ` ${f.unit}` : '',
    years: years(ctx.lang, arm.horizon),
    diff: diff!,
    lo: lo!,
    hi: hi!,
    diffUnit: f.differenceUnit,
    sign: Math.sign(row.diff),
  });
  return {
    arm: arm.name,
    indicator: row.indicator,
    row,
    ciLow: ci.low,
    ciHigh: ci.high,
    verdict,
    sentence,
    verdictText: T.verdict(verdict, betterDirection(row.indicator) === 'up'),
  };
}

export function findings(ctx: ChartContext): Findings {
  const T = TEXT[ctx.lang];
  const { pct } = numbers(ctx.lang);
  const records = ctx.batch.records;
  const rows = compareScenarios(
    records,
    ctx.arms.map((a) => a.name),
    ctx.baseline.name,
    { indicators: MAIN_OUTCOMES, timeToTurn: false },
  );
  const armOf = new Map(ctx.arms.map((a) => [a.name, a]));
  const outcomes = rows.filter((r) => Number.isFinite(r.diff)).map((r) => outcomeFinding(ctx, armOf.get(r.scenario)!, r));
  const turns = ctx.arms.map((a) => ({ arm: a, turn: summariseArm(records, a.name, []).turn }));
  if (turns.every((t) => t.turn.turned === 0)) {
    const b = ctx.baseline;
    return {
      outcomes,
      turning: [],
      noneTurned: T.noneTurned(numbers(ctx.lang).num(b.turnThreshold, exactDecimals(b.turnThreshold)), years(ctx.lang, b.horizon)),
    };
  }
  const turning = turns.map(({ arm, turn }) => ({
    arm: arm.name,
    turned: turn.turned,
    runs: turn.n,
    medianWeek: turn.medianWeek,
    sentence:
      turn.turned > 0
        ? T.turned(arm.name, turn.turned, turn.n, pct(turn.share), years(ctx.lang, turn.medianWeek))
        : T.notTurned(arm.name, years(ctx.lang, arm.horizon)),
  }));
  return { outcomes, turning, noneTurned: null };
}
