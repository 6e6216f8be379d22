/// <reference lib="dom" />
/**
 * The settings form of explore mode: filling it from the state (the slot being edited and what the
 * worker said about its base scenario), the page's texts in the chosen language, and the events of
 * every control, each of which updates the state, the URL and schedules a run.
 */
import { exactDecimals } from '../engine/format.js';
import { indicatorName, type Lang, leverName, numbers } from '../report/names.js';
import { syncPackage, wireBuilder } from './builder.js';
import { EXTRA_IDS } from './chart-defs.js';
import { BUILT_IN, copySlot, defaultSlot, MAX_REPLICATES } from './config.js';
import { $, option } from './dom.js';
import { isTextKey, t } from './i18n.js';
import { LIBRARY_INDEX } from './library-index.js';
import { inspect, runNow, saveHash, scheduleRun, settleRun, showErrors } from './runs.js';
import { BAND_PERCENT } from './series.js';
import { cfgOf, DEFAULT_BASE, type Explorer } from './state.js';
import { render, slotColours } from './view.js';

function fillBaseSelect(x: Explorer): void {
  const lang = x.page.lang;
  const sel = $<HTMLSelectElement>('base');
  const cfg = cfgOf(x, x.editing);
  const file = x.editing === 'A' ? x.page.fileA : x.page.fileB;
  // The entries depend only on the language and the loaded file: rebuilt when those change, not at
  // every move of a slider (56 entries took several milliseconds before each run started).
  const key = `${lang}|${file?.fileName ?? ''}`;
  if (sel.dataset.filled !== key) {
    fillBaseEntries(sel, lang, file?.fileName);
    sel.dataset.filled = key;
  }
  sel.value = cfg.base === 'file' && !file ? DEFAULT_BASE : cfg.base;
}

function fillBaseEntries(sel: HTMLSelectElement, lang: Lang, fileName: string | undefined): void {
  sel.replaceChildren();
  sel.append(option(BUILT_IN, t(lang, 'builtIn')));
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const e of LIBRARY_INDEX) {
    const folder = e.id.includes('/') ? e.id.slice(0, e.id.lastIndexOf('/')) : t(lang, 'libraryTop');
    let g = groups.get(folder);
    if (!g) {
      g = document.createElement('optgroup');
      g.label = folder;
      groups.set(folder, g);
      sel.append(g);
    }
    const plain = e.id
      .replace(/\.(ya?ml|json)$/i, '')
      .split('/')
      .pop();
    g.append(option(e.id, e.name === plain ? e.name : `${e.name} (${e.id})`));
  }
  if (fileName !== undefined) sel.append(option('file', t(lang, 'loadedFile', { name: fileName })));
}

/** The menus whose entries depend only on the language. */
export function fillStaticSelects(x: Explorer): void {
  const extra = $<HTMLSelectElement>('extra');
  extra.replaceChildren(...EXTRA_IDS.map((id) => option(id, indicatorName(x.page.lang, id))));
  extra.value = x.page.extra;
}

function sizeName(x: Explorer, size: string): string {
  return t(x.page.lang, size === 'small' ? 'sizeSmall' : size === 'large' ? 'sizeLarge' : 'sizeMedium');
}

