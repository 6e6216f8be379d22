// The Parquet result tables are readable by another implementation (DuckDB): row counts, columns
// and types (dates as DATE, counts as integers), values equal to the CSV versions and to direct
// runs, and NaN written as null.
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describe as describeValues } from '../../src/analysis/describe.js';
import { COUNT_INDICATORS } from '../../src/batch/assemble.js';
import { type BatchOutcome, runBatch } from '../../src/batch/index.js';
import { taskInputs } from '../../src/batch/plan.js';
import { provenance } from '../../src/io/provenance.js';
import { formatNumber } from '../../src/io/tables.js';
import { INDICATORS, zeroFlows } from '../../src/model/index.js';
import { runReplicate } from '../../src/model/simulate.js';
import { readCsv, scenarios, scratch } from './helpers.js';

type Row = Record<string, unknown>;
const input = scenarios('small.yaml', 'lhs.yaml'); // 4 replicates + 3 points x 2 replicates, 26 weeks
const TICKS = 26;
const SWEEP = ['sweep:organisation.enthusiastShare', 'sweep:trust.asymmetry'];
let dir: string;
let cleanup: () => Promise<void>;
let outcome: BatchOutcome;
let db: DuckDBInstance;
let con: DuckDBConnection;

async function query(sql: string): Promise<Row[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJson() as Row[];
}
const file = (name: string) => `'${join(dir, name)}'`;
/** DuckDB's type of an indicator column: counts are integers, everything else doubles. */
const typeOf = (n: (typeof INDICATORS)[number]) => (COUNT_INDICATORS.has(n) ? 'INTEGER' : 'DOUBLE');

async function columns(name: string): Promise<[string, string][]> {
  return (await query(`describe select * from read_parquet(${file(name)})`)).map((r) => [r.column_name as string, r.column_type as string]);
}

/** The CSV text of a value read from Parquet (null and NaN are empty). */
function asCsv(v: unknown): string {
  if (v === null) return '';
  if (typeof v === 'number') return formatNumber(v);
  return String(v);
}

function direct(key: string) {
  const t = outcome.plan.tasks.find((x) => x.key === key)!;
  const i = taskInputs(outcome.plan, t);
  return runReplicate(i.config, i.seed, i.replicate, { interventions: i.interventions, elections: i.elections });
}

beforeAll(async () => {
  ({ dir, cleanup } = await scratch('parquet'));
  outcome = await runBatch(input, { out: dir, threads: 2, shard: null, resume: false });
  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
});
afterAll(async () => {
  con?.closeSync();
  db?.closeSync();
  await cleanup();
});

