/// <reference lib="dom" />
/**
 * Drawing the page from the state at a week: the tanker dial, the six charts, the summary line of
 * each configuration and the playback position. Also the pieces the exported figure reuses
 * (slotLabel, headings, chartSvg). Reads the state, never changes it (except the hook's cursor and
 * the last week drawn).
 */
import { escapeXml } from '../engine/format.js';
import { indicatorName, type Lang, leverName, numbers } from '../report/names.js';
import { scenarioColours } from '../report/palette.js';
import { type ChartDef, chartDefs, chartTitle, valueFormat } from './chart-defs.js';
import { type LegendItem, lineChart, SLOT_COLORS, weekDate } from './charts.js';
import { $, widthOf } from './dom.js';
import { t } from './i18n.js';
import type { Slot } from './protocol.js';
import { seriesOf } from './series.js';
import { cfgOf, type Explorer, lesson, maxTicks, slotsShown, startDate, valueAt } from './state.js';
import { type Heading, type TankerText, tankerSvg } from './tanker.js';

/** The charts on show, in order. */
export function shownCharts(x: Explorer): ChartDef[] {
  return chartDefs(x.page.extra, lesson(x) !== null);
}

/** "A: baseline + tugboats, 2 management layers": what a configuration is, in a line. */
export function slotLabel(x: Explorer, s: Slot): string {
  const lang = x.page.lang;
  const l = lesson(x);
  if (l) return `${s}: ${(s === 'A' ? l.labelA : l.labelB)[lang]}`;
  const { num } = numbers(lang);
  const cfg = cfgOf(x, s);
  const bits: string[] = [];
  for (const c of cfg.levers) bits.push(leverName(lang, c.kind));
  if (cfg.layers !== null) bits.push(`${cfg.layers} ${t(lang, 'layers').toLowerCase()}`);
  if (cfg.silo !== null) bits.push(`${t(lang, 'silo').toLowerCase()} ${num(cfg.silo, 2)}`);
  if (cfg.matrix !== null) bits.push(`${t(lang, 'matrix').toLowerCase()} ${num(cfg.matrix, 2)}`);
  const label = `${s}: ${x.summaries[s]?.name ?? cfg.base}${bits.length ? ` + ${bits.join(', ')}` : ''}`;
  return label.length > 90 ? `${label.slice(0, 89)}…` : label;
}

export function tankerText(x: Explorer): TankerText {
  const lang = x.page.lang;
  const { pct } = numbers(lang);
  return {
    oldCourse: t(lang, 'oldCourse'),
    newCourse: t(lang, 'newCourse'),
    documents: t(lang, 'documents'),
    practice: t(lang, 'practice'),
    gap: (v: string) => t(lang, 'gap', { v }),
    percent: (v: number) => pct(v),
    unit: t(lang, 'npgShare').split('|'),
    title: t(lang, 'tankerTitle'),
  };
}

/**
 * Each slot's colour: a library scenario shown as it is keeps its colour from the report and the
 * notebooks (report/palette.ts, by name); an edited one is named by its label. Two slots shown
 * together never share a colour.
 */
export function slotColours(x: Explorer): Record<Slot, string> {
  const nameOf = (s: Slot): string => {
    const c = cfgOf(x, s);
    const edited = c.levers.length > 0 || c.silo !== null || c.matrix !== null || c.layers !== null || c.elections !== null;
    const name = x.summaries[s]?.name ?? c.base;
    return edited ? slotLabel(x, s) : name;
  };
  const names = { A: nameOf('A'), B: nameOf('B') };
  const shown = slotsShown(x);
  const colours = scenarioColours(shown.map((s) => names[s]));
  return { A: colours.get(names.A) ?? SLOT_COLORS.A, B: colours.get(names.B) ?? SLOT_COLORS.B };
}

/** The page's CSS colours of A and B (summary, lesson labels, slot picker) follow the charts'. */
function setSlotColours(c: Record<Slot, string>): void {
  const root = document.documentElement.style;
  for (const [s, prop] of [
    ['A', '--slot-a'],
    ['B', '--slot-b'],
  ] as const)
    if (root.getPropertyValue(prop) !== c[s]) root.setProperty(prop, c[s]);
}

