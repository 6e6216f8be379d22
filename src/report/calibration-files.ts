/**
 * The diagnostics of a calibration (`tanker calibrate`): Vega-Lite charts drawn with the report's
 * one renderer (prior vs posterior per parameter, tolerance and acceptance per generation,
 * posterior predictive check per target statistic, which target constrains which parameter as a
 * rank-correlation heat map, pair plots of the most constrained parameters by posterior/prior sd
 * ratio), a self-contained diagnostics.html and
 * manifest.json. The numbers come from the ensemble file; this module only draws and writes them.
 */
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { CalibrationEnsemble } from '../analysis/calibration-run.js';
import { INFINITE_EFFECT_NOTE, predictiveQuantiles } from '../analysis/calibration-targets.js';
import { weightedQuantile } from '../calibration/weighted.js';
import { escapeXml, fmt, pct } from '../engine/format.js';
import { writeFileAtomic } from '../io/atomic.js';
import { fileHashes } from '../io/hash.js';
import { provenance } from '../io/provenance.js';
import { inlineSvg, REPORT_CSS } from './html.js';
import { OKABE_ITO } from './palette.js';
import { type RenderedChart, writeChart } from './render.js';
import { FONT } from './theme.js';

export interface CalibrationReportOptions {
  readonly threads: number;
  readonly startedAt: string;
  readonly seconds: number;
  /** Model runs made by this process (a resumed calibration counts only its own). */
  readonly runs: number;
}

const BINS = 12;
const PRIOR = 'prior (uniform)';
const POSTERIOR = 'posterior (weighted)';

function base(title: string, subtitle: string): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle, anchor: 'start', fontSize: 20, subtitleFontSize: 14, offset: 12 },
    config: {
      font: FONT,
      background: 'white',
      axis: { labelFontSize: 13, titleFontSize: 14, gridColor: '#e3e3e3' },
      header: { labelFontSize: 14, titleFontSize: 14, labelLimit: 420 },
      legend: { labelFontSize: 14, titleFontSize: 14, orient: 'bottom' },
      view: { stroke: null },
    },
  };
}

/** Weighted histogram of each parameter's posterior as a density over its prior box, with the prior's density. */
export function priorPosteriorSpec(e: CalibrationEnsemble): TopLevelSpec {
  const rows: Record<string, unknown>[] = [];
  e.parameters.forEach((p) => {
    const width = (p.max - p.min) / BINS;
    const mass = new Array<number>(BINS).fill(0);
    for (const m of e.members) {
      const v = m.values[p.name]!;
      mass[Math.min(BINS - 1, Math.floor((v - p.min) / width))]! += m.weight;
    }
    mass.forEach((w, b) => {
      const lo = p.min + b * width;
      rows.push({ parameter: p.name, lo, hi: lo + width, density: w / width, kind: POSTERIOR });
    });
    rows.push({ parameter: p.name, lo: p.min, hi: p.max, density: 1 / (p.max - p.min), kind: PRIOR });
  });
  return {
    ...base(
      'Prior and posterior of each parameter',
      `${e.members.length} weighted particles; bars: posterior density, line: prior density`,
    ),
    data: { values: rows },
    facet: { field: 'parameter', type: 'nominal', title: null, header: { labelAnchor: 'start' } },
    columns: 2,
    resolve: { scale: { x: 'independent', y: 'independent' } },
    spec: {
      width: 380,
      height: 160,
      layer: [
        {
          transform: [{ filter: `datum.kind === '${POSTERIOR}'` }],
          mark: { type: 'rect', color: OKABE_ITO[2], opacity: 0.8, tooltip: true },
          encoding: {
            x: { field: 'lo', type: 'quantitative', title: null, scale: { zero: false, nice: false } },
            x2: { field: 'hi' },
            y: { field: 'density', type: 'quantitative', title: 'density' },
            y2: { datum: 0 },
          },
        },
        {
          transform: [{ filter: `datum.kind === '${PRIOR}'` }],
          mark: { type: 'rule', color: OKABE_ITO[1], strokeWidth: 3 },
          encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, y: { field: 'density', type: 'quantitative' } },
        },
      ],
    },
  } as unknown as TopLevelSpec;
}

