/**
 * A package: the candidate levers a genome switches on, each with a start week, a duration and an
 * intensity. Genes per candidate lever: `kind.on` (off/on, when the lever is optional),
 * `kind.start` and `kind.duration` (whole weeks in their ranges) and `kind.intensity` (rounded to
 * hundredths, so packages read cleanly and equal packages share one evaluation).
 */
import { type InterventionItem, LEVERS, type LeverSpec } from '../model/index.js';
import type { ResolvedInterventionJson, ResolvedScenario, ResolvedScenarioJson } from '../scenario/index.js';
import { decodeGenome, type GeneSpec } from './genes.js';
import type { SearchSpec } from './spec.js';

export interface PackageItem {
  readonly kind: string;
  readonly start: number;
  /** Exclusive end week, or null for "to the end of the run". */
  readonly end: number | null;
  readonly intensity: number;
}

export function searchGenes(spec: SearchSpec): GeneSpec[] {
  return spec.levers.flatMap((l): GeneSpec[] => [
    ...(l.optional ? [{ kind: 'categorical', name: `${l.kind}.on`, options: ['off', 'on'] } as const] : []),
    { kind: 'integer', name: `${l.kind}.start`, min: l.start[0], max: l.start[1] },
    { kind: 'integer', name: `${l.kind}.duration`, min: l.duration[0], max: l.duration[1] },
    { kind: 'real', name: `${l.kind}.intensity`, min: l.intensity[0], max: l.intensity[1] },
  ]);
}

/** The package a genome stands for, in candidate order. */
export function decodePackage(spec: SearchSpec, genes: readonly GeneSpec[], genome: readonly number[]): PackageItem[] {
  const v = decodeGenome(genes, genome);
  const horizon = spec.scenario.config.ticks;
  return spec.levers.flatMap((l) => {
    if (l.optional && v[`${l.kind}.on`] === 'off') return [];
    const start = v[`${l.kind}.start`] as number;
    const end = start + (v[`${l.kind}.duration`] as number);
    return [
      { kind: l.kind, start, end: end >= horizon ? null : end, intensity: Math.round((v[`${l.kind}.intensity`] as number) * 100) / 100 },
    ];
  });
}

/** Equal packages have equal keys (the evaluation cache's key). */
export function packageKey(p: readonly PackageItem[]): string {
  return JSON.stringify(p.map((i) => [i.kind, i.start, i.end, i.intensity]));
}

function defaultOptions(kind: string): Record<string, number | boolean | string> {
  const l = (LEVERS as readonly LeverSpec[]).find((x) => x.kind === kind);
  return Object.fromEntries(Object.entries(l?.options ?? {}).map(([k, o]) => [k, o.default]));
}

/** The base scenario's interventions followed by the package's, sorted (stably) by start week like a resolved scenario's. */
export function packageInterventions(base: ResolvedScenario, p: readonly PackageItem[]): InterventionItem[] {
  const added: InterventionItem[] = p.map((i) => ({
    kind: i.kind,
    start: i.start,
    end: i.end,
    intensity: i.intensity,
    units: null,
    options: defaultOptions(i.kind),
  }));
  return [...base.interventions, ...added].sort((a, b) => a.start - b.start);
}

/** A package as a complete scenario file (the base scenario resolved, with the package's levers appended): `tanker batch` runs it. */
export function packageScenario(
  base: ResolvedScenario,
  p: readonly PackageItem[],
  name: string,
  description: string,
): ResolvedScenarioJson {
  const added: ResolvedInterventionJson[] = p.map((i) => ({
    kind: i.kind,
    label: `${i.kind} (search)`,
    start: i.start,
    ...(i.end === null ? {} : { end: i.end }),
    intensity: i.intensity,
    options: defaultOptions(i.kind),
  }));
  const { description: _, ...rest } = base.resolved;
  return { ...rest, name, description, interventions: [...base.resolved.interventions, ...added] };
}

/** "matrix w12–64 ×0.80; tugboats w0–end ×1.00" */
export function packageText(p: readonly PackageItem[]): string {
  if (p.length === 0) return '(no levers)';
  return p.map((i) => `${i.kind} w${i.start}–${i.end ?? 'end'} ×${i.intensity.toFixed(2)}`).join('; ');
}
