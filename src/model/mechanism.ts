/**
 * How a mechanism is declared: once, as one object. Its name names its parameter group; it says
 * which process of MODEL.md §3 it belongs to and when it runs, which parameters and alternative
 * mechanisms (where the sources conflict) it has, which random stream it draws from, which state it
 * reads and writes, which per-tick counters (flows) it keeps, which state of its own it allocates,
 * and which indicators it contributes. The registry (registry.ts) derives the schedule, the random
 * streams, the parameter groups, the scenario schema, the ODD tables and the explorer's controls
 * from these declarations; nothing else lists mechanisms.
 */
import type { Rng } from '../engine/rng.js';
import type { GroupValues, ParamGroup } from './params/define.js';
import type { World } from './state.js';

/** The processes of one tick, in order (MODEL.md §3). */
export const PROCESSES = [
  'calendar',
  'operations',
  'signals',
  'generation',
  'teams',
  'progress',
  'gates',
  'outcomes',
  'institutions',
  'culture',
  'trust',
  'turnover',
  'observe',
] as const;
export type ProcessName = (typeof PROCESSES)[number];

/** When a mechanism runs within its process: every week, at the start of a budget year, or at an election. */
export type When = 'weekly' | 'year-start' | 'election';

/** An alternative where the sources conflict: the named values, the default and what each means. */
export interface ChoiceSpec<V extends string = string> {
  readonly values: readonly V[];
  readonly default: V;
  readonly doc: string;
  readonly source: string;
  /** One line per value: what the model does under it. */
  readonly meaning: Readonly<Record<V, string>>;
}
export type ChoiceGroup = Readonly<Record<string, ChoiceSpec>>;
export type ChoiceValues<C extends ChoiceGroup> = { readonly [K in keyof C]: C[K]['values'][number] };

export function choice<const V extends string>(
  values: readonly V[],
  def: NoInfer<V>,
  doc: string,
  source: string,
  meaning: Readonly<Record<V, string>>,
): ChoiceSpec<V> {
  return { values, default: def, doc, source, meaning };
}

/**
 * What an indicator measures: its unit decides how reports show it and how result files store it
 * (`count` and `routines` are whole numbers, written as integers), `better` whether up is good.
 */
export type IndicatorUnit = 'count' | 'share' | 'score' | 'index' | 'value' | 'routines' | 'rate';
export interface IndicatorSpec {
  /** The name people read, in English and Norwegian (reports, the explorer, `tanker compare`). */
  readonly label: { readonly en: string; readonly nb: string };
  readonly doc: string;
  readonly unit: IndicatorUnit;
  /** Is a higher value better for the transformation (`up`), worse (`down`), or neither (`none`)? */
  readonly better: 'up' | 'down' | 'none';
}
export type IndicatorGroup = Readonly<Record<string, IndicatorSpec>>;

export function indicator(unit: IndicatorUnit, better: IndicatorSpec['better'], label: IndicatorSpec['label'], doc: string): IndicatorSpec {
  return { label, doc, unit, better };
}

/** The view of the world a mechanism's own code gets: its parameters, choices, stream, flows and state. */
export interface Context<P extends ParamGroup, C extends ChoiceGroup, F extends string, S> {
  readonly p: Readonly<GroupValues<P>>;
  readonly choice: ChoiceValues<C>;
  readonly rng: Rng;
  readonly flows: Record<F, number>;
  readonly state: S;
}

/** Writes one indicator value of this tick. */
export type Observer<I extends string> = (name: I, value: number) => void;

export interface MechanismSpec<
  P extends ParamGroup = ParamGroup,
  C extends ChoiceGroup = ChoiceGroup,
  F extends string = string,
  S = unknown,
  I extends string = string,
  N extends string = string,
> {
  /** Unique; names the parameter group (`name.parameter` in scenario files). */
  readonly name: N;
  /** One line: what the mechanism does. */
  readonly title: string;
  readonly process: ProcessName;
  /** Position within its process (lower first); mechanisms of one process with equal order run in registry order. */
  readonly order?: number;
  readonly when?: When;
  /** Where it comes from (docs/sources.md ids), or "assumption". */
  readonly sources: string;
  readonly params: P;
  readonly choices?: C;
  /** The random stream it draws from; mechanisms naming the same stream share it. Default: its name. */
  readonly stream?: string;
  /** State it reads and writes, as `entity.field` (e.g. `staff.freeTime`, `org.siloStrength`, `inits.*`). */
  readonly reads: readonly string[];
  readonly writes: readonly string[];
  /** Counters it adds to during a tick; reset after observation and summed into the run's totals. */
  readonly flows?: readonly F[];
  /** Allocates the state it owns, once per world (after the populations exist). */
  readonly init?: (w: World) => S;
  readonly indicators?: Readonly<Record<I, IndicatorSpec>>;
  /**
   * Indicators of other mechanisms that its `observe` reads from this week's record: a run that
   * observes only some indicators (`SimulationOptions.indicators`) observes these too.
   */
  readonly observes?: readonly string[];
  /** Sets each of its indicators for this tick (process `observe` runs after every other process). */
  readonly observe?: (w: World, ctx: Context<P, C, F, S>, set: Observer<I>, tick: number) => void;
  readonly run?: (w: World, tick: number, ctx: Context<P, C, F, S>) => void;
  /** Once, when the recorded run begins (after the spin-up, before week 0): e.g. to note the status quo. */
  readonly start?: (w: World, ctx: Context<P, C, F, S>) => void;
}

/** Declare a mechanism; the identity function exists so that TypeScript infers its types from the object. */
export function mechanism<
  const P extends ParamGroup,
  const C extends ChoiceGroup = Record<never, never>,
  const F extends string = never,
  S = undefined,
  const I extends string = never,
  const N extends string = string,
>(spec: MechanismSpec<P, C, F, S, I, N>): MechanismSpec<P, C, F, S, I, N> {
  return spec;
}

/** A mechanism's parameters as set in this world (for helpers shared between mechanisms). */
export function paramsOf<P extends ParamGroup>(w: World, m: { readonly name: string; readonly params: P }): Readonly<GroupValues<P>> {
  return w.p[m.name] as GroupValues<P>;
}

/** A mechanism's own state in this world. */
export function stateOf<S>(w: World, m: { readonly name: string; readonly init?: (w: World) => S }): S {
  return w.own[m.name] as S;
}
