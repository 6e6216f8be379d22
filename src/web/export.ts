/// <reference lib="dom" />
/**
 * Sharing and export: the link to the page state, every configuration as a scenario file (YAML the
 * CLI runs unchanged), and the tanker with the six charts as one SVG figure or a PNG of it. The
 * report's PNG renderer (resvg) is native Node code, so in the browser the figure is rasterised on a
 * canvas instead.
 */
import { escapeXml as esc } from '../engine/format.js';
import { chartTitle } from './chart-defs.js';
import { weekDate } from './charts.js';
import { $, download } from './dom.js';
import { t } from './i18n.js';
import { saveHash, setStatus, showErrors } from './runs.js';
import { baseRef, cfgOf, type Explorer, slotsShown, startDate } from './state.js';
import { tankerSvg } from './tanker.js';
import { chartSvg, headings, shownCharts, slotColours, slotLabel, tankerText } from './view.js';

/** The figure at the playback cursor: title, configurations, the tanker, the charts in three columns, the caveat. */
export function figure(x: Explorer): { svg: string; width: number; height: number } {
  const lang = x.page.lang;
  const W = 1600;
  const tick = Math.floor(x.playback.cursor);
  const tankerH = 420;
  const cols = 3;
  const cw = Math.floor((W - 40 - (cols - 1) * 20) / cols);
  const ch = 300;
  const capH = 36;
  const defs = shownCharts(x);
  const rows = Math.ceil(defs.length / cols);
  const top = 110;
  const H = top + tankerH + rows * (capH + ch + 16) + 40;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="'DejaVu Sans', Verdana, sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="20" y="40" font-size="30" font-weight="bold" fill="#111">${esc(t(lang, 'title'))} · ${esc(t(lang, 'weekLabel', { w: tick, d: weekDate(startDate(x), tick) }))}</text>`,
  ];
  const colour = slotColours(x);
  slotsShown(x)
    .filter((s) => x.results[s])
    .forEach((s, i) => {
      parts.push(`<rect x="${20 + i * 780}" y="62" width="36" height="14" rx="4" fill="${colour[s]}"/>`);
      parts.push(`<text x="${64 + i * 780}" y="76" font-size="20" fill="#111">${esc(slotLabel(x, s))}</text>`);
    });
  const nest = (svg: string, left: number, y: number) => svg.replace('<svg ', `<svg x="${left}" y="${y}" `);
  const hs = headings(x, tick);
  if (hs.length > 0) parts.push(nest(tankerSvg(W - 40, tankerH, hs, tankerText(x)), 20, top - 10));
  defs.forEach((d, i) => {
    const left = 20 + (i % cols) * (cw + 20);
    const y = top + tankerH + Math.floor(i / cols) * (capH + ch + 16);
    parts.push(`<text x="${left}" y="${y + 26}" font-size="22" font-weight="bold" fill="#111">${esc(chartTitle(d, lang))}</text>`);
    parts.push(nest(chartSvg(x, d, cw, ch, tick), left, y + capH));
  });
  parts.push(`<text x="20" y="${H - 14}" font-size="16" fill="#444">${esc(t(lang, 'caveat'))}</text>`);
  parts.push('</svg>');
  return { svg: parts.join(''), width: W, height: H };
}

/** An SVG figure as PNG, drawn on a canvas by the browser. */
async function svgToPng(svg: string, w: number, h: number): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(img, 0, 0, w, h);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG failed'))), 'image/png'));
}

export function wireExport(x: Explorer): void {
  $('copy-link').addEventListener('click', async () => {
    saveHash(x);
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus(t(x.page.lang, 'linkCopied'));
    } catch {
      $<HTMLInputElement>('link').select();
      setStatus(t(x.page.lang, 'linkSelect'));
    }
  });
  $('export-svg').addEventListener('click', () => {
    download(new Blob([figure(x).svg], { type: 'image/svg+xml' }), 'tanker-charts.svg');
  });
  $('export-png').addEventListener('click', async () => {
    const fig = figure(x);
    download(await svgToPng(fig.svg, fig.width, fig.height), 'tanker-charts.png');
  });
  for (const s of ['A', 'B'] as const)
    $(s === 'A' ? 'export-yaml-a' : 'export-yaml-b').addEventListener('click', async () => {
      const r = await x.worker.exportYaml(baseRef(x, s), cfgOf(x, s), x.page.compare ? `configuration ${s}` : '');
      if (!r.ok) showErrors(x.page.lang, r.errors);
      else download(new Blob([r.value.yaml], { type: 'text/yaml' }), r.value.fileName);
    });
}
