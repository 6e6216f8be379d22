/**
 * Reads a batch folder (manifest.json, summary.csv, aggregate.csv) into what the report and the
 * comparison need. An arm is one scenario, or one sweep point of a scenario with a sweep (named by
 * its swept values in the report's language, e.g. "relay-sweep relay = 0.6, silo strength = 0.5").
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ComparisonRow, compareScenarios, type ReplicateRecord } from '../analysis/compare.js';
import type { Description } from '../analysis/describe.js';
import { Calendar } from '../engine/calendar.js';
import { CsvTable, toNumber } from '../io/csv.js';
import { INDICATORS } from '../model/index.js';
import type { Lang } from './names.js';
import { armName } from './sweep-labels.js';

export interface InterventionMark {
  readonly kind: string;
  readonly label: string | null;
  readonly labelNb: string | null;
  readonly startWeek: number;
  readonly endWeek: number | null;
}

export interface Arm {
  /** Unique name of the arm: the scenario name, or the scenario and its swept values for sweep points (sweep-labels.ts). */
  readonly name: string;
  readonly scenario: string;
  readonly point: number;
  readonly pointValues: Readonly<Record<string, number>>;
  readonly description: string | null;
  readonly descriptionNb: string | null;
  readonly source: string;
  readonly seed: string;
  readonly replicates: number;
  readonly start: string;
  readonly horizon: number;
  readonly elections: boolean;
  readonly interventions: readonly InterventionMark[];
  readonly turnThreshold: number;
  /** The ensemble the arm ran over (tanker batch --ensemble), if any. */
  readonly ensemble?: { readonly name: string; readonly hash: string; readonly members: number } | undefined;
}

/** The across-replicate statistics of one week (analysis/describe.ts), as aggregate.csv holds them. */
export interface AggregatePoint extends Description {
  readonly tick: number;
  readonly date: string;
}

export interface BatchResults {
  readonly dir: string;
  readonly plan: string;
  readonly modelVersion: string;
  readonly version: string;
  readonly arms: readonly Arm[];
  readonly records: readonly ReplicateRecord[];
  /** Per-tick aggregate of one arm and indicator (empty if absent). */
  aggregate(arm: string, indicator: string): readonly AggregatePoint[];
}

interface ManifestScenario {
  readonly name: string;
  readonly source: string;
  readonly seed: string | number;
  readonly replicates: number;
  readonly points: readonly { index: number; values: Record<string, number> }[];
  readonly ensemble?: { readonly name: string; readonly hash: string; readonly members: number };
  readonly resolved?: {
    readonly description?: string | null;
    readonly description_nb?: string | null;
    readonly start?: string;
    readonly horizon?: number;
    readonly elections?: boolean;
    readonly parameters?: { readonly index?: { readonly turnThreshold?: number } };
    readonly interventions?: readonly ManifestIntervention[];
  };
}

/** An intervention as the resolved scenario writes it (start and end as dates or weeks); manifests before 0.2 also had the weeks. */
interface ManifestIntervention {
  readonly kind: string;
  readonly label?: string | null;
  readonly label_nb?: string | null;
  readonly start?: string | number;
  readonly end?: string | number | null;
  readonly startWeek?: number;
  readonly endWeek?: number | null;
}

/** The week of a start or end written as a date or a week index. */
function weekOf(v: string | number | null | undefined, start: string): number | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'number' ? v : new Calendar(start, 0).tickOf(v);
}

interface Manifest {
  readonly version?: string;
  readonly modelVersion?: string;
  readonly plan?: string;
  readonly scenarios: readonly ManifestScenario[];
}

const DEFAULT_THRESHOLD = 0.45;
const DEFAULT_START = '2026-01-05';

