/**
 * The building blocks of a stylised-fact check: conditions (a configuration plus interventions)
 * run over the same replicates with common random numbers, and accessors over their results.
 */
import {
  INDICATORS,
  type IndicatorName,
  type InterventionItem,
  LEVERS,
  type LeverKind,
  type ModelConfig,
  type ModelParams,
  type OrgConfig,
  presetConfig,
  type SizePreset,
  type TickFlows,
} from '../model/index.js';

export interface Condition {
  readonly config: ModelConfig;
  readonly interventions: readonly InterventionItem[];
  readonly elections: boolean;
}

export interface RunResult {
  readonly data: Float64Array;
  readonly width: number;
  readonly turnTick: number | null;
  readonly totals: TickFlows;
}

/** A lever at full intensity from `start` with its default options. */
export function lever(
  kind: LeverKind,
  start = 13,
  intensity = 1,
  end: number | null = null,
  options: Record<string, number | boolean | string> = {},
): InterventionItem {
  const spec = LEVERS.find((l) => l.kind === kind)!;
  const defaults = Object.fromEntries(Object.entries(spec.options).map(([k, o]) => [k, o.default]));
  return { kind, start, end, intensity, units: null, options: { ...defaults, ...options } };
}

export function baseConfig(size: SizePreset, ticks?: number): ModelConfig {
  const c = presetConfig(size);
  return ticks === undefined ? c : { ...c, ticks };
}

export function withOrg(c: ModelConfig, org: Partial<OrgConfig>): ModelConfig {
  return { ...c, org: { ...c.org, ...org } };
}

export function withLayers(c: ModelConfig, layers: number): ModelConfig {
  return { ...c, org: { ...c.org, units: c.org.units.map((u) => ({ ...u, layers })) } };
}

export function withParam<G extends keyof ModelParams>(c: ModelConfig, group: G, values: Partial<ModelParams[G]>): ModelConfig {
  return { ...c, params: { ...c.params, [group]: { ...c.params[group], ...values } } };
}

export function condition(config: ModelConfig, interventions: readonly InterventionItem[] = [], elections = true): Condition {
  return { config, interventions, elections };
}

const COL = Object.fromEntries(INDICATORS.map((n, i) => [n, i])) as Record<IndicatorName, number>;

export function at(r: RunResult, name: IndicatorName, tick: number): number {
  return r.data[tick * r.width + COL[name]]!;
}

export function final(r: RunResult, name: IndicatorName): number {
  return at(r, name, r.data.length / r.width - 1);
}

/** Mean of an indicator over ticks [from, to), ignoring NaN. */
export function meanOver(r: RunResult, name: IndicatorName, from: number, to: number): number {
  let s = 0;
  let n = 0;
  for (let t = from; t < to; t++) {
    const v = at(r, name, t);
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  }
  return n > 0 ? s / n : Number.NaN;
}
