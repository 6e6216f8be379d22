/// <reference lib="dom" />
/**
 * Running the model for the page: ask the worker about base scenarios, run the configurations on
 * show (one run at a time; requests made meanwhile are merged into one more run), a short delay
 * after a control changes, and the errors and status line. Also keeps the URL hash current.
 */
import type { Lang } from '../report/names.js';
import { encodeHash } from './config.js';
import { $ } from './dom.js';
import { t } from './i18n.js';
import { setUnits } from './levers.js';
import type { SlotResult } from './model-worker.js';
import { play } from './playback.js';
import type { Slot } from './protocol.js';
import { seriesOf } from './series.js';
import { baseRef, cfgOf, type Explorer, type HookSlot, maxTicks, slotsShown } from './state.js';
import { render } from './view.js';

/**
 * Milliseconds between the last `input` of a control and the run it starts, while no `change`
 * has committed it: a slider being dragged sends only `input`, and runs only when it rests this
 * long. A committed change (a click on a slider's track, a key, letting go after a drag, a
 * checkbox, a menu: the `change` event) runs at once (settleRun). Cancelling an outdated run
 * instead would mean ending the worker, and a fresh worker runs cold: in the browser test the
 * result after a drag took 2-3 s that way against 0.6-0.9 s with this delay.
 */
const RUN_DELAY = 250;

/** Show errors over the charts (none: hide the box); `kept` names what the page still shows. */
export function showErrors(lang: Lang, errors: readonly string[], kept?: string): void {
  const box = $('errors');
  if (errors.length === 0) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  box.hidden = false;
  const still = kept === undefined ? '' : `\n\n${t(lang, 'errorsKept', { name: kept })}`;
  box.textContent = `${t(lang, 'errors')}\n${errors.join('\n')}${still}`;
}

export function setStatus(text: string): void {
  $('status').textContent = text;
}

/** The "Computing…" notice over the charts (the status line says it to screen readers). */
function setBusy(on: boolean): void {
  $('busy').hidden = !on;
  $('chart-area').classList.toggle('is-busy', on);
}

/** Write the page state into the URL (without a history entry) and the link field. */
export function saveHash(x: Explorer): void {
  history.replaceState(null, '', `#${encodeHash(x.page)}`);
  $<HTMLInputElement>('link').value = location.href;
}

/** Ask the worker about a slot's base scenario; false (and the errors shown) if it cannot be used. */
export async function inspect(x: Explorer, s: Slot): Promise<boolean> {
  const r = await x.worker.inspect(baseRef(x, s));
  if (r.ok) {
    x.summaries[s] = r.value;
    // Unit levers stay on the units this base has (a link or another base may name others).
    for (const c of cfgOf(x, s).levers) if (c.units !== null) setUnits(c, c.units, r.value.units);
    return true;
  }
  const kept = x.results[s] ? x.summaries[s]?.name : undefined;
  showErrors(
    x.page.lang,
    r.errors.map((e) => `${s}: ${e}`),
    kept === undefined ? undefined : `${s}: ${kept}`,
  );
  return false;
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
  return {
    final,
    medianFinal,
    ms: [...r.ms],
    turnTick: r.turnTicks[0] ?? null,
    turned: r.turnTicks.filter((v) => v !== null).length,
    replicates: r.reps.length,
  };
}

/** Run every configuration on show; with `replay`, play the result from the start. */
export async function runAll(x: Explorer, replay: boolean): Promise<void> {
  const q = x.runs;
  const hook = x.hook;
  if (q.running) {
    q.pending = { replay: (q.pending?.replay ?? false) || replay };
    return;
  }
  q.running = true;
  hook.status = 'running';
  setStatus(t(x.page.lang, 'running'));
  setBusy(true);
  const slots = slotsShown(x);
  const outs = await Promise.all(slots.map((s) => x.worker.run(s, baseRef(x, s), cfgOf(x, s), x.page.replicates)));
  const errors = outs.flatMap((o, i) => (o.ok ? [] : o.errors.map((e) => `${slots[i]}: ${e}`)));
  if (errors.length > 0) {
    showErrors(x.page.lang, errors);
    hook.status = q.pending || q.timerPending ? 'running' : 'error';
    hook.errors = errors;
    setStatus('');
  } else {
    showErrors(x.page.lang, []);
    const next: Partial<Record<Slot, SlotResult>> = {};
    outs.forEach((o, i) => {
      if (o.ok) next[slots[i]!] = o.value;
    });
    x.results = next;
    hook.results = Object.fromEntries(Object.entries(next).map(([s, r]) => [s, hookSlot(r)]));
    const all = Object.values(next).flatMap((r) => r.ms);
    setStatus(t(x.page.lang, 'doneStatus', { n: all.length, ms: Math.round(all.reduce((a, b) => a + b, 0)) }));
    hook.errors = [];
    hook.runCount++;
  }
  q.running = false;
  setBusy(q.pending !== null);
  if (errors.length === 0) hook.status = q.pending || q.timerPending ? 'running' : 'done';
  if (replay && errors.length === 0) {
    x.playback.cursor = 0;
    play(x);
  } else {
    x.playback.cursor = Math.min(x.playback.cursor, maxTicks(x) - 1);
    render(x);
  }
  if (q.pending) {
    const p = q.pending;
    q.pending = null;
    void runAll(x, p.replay);
  }
}

/** After a change of a control: recompute soon, keep the playback position. */
export function scheduleRun(x: Explorer): void {
  const q = x.runs;
  window.clearTimeout(q.timer);
  q.timerPending = true;
  x.hook.status = 'running';
  q.timer = window.setTimeout(() => {
    q.timerPending = false;
    void runAll(x, false);
  }, RUN_DELAY);
}

/** A change was committed (the `change` event): start the scheduled run now instead of after RUN_DELAY. */
export function settleRun(x: Explorer): void {
  const q = x.runs;
  if (!q.timerPending) return;
  window.clearTimeout(q.timer);
  q.timerPending = false;
  void runAll(x, false);
}

/** Run now (the Run button): drop a scheduled run, replay the result. */
export function runNow(x: Explorer): void {
  window.clearTimeout(x.runs.timer);
  x.runs.timerPending = false;
  void runAll(x, true);
}
