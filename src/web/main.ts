/// <reference lib="dom" />
/**
 * The explorer page: starts the model worker, creates the page's one state object (state.ts) from
 * the URL, connects the modules to the page and runs what the URL describes. The model runs in a
 * Web Worker (model-worker.ts, worker.ts); the page only animates finished runs, so it never freezes.
 *
 *   state.ts         the state and what derives from it     runs.ts      running, errors, status, URL
 *   model-worker.ts  the worker client                      playback.ts  play, pause, seek, shortcuts
 *   controls.ts      the settings form and page texts       view.ts      drawing the page at a week
 *   teach.ts         teacher mode and lessons               export.ts    link, YAML, SVG and PNG
 *   chart-defs.ts    which charts, how values read          series.ts    median and band over replicates
 */
import { EXTRA_IDS } from './chart-defs.js';
import { decodeHash, encodeHash } from './config.js';
import { applyLang, syncControls, wireControls } from './controls.js';
import { $ } from './dom.js';
import { wireExport } from './export.js';
import { t } from './i18n.js';
import { ModelWorker } from './model-worker.js';
import { wirePlayback } from './playback.js';
import { inspect, runAll, saveHash, showErrors } from './runs.js';
import { cfgOf, createExplorer, DEFAULT_BASE, type Explorer, type Hook, knownBase, lesson, newHook, slotsShown } from './state.js';
import { applyLesson, applyMode, wireTeach } from './teach.js';
import { render } from './view.js';

declare global {
  interface Window {
    /** Read-only view of the page state, for end-to-end tests and the curious. */
    tankerExplorer: Hook;
  }
}

/** Show and run what the page state describes (a lesson, or the configurations on show). */
async function start(x: Explorer): Promise<void> {
  for (const s of ['A', 'B'] as const) if (!knownBase(cfgOf(x, s).base)) cfgOf(x, s).base = DEFAULT_BASE;
  x.editing = 'A';
  applyLang(x);
  applyMode(x);
  if (x.page.mode === 'teach' && x.page.lesson !== null && lesson(x)) {
    await applyLesson(x, x.page.lesson);
    return;
  }
  const ok = await Promise.all(slotsShown(x).map((s) => inspect(x, s)));
  syncControls(x);
  saveHash(x);
  if (ok.every(Boolean)) await runAll(x, true);
  else x.hook.status = 'error';
}

/** A link opened or edited by hand: take its state unless it is the one on show. */
async function restoreFromHash(x: Explorer): Promise<void> {
  if (`#${encodeHash(x.page)}` === location.hash) return;
  x.page = decodeHash(location.hash, DEFAULT_BASE, EXTRA_IDS);
  await start(x);
}

function boot(): void {
  const hook = newHook();
  window.tankerExplorer = hook;
  const page = decodeHash(location.hash, DEFAULT_BASE, EXTRA_IDS);
  const fail = (message: string) => {
    hook.status = 'error';
    hook.errors = [message];
    showErrors(x.page.lang, [t(x.page.lang, 'workerFailed', { e: message })]);
  };
  let worker: ModelWorker;
  try {
    worker = new ModelWorker(fail);
  } catch (e) {
    hook.status = 'error';
    showErrors(page.lang, [t(page.lang, 'workerFailed', { e: e instanceof Error ? e.message : String(e) })]);
    return;
  }
  const x = createExplorer(page, worker, hook);
  wireControls(x);
  wireTeach(x);
  wirePlayback(x);
  wireExport(x);
  const setLang = (lang: 'nb' | 'en') => {
    x.page.lang = lang;
    applyLang(x);
    applyMode(x);
    syncControls(x);
    saveHash(x);
    render(x);
  };
  $('lang-nb').addEventListener('click', () => setLang('nb'));
  $('lang-en').addEventListener('click', () => setLang('en'));
  // A projector with little room: hide the side panel (settings or lesson) to give the charts the width.
  $('toggle-side').addEventListener('click', (e) => {
    const shown = $('layout').classList.toggle('side-hidden') === false;
    (e.currentTarget as HTMLElement).setAttribute('aria-pressed', String(shown));
  });
  window.addEventListener('hashchange', () => void restoreFromHash(x));
  new ResizeObserver(() => render(x)).observe($('main'));
  void start(x);
}

boot();
