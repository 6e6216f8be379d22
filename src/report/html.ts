/**
 * report.html: one self-contained page (opens from disk, loads nothing): inline SVG charts (ids
 * made unique per chart, namespace attributes dropped), the summary and comparison as HTML tables,
 * the scenario descriptions, and how to read an uncalibrated model's results.
 */
import { type ComparisonRow, TIME_TO_TURN } from '../analysis/compare.js';
import { escapeXml } from '../engine/format.js';
import { weekDate } from './batch-data.js';
import { armColour, type ChartContext } from './common.js';
import type { Findings } from './findings.js';
import { glossary } from './glossary.js';
import type { RenderedChart } from './render.js';
import type { SummaryTable } from './summary-table.js';
import { sweepTable, sweptScenarios } from './sweep.js';
import { pointLabel } from './sweep-labels.js';
import { hasHeatMap } from './sweep-map.js';
import { comparisonCells } from './tables.js';
import { type AcrossWorlds, WORLDS_HEADLINE } from './worlds.js';

/** SVG ready to sit inline in HTML next to other charts: unique ids, no namespace URLs, scalable. */
export function inlineSvg(svg: string, prefix: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/(xlink:)?href="#([^"]+)"/g, `href="#${prefix}-$2"`)
    .replace(/^<svg\b/, `<svg role="img" style="max-width:100%;height:auto"`);
}

export const REPORT_CSS = `
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;font-size:17px;line-height:1.5;color:#111;max-width:1280px;margin:0 auto;padding:24px 32px 64px}
h1{font-size:32px;margin:0 0 4px}h2{font-size:25px;margin:40px 0 12px;border-bottom:2px solid #ddd;padding-bottom:4px}
.meta{color:#444;font-size:15px;margin:0 0 16px}
.note{background:#fff8e1;border-left:6px solid #E69F00;padding:8px 20px;margin:16px 0}
table{border-collapse:collapse;margin:8px 0 16px;font-size:15px}
th,td{padding:6px 10px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
th{background:#f2f4f7}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tr.sig td.diff{font-weight:bold}td.nowrap{white-space:nowrap}td ul{margin:0;padding-left:20px}
.swatch{display:inline-block;width:14px;height:14px;border-radius:3px;margin-right:8px;vertical-align:-1px}
figure{margin:24px 0 40px}figcaption{font-size:14px;color:#555;margin-top:4px}
nav ul{columns:2;font-size:15px}
.findings{background:#eef5fb;border-left:6px solid #0072B2;padding:8px 20px;margin:16px 0}
.findings h3{font-size:19px;margin:16px 0 4px}.findings ul{margin:0;padding-left:22px}.findings li{margin:4px 0}
.verdict{font-weight:bold;white-space:nowrap}.verdict.better{color:#00703c}.verdict.worse{color:#b00020}.verdict.unclear,.verdict.neutral{color:#555}
dl.glossary dt{font-weight:bold;margin-top:8px}dl.glossary dd{margin:0 0 4px 0}
@media print{figure{break-inside:avoid}}
`;

export interface HtmlInput {
  readonly ctx: ChartContext;
  readonly charts: readonly RenderedChart[];
  readonly summary: SummaryTable;
  readonly comparison: readonly ComparisonRow[];
  readonly findings: Findings;
  /** Results across plausible worlds when the batch ran over an ensemble (worlds.ts), else null. */
  readonly worlds: AcrossWorlds | null;
  readonly batchName: string;
}

