/**
 * Running the model: a `Simulation` steps one replicate week by week through the processes of
 * MODEL.md §3 in the order of the registry's schedule, applying interventions in the calendar
 * process, and records every indicator each week. `runReplicate` runs one to the end and returns
 * its data as typed arrays; the step-level API (create, step, observe, inspect) is the class itself.
 */

import { deepClone } from '../engine/clone.js';
import type { Recorder } from '../engine/recorder.js';
import type { ModelConfig } from './config.js';
import { EventLog } from './events.js';
import type { InterventionItem } from './levers/lever.js';
import { runLevers } from './levers/runner.js';
import type { Context } from './mechanism.js';
import type { ParamGroup } from './params/define.js';
import { Recording, type RecordSpec, type RecordTables } from './recording.js';
import { type AnyMechanism, FLOWS, INDICATORS, type IndicatorName, SCHEDULE, type TickFlows } from './registry.js';
import { PHASE, type World } from './state.js';
import { contexts, createWorld, leverRuntime } from './world.js';

/** Something that happens to the world at a given tick (for tests and API users). */
export interface ScheduledAction {
  readonly tick: number;
  readonly label: string;
  run(w: World): void;
}

/** A model-level reporter: a number computed from the world each week, recorded like an indicator. */
export type Reporter = (w: World, tick: number) => number;

export interface SimulationOptions {
  /** Scheduled actions; applied at the start of their tick, in the given order for equal ticks. */
  readonly actions?: readonly ScheduledAction[];
  /** Scheduled interventions (levers), resolved from a scenario file. */
  readonly interventions?: readonly InterventionItem[];
  /** Election on (default) or off: "election on/off" for teaching. */
  readonly elections?: boolean;
  /** Keep the initiative event log (`world.log`). */
  readonly events?: boolean;
  /** Extra model-level reporters, recorded every week next to the indicators. */
  readonly reporters?: Readonly<Record<string, Reporter>>;
  /** Agent and tie snapshots and the initiative event log (recording.ts); nothing when absent. */
  readonly record?: RecordSpec;
  /**
   * Observe only these indicators (and those they are computed from): the other columns stay NaN
   * and `turnTick` is null unless the transformation index is among them. Observation is a sizeable
   * part of a run, so runs read for a few columns (a calibration's data targets) skip the rest.
   * The simulated world, and so every observed number, is the same as with everything observed.
   */
  readonly indicators?: readonly IndicatorName[];
  /**
   * Start from this spin-up (made by {@link spinUp} with the same configuration, seed and
   * replicate) instead of simulating it: runs that differ only in interventions, elections,
   * actions or recording share it, and give the same numbers as without it.
   */
  readonly from?: SpunUp;
}

/** A world after its spin-up, before week 0: never run itself, only copied (see {@link spinUp}). */
export interface SpunUp {
  readonly config: ModelConfig;
  readonly seed: string | number;
  readonly replicate: number;
  readonly world: World;
}

/** Everyday life before week 0: every weekly process, no levers, no calendar, nothing recorded. */
function spinUpWeeks(w: World, ctx: Map<AnyMechanism, Ctx>, weekly: readonly AnyMechanism[], weeks: number): void {
  for (let t = -weeks; t < 0; t++) {
    for (const m of weekly) m.run!(w, t, ctx.get(m)!);
    for (const f of FLOWS) w.flows[f] = 0;
  }
}

const WEEKLY: readonly AnyMechanism[] = SCHEDULE.filter((m) => m.process !== 'calendar' && m.run);
const OBSERVERS: readonly AnyMechanism[] = SCHEDULE.filter((m) => m.observe);

/** The observers that set these indicators, with those whose indicators they read (`observes`), in schedule order. */
export function observersOf(names: readonly string[]): readonly AnyMechanism[] {
  for (const n of names) if (!INDICATORS.includes(n as IndicatorName)) throw new Error(`Simulation: no indicator "${n}"`);
  const wanted = new Set(names);
  const sets = (m: AnyMechanism) => Object.keys(m.indicators ?? {}).some((n) => wanted.has(n));
  for (let grew = true; grew; ) {
    grew = false;
    for (const m of OBSERVERS) {
      if (!sets(m)) continue;
      for (const n of m.observes ?? []) {
        if (!wanted.has(n)) {
          wanted.add(n);
          grew = true;
        }
      }
    }
  }
  return OBSERVERS.filter(sets);
}

const spinUpLength = (cfg: ModelConfig): number => (cfg.params.init as { spinUpWeeks: number }).spinUpWeeks;

