// Helpers for model tests: immutable config overrides, small worlds and simple statistics.
import type { ModelConfig, OrgConfig, SizePreset, UnitConfig } from '../../src/model/config.js';
import type { IndicatorName, ModelParams, TickFlows } from '../../src/model/index.js';
import { presetConfig } from '../../src/model/presets.js';
import type { World } from '../../src/model/state.js';

/** A preset with a short horizon. */
export function preset(size: SizePreset, ticks: number): ModelConfig {
  return { ...presetConfig(size), ticks };
}

/** The small preset with a short horizon. */
export function small(ticks = 52): ModelConfig {
  return preset('small', ticks);
}

/** Override some parameters of one group, immutably. */
export function withParams<G extends keyof ModelParams>(cfg: ModelConfig, group: G, patch: Partial<ModelParams[G]>): ModelConfig {
  const params = { ...cfg.params, [group]: { ...cfg.params[group], ...patch } } as ModelParams;
  return { ...cfg, params };
}

/** Override organisation-level configuration, immutably. */
export function withOrg(cfg: ModelConfig, patch: Partial<OrgConfig>): ModelConfig {
  return { ...cfg, org: { ...cfg.org, ...patch } };
}

/** Apply the same patch to every unit, immutably. */
export function withUnits(cfg: ModelConfig, patch: Partial<UnitConfig>): ModelConfig {
  return withOrg(cfg, { units: cfg.org.units.map((u) => ({ ...u, ...patch })) });
}

export function mean(a: ArrayLike<number>, from = 0, to = a.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i]!;
  return s / (to - from);
}

export function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

/** Recorded indicator series of a world. */
export function series(w: World, name: IndicatorName): Float64Array {
  return w.rec.column(name);
}

/** Mean of a staff attribute over the staff of one unit. */
export function unitMean(w: World, values: ArrayLike<number>, unit: number): number {
  const first = w.units.firstStaff[unit]!;
  return mean(values, first, first + w.units.staff[unit]!);
}

/** Team members of initiative `id` as a plain array. */
export function teamOf(w: World, id: number): number[] {
  const s = w.inits;
  return Array.from(s.team.subarray(id * s.maxTeam, id * s.maxTeam + s.teamCount[id]!));
}

/** Neighbours of staff member i as a plain array. */
export function tiesOf(w: World, i: number): number[] {
  const g = w.ties;
  return Array.from(g.neighbors.subarray(g.offsets[i]!, g.offsets[i]! + g.degree[i]!));
}

/** The world's parameters, typed. */
export function params(w: World): ModelParams {
  return w.p as ModelParams;
}

/** The world's per-tick flows, typed. */
export function flowsOf(w: World): TickFlows {
  return w.flows as TickFlows;
}
