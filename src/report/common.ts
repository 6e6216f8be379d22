/**
 * What every chart shares: the context (batch, arms with the baseline first, language), scenario
 * colours, the date axis, the rows and layers of a median-with-bands series, and the rules that
 * mark elections and intervention starts.
 */
import type { TopLevelSpec } from 'vega-lite';
import { INNER_BAND, MEDIAN, OUTER_BAND } from '../analysis/bands.js';
import { parseIsoDate } from '../engine/calendar.js';
import { type Arm, type BatchResults, electionWeeks, weekDate } from './batch-data.js';
import { type Dict, dictionary, type Lang } from './i18n.js';
import { scenarioColours } from './palette.js';
import { textWidth } from './text-width.js';
import { chartConfig, ELECTION_COLOUR, LINE_WIDTH } from './theme.js';

// biome-ignore lint/suspicious/noExplicitAny: Vega-Lite layer and encoding objects are built as plain JSON.
export type Json = any;
export type Row = Record<string, string | number | boolean | null>;

export interface ChartContext {
  readonly batch: BatchResults;
  /** Arms in display order, the baseline first. */
  readonly arms: readonly Arm[];
  readonly baseline: Arm;
  readonly lang: Lang;
  readonly d: Dict;
  /** Each arm's colour (palette.ts: by name, the same in every output). */
  readonly colours: ReadonlyMap<string, string>;
}

export function makeContext(batch: BatchResults, baseline: Arm, lang: Lang): ChartContext {
  const arms = [baseline, ...batch.arms.filter((a) => a.name !== baseline.name)];
  return { batch, arms, baseline, lang, d: dictionary(lang), colours: scenarioColours(arms.map((a) => a.name)) };
}

/** More arms than this: one panel per arm instead of overlaying them. */
export const MAX_OVERLAID = 4;

export function colourScale(ctx: ChartContext): { domain: string[]; range: string[] } {
  return { domain: ctx.arms.map((a) => a.name), range: ctx.arms.map((a) => armColour(ctx, a.name)) };
}

export function armColour(ctx: ChartContext, arm: string): string {
  return ctx.colours.get(arm) ?? '#444444';
}

/** Four significant digits keep the specs small; NaN becomes null (missing). */
export function round(v: number): number | null {
  return Number.isFinite(v) ? Number(v.toPrecision(4)) : null;
}

