/**
 * The explorer's state, in one object: what the URL hash holds (language, mode, lesson, both
 * configurations, loaded files), what the worker said about each base scenario, the last runs,
 * playback, the queue of runs, the hook tests read, and the worker client. Every other module
 * receives it; none keeps state of its own. Also the values derived from it. No DOM.
 */
import { type BaseRef, BUILT_IN, type PageState, type SlotConfig } from './config.js';
import { LESSONS, type Lesson } from './lessons.js';
import type { LeverChoice } from './levers.js';
import { LIBRARY_INDEX } from './library-index.js';
import type { ModelWorker, SlotResult } from './model-worker.js';
import type { BaseSummary, Slot } from './protocol.js';
import { seriesOf } from './series.js';

/** The base scenario when the URL names none: the library's baseline if bundled, else the built-in one. */
export const DEFAULT_BASE = LIBRARY_INDEX.some((e) => e.id === 'baseline.yaml') ? 'baseline.yaml' : BUILT_IN;

export interface Playback {
  /** Week shown (fractional while playing). */
  cursor: number;
  playing: boolean;
  /** Time of the last animation frame (ms). */
  lastFrame: number;
  /** Week last drawn, to skip redrawing the same week. */
  lastDrawn: number;
}

export interface RunQueue {
  running: boolean;
  /** A run asked for while one was running; replay if any such request asked for it. */
  pending: { replay: boolean } | null;
  /** The delayed run after a control changed. */
  timer: number | undefined;
  timerPending: boolean;
}

export interface HookSlot {
  final: Record<string, number>;
  medianFinal: Record<string, number>;
  ms: number[];
  turnTick: number | null;
  /** Replicates that turned. */
  turned: number;
  replicates: number;
}

/** Read-only view of the page published as `window.tankerExplorer`, for end-to-end tests and the curious. */
export interface Hook {
  status: 'starting' | 'running' | 'done' | 'error';
  runCount: number;
  errors: readonly string[];
  cursor: number;
  results: Partial<Record<Slot, HookSlot>>;
}

export interface Explorer {
  /** What the URL hash holds. */
  page: PageState;
  /** What the worker said about each slot's base scenario. */
  readonly summaries: Partial<Record<Slot, BaseSummary>>;
  /** The last finished run of each slot shown. */
  results: Partial<Record<Slot, SlotResult>>;
  /** The slot whose settings the form shows. */
  editing: Slot;
  readonly playback: Playback;
  readonly runs: RunQueue;
  readonly hook: Hook;
  readonly worker: ModelWorker;
  /** The package builder's levers shown unfolded (by identity, so that removing one keeps the others). */
  readonly builderOpen: WeakSet<LeverChoice>;
}

export function newHook(): Hook {
  return { status: 'starting', runCount: 0, errors: [], cursor: 0, results: {} };
}

export function createExplorer(page: PageState, worker: ModelWorker, hook: Hook): Explorer {
  return {
    page,
    summaries: {},
    results: {},
    editing: 'A',
    playback: { cursor: 0, playing: false, lastFrame: 0, lastDrawn: -1 },
    runs: { running: false, pending: null, timer: undefined, timerPending: false },
    hook,
    worker,
    builderOpen: new WeakSet(),
  };
}

// ---------------------------------------------------------------- derived values

export const slotsShown = (x: Explorer): Slot[] => (x.page.compare ? ['A', 'B'] : ['A']);

export const cfgOf = (x: Explorer, s: Slot): SlotConfig => (s === 'A' ? x.page.a : x.page.b);

/** The lesson on show in teacher mode, or null. */
export function lesson(x: Explorer): Lesson | null {
  return x.page.mode === 'teach' && x.page.lesson !== null ? (LESSONS[x.page.lesson] ?? null) : null;
}

export function knownBase(id: string): boolean {
  return id === BUILT_IN || id === 'file' || LIBRARY_INDEX.some((e) => e.id === id);
}

/** Where the worker finds a slot's base scenario: its loaded file or a library id. */
export function baseRef(x: Explorer, s: Slot): BaseRef {
  const cfg = cfgOf(x, s);
  const file = s === 'A' ? x.page.fileA : x.page.fileB;
  if (cfg.base === 'file' && file) return { text: file.text, fileName: file.fileName };
  return { library: knownBase(cfg.base) && cfg.base !== 'file' ? cfg.base : DEFAULT_BASE };
}

/** Weeks of the longest run shown (or of the base scenario before any run). */
export function maxTicks(x: Explorer): number {
  let n = 0;
  for (const s of slotsShown(x)) n = Math.max(n, x.results[s]?.ticks ?? 0);
  return n || (x.summaries.A?.horizon ?? 260);
}

export function startDate(x: Explorer): string {
  return x.results.A?.startDate ?? x.summaries.A?.startDate ?? '2026-01-05';
}

/** The median of an indicator in a slot at a week (NaN without a result). */
export function valueAt(x: Explorer, s: Slot, indicator: string, tick: number): number {
  const r = x.results[s];
  if (!r) return Number.NaN;
  const ser = seriesOf(r, indicator);
  return ser ? (ser.mid[Math.min(tick, r.ticks - 1)] ?? Number.NaN) : Number.NaN;
}
