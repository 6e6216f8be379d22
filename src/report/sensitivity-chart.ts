/**
 * Sensitivity charts: horizontal bars ("tornado" order: most important parameter on top) of
 * Morris μ* and σ, and of Sobol' S1 and ST with their bootstrap intervals. Vega-Lite specs are
 * rendered headless to SVG (Vega View, renderer 'none') and PNG (resvg), no browser or canvas.
 * Colours are from the Okabe–Ito palette (safe for colour-blind readers); fonts are large.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MorrisRow, SobolRow } from '../analysis/sensitivity.js';
import { svgToPng, toSvg } from './render.js';

/** Okabe–Ito blue and orange. */
export const PALETTE = ['#0072B2', '#E69F00'] as const;
const FONT = 'DejaVu Sans';
const WIDTH = 640;

function base(title: string, subtitle: string, bars: number): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle, anchor: 'start', fontSize: 22, subtitleFontSize: 15, subtitlePadding: 6, offset: 14 },
    width: WIDTH,
    height: Math.max(120, bars * 56),
    config: {
      font: FONT,
      background: 'white',
      axis: { labelFontSize: 16, titleFontSize: 17, titlePadding: 10, gridColor: '#e3e3e3' },
      axisY: { labelLimit: 360, labelPadding: 8 },
      legend: { labelFontSize: 16, titleFontSize: 16, orient: 'bottom', direction: 'vertical', symbolSize: 220, labelLimit: 500 },
      view: { stroke: null },
    },
  };
}

interface PairedBars {
  readonly title: string;
  readonly subtitle: string;
  /** Parameters, top to bottom. */
  readonly parameters: readonly string[];
  /** The field naming the two series, and the series (the first carries the whiskers). */
  readonly field: string;
  readonly series: readonly [string, string];
  readonly values: readonly Record<string, unknown>[];
  readonly xTitle: string;
}

/** Two bars per parameter with bootstrap intervals (`lo`, `hi`) as whiskers where they exist. */
function pairedBarsSpec(o: PairedBars): TopLevelSpec {
  const sort = [...o.series];
  return {
    ...base(o.title, o.subtitle, o.parameters.length),
    data: { values: o.values },
    encoding: {
      y: { field: 'parameter', type: 'nominal', sort: o.parameters, title: null },
      yOffset: { field: o.field, type: 'nominal', sort },
      color: { field: o.field, type: 'nominal', title: null, scale: { domain: sort, range: [...PALETTE] } },
    },
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        encoding: { x: { field: 'value', type: 'quantitative', title: o.xTitle } },
      },
      {
        transform: [{ filter: 'isValid(datum.lo)' }],
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          x: { field: 'lo', type: 'quantitative' },
          x2: { field: 'hi' },
          yOffset: { field: o.field, type: 'nominal', sort, bandPosition: 0.5 },
          color: { value: '#222222' },
        },
      },
    ],
  } as TopLevelSpec;
}

export interface MorrisChartOptions {
  readonly subtitle: string;
  readonly trajectories: number;
  readonly confidence: number;
}

/** μ* and σ per parameter, largest μ* on top, with the μ* interval as a whisker. */
export function morrisChartSpec(rows: readonly MorrisRow[], opts: MorrisChartOptions): TopLevelSpec {
  const importance = 'μ* (overall effect)';
  const spread = 'σ (non-linearity, interactions)';
  return pairedBarsSpec({
    title: 'Morris screening: elementary effects',
    subtitle: `${opts.subtitle} · whiskers: ${Math.round(opts.confidence * 100)} % bootstrap CI of μ*`,
    parameters: rows.map((r) => r.parameter),
    field: 'measure',
    series: [importance, spread],
    values: rows.flatMap((r) => [
      { parameter: r.parameter, measure: importance, value: r.muStar, lo: nullable(r.muStarLo), hi: nullable(r.muStarHi) },
      { parameter: r.parameter, measure: spread, value: r.sigma, lo: null, hi: null },
    ]),
    xTitle: `change in output per full range (mean of ${opts.trajectories} trajectories)`,
  });
}

export interface SobolChartOptions {
  readonly subtitle: string;
  readonly samples: number;
  readonly confidence: number;
}

/** S1 and ST per parameter, largest ST on top, with bootstrap intervals as whiskers. */
export function sobolChartSpec(rows: readonly SobolRow[], opts: SobolChartOptions): TopLevelSpec {
  const first = 'S1 (first order: alone)';
  const total = 'ST (total: with interactions)';
  return pairedBarsSpec({
    title: "Sobol' sensitivity indices",
    subtitle: `${opts.subtitle} · N = ${opts.samples} · whiskers: ${Math.round(opts.confidence * 100)} % bootstrap CI`,
    parameters: rows.map((r) => r.parameter),
    field: 'index',
    series: [first, total],
    values: rows.flatMap((r) => [
      { parameter: r.parameter, index: first, value: r.s1, lo: nullable(r.s1Lo), hi: nullable(r.s1Hi) },
      { parameter: r.parameter, index: total, value: r.st, lo: nullable(r.stLo), hi: nullable(r.stHi) },
    ]),
    xTitle: 'share of output variance',
  });
}

function nullable(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

export interface RenderedChart {
  /** The Vega-Lite spec as pretty JSON, to re-render or edit in the Vega editor. */
  readonly spec: string;
  readonly svg: string;
  readonly png: Uint8Array;
}

/** Charts render like the report's (one renderer: DejaVu Sans text widths, resvg for PNG). */
export { svgToPng, toSvg };

export async function renderChart(spec: TopLevelSpec): Promise<RenderedChart> {
  const svg = await toSvg(spec);
  return { spec: `${JSON.stringify(spec, null, 2)}\n`, svg, png: svgToPng(svg) };
}