/** Documents and practice of each configuration at a week, for the tanker dial. */
export function headings(x: Explorer, tick: number): Heading[] {
  const colour = slotColours(x);
  return slotsShown(x)
    .filter((s) => x.results[s])
    .map((s) => ({
      label: slotLabel(x, s),
      color: colour[s],
      documents: valueAt(x, s, 'documentsNPG', tick),
      practice: valueAt(x, s, 'practiceNPG', tick),
      practice0: valueAt(x, s, 'practiceNPG', 0),
    }));
}

/** One chart as SVG, its lines drawn up to `tick`. */
export function chartSvg(x: Explorer, def: ChartDef, width: number, height: number, tick: number, fontSize = 17): string {
  const lang = x.page.lang;
  const shown = slotsShown(x).filter((s) => x.results[s]);
  const colour = slotColours(x);
  const lines = [];
  for (const s of shown) {
    const r = x.results[s]!;
    for (const l of def.lines) {
      const ser = seriesOf(r, l.ind);
      if (ser) lines.push({ name: `${s}:${l.ind}`, color: colour[s], dash: l.dash, width: l.width, series: ser });
    }
  }
  const slots: LegendItem[] = x.page.compare ? shown.map((s) => ({ label: s, color: colour[s], dash: null, width: 6 })) : [];
  const styles: LegendItem[] = def.lines
    .filter((l) => l.legend)
    .map((l) => ({ label: indicatorName(lang, l.ind), dash: l.dash, width: l.width }));
  const threshold = def.threshold ? (x.summaries.A?.turnThreshold ?? 0.45) : null;
  return lineChart({
    width,
    height,
    ticks: maxTicks(x),
    upTo: tick,
    startDate: startDate(x),
    lines,
    ...(def.yMax !== undefined ? { yMax: def.yMax } : {}),
    format: valueFormat(def.format, lang),
    threshold: threshold === null ? null : { value: threshold, label: `${t(lang, 'threshold')} (${numbers(lang).num(threshold, 2)})` },
    legend: [...slots, ...styles],
    fontSize,
    minFontSize: Math.min(fontSize, 11),
    title: chartTitle(def, lang),
  });
}

// ---------------------------------------------------------------- the page at a week

function renderTanker(x: Explorer, tick: number, { el, w, h }: Box): void {
  const lang = x.page.lang;
  const { num } = numbers(lang);
  const hs = headings(x, tick);
  // The dial is laid out for a box about 300 px high; a lower box gets it scaled down as a whole.
  const k = Math.min(1, h / 300);
  el.innerHTML = hs.length > 0 ? tankerSvg(Math.floor(w / k), Math.floor(h / k), hs, tankerText(x), 18, k) : '';
  el.setAttribute(
    'aria-label',
    hs
      .map((h) =>
        t(lang, 'tankerAria', {
          slot: h.label,
          d: num(100 * h.documents, 0),
          p: num(100 * h.practice, 0),
          g: num(100 * (h.documents - h.practice), 0),
          w: tick,
        }),
      )
      .join(' '),
  );
}

/** A drawing area and its size in CSS pixels (the fallbacks when it is not laid out). */
interface Box {
  readonly el: HTMLElement;
  readonly w: number;
  readonly h: number;
}

function box(el: HTMLElement, width: number, height: number): Box {
  return { el, w: widthOf(el, width), h: el.clientHeight || height };
}

/** One figure per chart, recreated only when the set or order of charts changes. */
function ensureChartFigures(defs: readonly ChartDef[]): void {
  const figures = $('charts');
  const ids = defs.map((d) => `fig-${d.id}`).join(',');
  if ([...figures.children].map((c) => c.id).join(',') !== ids) {
    figures.innerHTML = defs
      .map(
        (d) =>
          `<figure id="fig-${d.id}"><figcaption id="cap-${d.id}"></figcaption><div class="chart" id="chart-${d.id}" role="img" aria-labelledby="cap-${d.id}"></div></figure>`,
      )
      .join('');
  }
}

/** Chart captions (written only when they change). */
function renderCaptions(defs: readonly ChartDef[], lang: Lang): void {
  for (const def of defs) {
    const cap = $(`cap-${def.id}`);
    const note = def.note ? ` <span class="note">(${escapeXml(t(lang, def.note))})</span>` : '';
    const capHtml = `${escapeXml(chartTitle(def, lang))}${note}`;
    if (cap.innerHTML !== capHtml) cap.innerHTML = capHtml;
  }
}

