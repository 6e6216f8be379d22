/// <reference lib="dom" />
/**
 * The explorer page: controls, playback, the tanker and the charts. The model runs in a Web
 * Worker (worker.ts, started from a Blob so the page also works from file://); the page only
 * animates finished runs, so it never freezes.
 */
import { bandOf, decimalsFor, esc, type LegendItem, lineChart, type Series, SLOT_COLORS, weekDate } from './charts.js';
import {
  type BaseRef,
  BUILT_IN,
  decodeHash,
  defaultSlot,
  encodeHash,
  type Lang,
  MAX_REPLICATES,
  type PageState,
  PUSHES,
  type Push,
  type SlotConfig,
  SWITCHES,
} from './config.js';
import { fmt, isTextKey, pct, type TextKey, t } from './i18n.js';
import { LESSONS } from './lessons.js';
import { LIBRARY_INDEX } from './library-index.js';
import type { BaseSummary, Request, Response, Slot } from './protocol.js';
import { type Heading, tankerSvg } from './tanker.js';
import { WORKER_SOURCE } from './worker-source.js';

// ---------------------------------------------------------------- worker client

type Outcome<T> = { ok: true; value: T } | { ok: false; errors: readonly string[] };

interface SlotResult {
  readonly ticks: number;
  readonly startDate: string;
  readonly indicators: readonly string[];
  readonly reps: Float64Array[];
  readonly turnTicks: (number | null)[];
  readonly ms: number[];
  readonly cache: Map<string, Series>;
}

type Listener = (msg: Response) => boolean;

class Engine {
  private readonly worker: Worker;
  private next = 1;
  private readonly listeners = new Map<number, Listener>();

  constructor(onFatal: (message: string) => void) {
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    this.worker = new Worker(url);
    this.worker.onmessage = (e: MessageEvent<Response>) => {
      const l = this.listeners.get(e.data.id);
      if (l?.(e.data)) this.listeners.delete(e.data.id);
    };
    this.worker.onerror = (e) => onFatal(e.message || 'worker error');
  }

  private send(req: Request, listener: Listener): void {
    this.listeners.set(req.id, listener);
    this.worker.postMessage(req);
  }

  inspect(base: BaseRef): Promise<Outcome<BaseSummary>> {
    return new Promise((resolve) => {
      this.send({ type: 'inspect', id: this.next++, base }, (m) => {
        if (m.type === 'inspected') resolve({ ok: true, value: m.summary });
        else if (m.type === 'failed') resolve({ ok: false, errors: m.errors });
        return true;
      });
    });
  }

  run(slot: Slot, base: BaseRef, cfg: SlotConfig, replicates: number): Promise<Outcome<SlotResult>> {
    return new Promise((resolve) => {
      const reps: Float64Array[] = [];
      const turnTicks: (number | null)[] = [];
      const ms: number[] = [];
      let meta: { ticks: number; startDate: string; indicators: readonly string[] } | null = null;
      this.send({ type: 'run', id: this.next++, slot, base, cfg, replicates }, (m) => {
        if (m.type === 'replicate') {
          reps[m.rep] = m.data;
          turnTicks[m.rep] = m.turnTick;
          ms[m.rep] = m.ms;
          meta = { ticks: m.ticks, startDate: m.startDate, indicators: m.indicators };
          return false;
        }
        if (m.type === 'done' && meta) resolve({ ok: true, value: { ...meta, reps, turnTicks, ms, cache: new Map() } });
        else if (m.type === 'failed') resolve({ ok: false, errors: m.errors });
        else resolve({ ok: false, errors: ['no result'] });
        return true;
      });
    });
  }

  exportYaml(base: BaseRef, cfg: SlotConfig, note: string): Promise<Outcome<{ yaml: string; fileName: string }>> {
    return new Promise((resolve) => {
      this.send({ type: 'export', id: this.next++, base, cfg, note }, (m) => {
        if (m.type === 'exported') resolve({ ok: true, value: { yaml: m.yaml, fileName: m.fileName } });
        else if (m.type === 'failed') resolve({ ok: false, errors: m.errors });
        return true;
      });
    });
  }
}

// ---------------------------------------------------------------- charts

type Format = 'pct' | 'num' | 'int';

interface ChartLineDef {
  readonly ind: string;
  readonly dash: string | null;
  readonly width: number;
  readonly legend?: TextKey;
}

interface ChartDef {
  readonly id: string;
  readonly title: TextKey;
  readonly note?: TextKey;
  readonly lines: readonly ChartLineDef[];
  readonly format: Format;
  readonly yMax?: number;
  readonly threshold?: boolean;
}

const EXTRAS: Readonly<Record<string, Format>> = {
  signalReach: 'pct',
  policyPracticeGap: 'pct',
  documentsNPG: 'pct',
  coCreationActual: 'pct',
  coCreationReported: 'pct',
  routines: 'int',
  participationRate: 'pct',
  trustPoliticiansAdministration: 'num',
  politicalBacking: 'num',
  freeTime: 'num',
};
const EXTRA_IDS = Object.keys(EXTRAS);

function chartDefs(): ChartDef[] {
  const defs = allChartDefs();
  // In a lesson, the chart its questions point at comes first, next to the tanker.
  return lesson() ? [defs[defs.length - 1]!, ...defs.slice(0, -1)] : defs;
}