/** Whether a spin-up is the one of this configuration (by value: configurations cross threads as copies), seed and replicate. */
function sameStart(from: SpunUp, cfg: ModelConfig, seed: string | number, replicate: number): boolean {
  return from.seed === seed && from.replicate === replicate && (from.config === cfg || JSON.stringify(from.config) === JSON.stringify(cfg));
}

/** The spin-up of a configuration, seed and replicate, to start several runs from (`from`). */
export function spinUp(cfg: ModelConfig, seed: string | number, replicate: number): SpunUp {
  const world = createWorld(cfg, seed, replicate, []);
  spinUpWeeks(world, contexts(world), WEEKLY, spinUpLength(cfg));
  return { config: cfg, seed, replicate, world };
}

type Ctx = Context<ParamGroup, never, string, unknown>;

// One setter for every run in this thread, writing to the recorder and week of the simulation
// now observing. A setter per run (or per week) would be a new call target in each mechanism's
// compiled observe: V8 threw that code away at every new run, about 500 times in each of a
// thread's second to sixth replicates (their cost doubled), before giving up on inlining it.
const COLUMN: Readonly<Record<string, number>> = Object.fromEntries(INDICATORS.map((n, i) => [n, i]));
const observing: { rec: Recorder<string> | null; now: number } = { rec: null, now: 0 };
function setIndicator(name: string, v: number): void {
  observing.rec!.set(observing.now, COLUMN[name]!, v);
}

export interface ReplicateResult {
  readonly seed: string;
  readonly replicate: number;
  readonly ticks: number;
  readonly indicators: readonly IndicatorName[];
  /** Row-major ticks x indicators. */
  readonly data: Float64Array;
  /** Week index of the first tick the transformation index passes its threshold, or null. */
  readonly turnTick: number | null;
  readonly totals: Readonly<TickFlows>;
  /** Reporter columns (row-major ticks x reporters), when reporters were given. */
  readonly reporters?: { readonly names: readonly string[]; readonly data: Float64Array };
  /** Recorded tables, when `record` was given. */
  readonly records?: RecordTables;
}

export class Simulation {
  readonly world: World;
  readonly config: ModelConfig;
  readonly seed: string | number;
  readonly replicate: number;
  /** The next week to simulate; the run is over when it equals `config.ticks`. */
  tick = 0;
  private readonly ctx: Map<AnyMechanism, Ctx>;
  private readonly actions: readonly ScheduledAction[];
  private nextAction = 0;
  private readonly elections: boolean;
  private readonly calendarMechs: readonly AnyMechanism[];
  private readonly weekly: readonly AnyMechanism[];
  private readonly observers: readonly AnyMechanism[];
  private readonly reporterNames: readonly string[];
  private readonly reporterFns: readonly Reporter[];
  readonly reporterData: Float64Array;
  private readonly recording: Recording | null;

  constructor(cfg: ModelConfig, seed: string | number, replicate: number, opts: SimulationOptions = {}) {
    this.config = cfg;
    this.seed = seed;
    this.replicate = replicate;
    const from = opts.from;
    if (from && !sameStart(from, cfg, seed, replicate))
      throw new Error('Simulation: `from` is the spin-up of another configuration, seed or replicate');
    const interventions = opts.interventions ?? [];
    this.world = from ? withInterventions(deepClone(from.world), interventions) : createWorld(cfg, seed, replicate, interventions);
    this.ctx = contexts(this.world);
    this.actions = [...(opts.actions ?? [])].sort((a, b) => a.tick - b.tick);
    this.elections = opts.elections ?? true;
    this.calendarMechs = SCHEDULE.filter((m) => m.process === 'calendar' && m.run);
    this.weekly = WEEKLY;
    this.observers = opts.indicators ? observersOf(opts.indicators) : OBSERVERS;
    this.reporterNames = Object.keys(opts.reporters ?? {});
    this.reporterFns = Object.values(opts.reporters ?? {});
    this.reporterData = new Float64Array(this.reporterNames.length * cfg.ticks).fill(Number.NaN);
    // The spin-up: the municipality runs its everyday life (no levers, no calendar events, no
    // trends, nothing recorded) so that week 0 starts from its status quo, not from a warm-up.
    const w = this.world;
    if (!from) spinUpWeeks(w, this.ctx, this.weekly, spinUpLength(cfg));
    if (opts.events || opts.record?.initiatives) {
      w.log = new EventLog();
      logActiveInitiatives(w);
    }
    this.recording = opts.record ? new Recording(opts.record) : null;
    for (const m of SCHEDULE) m.start?.(w, this.ctx.get(m)!);
  }

  get done(): boolean {
    return this.tick >= this.config.ticks;
  }