/** Tolerance ε and acceptance rate per generation. */
export function roundsSpec(e: CalibrationEnsemble): TopLevelSpec {
  const rows = e.history.map((h) => ({
    generation: h.generation,
    epsilon: h.epsilon,
    acceptance: h.acceptanceRate,
    ess: h.ess,
    simulations: h.simulations,
  }));
  const panel = (field: string, title: string, format: string) => ({
    width: 360,
    height: 200,
    mark: { type: 'line', point: { size: 80 }, color: OKABE_ITO[2], strokeWidth: 3, tooltip: true },
    encoding: {
      x: { field: 'generation', type: 'ordinal', title: 'generation', axis: { labelAngle: 0 } },
      y: { field, type: 'quantitative', title, axis: { format } },
    },
    transform: [{ filter: `isValid(datum.${field})` }],
  });
  return {
    ...base('Tolerance and acceptance per generation', 'generation 0 draws from the prior and accepts every finite distance'),
    data: { values: rows },
    hconcat: [panel('epsilon', 'tolerance ε (distance in sd units)', '~g'), panel('acceptance', 'acceptance rate', '.0%')],
  } as unknown as TopLevelSpec;
}

/** Per target: the posterior predictive 5–95 % interval and median against the observed value ± 2 sd or range. */
export function predictiveSpec(e: CalibrationEnsemble): TopLevelSpec {
  const rows = e.predictive.map((c) => {
    const o = c.observed;
    // A pattern check (d ≥ min) is drawn from min to the larger of min + 1 and the predictive 95 %.
    const [lo, hi] =
      o.kind === 'value'
        ? [o.value - 2 * o.sd, o.value + 2 * o.sd]
        : o.kind === 'range'
          ? [o.lo, o.hi]
          : [o.min, Math.max(o.min + 1, Number.isFinite(c.q95) ? c.q95 : o.min)];
    const mid = o.kind === 'value' ? o.value : o.kind === 'range' ? (o.lo + o.hi) / 2 : o.min;
    return { target: c.target, q05: c.q05, q50: c.q50, q95: c.q95, lo, hi, mid };
  });
  return {
    ...base(
      'Posterior predictive check',
      'orange: observed (value ± 2 sd, range, or a pattern check’s d ≥ minD); blue: 5–95 % of fresh runs of the final particles, dot their median',
    ),
    data: { values: rows },
    facet: { row: { field: 'target', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left', labelOrient: 'top' } } },
    resolve: { scale: { x: 'independent' } },
    spec: {
      width: 560,
      height: 40,
      layer: [
        {
          mark: { type: 'rect', color: OKABE_ITO[1], opacity: 0.35 },
          encoding: { x: { field: 'lo', type: 'quantitative', title: null, scale: { zero: false } }, x2: { field: 'hi' } },
        },
        { mark: { type: 'tick', color: OKABE_ITO[1], thickness: 3 }, encoding: { x: { field: 'mid', type: 'quantitative' } } },
        {
          mark: { type: 'rule', color: OKABE_ITO[2], strokeWidth: 4 },
          encoding: { x: { field: 'q05', type: 'quantitative' }, x2: { field: 'q95' } },
        },
        {
          mark: { type: 'point', filled: true, size: 120, color: OKABE_ITO[2], tooltip: true },
          encoding: { x: { field: 'q50', type: 'quantitative' } },
        },
      ],
    },
  } as unknown as TopLevelSpec;
}

/** Posterior sd over prior sd (uniform: (max − min) / √12) per parameter: small means the targets constrain it. */
export function sdRatios(e: CalibrationEnsemble): { name: string; ratio: number }[] {
  const w = e.members.map((m) => m.weight);
  const total = w.reduce((a, b) => a + b, 0);
  return e.parameters.map((p) => {
    const v = e.members.map((m) => m.values[p.name]!);
    const mean = v.reduce((a, x, i) => a + w[i]! * x, 0) / total;
    const sd = Math.sqrt(v.reduce((a, x, i) => a + w[i]! * (x - mean) ** 2, 0) / total);
    return { name: p.name, ratio: sd / ((p.max - p.min) / Math.sqrt(12)) };
  });
}

/** The (up to) `k` most constrained parameters: smallest posterior/prior sd ratio first, ties by name. */
export function mostConstrained(e: CalibrationEnsemble, k = 4): string[] {
  return sdRatios(e)
    .filter((r) => Number.isFinite(r.ratio))
    .sort((a, b) => a.ratio - b.ratio || (a.name < b.name ? -1 : 1))
    .slice(0, k)
    .map((r) => r.name);
}

/** Pair plots (scatter matrix) of the most constrained parameters: each member a dot sized by its weight, axes the prior ranges. */
export function pairsSpec(e: CalibrationEnsemble, names: readonly string[]): TopLevelSpec {
  // Plain keys p0, p1, …: Vega-Lite reads the dots of "group.name" as nested fields.
  const rows = e.members.map((m) => ({ ...Object.fromEntries(names.map((n, i) => [`p${i}`, m.values[n]!])), weight: m.weight }));
  const domain = Object.fromEntries(e.parameters.map((p) => [p.name, [p.min, p.max]]));
  const ratios = Object.fromEntries(sdRatios(e).map((r) => [r.name, r.ratio]));
  const size = names.length > 3 ? 170 : 220;
  return {
    ...base(
      'Pair plots of the most constrained parameters',
      `posterior sd / prior sd: ${names.map((n) => `${n} ${fmt(ratios[n]!, 2)}`).join(', ')}; dot area ∝ weight; axes span the prior`,
    ),
    data: { values: rows },
    vconcat: names.map((y, yi) => ({
      hconcat: names.map((x, xi) => ({
        width: size,
        height: size,
        mark: { type: 'circle', color: OKABE_ITO[2], opacity: 0.55 },
        encoding: {
          x: { field: `p${xi}`, type: 'quantitative', title: x, scale: { domain: domain[x], nice: false, zero: false } },
          y: { field: `p${yi}`, type: 'quantitative', title: y, scale: { domain: domain[y], nice: false, zero: false } },
          size: { field: 'weight', type: 'quantitative', legend: null, scale: { range: [8, 160] } },
        },
      })),
    })),
  } as unknown as TopLevelSpec;
}

/** Heat map of the rank correlation between each target statistic and each parameter over all simulated candidates. */
export function sensitivitySpec(e: CalibrationEnsemble): TopLevelSpec {
  const s = e.sensitivity;
  const short = (label: string) => (label.length > 70 ? `${label.slice(0, 67)}…` : label);
  const rows = s.statistics.flatMap((st, k) =>
    s.parameters.map((p, j) => ({
      statistic: short(st),
      parameter: p,
      rho: s.rho[k]![j] ?? null,
      label: fmt(s.rho[k]![j] ?? Number.NaN, 2),
    })),
  );
  return {
    ...base(
      'Which target constrains which parameter',
      `Spearman's ρ between each target statistic and each parameter over ${s.candidates} simulated candidates (all generations)`,
    ),
    data: { values: rows },
    width: Math.max(240, 60 * s.parameters.length),
    height: Math.max(60, 26 * s.statistics.length),
    encoding: {
      x: { field: 'parameter', type: 'nominal', title: null, sort: null, axis: { labelAngle: -40, labelLimit: 260 } },
      y: { field: 'statistic', type: 'nominal', title: null, sort: null, axis: { labelLimit: 520 } },
    },
    layer: [
      {
        mark: { type: 'rect', tooltip: true },
        encoding: {
          color: { field: 'rho', type: 'quantitative', title: 'ρ', scale: { scheme: 'blueorange', domain: [-1, 1] } },
        },
      },
      { mark: { type: 'text', fontSize: 12 }, encoding: { text: { field: 'label' } } },
    ],
  } as unknown as TopLevelSpec;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: (j: number) => boolean): string {
  const e = escapeXml;
  return [
    '<table><thead><tr>',
    ...head.map((h) => `<th>${e(h)}</th>`),
    '</tr></thead><tbody>',
    ...rows.map((r) => `<tr>${r.map((c, j) => `<td${numeric(j) ? ' class="num"' : ''}>${e(c)}</td>`).join('')}</tr>`),
    '</tbody></table>',
  ].join('');
}

/** diagnostics.html: the three charts inline, the posterior summary and the provenance, loading nothing. */
export function diagnosticsHtml(e: CalibrationEnsemble, charts: readonly RenderedChart[]): string {
  const x = escapeXml;
  const prov = e.provenance as {
    spec: { hash: string };
    modelVersion: string;
    seed: unknown;
    stopReason: string;
    modelRuns: number;
    scenario: { name: string };
  };
  const ratios = Object.fromEntries(sdRatios(e).map((r) => [r.name, r.ratio]));
  const summary = e.parameters.map((p) => {
    const v = e.members.map((m) => m.values[p.name]!);
    const w = e.members.map((m) => m.weight);
    const q = (a: number) => fmt(weightedQuantile(v, w, a), 3);
    return [p.name, `${fmt(p.min)} to ${fmt(p.max)}`, q(0.05), q(0.5), q(0.95), fmt(ratios[p.name]!, 2)];
  });
  const s = e.sensitivity;
  const last = e.history.at(-1);
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>Calibration diagnostics: ${x(e.name)}</title><style>${REPORT_CSS}</style></head><body>`,
    `<h1>Calibration diagnostics: ${x(e.name)}</h1>`,
    `<p class="meta">scenario ${x(prov.scenario.name)} · spec ${x(prov.spec.hash)} · model ${x(prov.modelVersion)} · seed ${x(String(prov.seed))} · ${e.history.length} generations · ${x(String(prov.modelRuns))} model runs · stop: ${x(prov.stopReason)}${last ? ` · last acceptance ${x(pct(last.acceptanceRate, 1))}, ESS ${x(fmt(last.ess, 1))}` : ''}</p>`,
    e.description ? `<p>${x(e.description)}</p>` : '',
    '<div class="note"><p>These are the parameter sets of the model that reproduce the targets below within the final tolerance, weighted by ABC-SMC. They are plausible <em>given these targets and this model</em>; a parameter whose posterior looks like its prior is not constrained by the targets. See docs/calibration.md for what this can and cannot justify.</p></div>',
    '<h2>Posterior</h2>',
    table(['parameter', 'prior range', '5 %', '50 %', '95 %', 'posterior sd / prior sd'], summary, (j) => j >= 2),
    ...charts.map(
      (c, i) => `<figure>${inlineSvg(c.svg, `c${i}`)}<figcaption>${x(c.title)} (${x(c.files.join(', '))})</figcaption></figure>`,
    ),
    '<h2>Targets</h2>',
    table(
      ['target', 'predictive 5 %', '50 %', '95 %'],
      e.predictive.map((c) => [c.target, ...predictiveQuantiles(c)]),
      (j) => j >= 1,
    ),
    ...(e.predictive.some((c) => predictiveQuantiles(c).some((q) => q.endsWith('∞'))) ? [`<p>${x(INFINITE_EFFECT_NOTE)}</p>`] : []),
    '<h2>Which target constrains which parameter</h2>',
    `<p>${x(s.method)} (${s.candidates} candidates). |ρ| near 1: the statistic moves with the parameter, so holding it near its target pins the parameter down; near 0: that target says little about it on its own (it may still constrain it jointly with others).</p>`,
    table(
      ['target statistic', ...s.parameters],
      s.statistics.map((st, k) => [st, ...s.rho[k]!.map((r) => (r === null ? '–' : fmt(r, 2)))]),
      (j) => j >= 1,
    ),
    '</body></html>',
    '',
  ].join('\n');
}

/**
 * Write the charts (.svg, .png, .vl.json), diagnostics.html and manifest.json into `out` beside
 * ensemble.json. Returns the file names written, manifest last.
 */
export async function writeCalibrationReport(e: CalibrationEnsemble, out: string, opts: CalibrationReportOptions): Promise<string[]> {
  const charts = [
    await writeChart(out, 'prior-posterior', 'Prior and posterior of each parameter', priorPosteriorSpec(e)),
    await writeChart(out, 'rounds', 'Tolerance and acceptance per generation', roundsSpec(e)),
    await writeChart(out, 'predictive', 'Posterior predictive check per target', predictiveSpec(e)),
    await writeChart(out, 'sensitivity', 'Which target constrains which parameter (rank correlation)', sensitivitySpec(e)),
  ];
  const pairs = mostConstrained(e);
  if (pairs.length >= 2) charts.push(await writeChart(out, 'pairs', 'Pair plots of the most constrained parameters', pairsSpec(e, pairs)));
  const files = charts.flatMap((c) => c.files);
  writeFileAtomic(join(out, 'diagnostics.html'), diagnosticsHtml(e, charts));
  files.push('diagnostics.html');
  const manifest = {
    ...provenance(),
    kind: 'calibration',
    ensemble: e.name,
    spec: (e.provenance as { spec: unknown }).spec,
    threads: opts.threads,
    startedAt: opts.startedAt,
    endedAt: new Date().toISOString(), // clock-ok: manifest metadata
    seconds: opts.seconds,
    modelRunsThisProcess: opts.runs,
    files: fileHashes(out, ['ensemble.json', ...files]),
  };
  writeFileAtomic(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return [...files, 'manifest.json'];
}