function allChartDefs(): ChartDef[] {
  const extra = st.extra;
  return [
    { id: 'index', title: 'chIndex', lines: [{ ind: 'transformationIndex', dash: null, width: 4 }], format: 'num', threshold: true },
    {
      id: 'logic',
      title: 'chLogic',
      lines: [
        { ind: 'practiceNPG', dash: null, width: 4, legend: 'NPG' },
        { ind: 'practiceNPM', dash: '11 6', width: 3, legend: 'NPM' },
        { ind: 'practiceOA', dash: '2 6', width: 4, legend: 'OA' },
      ],
      format: 'pct',
      yMax: 1,
    },
    { id: 'cross', title: 'chCross', note: 'chCrossNote', lines: [{ ind: 'crossSiloShare', dash: null, width: 3 }], format: 'pct' },
    {
      id: 'trust',
      title: 'chTrust',
      lines: [
        { ind: 'trustStaffManagement', dash: null, width: 4, legend: 'trustStaff' },
        { ind: 'trustCitizens', dash: '11 6', width: 3, legend: 'trustCitizens' },
      ],
      format: 'num',
      yMax: 1,
    },
    { id: 'burnout', title: 'chBurnout', lines: [{ ind: 'burnout', dash: null, width: 4 }], format: 'num' },
    {
      id: 'extra',
      title: isTextKey(extra) ? extra : 'signalReach',
      lines: [{ ind: extra, dash: null, width: 4 }],
      format: EXTRAS[extra] ?? 'num',
    },
  ];
}

/** Tick labels with as many decimals as the tick step needs; values (step 0) with a fixed number. */
function formatter(f: Format): (v: number, step?: number) => string {
  const lang = st.lang;
  if (f === 'pct') return (v, step) => `${fmt(lang, 100 * v, step ? decimalsFor(100 * step) : 1)} %`;
  if (f === 'int') return (v) => fmt(lang, v, 0);
  return (v, step) => fmt(lang, v, step ? Math.max(1, decimalsFor(step)) : 2);
}

function seriesOf(r: SlotResult, ind: string): Series | null {
  const hit = r.cache.get(ind);
  if (hit) return hit;
  const col = r.indicators.indexOf(ind);
  if (col < 0) return null;
  const s = bandOf(r.reps, col, r.indicators.length, r.ticks);
  r.cache.set(ind, s);
  return s;
}

// ---------------------------------------------------------------- state

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
};

const DEFAULT_BASE = LIBRARY_INDEX.some((e) => e.id === 'baseline.yaml') ? 'baseline.yaml' : BUILT_IN;
let st: PageState = decodeHash(location.hash, DEFAULT_BASE, EXTRA_IDS);
const summaries: Partial<Record<Slot, BaseSummary>> = {};
let results: Partial<Record<Slot, SlotResult>> = {};
let editing: Slot = 'A';
let cursor = 0;
let playing = false;
let lastFrame = 0;
let running = false;
let pending: { replay: boolean } | null = null;
let runTimer: number | undefined;
let timerPending = false;
let engine: Engine;

interface HookSlot {
  final: Record<string, number>;
  medianFinal: Record<string, number>;
  ms: number[];
  turnTick: number | null;
  replicates: number;
}
interface Hook {
  status: 'starting' | 'running' | 'done' | 'error';
  runCount: number;
  errors: readonly string[];
  cursor: number;
  results: Partial<Record<Slot, HookSlot>>;
}
declare global {
  interface Window {
    /** Read-only view of the page state, for end-to-end tests and the curious. */
    tankerExplorer: Hook;
  }
}
const hook: Hook = { status: 'starting', runCount: 0, errors: [], cursor: 0, results: {} };
window.tankerExplorer = hook;

const slotsShown = (): Slot[] => (st.compare ? ['A', 'B'] : ['A']);
const cfgOf = (s: Slot): SlotConfig => (s === 'A' ? st.a : st.b);

function knownBase(id: string): boolean {
  return id === BUILT_IN || id === 'file' || LIBRARY_INDEX.some((e) => e.id === id);
}

function baseRef(s: Slot): BaseRef {
  const cfg = cfgOf(s);
  const file = s === 'A' ? st.fileA : st.fileB;
  if (cfg.base === 'file' && file) return { text: file.text, fileName: file.fileName };
  return { library: knownBase(cfg.base) && cfg.base !== 'file' ? cfg.base : DEFAULT_BASE };
}

const lesson = () => (st.mode === 'teach' && st.lesson !== null ? (LESSONS[st.lesson] ?? null) : null);

