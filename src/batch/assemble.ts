/**
 * Assembly: from the checkpointed parts, in canonical task order, write the result tables of a
 * batch: per replicate and tick (ticks.parquet), per replicate (summary.parquet/.csv) and per
 * scenario, sweep point, indicator and tick across replicates (aggregate.parquet/.csv). Only
 * parts are read, so any split of the work (threads, shards, resumes) gives the same bytes.
 * Columns are typed: dates as DATE, counts (initiatives, routines, proposals and the run totals
 * of counted flows) as integers. If anything fails, no table and no temporary file is left.
 */
import { join } from 'node:path';
import { describe } from '../analysis/describe.js';
import { Calendar } from '../engine/calendar.js';
import { writeFileAtomic } from '../io/atomic.js';
import { removeFile } from '../io/fs.js';
import type { ColumnDef } from '../io/parquet.js';
import { type Cell, csvCell, TableSink } from '../io/table-sink.js';
import { INDICATOR_SPECS, INDICATORS, type IndicatorName, type TickFlows, zeroFlows } from '../model/index.js';
import { existingParts, readPart } from './parts.js';
import type { Plan, Task } from './plan.js';

const TOTALS = Object.keys(zeroFlows()) as (keyof TickFlows)[];

/** Indicators that count things: integers in every table (their means and spreads are not). */
/** Indicators that are whole numbers (units `count` and `routines`), written as INT32. */
export const COUNT_INDICATORS: ReadonlySet<IndicatorName> = new Set(
  INDICATORS.filter((n) => INDICATOR_SPECS[n].unit === 'count' || INDICATOR_SPECS[n].unit === 'routines'),
);
/** Every flow is a count except the public value created. */
const REAL_TOTALS: ReadonlySet<keyof TickFlows> = new Set<keyof TickFlows>(['value', 'citizenValue']);

const indicatorColumn = (name: string, indicator: IndicatorName): ColumnDef => ({
  name,
  type: COUNT_INDICATORS.has(indicator) ? 'INT32' : 'DOUBLE',
});

export interface AssembleResult {
  readonly files: readonly string[];
  readonly missing: readonly string[];
}

function sweepNames(plan: Plan): string[] {
  const names = new Set<string>();
  for (const s of plan.scenarios) for (const p of s.points) for (const k of Object.keys(p.values)) names.add(k);
  return [...names].sort();
}

/**
 * `touch` is called now and then, to show a lock's holder is alive through a long assembly. A
 * folder has results only with its manifest: the old manifest goes first, and if assembly fails
 * the tables it had finished go too, so an incomplete set never looks complete.
 */
export function assemble(plan: Plan, out: string, createdBy: string, touch: () => void = () => {}): AssembleResult {
  removeFile(join(out, 'manifest.json'));
  const sinks: TableSink[] = [];
  const open = (sink: TableSink) => {
    sinks.push(sink);
    return sink;
  };
  try {
    return assembleInto(plan, out, createdBy, touch, open);
  } catch (e) {
    for (const sink of sinks) sink.abort();
    for (const f of TABLE_FILES) {
      try {
        removeFile(join(out, f));
      } catch {
        // a read-only folder: nothing was written there either
      }
    }
    throw e;
  }
}

/** Every file assembly may write. */
const TABLE_FILES = ['ticks.parquet', 'summary.parquet', 'summary.csv', 'aggregate.parquet', 'aggregate.csv', 'points.csv'];

