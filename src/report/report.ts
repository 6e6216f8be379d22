/**
 * The report of a batch folder: every chart as SVG, PNG and Vega-Lite JSON, compare.csv,
 * summary-table.csv and report.html, all under BATCH_DIR/report/.
 */
import { basename, join, resolve } from 'node:path';
import { type ComparisonRow, KEY_INDICATORS } from '../analysis/compare.js';
import { writeFileAtomic } from '../io/atomic.js';
import { chooseBaseline, comparisonFor, loadBatch } from './batch-data.js';
import { type ChartContext, makeContext, type Spec } from './common.js';
import { fanChart } from './fan.js';
import { findings, MAIN_OUTCOMES } from './findings.js';
import { forestChart } from './forest.js';
import { reportHtml } from './html.js';
import type { Lang } from './i18n.js';
import { logicMixChart } from './logic-mix.js';
import { participationChart } from './participation.js';
import { type RenderedChart, writeChart } from './render.js';
import { summaryTable, summaryTableChart } from './summary-table.js';
import { sweepChart, sweptScenarios } from './sweep.js';
import { hasHeatMap, sweepHeatMap } from './sweep-map.js';
import { comparisonCsv, summaryCsv } from './tables.js';
import { trustChart } from './trust.js';
import { turnChart } from './turn.js';
import { acrossWorlds } from './worlds.js';

export interface ReportOptions {
  readonly lang?: Lang;
  /** Baseline scenario (default: "baseline" if present, else the first). */
  readonly baseline?: string | undefined;
  /** Output folder (default BATCH_DIR/report). */
  readonly out?: string;
  /** PNG pixels per SVG pixel (default 2, sharp on a projector). */
  readonly pngScale?: number;
}

export interface ReportResult {
  readonly html: string;
  readonly dir: string;
  readonly charts: readonly RenderedChart[];
  readonly comparison: readonly ComparisonRow[];
}

export interface PlannedChart {
  readonly name: string;
  readonly title: string;
  readonly spec: () => Spec;
}

/** Every chart of the report, in reading order. */
export function plannedCharts(ctx: ChartContext, comparison: readonly ComparisonRow[]): PlannedChart[] {
  const { d } = ctx;
  const list: PlannedChart[] = [{ name: 'summary-table', title: d.t.summaryTitle, spec: () => summaryTableChart(ctx) }];
  for (const s of sweptScenarios(ctx)) {
    if (hasHeatMap(s))
      list.push({ name: `sweep-map-${s.scenario}`, title: d.t.sweepMapTitle(s.scenario), spec: () => sweepHeatMap(ctx, s) });
    list.push({ name: `sweep-${s.scenario}`, title: d.t.sweepTitle(s.scenario), spec: () => sweepChart(ctx, s) });
  }
  if (comparison.length > 0)
    list.push({ name: 'forest', title: d.t.forestTitle(ctx.baseline.name), spec: () => forestChart(ctx, comparison) });
  list.push({ name: 'time-to-turn', title: d.t.turnTitle, spec: () => turnChart(ctx) });
  for (const ind of KEY_INDICATORS)
    list.push({ name: `fan-${ind}`, title: d.t.fanTitle(d.indicator(ind)), spec: () => fanChart(ctx, ind) });
  list.push({ name: 'logic-mix', title: d.t.logicTitle, spec: () => logicMixChart(ctx) });
  list.push({ name: 'participation', title: d.t.participationTitle, spec: () => participationChart(ctx) });
  list.push({ name: 'trust', title: d.t.trustTitle, spec: () => trustChart(ctx) });
  return list;
}

export async function writeReport(batchDir: string, opts: ReportOptions = {}): Promise<ReportResult> {
  const dir = resolve(batchDir);
  const batch = loadBatch(dir, opts.lang ?? 'en');
  const baseline = chooseBaseline(batch.arms, opts.baseline);
  const ctx = makeContext(batch, baseline, opts.lang ?? 'en');
  const out = opts.out ?? join(dir, 'report');
  const comparison = comparisonFor(batch, baseline.name);
  const charts: RenderedChart[] = [];
  for (const c of plannedCharts(ctx, comparison)) charts.push(await writeChart(out, c.name, c.title, c.spec(), opts.pngScale ?? 2));
  const summary = summaryTable(ctx);
  writeFileAtomic(join(out, 'summary-table.csv'), summaryCsv(summary));
  if (comparison.length > 0) writeFileAtomic(join(out, 'compare.csv'), comparisonCsv(comparison));
  const html = join(out, 'report.html');
  const worlds = acrossWorlds(batch, baseline, ctx.lang, MAIN_OUTCOMES);
  writeFileAtomic(html, reportHtml({ ctx, charts, summary, comparison, findings: findings(ctx), worlds, batchName: basename(dir) }));
  return { html, dir: out, charts, comparison };
}