function slotLabel(s: Slot): string {
  const l = lesson();
  if (l) return `${s}: ${(s === 'A' ? l.labelA : l.labelB)[st.lang]}`;
  const cfg = cfgOf(s);
  const sum = summaries[s];
  const bits: string[] = [];
  if (cfg.push !== 'none') bits.push(t(st.lang, cfg.push === 'top' ? 'pushTop' : cfg.push === 'tugboats' ? 'pushTug' : 'pushBoth'));
  for (const [k] of SWITCHES) if (cfg[k]) bits.push(t(st.lang, k));
  if (cfg.layers !== null) bits.push(`${cfg.layers} ${t(st.lang, 'layers').toLowerCase()}`);
  if (cfg.silo !== null) bits.push(`${t(st.lang, 'silo').toLowerCase()} ${fmt(st.lang, cfg.silo)}`);
  if (cfg.matrix !== null) bits.push(`${t(st.lang, 'matrix').toLowerCase()} ${fmt(st.lang, cfg.matrix)}`);
  const label = `${s}: ${sum?.name ?? cfg.base}${bits.length ? ` + ${bits.join(', ')}` : ''}`;
  return label.length > 90 ? `${label.slice(0, 89)}…` : label;
}

// ---------------------------------------------------------------- rendering

function widthOf(el: HTMLElement, fallback: number): number {
  const w = el.clientWidth;
  return w > 50 ? Math.floor(w) : fallback;
}

function maxTicks(): number {
  let n = 0;
  for (const s of slotsShown()) n = Math.max(n, results[s]?.ticks ?? 0);
  return n || (summaries.A?.horizon ?? 260);
}

function startDate(): string {
  return results.A?.startDate ?? summaries.A?.startDate ?? '2026-01-05';
}

function valueAt(s: Slot, ind: string, tick: number): number {
  const r = results[s];
  if (!r) return Number.NaN;
  const ser = seriesOf(r, ind);
  return ser ? (ser.mid[Math.min(tick, r.ticks - 1)] ?? Number.NaN) : Number.NaN;
}

function tankerText() {
  const lang = st.lang;
  return {
    oldCourse: t(lang, 'oldCourse'),
    newCourse: t(lang, 'newCourse'),
    documents: t(lang, 'documents'),
    practice: t(lang, 'practice'),
    gap: (v: string) => t(lang, 'gap', { v }),
    percent: (v: number) => pct(lang, v),
    unit: t(lang, 'npgShare').split('|'),
    title: t(lang, 'tankerTitle'),
  };
}

function headings(tick: number): Heading[] {
  return slotsShown()
    .filter((s) => results[s])
    .map((s) => ({
      label: slotLabel(s),
      color: SLOT_COLORS[s],
      documents: valueAt(s, 'documentsNPG', tick),
      practice: valueAt(s, 'practiceNPG', tick),
      practice0: valueAt(s, 'practiceNPG', 0),
    }));
}

function renderTanker(tick: number): void {
  const el = $('tanker');
  const hs = headings(tick);
  el.innerHTML = hs.length > 0 ? tankerSvg(widthOf(el, 1000), el.clientHeight || 370, hs, tankerText()) : '';
  el.setAttribute(
    'aria-label',
    hs
      .map((h) =>
        t(st.lang, 'tankerAria', {
          slot: h.label,
          d: fmt(st.lang, 100 * h.documents, 0),
          p: fmt(st.lang, 100 * h.practice, 0),
          g: fmt(st.lang, 100 * (h.documents - h.practice), 0),
          w: tick,
        }),
      )
      .join(' '),
  );
}

function chartSvg(def: ChartDef, width: number, height: number, tick: number, fontSize = 17): string {
  const lines = [];
  for (const s of slotsShown()) {
    const r = results[s];
    if (!r) continue;
    for (const l of def.lines) {
      const ser = seriesOf(r, l.ind);
      if (ser) lines.push({ name: `${s}:${l.ind}`, color: SLOT_COLORS[s], dash: l.dash, width: l.width, series: ser });
    }
  }
  const slots: LegendItem[] = st.compare
    ? slotsShown()
        .filter((s) => results[s])
        .map((s) => ({ label: s, color: SLOT_COLORS[s], dash: null, width: 6 }))
    : [];
  const styles: LegendItem[] = def.lines
    .filter((l) => l.legend)
    .map((l) => ({ label: t(st.lang, l.legend!), dash: l.dash, width: l.width }));
  const legend = [...slots, ...styles];
  const threshold = def.threshold ? (summaries.A?.turnThreshold ?? 0.45) : null;
  return lineChart({
    width,
    height,
    ticks: maxTicks(),
    upTo: tick,
    startDate: startDate(),
    lines,
    ...(def.yMax !== undefined ? { yMax: def.yMax } : {}),
    format: formatter(def.format),
    threshold: threshold === null ? null : { value: threshold, label: `${t(st.lang, 'threshold')} (${fmt(st.lang, threshold)})` },
    legend,
    fontSize,
    title: t(st.lang, def.title),
  });
}

function ensureChartFigures(): void {
  const box = $('charts');
  const defs = chartDefs();
  const ids = defs.map((d) => `fig-${d.id}`).join(',');
  if ([...box.children].map((c) => c.id).join(',') !== ids) {
    box.innerHTML = defs
      .map(
        (d) =>
          `<figure id="fig-${d.id}"><figcaption id="cap-${d.id}"></figcaption><div class="chart" id="chart-${d.id}" role="img" aria-labelledby="cap-${d.id}"></div></figure>`,
      )
      .join('');
  }
}