export function reportHtml(h: HtmlInput): string {
  const { ctx, charts, summary, comparison } = h;
  const { d } = ctx;
  const T = d.t.report;
  const e = escapeXml;
  const swatch = (arm: string) => `<span class="swatch" style="background:${armColour(ctx, arm)}"></span>${e(arm)}`;
  const out: string[] = [];
  out.push('<!doctype html>', `<html lang="${d.lang}">`, '<head>', '<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${e(T.title)}: ${e(h.batchName)}</title>`, `<style>${REPORT_CSS}</style>`, '</head>', '<body>');
  out.push(`<h1>${e(T.title)}</h1>`);
  const reps = [...new Set(ctx.arms.map((a) => a.replicates))].join('/');
  out.push(
    `<p class="meta">${e(T.generated)} ${e(h.batchName)} · ${e(T.plan)} ${e(ctx.batch.plan)} · Tanker ${e(ctx.batch.version)}, ${e(T.model)} ${e(ctx.batch.modelVersion)} · ${ctx.arms.length} × ${reps} ${e(T.replicates.toLowerCase())}</p>`,
  );

  // The answer first: one sentence per scenario and main outcome, and whether and when it turns.
  const F = h.findings;
  out.push(`<section class="findings" id="findings"><h2>${e(T.findingsTitle)}</h2>`, `<p>${e(T.findingsIntro)}</p>`);
  const W = h.worlds;
  if (W) out.push(`<p>${e(W.intro)} ${e(W.note)}</p>`);
  if (F.noneTurned) out.push(`<p><strong>${e(F.noneTurned)}</strong></p>`);
  const baseTurn = F.turning.find((t) => t.arm === ctx.baseline.name);
  if (baseTurn) out.push(`<p>${e(baseTurn.sentence)}</p>`);
  for (const a of ctx.arms) {
    if (a === ctx.baseline) continue;
    out.push(`<h3>${swatch(a.name)}</h3>`, '<ul>');
    const world = W?.statements.find((w) => w.arm === a.name && (w.indicator === WORLDS_HEADLINE || w.result === null));
    if (world) out.push(`<li class="worlds"><strong>${e(world.sentence)}.</strong></li>`);
    const turn = F.turning.find((t) => t.arm === a.name);
    if (turn) out.push(`<li>${e(turn.sentence)}</li>`);
    for (const f of F.outcomes.filter((o) => o.arm === a.name))
      out.push(`<li class="${f.verdict}">${e(f.sentence)} <span class="verdict ${f.verdict}">${e(f.verdictText)}</span></li>`);
    out.push('</ul>');
  }
  out.push('</section>');

  out.push(`<section class="note"><h2>${e(T.howToReadTitle)}</h2>`);
  // Over an ensemble the first paragraph ("an uncalibrated model") says what the ensemble is instead.
  for (const p of W ? [W.howToRead, ...T.howToRead.slice(1)] : T.howToRead) out.push(`<p>${e(p)}</p>`);
  out.push('</section>');

  out.push(`<h2 id="glossary">${e(T.glossaryTitle)}</h2>`, '<dl class="glossary">');
  for (const g of glossary(d.lang)) out.push(`<dt>${e(g.term)}</dt><dd>${e(g.text)}</dd>`);
  out.push('</dl>');

  out.push('<nav><ul>');
  out.push(`<li><a href="#findings">${e(T.findingsTitle)}</a></li>`);
  out.push(`<li><a href="#glossary">${e(T.glossaryTitle)}</a></li>`);
  out.push(`<li><a href="#scenarios">${e(T.scenariosTitle)}</a></li>`);
  out.push(`<li><a href="#summary">${e(T.summaryTitle)}</a></li>`);
  const sweeps = sweptScenarios(ctx);
  if (sweeps.length > 0) out.push(`<li><a href="#sweeps">${e(T.sweepsTitle)}</a></li>`);
  for (const c of charts) out.push(`<li><a href="#chart-${e(c.name)}">${e(c.title)}</a></li>`);
  out.push(`<li><a href="#comparison">${e(T.compareTitle(ctx.baseline.name))}</a></li>`);
  out.push('</ul></nav>');

  // Scenarios.
  out.push(`<h2 id="scenarios">${e(T.scenariosTitle)}</h2>`, '<table>');
  out.push(
    `<tr><th>${e(d.t.scenario)}</th><th>${e(T.description)}</th><th>${e(T.interventions)}</th><th>${e(T.seed)}</th><th>${e(T.replicates)}</th></tr>`,
  );
  for (const a of ctx.arms) {
    const ivs = a.interventions.length
      ? `<ul>${a.interventions
          .map(
            (i) =>
              `<li>${e(d.intervention(i))} (${e(i.kind)}): ${e(T.startsWeek)} ${i.startWeek} (${weekDate(a, i.startWeek)})${i.endWeek !== null ? `, ${e(T.endsWeek)} ${i.endWeek}` : ''}</li>`,
          )
          .join('')}</ul>`
      : e(T.noInterventions);
    const point = Object.keys(a.pointValues).length ? `<br><small>${e(T.sweepPoint)}: ${e(pointLabel(d.lang, a.pointValues))}</small>` : '';
    const base = a === ctx.baseline ? ` <small>(${e(d.t.baseline)})</small>` : '';
    out.push(
      `<tr><td class="nowrap">${swatch(a.name)}${base}</td><td>${e(d.description(a) ?? '')}${point}</td><td>${ivs}</td><td>${e(a.seed)}</td><td class="num">${a.replicates}</td></tr>`,
    );
  }
  out.push('</table>');

  // Summary.
  out.push(`<h2 id="summary">${e(T.summaryTitle)}</h2>`);
  out.push(`<p>${e(d.t.summarySubtitle(String(reps)).join(' '))}</p>`, '<table>');
  out.push(`<tr><th>${e(d.t.indicator)}</th>${summary.arms.map((a) => `<th>${swatch(a)}</th>`).join('')}</tr>`);
  summary.cells.forEach((r, i) => {
    out.push(`<tr><td>${e(summary.labels[i]!)}</td>${r.map((c) => `<td class="num">${e(c)}</td>`).join('')}</tr>`);
  });
  out.push('</table>');

  // Sweeps: one table per scenario with a sweep (its chart is among the charts below).
  if (sweeps.length > 0) out.push(`<h2 id="sweeps">${e(T.sweepsTitle)}</h2>`);
  for (const s of sweeps) {
    const t = sweepTable(ctx, s);
    out.push(`<h3>${e(s.scenario)}</h3>`, `<p>${e(T.sweepsIntro(s.scenario, s.arms.length))}</p>`, '<table>');
    out.push(`<tr>${t.head.map((h) => `<th>${e(h)}</th>`).join('')}</tr>`);
    for (const r of t.rows) out.push(`<tr>${r.map((c) => `<td class="num">${e(c)}</td>`).join('')}</tr>`);
    out.push('</table>');
    if (hasHeatMap(s)) out.push(`<p><a href="#chart-sweep-map-${e(s.scenario)}">${e(d.t.sweepMapTitle(s.scenario))}</a></p>`);
    out.push(`<p><a href="#chart-sweep-${e(s.scenario)}">${e(d.t.sweepTitle(s.scenario))}</a></p>`);
  }

  // Charts.
  out.push(`<h2>${e(T.chartsTitle)}</h2>`);
  for (const c of charts) {
    out.push(`<figure id="chart-${e(c.name)}">`, inlineSvg(c.svg, c.name));
    out.push(
      `<figcaption>${e(T.files)}: ${c.files.map((f) => `<a href="${encodeURI(f)}">${e(f)}</a>`).join(' · ')}</figcaption>`,
      '</figure>',
    );
  }
  // Technical details: the full comparison with its tests and effect sizes.
  const C = T.columns;
  const nText = (r: ComparisonRow) => (r.test === 'paired-t' ? `${r.nA} ${T.pairs}` : `${r.nA} / ${r.nB}`);
  out.push(`<h2 id="comparison">${e(T.compareTitle(ctx.baseline.name))}</h2>`);
  if (comparison.length === 0) out.push(`<p>${e(T.noComparison)}</p>`);
  else {
    for (const p of T.compareNote) out.push(`<p>${e(p)}</p>`);
    out.push('<table>');
    out.push(
      `<tr><th>${e(C.scenario)}</th><th>${e(C.indicator)}</th><th>${e(C.meanBaseline)}</th><th>${e(C.meanScenario)}</th><th>${e(C.diff)} [${e(C.ci)}]</th><th>${e(C.d)}</th><th>${e(C.p)}</th><th>${e(C.test)}</th><th>${e(C.n)}</th></tr>`,
    );
    for (const r of comparison) {
      const cells = comparisonCells(r, d);
      out.push(
        `<tr${r.p < 0.05 ? ' class="sig"' : ''}><td class="nowrap">${swatch(r.scenario)}</td><td>${e(d.indicator(r.indicator))}${r.indicator === TIME_TO_TURN ? ' *' : ''}</td><td class="num">${e(cells.meanBaseline)}</td><td class="num">${e(cells.meanScenario)}</td><td class="num diff">${e(cells.interval ? `${cells.diff} ${cells.interval}` : cells.diff)}</td><td class="num">${e(d.num(r.cohenD, 2))}</td><td class="num">${e(d.p(r.p))}</td><td class="nowrap">${e(d.t.testNames[r.test])}</td><td class="num" title="${e(r.note)}">${e(nText(r))}</td></tr>`,
      );
    }
    out.push('</table>');
    if (W) {
      out.push(`<h3 id="worlds">${e(W.title)}</h3>`, `<p>${e(W.intro)} ${e(W.note)}</p>`, '<table>');
      out.push(`<tr>${W.columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr>`);
      for (const [arm, ...rest] of W.rows) {
        const cells = rest.map((c, k) => `<td${k > 0 ? ' class="num"' : ''}>${e(c)}</td>`).join('');
        out.push(`<tr><td class="nowrap">${swatch(arm!)}</td>${cells}</tr>`);
      }
      out.push('</table>');
    }
    if (comparison.some((r) => r.indicator === TIME_TO_TURN))
      out.push(
        `<p><small>* ${e(T.turnFootnote(summary.summaries.map((s) => `${s.arm} ${s.turn.turned}/${s.turn.n}`).join(', ')))}</small></p>`,
      );
  }

  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}