describe('Parquet results read with DuckDB', () => {
  it('ticks.parquet: one row per scenario, point, replicate and tick, with every indicator', async () => {
    const [count] = await query(
      `select count(*) as n, count(distinct scenario || '/' || point || '/' || replicate) as reps from ${file('ticks.parquet')}`,
    );
    expect(Number(count!.n)).toBe((1 * 4 + 3 * 2) * TICKS);
    expect(Number(count!.reps)).toBe(10);
    expect(await columns('ticks.parquet')).toEqual([
      ['scenario', 'VARCHAR'],
      ['point', 'INTEGER'],
      ['replicate', 'INTEGER'],
      ['seed', 'VARCHAR'],
      ['tick', 'INTEGER'],
      ['date', 'DATE'],
      ...SWEEP.map((n) => [n, 'DOUBLE']),
      ...INDICATORS.map((n) => [n, typeOf(n)]),
    ]);
    // The count columns are what they claim: initiatives, routines and proposals, never fractions.
    expect([...COUNT_INDICATORS].every((n) => INDICATORS.includes(n))).toBe(true);
    expect(COUNT_INDICATORS.has('initiativesStarted') && COUNT_INDICATORS.has('routines')).toBe(true);
    expect(COUNT_INDICATORS.has('transformationIndex') || COUNT_INDICATORS.has('turnover')).toBe(false);
  });

  it('dates are DATE values: date arithmetic works, and they read as the ISO dates of the CSV files', async () => {
    const [r] = await query(
      `select min(date)::VARCHAR as first, max(date)::VARCHAR as last, count(distinct date_part('dow', date))::INTEGER as weekdays,
              max(date - (date '2026-01-05' + 7 * tick))::INTEGER as off
       from ${file('ticks.parquet')}`,
    );
    expect(r).toEqual({ first: '2026-01-05', last: '2026-06-29', weekdays: 1, off: 0 });
    const [t] = await query(`select typeof(turnDate) as t from ${file('summary.parquet')} limit 1`);
    expect(t!.t).toBe('DATE');
  });

  it('ticks.parquet holds exactly the numbers of a direct run, NaN as null', async () => {
    for (const key of ['0-0-3', '1-2-1']) {
      const [s, p, r] = key.split('-').map(Number) as [number, number, number];
      const rows = await query(
        `select * from read_parquet(${file('ticks.parquet')}) where scenario = '${input[s]!.name}' and point = ${p} and replicate = ${r} order by tick`,
      );
      const d = direct(key);
      const W = INDICATORS.length;
      expect(rows).toHaveLength(TICKS);
      expect(rows[0]!.date).toBe('2026-01-05');
      expect(rows[1]!.date).toBe('2026-01-12');
      expect(rows[0]!.seed).toBe('batch-test');
      for (const n of SWEEP) {
        const v = input[s]!.points[p]!.values[n.slice('sweep:'.length)];
        expect(rows[0]![n]).toBe(v ?? null);
      }
      rows.forEach((row, k) => {
        expect(row.tick).toBe(k);
        INDICATORS.forEach((name, c) => {
          const v = d.data[k * W + c]!;
          expect(row[name], `${key} tick ${k} ${name}`).toBe(Number.isNaN(v) ? null : v);
        });
      });
    }
  });

  it('segment shares are null (not 0, not NaN) in the weeks nobody takes part', async () => {
    const [r] = await query(
      `select count(*) filter (where shareYouth is null) as nulls,
              count(*) filter (where shareYouth is null and participationRate > 0) as wrong,
              count(*) filter (where shareYouth is not null and participationRate = 0) as missed,
              count(*) filter (where isnan(shareYouth)) as nans,
              count(*) filter (where shareYouth is not null) as values
       from ${file('ticks.parquet')}`,
    );
    // Runs start from the status quo, where someone usually takes part; null exactly when nobody does.
    expect(Number(r!.missed)).toBe(0);
    expect(Number(r!.values)).toBeGreaterThan(0);
    expect(Number(r!.wrong)).toBe(0);
    expect(Number(r!.nans)).toBe(0);
    let nan = 0;
    for (const t of outcome.plan.tasks) {
      const d = direct(t.key);
      for (let k = 0; k < TICKS; k++) if (Number.isNaN(d.data[k * INDICATORS.length + INDICATORS.indexOf('shareYouth')]!)) nan++;
    }
    expect(Number(r!.nulls)).toBe(nan);
    // Across replicates: in a week where no replicate is defined, n = 0 and the statistics are null
    // (empty in CSV); where some are, n counts them.
    for (const tick of [0, TICKS - 1]) {
      const defined = outcome.plan.tasks.filter(
        (t) => t.scenario === 0 && !Number.isNaN(direct(t.key).data[tick * INDICATORS.length + INDICATORS.indexOf('shareYouth')]!),
      ).length;
      const [agg] = await query(
        `select n, mean from ${file('aggregate.parquet')} where scenario = 'small' and indicator = 'shareYouth' and tick = ${tick}`,
      );
      expect(agg!.n).toBe(defined);
      expect(agg!.mean === null).toBe(defined === 0);
      const csv = readCsv(join(dir, 'aggregate.csv')).rows.find(
        (a) => a.scenario === 'small' && a.indicator === 'shareYouth' && a.tick === String(tick),
      )!;
      expect(csv.n).toBe(String(defined));
      expect(csv.mean === '').toBe(defined === 0);
    }
  });

  it('summary.parquet: one row per replicate, equal cell by cell to summary.csv', async () => {
    const rows = await query(`select * from read_parquet(${file('summary.parquet')})`);
    const csv = readCsv(join(dir, 'summary.csv'));
    expect(rows).toHaveLength(outcome.plan.tasks.length);
    const cols = await columns('summary.parquet');
    const totals = Object.keys(zeroFlows()).map((k) => `total_${k}`);
    const types = Object.fromEntries(cols);
    expect(types.turnDate).toBe('DATE');
    expect(types.turnTick).toBe('INTEGER');
    // Run totals of counted flows are integers; the public value created is not a count.
    for (const t of totals) expect(types[t], t).toBe(t === 'total_value' || t === 'total_citizenValue' ? 'DOUBLE' : 'INTEGER');
    for (const n of INDICATORS) expect([types[`final_${n}`], types[`peak_${n}`]], n).toEqual([typeOf(n), typeOf(n)]);
    expect(cols.map((c) => c[0])).toEqual([
      'scenario',
      'point',
      'replicate',
      'seed',
      ...SWEEP,
      'turnTick',
      'turnDate',
      ...totals,
      ...INDICATORS.map((n) => `final_${n}`),
      ...INDICATORS.map((n) => `peak_${n}`),
    ]);
    expect(csv.header).toEqual(cols.map((c) => c[0]));
    rows.forEach((row, i) => {
      for (const [name] of cols) expect(asCsv(row[name]), `row ${i} ${name}`).toBe(csv.rows[i]![name]);
    });
    expect(rows.filter((r) => r.scenario === 'lhs').map((r) => [r.point, r.replicate])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
    ]);
  });

  it('aggregate.parquet: one row per scenario, point, indicator and tick, equal to aggregate.csv and to describe() of direct runs', async () => {
    const rows = await query(`select * from ${file('aggregate.parquet')}`);
    const csv = readCsv(join(dir, 'aggregate.csv'));
    expect(rows).toHaveLength((1 + 3) * INDICATORS.length * TICKS);
    const typed = await columns('aggregate.parquet');
    const cols = typed.map((c) => c[0]);
    expect(Object.fromEntries(typed)).toMatchObject({ point: 'INTEGER', tick: 'INTEGER', date: 'DATE', n: 'INTEGER', mean: 'DOUBLE' });
    expect(cols).toEqual([
      'scenario',
      'point',
      ...SWEEP,
      'indicator',
      'tick',
      'date',
      'n',
      'mean',
      'sd',
      'q05',
      'q25',
      'q50',
      'q75',
      'q95',
      'ciLow',
      'ciHigh',
    ]);
    expect(csv.header).toEqual(cols);
    expect(csv.rows).toHaveLength(rows.length);
    rows.forEach((row, i) => {
      for (const name of cols) expect(asCsv(row[name]), `row ${i} ${name}`).toBe(csv.rows[i]![name]);
    });
    // The statistics of one cell, recomputed from direct runs of its replicates.
    const W = INDICATORS.length;
    const c = INDICATORS.indexOf('workload');
    const values = Float64Array.from(['1-1-0', '1-1-1'], (key) => direct(key).data[(TICKS - 1) * W + c]!);
    const d = describeValues(values);
    const row = rows.find((r) => r.scenario === 'lhs' && r.point === 1 && r.indicator === 'workload' && r.tick === TICKS - 1)!;
    expect(row).toMatchObject({ n: 2, mean: d.mean, sd: d.sd, q05: d.q05, q50: d.q50, q95: d.q95, ciLow: d.ciLow, ciHigh: d.ciHigh });
    expect(row['sweep:trust.asymmetry']).toBe(input[1]!.points[1]!.values['trust.asymmetry']);
  });

  it('records the tool in the Parquet metadata and reads with the short DuckDB form', async () => {
    const [meta] = await query(`select created_by from parquet_file_metadata(${file('summary.parquet')})`);
    expect(meta!.created_by).toBe(`tanker ${provenance().version}`);
    const [r] = await query(`select avg(final_transformationIndex) as m from ${file('summary.parquet')} where scenario = 'small'`);
    expect(typeof r!.m).toBe('number');
  });
});