function renderCharts(tick: number): void {
  ensureChartFigures();
  for (const def of chartDefs()) {
    const cap = $(`cap-${def.id}`);
    const note = def.note ? ` <span class="note">(${esc(t(st.lang, def.note))})</span>` : '';
    const capHtml = `${esc(t(st.lang, def.title))}${note}`;
    if (cap.innerHTML !== capHtml) cap.innerHTML = capHtml;
    const el = $(`chart-${def.id}`);
    el.innerHTML = chartSvg(def, widthOf(el, 560), el.clientHeight || 250, tick);
    const f = formatter(def.format);
    const values = slotsShown()
      .filter((s) => results[s])
      .flatMap((s) =>
        def.lines.map((l) => `${s} ${l.legend ? t(st.lang, l.legend) : ''} ${f(valueAt(s, l.ind, tick))}`.replace(/ +/g, ' ')),
      )
      .join('; ');
    el.setAttribute('aria-label', t(st.lang, 'chartAria', { title: t(st.lang, def.title), w: tick, values }));
  }
}

function renderSummary(tick: number): void {
  const lang = st.lang;
  const parts: string[] = [];
  for (const s of slotsShown()) {
    const r = results[s];
    if (!r) continue;
    const last = r.ticks - 1;
    const idxEnd = valueAt(s, 'transformationIndex', last);
    const idxNow = valueAt(s, 'transformationIndex', tick);
    const n = r.reps.length;
    let turned: string;
    if (n === 1) {
      const tt = r.turnTicks[0] ?? null;
      turned = tt === null ? t(lang, 'notTurned') : t(lang, 'turnedAt', { w: tt, d: weekDate(r.startDate, tt) });
    } else {
      const k = r.turnTicks.filter((x) => x !== null).length;
      turned = t(lang, 'turnedShare', { k, n });
    }
    const ms = r.ms.reduce((a, b) => a + b, 0) / Math.max(1, r.ms.length);
    const bits = [
      t(lang, 'indexNowEnd', { now: fmt(lang, idxNow), end: fmt(lang, idxEnd) }),
      turned,
      ...(n > 1 ? [t(lang, 'medianOf', { n })] : []),
    ];
    const speed = st.mode === 'explore' ? ` <span class="help">(${esc(t(lang, 'perRun', { ms: Math.round(ms) }))})</span>` : '';
    parts.push(`<div class="slot ${s === 'B' ? 'b' : 'a'}"><strong>${esc(slotLabel(s))}</strong> · ${esc(bits.join(' · '))}${speed}</div>`);
  }
  $('summary').innerHTML = parts.join('');
}

function renderTime(tick: number): void {
  const ticks = maxTicks();
  const time = $<HTMLInputElement>('time');
  time.max = String(ticks - 1);
  time.value = String(tick);
  const label = t(st.lang, 'weekLabel', { w: tick, d: weekDate(startDate(), tick) });
  $('time-out').textContent = label;
  time.setAttribute('aria-valuetext', label);
  $('play-icon').innerHTML = playing ? ICON_PAUSE : ICON_PLAY;
  $('play-text').textContent = t(st.lang, playing ? 'pause' : 'play');
  hook.cursor = tick;
}

const icon = (d: string) =>
  `<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="${d}" fill="currentColor"/></svg>`;
const ICON_PLAY = icon('M3 1v14l12-7z');
const ICON_PAUSE = icon('M3 1h4v14H3zM9 1h4v14H9z');

let lastDrawn = -1;
function render(force = true): void {
  const tick = Math.floor(cursor);
  if (!force && tick === lastDrawn) return;
  lastDrawn = tick;
  renderTanker(tick);
  renderCharts(tick);
  renderSummary(tick);
  renderTime(tick);
}

// ---------------------------------------------------------------- playback

function speedSeconds(): number {
  return Number($<HTMLSelectElement>('speed').value) || 6;
}

function frame(now: number): void {
  if (!playing) return;
  const dt = Math.min(100, now - lastFrame);
  lastFrame = now;
  const ticks = maxTicks();
  cursor += (dt / 1000) * (ticks / speedSeconds());
  if (cursor >= ticks - 1) {
    cursor = ticks - 1;
    playing = false;
  }
  render(!playing);
  if (playing) requestAnimationFrame(frame);
}

function play(): void {
  if (cursor >= maxTicks() - 1) cursor = 0;
  playing = true;
  lastFrame = performance.now(); // clock-ok: animation frame timing
  render();
  requestAnimationFrame(frame);
}

function pause(): void {
  playing = false;
  render();
}

function seek(tick: number): void {
  playing = false;
  cursor = Math.max(0, Math.min(maxTicks() - 1, Math.round(tick)));
  render();
}

// ---------------------------------------------------------------- running

function showErrors(errors: readonly string[]): void {
  const box = $('errors');
  if (errors.length === 0) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  box.hidden = false;
  box.textContent = `${t(st.lang, 'errors')}\n${errors.join('\n')}`;
}

function setStatus(text: string): void {
  $('status').textContent = text;
}

function hookSlot(r: SlotResult): HookSlot {
  const W = r.indicators.length;
  const last = r.ticks - 1;
  const final: Record<string, number> = {};
  const medianFinal: Record<string, number> = {};
  r.indicators.forEach((name, c) => {
    final[name] = r.reps[0]![last * W + c]!;
    medianFinal[name] = seriesOf(r, name)?.mid[last] ?? Number.NaN;
  });
  return { final, medianFinal, ms: [...r.ms], turnTick: r.turnTicks[0] ?? null, replicates: r.reps.length };
}

