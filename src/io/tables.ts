/** Tidy tables of one replicate's indicators: CSV and JSON, with a date column. */
import type { Calendar } from '../engine/calendar.js';
import type { ReplicateResult } from '../model/index.js';

/** Numbers print with up to 9 significant digits, so files are compact and stable; NaN is empty. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return '';
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(9)));
}

export function indicatorsCsv(r: ReplicateResult, cal: Calendar): string {
  const W = r.indicators.length;
  const lines = [['tick', 'date', ...r.indicators].join(',')];
  for (let t = 0; t < r.ticks; t++) {
    const row = [String(t), cal.isoDate(t)];
    for (let c = 0; c < W; c++) row.push(formatNumber(r.data[t * W + c]!));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Column-oriented JSON: { tick: [...], date: [...], <indicator>: [...] }; NaN becomes null. */
export function indicatorsJson(r: ReplicateResult, cal: Calendar): string {
  const W = r.indicators.length;
  const out: Record<string, (number | string | null)[]> = { tick: [], date: [] };
  for (const n of r.indicators) out[n] = [];
  for (let t = 0; t < r.ticks; t++) {
    out.tick!.push(t);
    out.date!.push(cal.isoDate(t));
    for (let c = 0; c < W; c++) {
      const v = r.data[t * W + c]!;
      out[r.indicators[c]!]!.push(Number.isNaN(v) ? null : Number(formatNumber(v)));
    }
  }
  return `${JSON.stringify(out)}\n`;
}