function renderCharts(x: Explorer, tick: number, defs: readonly ChartDef[], boxes: readonly Box[]): void {
  const lang = x.page.lang;
  for (let i = 0; i < defs.length; i++) {
    const def = defs[i]!;
    const title = chartTitle(def, lang);
    const { el, w, h } = boxes[i]!;
    // Smaller type on small charts, so that the legend leaves room for the lines.
    const fs = Math.max(12, Math.min(17, Math.round(Math.min(w / 26, h / 11))));
    el.innerHTML = chartSvg(x, def, w, h, tick, fs);
    const f = valueFormat(def.format, lang);
    const values = slotsShown(x)
      .filter((s) => x.results[s])
      .flatMap((s) =>
        def.lines.map((l) => `${s} ${l.legend ? indicatorName(lang, l.ind) : ''} ${f(valueAt(x, s, l.ind, tick))}`.replace(/ +/g, ' ')),
      )
      .join('; ');
    el.setAttribute('aria-label', t(lang, 'chartAria', { title, w: tick, values }));
  }
}

function renderSummary(x: Explorer, tick: number): void {
  const lang = x.page.lang;
  const { num } = numbers(lang);
  const parts: string[] = [];
  for (const s of slotsShown(x)) {
    const r = x.results[s];
    if (!r) continue;
    const idxEnd = valueAt(x, s, 'transformationIndex', r.ticks - 1);
    const idxNow = valueAt(x, s, 'transformationIndex', tick);
    const n = r.reps.length;
    let turned: string;
    if (n === 1) {
      const tt = r.turnTicks[0] ?? null;
      turned = tt === null ? t(lang, 'notTurned') : t(lang, 'turnedAt', { w: tt, d: weekDate(r.startDate, tt) });
    } else {
      const k = r.turnTicks.filter((v) => v !== null).length;
      turned = t(lang, 'turnedShare', { k, n });
    }
    const ms = r.ms.reduce((a, b) => a + b, 0) / Math.max(1, r.ms.length);
    const bits = [
      t(lang, 'indexNowEnd', { now: num(idxNow, 2), end: num(idxEnd, 2) }),
      turned,
      ...(n > 1 ? [t(lang, 'medianOf', { n })] : []),
    ];
    const speed = x.page.mode === 'explore' ? ` <span class="help">(${escapeXml(t(lang, 'perRun', { ms: Math.round(ms) }))})</span>` : '';
    parts.push(
      `<div class="slot ${s === 'B' ? 'b' : 'a'}" title="${escapeXml(`${slotLabel(x, s)} · ${bits.join(' · ')}`)}"><strong>${escapeXml(slotLabel(x, s))}</strong> · ${escapeXml(bits.join(' · '))}${speed}</div>`,
    );
  }
  $('summary').innerHTML = parts.join('');
}

const icon = (d: string) =>
  `<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="${d}" fill="currentColor"/></svg>`;
const ICON_PLAY = icon('M3 1v14l12-7z');
const ICON_PAUSE = icon('M3 1h4v14H3zM9 1h4v14H9z');

function renderTime(x: Explorer, tick: number): void {
  const lang = x.page.lang;
  const time = $<HTMLInputElement>('time');
  time.max = String(maxTicks(x) - 1);
  time.value = String(tick);
  const label = t(lang, 'weekLabel', { w: tick, d: weekDate(startDate(x), tick) });
  $('time-out').textContent = label;
  time.setAttribute('aria-valuetext', label);
  $('play-icon').innerHTML = x.playback.playing ? ICON_PAUSE : ICON_PLAY;
  $('play-text').textContent = t(lang, x.playback.playing ? 'pause' : 'play');
  x.hook.cursor = tick;
}

/** Draw the page at the playback cursor; with `force` false, only if the week changed. */
export function render(x: Explorer, force = true): void {
  const tick = Math.floor(x.playback.cursor);
  if (!force && tick === x.playback.lastDrawn) return;
  x.playback.lastDrawn = tick;
  setSlotColours(slotColours(x));
  const defs = shownCharts(x);
  ensureChartFigures(defs);
  renderCaptions(defs, x.page.lang);
  // Every box is measured before any is drawn: a size read after a write forces the browser to lay
  // the page out again, once per chart and frame, which during playback took most of the main
  // thread (and, on two cores, time from the model's worker).
  const tanker = box($('tanker'), 1000, 370);
  const charts = defs.map((d) => box($(`chart-${d.id}`), 560, 250));
  renderTanker(x, tick, tanker);
  renderCharts(x, tick, defs, charts);
  renderSummary(x, tick);
  renderTime(x, tick);
}