async function runAll(replay: boolean): Promise<void> {
  if (running) {
    pending = { replay: (pending?.replay ?? false) || replay };
    return;
  }
  running = true;
  hook.status = 'running';
  setStatus(t(st.lang, 'running'));
  const slots = slotsShown();
  const outs = await Promise.all(slots.map((s) => engine.run(s, baseRef(s), cfgOf(s), st.replicates)));
  const errors = outs.flatMap((o, i) => (o.ok ? [] : o.errors.map((e) => `${slots[i]}: ${e}`)));
  if (errors.length > 0) {
    showErrors(errors);
    hook.status = pending || timerPending ? 'running' : 'error';
    hook.errors = errors;
    setStatus('');
  } else {
    showErrors([]);
    const next: Partial<Record<Slot, SlotResult>> = {};
    outs.forEach((o, i) => {
      if (o.ok) next[slots[i]!] = o.value;
    });
    results = next;
    hook.results = Object.fromEntries(Object.entries(next).map(([s, r]) => [s, hookSlot(r)]));
    const all = Object.values(next).flatMap((r) => r.ms);
    setStatus(t(st.lang, 'doneStatus', { n: all.length, ms: Math.round(all.reduce((a, b) => a + b, 0)) }));
    hook.errors = [];
    hook.runCount++;
  }
  running = false;
  if (errors.length === 0) hook.status = pending || timerPending ? 'running' : 'done';
  if (replay && errors.length === 0) {
    cursor = 0;
    play();
  } else {
    cursor = Math.min(cursor, maxTicks() - 1);
    render();
  }
  if (pending) {
    const p = pending;
    pending = null;
    void runAll(p.replay);
  }
}

/** After a change of a control: recompute soon, keep the playback position. */
function scheduleRun(): void {
  window.clearTimeout(runTimer);
  timerPending = true;
  hook.status = 'running';
  runTimer = window.setTimeout(() => {
    timerPending = false;
    void runAll(false);
  }, 250);
}

function saveHash(): void {
  const hash = encodeHash(st);
  history.replaceState(null, '', `#${hash}`);
  $<HTMLInputElement>('link').value = location.href;
}

async function inspect(s: Slot): Promise<boolean> {
  const r = await engine.inspect(baseRef(s));
  if (r.ok) {
    summaries[s] = r.value;
    return true;
  }
  showErrors(r.errors.map((e) => `${s}: ${e}`));
  return false;
}

// ---------------------------------------------------------------- controls

function option(value: string, text: string, selected = false): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  o.selected = selected;
  return o;
}

function fillBaseSelect(): void {
  const sel = $<HTMLSelectElement>('base');
  const cfg = cfgOf(editing);
  sel.replaceChildren();
  sel.append(option(BUILT_IN, t(st.lang, 'builtIn')));
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const e of LIBRARY_INDEX) {
    const folder = e.id.includes('/') ? e.id.slice(0, e.id.lastIndexOf('/')) : t(st.lang, 'libraryTop');
    let g = groups.get(folder);
    if (!g) {
      g = document.createElement('optgroup');
      g.label = folder;
      groups.set(folder, g);
      sel.append(g);
    }
    g.append(
      option(
        e.id,
        e.name ===
          e.id
            .replace(/\.(ya?ml|json)$/i, '')
            .split('/')
            .pop()
          ? e.name
          : `${e.name} (${e.id})`,
      ),
    );
  }
  const file = editing === 'A' ? st.fileA : st.fileB;
  if (file) sel.append(option('file', t(st.lang, 'loadedFile', { name: file.fileName })));
  sel.value = cfg.base === 'file' && !file ? DEFAULT_BASE : cfg.base;
}

function fillStaticSelects(): void {
  const extra = $<HTMLSelectElement>('extra');
  extra.replaceChildren(...EXTRA_IDS.map((id) => option(id, isTextKey(id) ? t(st.lang, id) : id)));
  extra.value = st.extra;
}

function sizeName(size: string): string {
  return t(st.lang, size === 'small' ? 'sizeSmall' : size === 'large' ? 'sizeLarge' : 'sizeMedium');
}