function assembleInto(plan: Plan, out: string, createdBy: string, touch: () => void, open: (sink: TableSink) => TableSink): AssembleResult {
  const have = existingParts(out);
  const tasks = plan.tasks.filter((t) => have.has(t.key));
  const missing = plan.tasks.filter((t) => !have.has(t.key)).map((t) => t.key);
  const sweeps = sweepNames(plan);
  const sweepCols = sweeps.map((n) => `sweep:${n}`);
  const files: string[] = [];

  // 1. Per replicate and tick, and per replicate.
  const tickCols: ColumnDef[] = [
    { name: 'scenario', type: 'STRING' },
    { name: 'point', type: 'INT32' },
    { name: 'replicate', type: 'INT32' },
    { name: 'seed', type: 'STRING' },
    { name: 'tick', type: 'INT32' },
    { name: 'date', type: 'DATE' },
    ...sweepCols.map((name): ColumnDef => ({ name, type: 'DOUBLE' })),
    ...INDICATORS.map((name) => indicatorColumn(name, name)),
  ];
  const sumCols: ColumnDef[] = [
    { name: 'scenario', type: 'STRING' },
    { name: 'point', type: 'INT32' },
    { name: 'replicate', type: 'INT32' },
    { name: 'seed', type: 'STRING' },
    ...sweepCols.map((name): ColumnDef => ({ name, type: 'DOUBLE' })),
    { name: 'turnTick', type: 'INT32' },
    { name: 'turnDate', type: 'DATE' },
    ...TOTALS.map((k): ColumnDef => ({ name: `total_${k}`, type: REAL_TOTALS.has(k) ? 'DOUBLE' : 'INT32' })),
    ...INDICATORS.map((n) => indicatorColumn(`final_${n}`, n)),
    ...INDICATORS.map((n) => indicatorColumn(`peak_${n}`, n)),
  ];
  const ticksOut = open(new TableSink(join(out, 'ticks'), tickCols, createdBy, false));
  const summaryOut = open(new TableSink(join(out, 'summary'), sumCols, createdBy, true));
  const calendars = plan.scenarios.map((s) => new Calendar(s.config.startDate, s.config.ticks));
  for (const t of tasks) {
    touch();
    const { header, data } = readPart(out, t.key);
    const s = plan.scenarios[t.scenario]!;
    const cal = calendars[t.scenario]!;
    const point = s.points[t.point]!;
    const W = header.width;
    const sweepValues = sweeps.map((n) => point.values[n] ?? null);
    for (let k = 0; k < header.ticks; k++) {
      const row: Cell[] = [s.name, t.point, t.replicate, String(s.seed), k, cal.dayOf(k), ...sweepValues];
      for (let c = 0; c < W; c++) row.push(data[k * W + c]!);
      ticksOut.push(row);
    }
    const last = header.ticks - 1;
    const peaks = INDICATORS.map((_, c) => {
      let m = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < header.ticks; k++) {
        const v = data[k * W + c]!;
        if (v > m) m = v;
      }
      return Number.isFinite(m) ? m : Number.NaN;
    });
    summaryOut.push([
      s.name,
      t.point,
      t.replicate,
      String(s.seed),
      ...sweeps.map((n) => point.values[n] ?? null),
      header.turnTick,
      header.turnTick === null ? null : cal.dayOf(header.turnTick),
      ...TOTALS.map((k) => header.totals[k]),
      ...INDICATORS.map((_, c) => data[last * W + c]!),
      ...peaks,
    ]);
  }
  ticksOut.finish();
  summaryOut.finish();
  files.push('ticks.parquet', 'summary.parquet', 'summary.csv');

  // 2. Across replicates, per scenario, point, indicator and tick.
  const aggCols: ColumnDef[] = [
    { name: 'scenario', type: 'STRING' },
    { name: 'point', type: 'INT32' },
    ...sweepCols.map((name): ColumnDef => ({ name, type: 'DOUBLE' })),
    { name: 'indicator', type: 'STRING' },
    { name: 'tick', type: 'INT32' },
    { name: 'date', type: 'DATE' },
    { name: 'n', type: 'INT32' },
    { name: 'mean', type: 'DOUBLE' },
    { name: 'sd', type: 'DOUBLE' },
    { name: 'q05', type: 'DOUBLE' },
    { name: 'q25', type: 'DOUBLE' },
    { name: 'q50', type: 'DOUBLE' },
    { name: 'q75', type: 'DOUBLE' },
    { name: 'q95', type: 'DOUBLE' },
    { name: 'ciLow', type: 'DOUBLE' },
    { name: 'ciHigh', type: 'DOUBLE' },
  ];
  const aggOut = open(new TableSink(join(out, 'aggregate'), aggCols, createdBy, true));
  for (const group of groupTasks(tasks)) {
    touch();
    const first = group[0]!;
    const s = plan.scenarios[first.scenario]!;
    const cal = calendars[first.scenario]!;
    const point = s.points[first.point]!;
    const T = s.config.ticks;
    const W = INDICATORS.length;
    const R = group.length;
    // Indicator blocks bound memory at about 4 M doubles whatever the number of replicates.
    const B = Math.max(1, Math.min(W, Math.floor(4e6 / (R * T))));
    const values = new Float64Array(R);
    for (let c0 = 0; c0 < W; c0 += B) {
      touch();
      const c1 = Math.min(W, c0 + B);
      const block = new Float64Array(R * T * (c1 - c0));
      group.forEach((t, r) => {
        const { data } = readPart(out, t.key);
        for (let k = 0; k < T; k++) for (let c = c0; c < c1; c++) block[(r * T + k) * (c1 - c0) + (c - c0)] = data[k * W + c]!;
      });
      for (let c = c0; c < c1; c++) {
        for (let k = 0; k < T; k++) {
          for (let r = 0; r < R; r++) values[r] = block[(r * T + k) * (c1 - c0) + (c - c0)]!;
          const d = describe(values);
          aggOut.push([
            s.name,
            first.point,
            ...sweeps.map((n) => point.values[n] ?? null),
            INDICATORS[c]!,
            k,
            cal.dayOf(k),
            d.n,
            d.mean,
            d.sd,
            d.q05,
            d.q25,
            d.q50,
            d.q75,
            d.q95,
            d.ciLow,
            d.ciHigh,
          ]);
        }
      }
    }
  }
  aggOut.finish();
  files.push('aggregate.parquet', 'aggregate.csv');

  if (sweeps.length > 0) {
    const lines = [['scenario', 'point', ...sweeps].join(',')];
    for (const s of plan.scenarios)
      for (const p of s.points) lines.push([csvCell(s.name), p.index, ...sweeps.map((n) => csvCell(p.values[n] ?? null))].join(','));
    writeFileAtomic(join(out, 'points.csv'), `${lines.join('\n')}\n`);
    files.push('points.csv');
  }
  return { files, missing };
}

/** Consecutive tasks of one scenario and sweep point (tasks are in canonical order). */
function groupTasks(tasks: readonly Task[]): Task[][] {
  const groups: Task[][] = [];
  for (const t of tasks) {
    const g = groups[groups.length - 1];
    if (g && g[0]!.scenario === t.scenario && g[0]!.point === t.point) g.push(t);
    else groups.push([t]);
  }
  return groups;
}