/** `lang` is the language of sweep points' names (their values' decimal mark). */
export function loadBatch(dir: string, lang: Lang = 'en'): BatchResults {
  const mPath = join(dir, 'manifest.json');
  if (!existsSync(mPath)) throw new Error(`${dir}: no manifest.json; is this a finished batch folder (tanker batch ... --out DIR)?`);
  const manifest = JSON.parse(readFileSync(mPath, 'utf8')) as Manifest;
  const summary = CsvTable.read(join(dir, 'summary.csv'));
  const aggregate = CsvTable.read(join(dir, 'aggregate.csv'));

  const arms: Arm[] = [];
  const armOf = new Map<string, Arm>();
  for (const s of manifest.scenarios) {
    const r = s.resolved ?? {};
    for (const p of s.points) {
      const label = armName(lang, s.name, p.values, s.points.length);
      // Rounded values of a Latin hypercube may coincide: the point's index keeps names unique.
      const name = arms.some((a) => a.name === label) ? `${label} #${p.index}` : label;
      const threshold = p.values['index.turnThreshold'] ?? r.parameters?.index?.turnThreshold ?? DEFAULT_THRESHOLD;
      const arm: Arm = {
        name,
        scenario: s.name,
        point: p.index,
        pointValues: p.values,
        description: r.description ?? null,
        descriptionNb: r.description_nb ?? null,
        source: s.source,
        seed: String(s.seed),
        replicates: s.replicates,
        start: r.start ?? DEFAULT_START,
        horizon: r.horizon ?? 260,
        elections: r.elections ?? true,
        interventions: (r.interventions ?? []).map((i) => ({
          kind: i.kind,
          label: i.label ?? null,
          labelNb: i.label_nb ?? null,
          startWeek: i.startWeek ?? weekOf(i.start, r.start ?? DEFAULT_START) ?? 0,
          endWeek: i.endWeek ?? weekOf(i.end, r.start ?? DEFAULT_START),
        })),
        turnThreshold: threshold,
        ...(s.ensemble ? { ensemble: { name: s.ensemble.name, hash: s.ensemble.hash, members: s.ensemble.members } } : {}),
      };
      arms.push(arm);
      armOf.set(`${s.name}\u0000${p.index}`, arm);
    }
  }

  const records: ReplicateRecord[] = [];
  const cScenario = summary.col('scenario');
  const cPoint = summary.col('point');
  const cRep = summary.col('replicate');
  const cSeed = summary.col('seed');
  const cTurn = summary.col('turnTick');
  const finalCols = INDICATORS.filter((n) => summary.has(`final_${n}`)).map((n) => [n, summary.col(`final_${n}`)] as const);
  for (const row of summary.rows) {
    const arm = armOf.get(`${row[cScenario]}\u0000${row[cPoint]}`);
    if (!arm) continue;
    const turn = toNumber(row[cTurn]!);
    const final: Record<string, number> = {};
    for (const [n, c] of finalCols) final[n] = toNumber(row[c]!);
    records.push({ arm: arm.name, seed: row[cSeed]!, replicate: Number(row[cRep]), turnTick: Number.isFinite(turn) ? turn : null, final });
  }

  // Aggregate rows grouped by arm and indicator, in tick order (as written).
  const groups = new Map<string, AggregatePoint[]>();
  const a = aggregate;
  const ci = (name: string) => (a.has(name) ? a.col(name) : -1);
  const cols = {
    scenario: a.col('scenario'),
    point: a.col('point'),
    indicator: a.col('indicator'),
    tick: a.col('tick'),
    date: a.col('date'),
    n: ci('n'),
    mean: ci('mean'),
    sd: ci('sd'),
    q05: ci('q05'),
    q25: ci('q25'),
    q50: ci('q50'),
    q75: ci('q75'),
    q95: ci('q95'),
    ciLow: ci('ciLow'),
    ciHigh: ci('ciHigh'),
  };
  const get = (row: readonly string[], c: number) => (c < 0 ? Number.NaN : toNumber(row[c]!));
  for (const row of a.rows) {
    const arm = armOf.get(`${row[cols.scenario]}\u0000${row[cols.point]}`);
    if (!arm) continue;
    const key = `${arm.name}\u0000${row[cols.indicator]}`;
    let g = groups.get(key);
    if (!g) {
      g = [];
      groups.set(key, g);
    }
    g.push({
      tick: Number(row[cols.tick]),
      date: row[cols.date]!,
      n: get(row, cols.n),
      mean: get(row, cols.mean),
      sd: get(row, cols.sd),
      q05: get(row, cols.q05),
      q25: get(row, cols.q25),
      q50: get(row, cols.q50),
      q75: get(row, cols.q75),
      q95: get(row, cols.q95),
      ciLow: get(row, cols.ciLow),
      ciHigh: get(row, cols.ciHigh),
    });
  }
  for (const g of groups.values()) g.sort((x, y) => x.tick - y.tick);

  return {
    dir,
    plan: manifest.plan ?? '',
    modelVersion: manifest.modelVersion ?? '',
    version: manifest.version ?? '',
    arms,
    records,
    aggregate: (arm, indicator) => groups.get(`${arm}\u0000${indicator}`) ?? [],
  };
}

/** Election weeks of an arm (none when its elections are off). */
export function electionWeeks(arm: Arm): number[] {
  return arm.elections ? new Calendar(arm.start, arm.horizon).electionTicks() : [];
}

/** Date of a week of an arm. */
export function weekDate(arm: Arm, week: number): string {
  return new Calendar(arm.start, Math.max(arm.horizon, week + 1)).isoDate(week);
}

/** The baseline arm: the given name (an arm, a scenario, or "scenario #k"), else "baseline" if present, else the first. */
export function chooseBaseline(arms: readonly Arm[], name?: string): Arm {
  if (arms.length === 0) throw new Error('the batch has no scenarios');
  if (name !== undefined) {
    // An arm's name, a scenario's name (its first point), or "scenario #k" for sweep point k.
    const hit =
      arms.find((a) => a.name === name) ??
      arms.find((a) => a.scenario === name && a.point === 0) ??
      arms.find((a) => `${a.scenario} #${a.point}` === name);
    if (!hit) throw new Error(`--baseline "${name}" is not a scenario of this batch (scenarios: ${arms.map((a) => a.name).join(', ')})`);
    return hit;
  }
  return arms.find((a) => a.name === 'baseline') ?? arms[0]!;
}

/** Every other arm of a batch against the baseline arm (`tanker compare`, the report, the API's compareBatch). */
export function comparisonFor(batch: BatchResults, baseline: string): ComparisonRow[] {
  return compareScenarios(
    batch.records,
    batch.arms.map((a) => a.name),
    baseline,
  );
}
