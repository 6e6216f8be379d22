/** The comparison and summary as CSV, and the comparison as a plain-text table for the terminal. */
import { type ComparisonRow, TIME_TO_TURN } from '../analysis/compare.js';
import { textTable } from '../engine/format.js';
import { csvText } from '../io/table-sink.js';
import type { Dict } from './i18n.js';
import type { SummaryTable } from './summary-table.js';
import { clipDifferenceInterval, indicatorUnit } from './units.js';

const COMPARE_COLUMNS = [
  'scenario',
  'baseline',
  'indicator',
  'test',
  'nBaseline',
  'nScenario',
  'meanBaseline',
  'meanScenario',
  'diff',
  'ciLow',
  'ciHigh',
  'se',
  'df',
  't',
  'p',
  'pHolm',
  'cohenD',
  'hedgesG',
  'note',
] as const;

/** compare.csv: one row per scenario and indicator; numbers in full precision (9 digits). */
export function comparisonCsv(rows: readonly ComparisonRow[]): string {
  return csvText([
    COMPARE_COLUMNS,
    ...rows.map((r) => {
      const v: Record<(typeof COMPARE_COLUMNS)[number], string | number> = {
        scenario: r.scenario,
        baseline: r.baseline,
        indicator: r.indicator === TIME_TO_TURN ? 'timeToTurn' : `final_${r.indicator}`,
        test: r.test,
        nBaseline: r.nA,
        nScenario: r.nB,
        meanBaseline: r.meanA,
        meanScenario: r.meanB,
        diff: r.diff,
        ciLow: r.ciLow,
        ciHigh: r.ciHigh,
        se: r.se,
        df: r.df,
        t: r.t,
        p: r.p,
        pHolm: r.pHolm,
        cohenD: r.cohenD,
        hedgesG: r.hedgesG,
        note: r.note,
      };
      return COMPARE_COLUMNS.map((c) => v[c]);
    }),
  ]);
}

/** summary-table.csv: the formatted summary cells, one row per indicator, one column per scenario. */
export function summaryCsv(t: SummaryTable): string {
  return csvText([['indicator', ...t.arms], ...t.cells.map((r, i) => [t.keys[i]!, ...r])]);
}

/**
 * The numbers of one comparison row as a reader sees them: shares as % and their difference in
 * percentage points (pp), the difference's interval clipped to what the indicator can take.
 */
export function comparisonCells(r: ComparisonRow, d: Dict): { meanBaseline: string; meanScenario: string; diff: string; interval: string } {
  const ci = clipDifferenceInterval(r.indicator, r.meanA, r.ciLow, r.ciHigh);
  const share = indicatorUnit(r.indicator) === 'share';
  const k = share ? 100 : 1;
  const parts = d.ciParts(k * r.diff, k * ci.low, k * ci.high);
  const value = (v: number) => (share && Number.isFinite(v) ? `${d.num(k * v)} %` : d.num(v));
  return {
    meanBaseline: value(r.meanA),
    meanScenario: value(r.meanB),
    diff: share ? `${parts.mean} pp` : parts.mean,
    interval: parts.interval,
  };
}

/** A fixed-width text table of the comparison (for the terminal). */
export function comparisonText(rows: readonly ComparisonRow[], d: Dict): string {
  const c = d.t.report.columns;
  const column = (title: string, right = false) => ({ title, right });
  const columns = [
    column(c.scenario),
    column(c.indicator),
    column(c.meanBaseline, true),
    column(c.meanScenario, true),
    column(c.diff, true),
    column(c.ci),
    column(c.d, true),
    column(c.p, true),
    column(c.test),
    column(c.n),
  ];
  const body = rows.map((r) => {
    const cells = comparisonCells(r, d);
    return [
      r.scenario,
      d.indicator(r.indicator),
      cells.meanBaseline,
      cells.meanScenario,
      cells.diff,
      cells.interval || '–',
      d.num(r.cohenD, 2),
      d.p(r.p),
      d.t.testNames[r.test],
      r.test === 'paired-t' ? `${r.nA} ${d.t.report.pairs}` : `${r.nA}/${r.nB}`,
    ];
  });
  return textTable(columns, body);
}