function syncControls(): void {
  const cfg = cfgOf(editing);
  const sum = summaries[editing];
  const lang = st.lang;
  $<HTMLInputElement>('compare').checked = st.compare;
  $('slot-pick').hidden = !st.compare;
  $('copy-ab').hidden = !st.compare;
  $('export-yaml-b').hidden = !st.compare;
  $<HTMLInputElement>(editing === 'A' ? 'slot-a' : 'slot-b').checked = true;
  $('config').style.borderLeft = st.compare ? `8px solid ${SLOT_COLORS[editing]}` : '';
  $('config').style.paddingLeft = st.compare ? '0.6rem' : '';
  fillBaseSelect();
  const info: string[] = [];
  if (sum) {
    if (sum.description) info.push(sum.description);
    info.push(t(lang, 'baseInfo', { size: sizeName(sum.size), weeks: sum.horizon, start: sum.startDate }));
    if (sum.interventions.length > 0) info.push(t(lang, 'baseLevers', { list: sum.interventions.join(', ') }));
    if (sum.hasSweep) info.push(t(lang, 'baseSweep'));
  }
  $('base-info').textContent = info.join(' ');
  const slider = (id: 'silo' | 'matrix', v: number | null, base: number | undefined) => {
    const shown = v ?? base ?? 0;
    $<HTMLInputElement>(id).value = String(shown);
    const note = v !== null && base !== undefined ? ` (${t(lang, 'scenarioValue', { v: fmt(lang, base) })})` : '';
    $(`${id}-out`).textContent = `${fmt(lang, shown)}${note}`;
  };
  slider('silo', cfg.silo, sum?.siloStrength);
  slider('matrix', cfg.matrix, sum?.matrixDegree);
  const layers = $<HTMLSelectElement>('layers');
  const range = sum ? (sum.layersMin === sum.layersMax ? `${sum.layersMin}` : `${sum.layersMin}–${sum.layersMax}`) : '?';
  layers.replaceChildren(option('', t(lang, 'asScenario', { v: range })), ...[2, 3, 4, 5].map((n) => option(String(n), String(n))));
  layers.value = cfg.layers === null ? '' : String(cfg.layers);
  for (const p of PUSHES) $<HTMLInputElement>(`push-${p}`).checked = cfg.push === p;
  for (const [k] of SWITCHES) $<HTMLInputElement>(k).checked = cfg[k];
  const start = $<HTMLInputElement>('leverStart');
  const horizon = sum?.horizon ?? 260;
  start.max = String(horizon - 1);
  start.value = String(Math.min(cfg.leverStart, horizon - 1));
  const w = Math.min(cfg.leverStart, horizon - 1);
  $('leverStart-out').textContent = t(lang, 'weekDate', { w, d: weekDate(sum?.startDate ?? '2026-01-05', w) });
  $<HTMLInputElement>('elections').checked = cfg.elections ?? sum?.elections ?? true;
  const seed = $<HTMLInputElement>('seed');
  if (document.activeElement !== seed) seed.value = cfg.seed ?? sum?.seed ?? '';
  $<HTMLInputElement>('replicates').value = String(st.replicates);
  $<HTMLSelectElement>('extra').value = st.extra;
}

function applyLang(): void {
  document.documentElement.lang = st.lang;
  document.title = t(st.lang, 'pageTitle');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n ?? '';
    if (isTextKey(key)) el.textContent = t(st.lang, key);
  }
  $('charts').setAttribute('aria-label', t(st.lang, 'chIndex'));
  $('lang-nb').setAttribute('aria-pressed', String(st.lang === 'nb'));
  $('lang-en').setAttribute('aria-pressed', String(st.lang === 'en'));
  fillStaticSelects();
}

function applyMode(): void {
  const teach = st.mode === 'teach';
  $('teach-panel').hidden = !teach;
  $('explore-panel').hidden = teach;
  $('mode-teach').setAttribute('aria-pressed', String(teach));
  $('mode-explore').setAttribute('aria-pressed', String(!teach));
  renderLessonPanel();
}

function renderLessonPanel(): void {
  const lang = st.lang;
  $('lesson-list').innerHTML = LESSONS.map(
    (l, i) =>
      `<button type="button" data-lesson="${i}" aria-pressed="${st.lesson === i}">${esc(t(lang, 'lessonN', { n: i + 1 }))}: ${esc(l.title[lang])}</button>`,
  ).join('');
  const l = lesson();
  const art = $('lesson');
  if (!l) {
    art.innerHTML = `<p>${esc(t(lang, 'chooseLesson'))}</p>`;
    return;
  }
  art.innerHTML = [
    `<h2>${esc(l.title[lang])}</h2>`,
    `<p>${esc(l.intro[lang])}</p>`,
    `<div class="pair"><span class="a">A: ${esc(l.labelA[lang])}</span><span class="b">B: ${esc(l.labelB[lang])}</span></div>`,
    `<h3>${esc(t(lang, 'lookFor'))}</h3>`,
    `<ul>${l.lookFor[lang].map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`,
    `<h3>${esc(t(lang, 'discuss'))}</h3>`,
    `<p>${esc(l.discuss[lang])}</p>`,
    `<div class="actions"><button type="button" id="lesson-replay" class="primary">${esc(t(lang, 'replay'))}</button>`,
    `<button type="button" id="lesson-explore">${esc(t(lang, 'toExplore'))}</button></div>`,
  ].join('');
}

async function applyLesson(i: number): Promise<void> {
  const l = LESSONS[i];
  if (!l) return;
  st.mode = 'teach';
  st.lesson = i;
  st.compare = true;
  st.extra = l.extra;
  st.a = { ...defaultSlot(DEFAULT_BASE), ...l.a };
  st.b = { ...defaultSlot(DEFAULT_BASE), ...l.b };
  editing = 'A';
  applyMode();
  fillStaticSelects();
  saveHash();
  await Promise.all([inspect('A'), inspect('B')]);
  syncControls();
  await runAll(true);
}

function onChanged(): void {
  if (st.mode === 'explore') st.lesson = null;
  saveHash();
  syncControls();
  scheduleRun();
}

