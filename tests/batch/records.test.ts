// tanker batch --record: per-replicate record files under OUT/records/, typed Parquet that DuckDB
// reads as one table by glob, byte-identical however many threads ran them, equal to the records
// of a direct run, and a resumed batch keeps the record setting it started with.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/index.js';
import { makePlan, taskInputs } from '../../src/batch/plan.js';
import { runReplicate } from '../../src/model/index.js';
import { scenarios, scratch } from './helpers.js';

const input = scenarios('small.yaml'); // 4 replicates, 26 weeks
const record = { agents: ['staff', 'politicians'] as const, initiatives: true, ties: false, every: 5 };
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function batchInto(label: string, threads: number, rec: typeof record | null = record, resume = false, dir?: string) {
  let out = dir;
  if (!out) {
    const s = await scratch(label);
    cleanups.push(s.cleanup);
    out = s.dir;
  }
  await runBatch(input, { out, threads, shard: null, resume, record: rec ?? undefined });
  return out;
}

describe('batch --record', () => {
  it('writes one file per table and replicate, the same bytes on one or two threads', async () => {
    const one = await batchInto('rec1', 1);
    const two = await batchInto('rec2', 2);
    const tables = readdirSync(join(one, 'records'))
      .filter((f) => f !== 'spec.json')
      .sort();
    expect(tables).toEqual(['agents_politicians', 'agents_staff', 'initiative_events', 'initiatives']);
    for (const t of tables) {
      const files = readdirSync(join(one, 'records', t)).sort();
      expect(files).toEqual(['0-0-0.parquet', '0-0-1.parquet', '0-0-2.parquet', '0-0-3.parquet']);
      for (const f of files) expect(readFileSync(join(one, 'records', t, f)).equals(readFileSync(join(two, 'records', t, f)))).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(one, 'manifest.json'), 'utf8')) as { record?: unknown };
    expect(manifest.record).toEqual(record);

    // DuckDB reads a table over all replicates by glob, with typed columns, equal to a direct run's record.
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const cols = (
      await con.runAndReadAll(`describe select * from read_parquet('${one}/records/agents_staff/*.parquet')`)
    ).getRowObjectsJson();
    const types = Object.fromEntries(cols.map((r) => [r.column_name, r.column_type]));
    expect(types).toMatchObject({
      scenario: 'VARCHAR',
      point: 'INTEGER',
      replicate: 'INTEGER',
      week: 'INTEGER',
      date: 'DATE',
      burnout: 'DOUBLE',
    });
    const plan = makePlan(input);
    const direct = runReplicate(taskInputs(plan, plan.tasks[2]!).config, input[0]!.seed, 2, { record });
    const burnout = direct.records!.agents_staff!.find((c) => c.name === 'burnout')!.data;
    const rows = (
      await con.runAndReadAll(`select burnout from read_parquet('${one}/records/agents_staff/0-0-2.parquet')`)
    ).getRowObjectsJson();
    expect(rows.map((r) => r.burnout)).toEqual(Array.from(burnout));
    const events = (await con.runAndReadAll(`select distinct event from read_parquet('${one}/records/initiative_events/*.parquet')`))
      .getRowObjectsJson()
      .map((r) => r.event);
    expect(events).toContain('opened');
  });

  it('a batch resumed with another record setting is refused with what to do', async () => {
    const out = await batchInto('recres', 1);
    await expect(batchInto('x', 1, null, true, out)).rejects.toThrow(
      /started with --record .*continue it with the same --record and --every/,
    );
    await expect(batchInto('x', 1, record, true, out)).resolves.toBe(out);
  });
});