/** Show the edited slot's settings (and its base scenario's values where it keeps them) in the form. */
export function syncControls(x: Explorer): void {
  const { page } = x;
  const lang = page.lang;
  const { num } = numbers(lang);
  const cfg = cfgOf(x, x.editing);
  const sum = x.summaries[x.editing];
  $<HTMLInputElement>('compare').checked = page.compare;
  $('slot-pick').hidden = !page.compare;
  $('copy-ab').hidden = !page.compare;
  $('export-yaml-b').hidden = !page.compare;
  $<HTMLInputElement>(x.editing === 'A' ? 'slot-a' : 'slot-b').checked = true;
  $('config').style.borderLeft = page.compare ? `8px solid ${slotColours(x)[x.editing]}` : '';
  $('config').style.paddingLeft = page.compare ? '0.6rem' : '';
  fillBaseSelect(x);
  const info: string[] = [];
  if (sum) {
    if (sum.description) info.push(sum.description);
    info.push(t(lang, 'baseInfo', { size: sizeName(x, sum.size), weeks: sum.horizon, start: sum.startDate }));
    if (sum.interventions.length > 0)
      info.push(t(lang, 'baseLevers', { list: sum.interventions.map((kind) => leverName(lang, kind)).join(', ') }));
    if (sum.hasSweep) info.push(t(lang, 'baseSweep'));
  }
  $('base-info').textContent = info.join(' ');
  const slider = (id: 'silo' | 'matrix', v: number | null, base: number | undefined) => {
    const shown = v ?? base ?? 0;
    $<HTMLInputElement>(id).value = String(shown);
    const note = v !== null && base !== undefined ? ` (${t(lang, 'scenarioValue', { v: num(base, 2) })})` : '';
    $(`${id}-out`).textContent = `${num(shown, 2)}${note}`;
  };
  slider('silo', cfg.silo, sum?.siloStrength);
  slider('matrix', cfg.matrix, sum?.matrixDegree);
  const layers = $<HTMLSelectElement>('layers');
  const range = sum ? (sum.layersMin === sum.layersMax ? `${sum.layersMin}` : `${sum.layersMin}–${sum.layersMax}`) : '?';
  layers.replaceChildren(option('', t(lang, 'asScenario', { v: range })), ...[2, 3, 4, 5].map((n) => option(String(n), String(n))));
  layers.value = cfg.layers === null ? '' : String(cfg.layers);
  syncPackage(x);
  $<HTMLInputElement>('elections').checked = cfg.elections ?? sum?.elections ?? true;
  const seed = $<HTMLInputElement>('seed');
  if (document.activeElement !== seed) seed.value = cfg.seed ?? sum?.seed ?? '';
  $<HTMLInputElement>('replicates').value = String(page.replicates);
  $<HTMLSelectElement>('extra').value = page.extra;
}

/** Every fixed text of the page in the chosen language: `data-i18n` keys, lever names (`data-lever`). */
export function applyLang(x: Explorer): void {
  const lang = x.page.lang;
  const { num } = numbers(lang);
  const band = { lo: num(BAND_PERCENT.lo, exactDecimals(BAND_PERCENT.lo)), hi: num(BAND_PERCENT.hi, exactDecimals(BAND_PERCENT.hi)) };
  document.documentElement.lang = lang;
  document.title = t(lang, 'pageTitle');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n ?? '';
    if (isTextKey(key)) el.textContent = t(lang, key, band);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-lever]')) el.textContent = leverName(lang, el.dataset.lever ?? '');
  $('charts').setAttribute('aria-label', t(lang, 'charts'));
  $('lang-nb').setAttribute('aria-pressed', String(lang === 'nb'));
  $('lang-en').setAttribute('aria-pressed', String(lang === 'en'));
  fillStaticSelects(x);
}

type LoadedFile = Explorer['page']['fileA'];

function setFile(x: Explorer, s: 'A' | 'B', file: LoadedFile): void {
  if (s === 'A') x.page.fileA = file;
  else x.page.fileB = file;
}

/**
 * Use another base scenario (a library entry, or a loaded file) for the configuration being edited.
 * If it cannot be used, everything stays on the scenario on show (the menu, the heading, the
 * charts) and the errors say so over the charts.
 */
async function switchBase(x: Explorer, base: string, file?: LoadedFile): Promise<void> {
  const s = x.editing;
  const cfg = cfgOf(x, s);
  const before = { base: cfg.base, file: s === 'A' ? x.page.fileA : x.page.fileB };
  x.hook.status = 'running';
  cfg.base = base;
  if (file !== undefined) setFile(x, s, file);
  if (await inspect(x, s)) {
    showErrors(x.page.lang, []);
    changed(x);
    return;
  }
  cfg.base = before.base;
  setFile(x, s, before.file);
  x.hook.status = 'error';
  syncControls(x);
}