function wire(): void {
  $('mode-explore').addEventListener('click', () => {
    st.mode = 'explore';
    applyMode();
    saveHash();
    render();
  });
  $('mode-teach').addEventListener('click', () => {
    st.mode = 'teach';
    applyMode();
    saveHash();
    render();
  });
  const setLang = (lang: Lang) => {
    st.lang = lang;
    applyLang();
    applyMode();
    syncControls();
    saveHash();
    render();
  };
  $('lang-nb').addEventListener('click', () => setLang('nb'));
  $('lang-en').addEventListener('click', () => setLang('en'));
  $('lesson-list').addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLElement>('[data-lesson]');
    if (b) void applyLesson(Number(b.dataset.lesson));
  });
  $('lesson').addEventListener('click', (e) => {
    const id = (e.target as HTMLElement).id;
    if (id === 'lesson-replay') play();
    if (id === 'lesson-explore') {
      st.mode = 'explore';
      applyMode();
      syncControls();
      saveHash();
      render();
    }
  });
  $('compare').addEventListener('change', async (e) => {
    st.compare = (e.target as HTMLInputElement).checked;
    if (st.compare && !summaries.B) {
      st.b = { ...st.a };
      st.fileB = st.fileA;
      await inspect('B');
    }
    if (!st.compare) editing = 'A';
    onChanged();
  });
  for (const s of ['A', 'B'] as const)
    $(s === 'A' ? 'slot-a' : 'slot-b').addEventListener('change', () => {
      editing = s;
      syncControls();
    });
  $('copy-ab').addEventListener('click', () => {
    st.b = { ...st.a };
    st.fileB = st.fileA;
    if (summaries.A) summaries.B = summaries.A;
    onChanged();
  });
  $('base').addEventListener('change', async (e) => {
    hook.status = 'running';
    cfgOf(editing).base = (e.target as HTMLSelectElement).value;
    await inspect(editing);
    onChanged();
  });
  $('file').addEventListener('change', async (e) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (!f) return;
    hook.status = 'running';
    const file = { text: await f.text(), fileName: f.name };
    if (editing === 'A') st.fileA = file;
    else st.fileB = file;
    cfgOf(editing).base = 'file';
    if (await inspect(editing)) showErrors([]);
    onChanged();
  });
  const onSlider = (id: 'silo' | 'matrix', key: 'silo' | 'matrix', baseKey: 'siloStrength' | 'matrixDegree') => {
    $(id).addEventListener('input', (e) => {
      const v = Number((e.target as HTMLInputElement).value);
      const base = summaries[editing]?.[baseKey];
      cfgOf(editing)[key] = base !== undefined && Math.abs(v - base) < 1e-9 ? null : v;
      onChanged();
    });
  };
  onSlider('silo', 'silo', 'siloStrength');
  onSlider('matrix', 'matrix', 'matrixDegree');
  $('layers').addEventListener('change', (e) => {
    const v = (e.target as HTMLSelectElement).value;
    cfgOf(editing).layers = v === '' ? null : Number(v);
    onChanged();
  });
  for (const p of PUSHES)
    $(`push-${p}`).addEventListener('change', () => {
      cfgOf(editing).push = p as Push;
      onChanged();
    });
  for (const [k] of SWITCHES)
    $(k).addEventListener('change', (e) => {
      cfgOf(editing)[k] = (e.target as HTMLInputElement).checked;
      onChanged();
    });
  $('leverStart').addEventListener('input', (e) => {
    cfgOf(editing).leverStart = Number((e.target as HTMLInputElement).value);
    onChanged();
  });
  $('elections').addEventListener('change', (e) => {
    const v = (e.target as HTMLInputElement).checked;
    cfgOf(editing).elections = v === summaries[editing]?.elections ? null : v;
    onChanged();
  });
  $('seed').addEventListener('change', (e) => {
    const v = (e.target as HTMLInputElement).value.trim();
    cfgOf(editing).seed = v === '' || v === summaries[editing]?.seed ? null : v;
    onChanged();
  });
  $('replicates').addEventListener('change', (e) => {
    const v = Math.round(Number((e.target as HTMLInputElement).value));
    st.replicates = Number.isFinite(v) ? Math.max(1, Math.min(MAX_REPLICATES, v)) : 1;
    onChanged();
  });
  $('extra').addEventListener('change', (e) => {
    st.extra = (e.target as HTMLSelectElement).value;
    saveHash();
    render();
  });
  $('reset').addEventListener('click', () => {
    const base = cfgOf(editing).base;
    if (editing === 'A') st.a = defaultSlot(base);
    else st.b = defaultSlot(base);
    onChanged();
  });
  $('config').addEventListener('submit', (e) => {
    e.preventDefault();
    window.clearTimeout(runTimer);
    timerPending = false;
    void runAll(true);
  });
  // Playback.
  $('play').addEventListener('click', () => (playing ? pause() : play()));
  $('step-back').addEventListener('click', () => seek(Math.floor(cursor) - 4));
  $('step-fwd').addEventListener('click', () => seek(Math.floor(cursor) + 4));
  $('to-start').addEventListener('click', () => seek(0));
  $('to-end').addEventListener('click', () => seek(maxTicks() - 1));
  $('time').addEventListener('input', (e) => seek(Number((e.target as HTMLInputElement).value)));
  document.addEventListener('keydown', (e) => {
    const tag = (e.target as HTMLElement).tagName;
    if (['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(tag) || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === ' ') {
      e.preventDefault();
      if (playing) pause();
      else play();
    } else if (e.key === 'Home') seek(0);
    else if (e.key === 'End') seek(maxTicks() - 1);
    else if (e.key === 'ArrowLeft') seek(Math.floor(cursor) - 1);
    else if (e.key === 'ArrowRight') seek(Math.floor(cursor) + 1);
  });
  // Share and export.
  $('copy-link').addEventListener('click', async () => {
    saveHash();
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus(t(st.lang, 'linkCopied'));
    } catch {
      $<HTMLInputElement>('link').select();
      setStatus(t(st.lang, 'linkSelect'));
    }
  });
  $('export-svg').addEventListener('click', () => {
    const fig = figure();
    download(new Blob([fig.svg], { type: 'image/svg+xml' }), 'tanker-charts.svg');
  });
  $('export-png').addEventListener('click', async () => {
    const fig = figure();
    download(await svgToPng(fig.svg, fig.width, fig.height), 'tanker-charts.png');
  });
  for (const s of ['A', 'B'] as const)
    $(s === 'A' ? 'export-yaml-a' : 'export-yaml-b').addEventListener('click', async () => {
      const r = await engine.exportYaml(baseRef(s), cfgOf(s), st.compare ? `configuration ${s}` : '');
      if (!r.ok) showErrors(r.errors);
      else download(new Blob([r.value.yaml], { type: 'text/yaml' }), r.value.fileName);
    });
  window.addEventListener('hashchange', () => void restoreFromHash());
  new ResizeObserver(() => render()).observe($('main'));
}

