/**
 * The mechanism registration: every mechanism of the model, once. Everything that lists
 * mechanisms is derived from here: the schedule (process, then order), the random streams, the
 * parameter groups, the alternative mechanisms, the per-tick flows and the indicators (with their
 * recorder columns). A new mechanism is declared in its module (mechanism.ts says how) and added
 * to MECHANISMS; nothing else needs to change.
 */
import { LEVERS, leverParams } from './levers/catalog.js';
import type { LeverSpec } from './levers/lever.js';
import { type ChoiceGroup, type ChoiceSpec, type IndicatorSpec, type MechanismSpec, PROCESSES, type ProcessName } from './mechanism.js';
import { culture } from './mechanisms/culture.js';
import { gates } from './mechanisms/gates.js';
import { generation } from './mechanisms/generation.js';
import { institutions } from './mechanisms/institutions.js';
import { managers } from './mechanisms/managers.js';
import { demandGrowth, operations } from './mechanisms/operations.js';
import { outcomes } from './mechanisms/outcomes.js';
import { partnerStrain } from './mechanisms/partners.js';
import { council, election } from './mechanisms/politics.js';
import { progress } from './mechanisms/progress.js';
import { signals } from './mechanisms/signals.js';
import { participation, teams } from './mechanisms/teams.js';
import { tieDynamics } from './mechanisms/ties.js';
import { topManagement } from './mechanisms/top.js';
import { transformation } from './mechanisms/transformation.js';
import { trust } from './mechanisms/trust.js';
import { turnover } from './mechanisms/turnover.js';
import { type GroupValues, groupDefaults, type ParamGroup } from './params/define.js';
import { initParams } from './population.js';

export const MECHANISMS = [
  demandGrowth,
  election,
  topManagement,
  operations,
  signals,
  generation,
  teams,
  participation,
  progress,
  gates,
  outcomes,
  institutions,
  culture,
  tieDynamics,
  council,
  trust,
  turnover,
  partnerStrain,
  managers,
  transformation,
] as const;

type M = (typeof MECHANISMS)[number];
// biome-ignore lint/suspicious/noExplicitAny: the registry handles mechanisms of every type alike.
export type AnyMechanism = MechanismSpec<any, any, any, any, any, any>;

/** The mechanisms in the order they run: by process (MODEL.md §3), then `order`, then registration. */
export const SCHEDULE: readonly AnyMechanism[] = (() => {
  const list = [...(MECHANISMS as readonly AnyMechanism[])];
  const rank = (m: AnyMechanism) => PROCESSES.indexOf(m.process) * 1000 + (m.order ?? 0);
  const names = new Set<string>();
  for (const m of list) {
    if (names.has(m.name)) throw new Error(`mechanism name "${m.name}" is registered twice`);
    names.add(m.name);
  }
  return list
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i)
    .map((x) => x.m);
})();

export function mechanismsOf(process: ProcessName): readonly AnyMechanism[] {
  return SCHEDULE.filter((m) => m.process === process);
}

// ---- parameters -------------------------------------------------------------------------------

type NonEmpty<X extends M> = X extends M ? (keyof X['params'] extends never ? never : X) : never;
type MechanismGroups = { [X in NonEmpty<M> as X['name']]: X['params'] };
type Groups = { init: typeof initParams } & MechanismGroups & { levers: typeof leverParams };

/** Every parameter group: initialisation, one per mechanism with parameters (in schedule order), the levers. */
export const PARAM_GROUPS: Groups = (() => {
  const out: Record<string, ParamGroup> = { init: initParams };
  for (const m of SCHEDULE) if (Object.keys(m.params).length > 0) out[m.name] = m.params;
  out.levers = leverParams as ParamGroup;
  return out as unknown as Groups;
})();

export type ParamGroupName = keyof Groups;
export type ModelParams = { [G in ParamGroupName]: Groups[G] extends ParamGroup ? GroupValues<Groups[G]> : never };

export function defaultParams(): ModelParams {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, group] of Object.entries(PARAM_GROUPS)) out[name] = groupDefaults(group as ParamGroup);
  return out as ModelParams;
}

// ---- alternative mechanisms where the sources conflict ----------------------------------------

type ChoicesOf<X> = X extends { readonly choices?: infer C } ? (C extends ChoiceGroup ? C : never) : never;
type AllChoices = UnionToIntersection<ChoicesOf<M>>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every switchable mechanism: name → its alternatives, default, meaning and source. */
export const CHOICES: { readonly [K in keyof AllChoices]: AllChoices[K] } = (() => {
  const out: Record<string, ChoiceSpec> = {};
  for (const m of SCHEDULE) {
    for (const [name, spec] of Object.entries((m.choices ?? {}) as ChoiceGroup)) {
      if (name in out) throw new Error(`mechanism choice "${name}" is declared twice`);
      out[name] = spec;
    }
  }
  return out as unknown as AllChoices;
})();

export type MechanismChoice = { readonly [K in keyof AllChoices]: AllChoices[K] extends ChoiceSpec<infer V> ? V : never };

export function defaultChoices(): MechanismChoice {
  return Object.fromEntries(Object.entries(CHOICES as Record<string, ChoiceSpec>).map(([k, c]) => [k, c.default])) as MechanismChoice;
}

// ---- flows, indicators, streams ---------------------------------------------------------------

type FlowsOf<X> = X extends { readonly flows?: readonly (infer F)[] } ? F : never;
export type FlowName = FlowsOf<M>;
export type TickFlows = Record<FlowName, number>;

/** Every per-tick counter, each once, in schedule order. */
export const FLOWS: readonly FlowName[] = [...new Set(SCHEDULE.flatMap((m) => (m.flows ?? []) as FlowName[]))];

export function zeroFlows(): TickFlows {
  return Object.fromEntries(FLOWS.map((f) => [f, 0])) as TickFlows;
}

type IndicatorsOf<X> = X extends { readonly indicators?: infer R }
  ? R extends Readonly<Record<infer I, IndicatorSpec>>
    ? I
    : never
  : never;
export type IndicatorName = IndicatorsOf<M> & string;

/** Every indicator with what it measures, in recording order (schedule order; the index last). */
export const INDICATOR_SPECS: Readonly<Record<IndicatorName, IndicatorSpec>> = (() => {
  const out: Record<string, IndicatorSpec> = {};
  for (const m of SCHEDULE) {
    for (const [name, spec] of Object.entries((m.indicators ?? {}) as Record<string, IndicatorSpec>)) {
      if (name in out) throw new Error(`indicator "${name}" is contributed twice (second time by ${m.name})`);
      if (!m.observe) throw new Error(`mechanism ${m.name} declares indicators but no observe`);
      out[name] = spec;
    }
  }
  return out as Record<IndicatorName, IndicatorSpec>;
})();
export const INDICATORS: readonly IndicatorName[] = Object.keys(INDICATOR_SPECS) as IndicatorName[];

/** The random stream of each mechanism, and the levers' own. */
export const LEVER_STREAM = 'levers';
export function streamOf(m: AnyMechanism): string {
  return m.stream ?? m.name;
}

export type { LeverSpec };
export { LEVERS };
