/** The comparison and summary as CSV, and the comparison as a plain-text table for the terminal. */
import { type ComparisonRow, TIME_TO_TURN } from '../analysis/compare.js';
import { textTable } from '../engine/format.js';
import { csvText } from '../io/table-sink.js';
import type { Dict } from './i18n.js';
import type { SummaryTable } from './summary-table.js';
import { clipDifferenceInterval } from './units.js';

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
    const ci = clipDifferenceInterval(r.indicator, r.meanA, r.ciLow, r.ciHigh);
    const parts = d.ciParts(r.diff, ci.low, ci.high);
    return [
      r.scenario,
      d.indicator(r.indicator),
      d.num(r.meanA),
      d.num(r.meanB),
      parts.mean,
      parts.interval || '–',
      d.num(r.cohenD, 2),
      d.p(r.p),
      d.t.testNames[r.test],
      r.test === 'paired-t' ? `${r.nA} ${d.t.report.pairs}` : `${r.nA}/${r.nB}`,
    ];
  });
  return textTable(columns, body);
}