// ---------------------------------------------------------------- export

function figure(): { svg: string; width: number; height: number } {
  const W = 1600;
  const tick = Math.floor(cursor);
  const tankerH = 420;
  const cols = 3;
  const cw = Math.floor((W - 40 - (cols - 1) * 20) / cols);
  const ch = 300;
  const capH = 36;
  const defs = chartDefs();
  const rows = Math.ceil(defs.length / cols);
  const top = 110;
  const H = top + tankerH + rows * (capH + ch + 16) + 40;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="'DejaVu Sans', Verdana, sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="20" y="40" font-size="30" font-weight="bold" fill="#111">${esc(t(st.lang, 'title'))} · ${esc(t(st.lang, 'weekLabel', { w: tick, d: weekDate(startDate(), tick) }))}</text>`,
  ];
  slotsShown()
    .filter((s) => results[s])
    .forEach((s, i) => {
      parts.push(`<rect x="${20 + i * 780}" y="62" width="36" height="14" rx="4" fill="${SLOT_COLORS[s]}"/>`);
      parts.push(`<text x="${64 + i * 780}" y="76" font-size="20" fill="#111">${esc(slotLabel(s))}</text>`);
    });
  const nest = (svg: string, x: number, y: number) => svg.replace('<svg ', `<svg x="${x}" y="${y}" `);
  const hs = headings(tick);
  if (hs.length > 0) parts.push(nest(tankerSvg(W - 40, tankerH, hs, tankerText()), 20, top - 10));
  defs.forEach((d, i) => {
    const x = 20 + (i % cols) * (cw + 20);
    const y = top + tankerH + Math.floor(i / cols) * (capH + ch + 16);
    parts.push(`<text x="${x}" y="${y + 26}" font-size="22" font-weight="bold" fill="#111">${esc(t(st.lang, d.title))}</text>`);
    parts.push(nest(chartSvg(d, cw, ch, tick), x, y + capH));
  });
  parts.push(`<text x="20" y="${H - 14}" font-size="16" fill="#444">${esc(t(st.lang, 'caveat'))}</text>`);
  parts.push('</svg>');
  return { svg: parts.join(''), width: W, height: H };
}

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

function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}

// ---------------------------------------------------------------- start

async function restoreFromHash(): Promise<void> {
  if (`#${encodeHash(st)}` === location.hash) return;
  st = decodeHash(location.hash, DEFAULT_BASE, EXTRA_IDS);
  await start();
}

async function start(): Promise<void> {
  for (const s of ['A', 'B'] as const) if (!knownBase(cfgOf(s).base)) cfgOf(s).base = DEFAULT_BASE;
  editing = 'A';
  applyLang();
  applyMode();
  if (st.mode === 'teach' && lesson()) {
    await applyLesson(st.lesson!);
    return;
  }
  const ok = await Promise.all(slotsShown().map((s) => inspect(s)));
  syncControls();
  saveHash();
  if (ok.every(Boolean)) await runAll(true);
  else hook.status = 'error';
}

function boot(): void {
  try {
    engine = new Engine((message) => {
      hook.status = 'error';
      hook.errors = [message];
      showErrors([t(st.lang, 'workerFailed', { e: message })]);
    });
  } catch (e) {
    hook.status = 'error';
    showErrors([t(st.lang, 'workerFailed', { e: e instanceof Error ? e.message : String(e) })]);
    return;
  }
  wire();
  void start();
}

boot();