/** After a setting changed: leave the lesson, record it in the URL, show it, and run soon. */
function changed(x: Explorer): void {
  if (x.page.mode === 'explore') x.page.lesson = null;
  saveHash(x);
  syncControls(x);
  scheduleRun(x);
}

export function wireControls(x: Explorer): void {
  const cfg = () => cfgOf(x, x.editing);
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  $('compare').addEventListener('change', async (e) => {
    x.page.compare = (e.target as HTMLInputElement).checked;
    if (x.page.compare && !x.summaries.B) {
      x.page.b = copySlot(x.page.a);
      x.page.fileB = x.page.fileA;
      await inspect(x, 'B');
    }
    if (!x.page.compare) x.editing = 'A';
    changed(x);
  });
  for (const s of ['A', 'B'] as const)
    $(s === 'A' ? 'slot-a' : 'slot-b').addEventListener('change', () => {
      x.editing = s;
      syncControls(x);
    });
  $('copy-ab').addEventListener('click', () => {
    x.page.b = copySlot(x.page.a);
    x.page.fileB = x.page.fileA;
    if (x.summaries.A) x.summaries.B = x.summaries.A;
    changed(x);
  });
  $('base').addEventListener('change', (e) => void switchBase(x, value(e)));
  $('file').addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const f = input.files?.[0];
    if (!f) return;
    x.hook.status = 'running'; // at once: reading the file takes a moment, and the old status is stale
    const file = { text: await f.text(), fileName: f.name };
    input.value = ''; // so that the same file, once corrected, can be loaded again
    await switchBase(x, 'file', file);
  });
  const onSlider = (id: 'silo' | 'matrix', baseKey: 'siloStrength' | 'matrixDegree') => {
    $(id).addEventListener('input', (e) => {
      const v = Number(value(e));
      const base = x.summaries[x.editing]?.[baseKey];
      cfg()[id] = base !== undefined && Math.abs(v - base) < 1e-9 ? null : v;
      changed(x);
    });
  };
  // A settings slider dragged with the mouse lets go of the focus when released, so that a playback
  // shortcut pressed next (Home, End, arrows) moves the playback, not the slider. Reached with Tab,
  // a slider keeps the keys, as a slider should.
  for (const id of ['silo', 'matrix'])
    $(id).addEventListener('pointerdown', (e) => {
      const el = e.currentTarget as HTMLElement;
      window.addEventListener('pointerup', () => el.blur(), { once: true });
    });
  onSlider('silo', 'siloStrength');
  onSlider('matrix', 'matrixDegree');
  $('layers').addEventListener('change', (e) => {
    cfg().layers = value(e) === '' ? null : Number(value(e));
    changed(x);
  });
  wireBuilder(x, () => changed(x));
  $('elections').addEventListener('change', (e) => {
    const v = (e.target as HTMLInputElement).checked;
    cfg().elections = v === x.summaries[x.editing]?.elections ? null : v;
    changed(x);
  });
  $('seed').addEventListener('change', (e) => {
    const v = value(e).trim();
    cfg().seed = v === '' || v === x.summaries[x.editing]?.seed ? null : v;
    changed(x);
  });
  $('replicates').addEventListener('change', (e) => {
    const v = Math.round(Number(value(e)));
    x.page.replicates = Number.isFinite(v) ? Math.max(1, Math.min(MAX_REPLICATES, v)) : 1;
    changed(x);
  });
  $('extra').addEventListener('change', (e) => {
    x.page.extra = value(e);
    saveHash(x);
    render(x);
  });
  $('reset').addEventListener('click', () => {
    const base = cfg().base;
    if (x.editing === 'A') x.page.a = defaultSlot(base);
    else x.page.b = defaultSlot(base);
    changed(x);
  });
  // Every control of the form reports a committed change with `change` after its own handler ran.
  $('config').addEventListener('change', () => settleRun(x));
  $('config').addEventListener('submit', (e) => {
    e.preventDefault();
    runNow(x);
  });
}
