/**
 * Parameter sweeps: a full grid over named values, or a Latin hypercube sample over ranges. A
 * name is "group.parameter" for a model parameter (e.g. "signals.relay") or
 * "organisation.field" for a numeric organisation field (e.g. "organisation.siloStrength").
 */

import { Rng } from '../engine/rng.js';
import { type ModelConfig, type OrgConfig, PARAM_GROUPS } from '../model/index.js';

export interface SweepPoint {
  readonly index: number;
  readonly values: Readonly<Record<string, number>>;
}

export interface SweepSpec {
  readonly grid?: Readonly<Record<string, readonly number[]>>;
  readonly latinHypercube?: {
    readonly samples: number;
    readonly seed: string | number;
    readonly ranges: Readonly<Record<string, readonly [number, number]>>;
  };
}

/** The numeric organisation fields a sweep may vary; counts (integer: true) are rounded to whole numbers. */
export const ORG_NUMERIC: Readonly<Partial<Record<keyof OrgConfig, { readonly integer: boolean }>>> = {
  population: { integer: true },
  citizenSample: { integer: true },
  staffPerThousand: { integer: false },
  politicians: { integer: true },
  blocs: { integer: true },
  partners: { integer: true },
  siloStrength: { integer: false },
  matrixDegree: { integer: false },
  projectBudgetShare: { integer: false },
  reportingLoad: { integer: false },
  centralisation: { integer: false },
  topSignal: { integer: false },
  enthusiastShare: { integer: false },
  budgetPressure: { integer: false },
  demandGrowth: { integer: false },
  politicalBacking: { integer: false },
  backingBreadth: { integer: false },
};

/** All names a sweep may vary, for validation and did-you-mean. */
export function sweepableNames(): string[] {
  const out: string[] = Object.keys(ORG_NUMERIC).map((f) => `organisation.${f}`);
  for (const [g, group] of Object.entries(PARAM_GROUPS)) for (const p of Object.keys(group)) out.push(`${g}.${p}`);
  return out;
}

export function expandSweep(spec: SweepSpec | undefined): SweepPoint[] {
  if (!spec || (!spec.grid && !spec.latinHypercube)) return [{ index: 0, values: {} }];
  if (spec.grid) {
    let points: Record<string, number>[] = [{}];
    for (const [name, values] of Object.entries(spec.grid)) {
      points = points.flatMap((p) => values.map((v) => ({ ...p, [name]: v })));
    }
    return points.map((values, index) => ({ index, values }));
  }
  const lhs = spec.latinHypercube!;
  return latinHypercube(lhs.samples, lhs.ranges, lhs.seed);
}

/**
 * Latin hypercube: each range is cut into n equal strata; each stratum is used exactly once per
 * dimension, at a uniform position inside it, with strata matched across dimensions by seeded
 * permutations (McKay, Beckman and Conover 1979).
 */
export function latinHypercube(
  n: number,
  ranges: Readonly<Record<string, readonly [number, number]>>,
  seed: string | number,
): SweepPoint[] {
  const r = new Rng(`${seed}|lhs`);
  const names = Object.keys(ranges);
  const columns = names.map((name) => {
    const [lo, hi] = ranges[name]!;
    const perm = new Int32Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    r.shuffle(perm);
    return Array.from(perm, (s) => lo + ((s + r.next()) / n) * (hi - lo));
  });
  return Array.from({ length: n }, (_, index) => ({
    index,
    values: Object.fromEntries(names.map((name, k) => [name, columns[k]![index]!])),
  }));
}

/** The configuration of one sweep point: a copy of the base with the point's values set. */
export function applyPoint(base: ModelConfig, point: SweepPoint): ModelConfig {
  const names = Object.keys(point.values);
  if (names.length === 0) return base;
  const params = structuredClone(base.params) as unknown as Record<string, Record<string, number>>;
  const org = { ...base.org } as Record<string, unknown>;
  for (const name of names) {
    const v = point.values[name]!;
    const [group, field] = name.split('.', 2) as [string, string];
    if (group === 'organisation') {
      const spec = ORG_NUMERIC[field as keyof OrgConfig];
      if (!spec) throw new Error(`sweep: "${name}" is not a numeric organisation field`);
      // Counts are whole numbers; shares, strengths and rates are not.
      org[field] = spec.integer ? Math.round(v) : v;
    } else {
      const g = params[group];
      const spec = (PARAM_GROUPS as Record<string, Record<string, { integer?: boolean }>>)[group]?.[field];
      if (!g || !spec) throw new Error(`sweep: unknown parameter "${name}"`);
      g[field] = spec.integer ? Math.round(v) : v;
    }
  }
  return { ...base, org: org as unknown as OrgConfig, params: params as unknown as ModelConfig['params'] };
}
