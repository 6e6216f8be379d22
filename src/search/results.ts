/**
 * The Pareto set as rows: each candidate's package, its mean measures and its robustness: the
 * share of worlds (replicates × mechanism variants; over an ensemble each replicate is a plausible
 * parameter set) where it turns by turnBy, that share per
 * mechanism variant, and its regret against the best candidate in each world. Regret is on the
 * first objective: for `turn`, weeks later than the earliest-turning candidate of that world (a
 * run that never turns counts as turning at the horizon); for an indicator, how far it falls
 * short of the best candidate's value there; for effort, the difference in million NOK.
 */
import { type Cell, csvText } from '../io/table-sink.js';
import type { ParetoCandidate } from './driver.js';
import { measureKey, measureMean, type PackageEvaluation, turnedBy, variantLabel, type WorldSet } from './evaluate.js';
import { packageText } from './package.js';
import type { Objective, SearchSpec } from './spec.js';

export interface CandidateRow {
  /** 1-based, in the order of the first objective. */
  readonly id: number;
  readonly candidate: ParetoCandidate;
  /** Mean of each objective's measure (not negated). */
  readonly objectives: readonly number[];
  readonly turnShare: number;
  readonly turnShareByVariant: readonly number[];
  /** Regret in each world (in `WorldSet.worlds` order), in the unit of `regretUnit`. */
  readonly regrets: readonly number[];
  readonly regretMean: number;
  readonly regretMax: number;
}

/** The value of the first objective in world w, oriented so that larger is better. */
function worldScore(spec: SearchSpec, o: Objective, e: PackageEvaluation, w: number): number {
  if (o.name === 'effort') return -e.effort;
  if (o.name === 'turn') return -(e.turnTick[w] ?? spec.scenario.config.ticks);
  const v = e.values[measureKey(o)]![w]!;
  return o.direction === 'max' ? v : -v;
}

export function regretUnit(o: Objective): string {
  return o.name === 'turn' ? 'weeks' : o.name === 'effort' ? 'M NOK' : o.name;
}

export function candidateRows(spec: SearchSpec, set: WorldSet, candidates: readonly ParetoCandidate[]): CandidateRow[] {
  const W = set.worlds.length;
  const first = spec.objectives[0]!;
  const best = Array.from({ length: W }, (_, w) => Math.max(...candidates.map((c) => worldScore(spec, first, c.evaluation, w))));
  return candidates.map((c, i) => {
    const e = c.evaluation;
    const regrets = Array.from({ length: W }, (_, w) => best[w]! - worldScore(spec, first, e, w));
    const byVariant = set.variants.map((_, v) => {
      const ws = set.worlds.flatMap((x, w) => (x.variant === v ? [w] : []));
      return ws.filter((w) => turnedBy(e, w, spec.turnBy)).length / ws.length;
    });
    return {
      id: i + 1,
      candidate: c,
      objectives: spec.objectives.map((o) => measureMean(spec, e, o)),
      turnShare: measureMean(spec, e, { name: 'turn', week: spec.turnBy }),
      turnShareByVariant: byVariant,
      regrets,
      regretMean: regrets.reduce((a, b) => a + b, 0) / W,
      regretMax: Math.max(...regrets),
    };
  });
}

export function objectiveLabel(o: Objective): string {
  const what = o.name === 'turn' ? 'P(turn)' : o.name === 'effort' ? 'effort M NOK' : `${o.name}@w${o.week}`;
  return `${what} (${o.direction})`;
}

/** pareto.csv: one row per candidate, with its levers in columns (empty when left out). */
export function paretoCsv(spec: SearchSpec, set: WorldSet, rows: readonly CandidateRow[]): string {
  const head: string[] = ['candidate', 'file', 'package'];
  for (const l of spec.levers) head.push(`${l.kind}.start`, `${l.kind}.end`, `${l.kind}.intensity`);
  head.push(...spec.objectives.map((o) => (o.name === 'turn' ? 'turnShare' : o.name === 'effort' ? 'effortMNOK' : `${o.name}@${o.week}`)));
  head.push('staffHours', 'turnShareAll', ...set.variants.map((v) => `turnShare[${variantLabel(v)}]`));
  const unit = regretUnit(spec.objectives[0]!);
  head.push(`regretMean[${unit}]`, `regretMax[${unit}]`);
  const body = rows.map((r): Cell[] => {
    const p = r.candidate.evaluation.package;
    const cells: Cell[] = [r.id, candidateFile(r.id), packageText(p)];
    for (const l of spec.levers) {
      const item = p.find((i) => i.kind === l.kind);
      cells.push(item ? item.start : null, item ? (item.end ?? spec.scenario.config.ticks) : null, item ? item.intensity : null);
    }
    cells.push(...r.objectives, r.candidate.evaluation.staffHours, r.turnShare, ...r.turnShareByVariant, r.regretMean, r.regretMax);
    return cells;
  });
  return csvText([head, ...body]);
}

/**
 * worlds.csv: one row per candidate and world, so robustness can be read per plausible world:
 * its variant, replicate and ensemble member, whether and when it turned, and its regret there.
 */
export function worldsCsv(spec: SearchSpec, set: WorldSet, rows: readonly CandidateRow[]): string {
  const unit = regretUnit(spec.objectives[0]!);
  const head = ['candidate', 'world', 'variant', 'replicate', 'member', 'turned', 'turnWeek', `regret[${unit}]`];
  const body = rows.flatMap((r) =>
    set.worlds.map((w, k): Cell[] => [
      r.id,
      k,
      variantLabel(set.variants[w.variant]!),
      w.replicate,
      w.member,
      turnedBy(r.candidate.evaluation, k, spec.turnBy) ? 1 : 0,
      r.candidate.evaluation.turnTick[k] ?? null,
      r.regrets[k]!,
    ]),
  );
  return csvText([head, ...body]);
}

export function candidateFile(id: number): string {
  return `candidates/candidate-${String(id).padStart(2, '0')}.yaml`;
}