  /** Simulate `n` more weeks (fewer if the run ends first). */
  step(n = 1): this {
    const end = Math.min(this.config.ticks, this.tick + n);
    while (this.tick < end) this.week(this.tick++);
    return this;
  }

  /** Simulate to the end of the run. */
  run(): this {
    return this.step(this.config.ticks - this.tick);
  }

  /** The indicators of the last simulated week (all NaN before the first). */
  observe(): Record<IndicatorName, number> {
    const t = this.tick - 1;
    const out = {} as Record<IndicatorName, number>;
    for (let k = 0; k < INDICATORS.length; k++) out[INDICATORS[k]!] = t < 0 ? Number.NaN : this.world.rec.get(t, k);
    return out;
  }

  result(): ReplicateResult {
    const w = this.world;
    return {
      seed: String(this.seed),
      replicate: this.replicate,
      ticks: this.config.ticks,
      indicators: INDICATORS,
      data: w.rec.data,
      turnTick: w.turnTick >= 0 ? w.turnTick : null,
      totals: { ...(w.totals as TickFlows) },
      ...(this.reporterNames.length > 0 ? { reporters: { names: this.reporterNames, data: this.reporterData } } : {}),
      ...(this.recording ? { records: this.recording.tables(w) } : {}),
    };
  }

  private week(t: number): void {
    const w = this.world;
    if (w.log) w.log.now = t;
    // Process 1, calendar: scheduled actions, interventions, the budget year, the election.
    while (this.nextAction < this.actions.length && this.actions[this.nextAction]!.tick <= t) this.actions[this.nextAction++]!.run(w);
    runLevers(w, t);
    for (const m of this.calendarMechs) {
      const due = m.when === 'year-start' ? w.cal.isYearStart(t) : m.when === 'election' ? this.elections && w.cal.isElection(t) : true;
      if (due) m.run!(w, t, this.ctx.get(m)!);
    }
    // Processes 2-12.
    for (const m of this.weekly) m.run!(w, t, this.ctx.get(m)!);
    // Process 13, observation.
    observing.rec = w.rec;
    observing.now = t;
    for (const m of this.observers) m.observe!(w, this.ctx.get(m)!, setIndicator, t);
    observing.rec = null;
    for (let k = 0; k < this.reporterFns.length; k++) this.reporterData[t * this.reporterFns.length + k] = this.reporterFns[k]!(w, t);
    if (this.recording?.due(t, this.config.ticks)) this.recording.snapshot(w, t);
    const { flows, totals } = w;
    for (const f of FLOWS) {
      totals[f] = totals[f]! + flows[f]!;
      flows[f] = 0;
    }
  }
}

export function runReplicate(cfg: ModelConfig, seed: string | number, replicate: number, opts: SimulationOptions = {}): ReplicateResult {
  return new Simulation(cfg, seed, replicate, opts).run().result();
}

/** A copied spin-up gets this run's interventions (the spin-up ran none). */
function withInterventions(w: World, interventions: readonly InterventionItem[]): World {
  (w as { levers: World['levers'] }).levers = leverRuntime(interventions);
  return w;
}

/** Build a world and run it, returning the world itself (for tests and the explorer). */
export function simulateWorld(cfg: ModelConfig, seed: string | number, replicate: number, opts: SimulationOptions = {}): World {
  return new Simulation(cfg, seed, replicate, opts).run().world;
}

/** The initiatives under way when recording begins, as opened in the week they started (before week 0). */
function logActiveInitiatives(w: World): void {
  const s = w.inits;
  const log = w.log!;
  const active: number[] = [];
  for (let id = 0; id < s.cap; id++) if (s.phase[id] !== PHASE.free) active.push(id);
  // In the order they started, so that the log's weeks never go backwards.
  active.sort((a, b) => s.start[a]! - s.start[b]! || s.serial[a]! - s.serial[b]!);
  for (const id of active) {
    log.now = s.start[id]!;
    log.opened({
      serial: s.serial[id]!,
      owner: s.owner[id]!,
      champion: s.champion[id]!,
      problem: s.problem[id]!,
      depth: s.depth[id]!,
      method: s.method[id]!,
      mission: s.mission[id]!,
      enthusiastLed: s.enthusiastLed[id]!,
    });
  }
  log.now = 0;
}

/** Run one mechanism once on a world, outside the schedule (for tests and for exploring a mechanism alone). */
export function runMechanism(m: { readonly name: string }, w: World, tick = 0): void {
  const spec = SCHEDULE.find((x) => x.name === m.name);
  if (!spec?.run) throw new Error(`no mechanism "${m.name}" with a run function`);
  spec.run(w, tick, contexts(w).get(spec)!);
}