/** "20", or "10–20" when arms differ. */
export function replicatesText(ctx: ChartContext): string {
  const ns = ctx.arms.map((a) => a.replicates);
  const lo = Math.min(...ns);
  const hi = Math.max(...ns);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

const utc = (iso: string) => parseIsoDate(iso) * 86_400_000;

/** Temporal x encoding over the whole run, in UTC (no time-zone dependence), ticks at each New Year. */
export function timeX(ctx: ChartContext, title: string | null = null): Json {
  const start = ctx.arms.map((a) => a.start).sort()[0]!;
  const ends = ctx.arms.map((a) => weekDate(a, a.horizon - 1)).sort();
  const end = ends[ends.length - 1]!;
  const y0 = Number(start.slice(0, 4));
  const y1 = Number(end.slice(0, 4));
  // The first label marks the start (its year); the others each New Year.
  const years: number[] = [utc(start)];
  for (let y = y0; y <= y1; y++) {
    const t = utc(`${y}-01-01`);
    if (t > utc(start) + 60 * 86_400_000 && t <= utc(end)) years.push(t);
  }
  let values = years;
  let format = '%Y';
  if (years.length < 3) {
    values = [];
    for (let y = y0; y <= y1; y++)
      for (const m of ['01', '04', '07', '10']) {
        const t = utc(`${y}-${m}-01`);
        if (t >= utc(start) && t <= utc(end)) values.push(t);
      }
    format = '%b %Y';
  }
  return {
    field: 'date',
    type: 'temporal',
    title,
    scale: { type: 'utc', domain: [utc(start), utc(end)], nice: false },
    axis: { values, format, labelFlush: true, grid: true },
  };
}

// ---------------------------------------------------------------- series with bands

export interface SeriesOptions {
  /** Panel name (facet) for these rows, if the chart is faceted. */
  readonly panel?: string;
  /** Role of the rows (layers filter on it); default "series". */
  readonly role?: string;
}

/** Rows of one arm and indicator: date, q05, q25, q50, q75, q95 (rounded). */
export function seriesRows(ctx: ChartContext, arm: Arm, indicator: string, opts: SeriesOptions = {}): Row[] {
  return ctx.batch.aggregate(arm.name, indicator).map((p) => ({
    role: opts.role ?? 'series',
    ...(opts.panel !== undefined ? { panel: opts.panel } : {}),
    arm: arm.name,
    date: p.date,
    q05: round(p.q05),
    q25: round(p.q25),
    q50: round(p.q50),
    q75: round(p.q75),
    q95: round(p.q95),
    mean: round(p.mean),
  }));
}

/** y scale: from zero when the data lie near it, else fitted to the data. */
export function yScale(rows: readonly Row[], fields: readonly string[] = [OUTER_BAND.lo, OUTER_BAND.hi, MEDIAN]): Json {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const r of rows)
    for (const f of fields) {
      const v = r[f];
      if (typeof v === 'number') {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  const zero = lo >= 0 && lo < 0.4 * hi;
  return { zero, nice: true };
}

export interface BandLayerOptions {
  readonly x: Json;
  readonly yTitle: string | null;
  readonly y: Json;
  readonly colour: Json;
  readonly band90: boolean;
  /** Draw the middle-50 % band (default true). */
  readonly band50?: boolean;
  readonly role?: string;
}

/** The bands of bands.ts (outer 90 % light, inner 50 % darker) and a thick median line, coloured by arm. */
export function bandLayers(o: BandLayerOptions): Json[] {
  const role = o.role ?? 'series';
  const filter = { filter: { field: 'role', equal: role } };
  const noLegend = o.colour;
  const layers: Json[] = [];
  if (o.band90)
    layers.push({
      transform: [filter],
      mark: { type: 'area', opacity: 0.13 },
      encoding: {
        x: o.x,
        y: { field: OUTER_BAND.lo, type: 'quantitative', title: o.yTitle, scale: o.y },
        y2: { field: OUTER_BAND.hi },
        color: noLegend,
      },
    });
  if (o.band50 ?? true)
    layers.push({
      transform: [filter],
      mark: { type: 'area', opacity: o.band90 ? 0.27 : 0.22 },
      encoding: {
        x: o.x,
        y: { field: INNER_BAND.lo, type: 'quantitative', title: o.yTitle, scale: o.y },
        y2: { field: INNER_BAND.hi },
        color: noLegend,
      },
    });
  layers.push({
    transform: [filter],
    mark: { type: 'line', strokeWidth: LINE_WIDTH, strokeJoin: 'round', strokeCap: 'round' },
    encoding: { x: o.x, y: { field: MEDIAN, type: 'quantitative', title: o.yTitle, scale: o.y }, color: o.colour },
  });
  return layers;
}

/**
 * How the scenario legend wraps: one row while the names are short; long names (sweep points are
 * named by their values) in two columns, each name in full.
 */
export function armLegendLayout(ctx: ChartContext): { columns?: number; labelLimit: number } {
  const longest = Math.max(...ctx.arms.map((a) => textWidth(a.name, 16)));
  return longest > 300 ? { columns: 2, labelLimit: Math.ceil(longest) + 8 } : { labelLimit: 360 };
}

/** Colour encoding by arm with the fixed scenario palette and a projector-sized legend. */
export function armColourEncoding(ctx: ChartContext, legend = true): Json {
  return {
    field: 'arm',
    type: 'nominal',
    scale: colourScale(ctx),
    legend: legend ? { title: ctx.d.t.scenario, symbolType: 'stroke', symbolOpacity: 1, orient: 'bottom', ...armLegendLayout(ctx) } : null,
  };
}

// ---------------------------------------------------------------- events

export interface EventOptions {
  /** Show intervention starts (of the arms in `arms`). */
  readonly interventions: boolean;
  /** Arms whose events to show (default all). */
  readonly arms?: readonly Arm[];
  /** Panel name for the rows (faceted charts); a function of the arm for per-arm panels. */
  readonly panel?: string | ((arm: Arm) => string);
  /** Plot width in pixels (labels are packed into rows so they do not overlap). */
  readonly width: number;
  /**
   * Labels above the plot area, where they cannot hide data (single-panel charts). Otherwise
   * election labels sit at the bottom and intervention labels at the top inside the plot.
   */
  readonly above?: boolean;
}

const LABEL_MAX = 30;
const LABEL_SIZE = 14;
const ROW_HEIGHT = 19;
const MAX_ROWS = 4;
const short = (s: string) => (s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}…` : s);

interface Ev {
  kind: 'election' | 'intervention';
  week: number;
  date: string;
  label: string;
  arms: Arm[];
}

/**
 * Rule and label rows for elections (grey) and intervention starts (in the arm's colour; dark
 * grey when several arms start the same lever the same week). Labels are packed greedily into
 * rows so that none overlaps another, and right-aligned in the last quarter of the run so they
 * stay inside the chart.
 */
export function eventRows(ctx: ChartContext, o: EventOptions): Row[] {
  const arms = o.arms ?? ctx.arms;
  const end = Math.max(...ctx.arms.map((a) => a.horizon));
  const byPanel = new Map<string, Ev[]>();
  const add = (panel: string, e: Omit<Ev, 'arms'>, arm: Arm) => {
    let list = byPanel.get(panel);
    if (!list) {
      list = [];
      byPanel.set(panel, list);
    }
    const hit = list.find((x) => x.kind === e.kind && x.week === e.week && x.label === e.label);
    if (hit) {
      if (!hit.arms.includes(arm)) hit.arms.push(arm);
    } else list.push({ ...e, arms: [arm] });
  };
  for (const arm of arms) {
    const panel = o.panel === undefined ? '' : typeof o.panel === 'string' ? o.panel : o.panel(arm);
    for (const w of electionWeeks(arm)) {
      const date = weekDate(arm, w);
      add(panel, { kind: 'election', week: w, date, label: `${ctx.d.t.election} ${date.slice(0, 4)}` }, arm);
    }
    if (o.interventions)
      for (const iv of arm.interventions)
        add(
          panel,
          { kind: 'intervention', week: iv.startWeek, date: weekDate(arm, iv.startWeek), label: short(ctx.d.intervention(iv)) },
          arm,
        );
  }
  // Many levers starting in the same week would stack into an unreadable pile of labels: past two,
  // they share one label ("4 levers").
  for (const [panel, list] of byPanel) {
    const byWeek = new Map<number, Ev[]>();
    for (const e of list) if (e.kind === 'intervention') byWeek.set(e.week, [...(byWeek.get(e.week) ?? []), e]);
    let merged = list.filter((e) => e.kind !== 'intervention' || byWeek.get(e.week)!.length <= 2);
    for (const [week, evs] of byWeek) {
      if (evs.length <= 2) continue;
      const arms = [...new Set(evs.flatMap((e) => e.arms))];
      const label = ctx.d.lang === 'nb' ? `${evs.length} tiltak` : `${evs.length} levers`;
      merged = [...merged, { kind: 'intervention', week, date: evs[0]!.date, label, arms }];
    }
    byPanel.set(panel, merged);
  }
  const rows: Row[] = [];
  for (const [panel, list] of byPanel) {
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    list.sort((a, b) => a.week - b.week || cmp(a.kind, b.kind) || cmp(a.label, b.label));
    // Greedy packing: each label goes into the first row where it overlaps no earlier label.
    const taken: [number, number][][] = Array.from({ length: MAX_ROWS }, () => []);
    for (const e of list) {
      const right = e.week > 0.75 * end;
      const x = (e.week / Math.max(1, end - 1)) * o.width;
      const w = textWidth(e.label, LABEL_SIZE, true) + 10;
      const span: [number, number] = right ? [x - w - 6, x] : [x, x + w + 6];
      const inPlot = !o.above && e.kind === 'election';
      let row = 0;
      if (!inPlot) {
        row = taken.findIndex((r) => r.every(([a, b]) => span[1] <= a || span[0] >= b));
        if (row < 0) row = taken.reduce((best, r, k) => (r.length < taken[best]!.length ? k : best), 0);
        taken[row]!.push(span);
      }
      const r: Row = {
        role: 'event',
        kind: e.kind,
        date: e.date,
        label: e.label,
        colour: e.kind === 'election' ? ELECTION_COLOUR : e.arms.length === 1 ? armColour(ctx, e.arms[0]!.name) : '#444444',
        right,
        // Pixel offset of the label: above the plot (negative, upwards) or from its top edge.
        ypx: o.above ? -4 - ROW_HEIGHT * row : inPlot ? -1 : 4 + ROW_HEIGHT * row,
        bottom: o.above || inPlot,
      };
      rows.push(panel === '' ? r : { ...r, panel });
    }
  }
  return rows;
}

/** Layers drawing event rows: dashed rules and labels with a white halo. `height` is the panel height. */
export function eventLayers(x: Json, height: number): Json[] {
  const only = (extra: Json[] = []) => [{ filter: { field: 'role', equal: 'event' } }, ...extra];
  // Rules run from the plot's bottom up to their label when the label sits above the plot.
  const rule = (kind: string, dash: number[]) => ({
    transform: only([
      { filter: { field: 'kind', equal: kind } },
      { calculate: `datum.ypx < -1 ? datum.ypx - ${LABEL_SIZE + 2} : 0`, as: 'top' },
    ]),
    mark: { type: 'rule', strokeDash: dash, strokeWidth: 2.5 },
    encoding: {
      x,
      y: { field: 'top', type: 'quantitative', scale: null },
      y2: { value: height },
      stroke: { field: 'colour', type: 'nominal', scale: null, legend: null },
    },
  });
  const label = (right: boolean, bottom: boolean, halo: boolean) => ({
    transform: only([
      { filter: `${right ? '' : '!'}datum.right && ${bottom ? '' : '!'}datum.bottom` },
      // In-plot election labels (ypx −1) sit on the bottom edge.
      { calculate: `datum.ypx === -1 ? ${height - 4} : datum.ypx`, as: 'y' },
    ]),
    mark: {
      type: 'text',
      align: right ? 'right' : 'left',
      dx: right ? -6 : 6,
      baseline: bottom ? 'bottom' : 'top',
      fontSize: LABEL_SIZE,
      fontWeight: 'bold',
      ...(halo ? { stroke: 'white', strokeWidth: 4, strokeOpacity: 0.9, strokeJoin: 'round' } : {}),
    },
    encoding: {
      x,
      y: { field: 'y', type: 'quantitative', scale: null },
      text: { field: 'label' },
      ...(halo ? {} : { fill: { field: 'colour', type: 'nominal', scale: null, legend: null } }),
    },
  });
  const labels: Json[] = [];
  for (const right of [false, true])
    for (const bottom of [false, true]) labels.push(label(right, bottom, true), label(right, bottom, false));
  return [rule('election', [6, 5]), rule('intervention', [10, 5]), ...labels];
}

// ---------------------------------------------------------------- spec shell

export interface Titles {
  readonly text: string;
  readonly subtitle: readonly string[];
}

/** Top-level properties every chart has: schema, config, title. */
export function shell(ctx: ChartContext, title: Titles): Json {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig(ctx.lang),
    title: { text: title.text, subtitle: [...title.subtitle] },
  };
}

export type Spec = TopLevelSpec;
