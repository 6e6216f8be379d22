// A replicate that throws is recorded with its scenario, seed and error; the batch goes on, says
// how many failed, and the other scenarios' results are complete.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchOutcome, type BatchScenario, runBatch } from '../../src/batch/index.js';
import { createWorld } from '../../src/model/index.js';
import { small } from '../support/model.js';
import { readCsv, scratch } from './helpers.js';

const good: BatchScenario = {
  name: 'good',
  source: 'inline',
  seed: 3,
  replicates: 3,
  elections: true,
  config: small(13),
  interventions: [],
  points: [{ index: 0, values: {} }],
  resolved: { note: 'built in the test' },
};
// A municipality without units cannot be built: createWorld throws in the worker.
const broken: BatchScenario = {
  ...good,
  name: 'broken',
  seed: 'bad-seed',
  replicates: 2,
  config: { ...good.config, org: { ...good.config.org, units: [] } },
};

let dir: string;
let cleanup: () => Promise<void>;
let r: BatchOutcome;

beforeAll(async () => {
  ({ dir, cleanup } = await scratch('failures'));
  r = await runBatch([good, broken], { out: dir, threads: 2, shard: null, resume: false });
});
afterAll(() => cleanup());

describe('failing replicates', () => {
  it('the broken configuration does throw when built directly', () => {
    expect(() => createWorld(broken.config, broken.seed, 0)).toThrow(new RangeError('a municipality needs 1..31 units'));
  });

  it('are listed with scenario, point, replicate, seed and error, and counted', () => {
    expect(r.failures.map((f) => ({ ...f, error: f.error.split('\n')[0] }))).toEqual([
      { key: '1-0-0', scenario: 'broken', point: 0, replicate: 0, seed: 'bad-seed', error: 'RangeError: a municipality needs 1..31 units' },
      { key: '1-0-1', scenario: 'broken', point: 0, replicate: 1, seed: 'bad-seed', error: 'RangeError: a municipality needs 1..31 units' },
    ]);
    // The stack points at the code that threw.
    expect(r.failures[0]!.error).toMatch(/createWorld/);
    expect(r.ran).toBe(3);
    expect(r.missing).toEqual(['1-0-0', '1-0-1']);
  });

  it('are written to failures.json and counted in the manifest', () => {
    const written = JSON.parse(readFileSync(join(dir, 'failures.json'), 'utf8'));
    expect(written).toEqual(r.failures);
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(m.failed).toBe(2);
    expect(m.missing).toEqual(['1-0-0', '1-0-1']);
  });

  it('leave the other scenario complete', () => {
    const summary = readCsv(join(dir, 'summary.csv')).rows;
    expect(summary.map((s) => [s.scenario, s.replicate, s.seed])).toEqual([
      ['good', '0', '3'],
      ['good', '1', '3'],
      ['good', '2', '3'],
    ]);
    const agg = readCsv(join(dir, 'aggregate.csv')).rows;
    expect(new Set(agg.map((a) => a.scenario))).toEqual(new Set(['good']));
    const workload = agg.filter((a) => a.indicator === 'workload');
    expect(workload.map((a) => a.tick)).toEqual(Array.from({ length: 13 }, (_, k) => String(k)));
    expect(new Set(workload.map((a) => a.n))).toEqual(new Set(['3']));
  });

  it('are retried by --resume (they have no checkpoint); shards name their failure files; no file when none fail', async () => {
    const again = await runBatch([good, broken], { out: dir, threads: 1, shard: null, resume: true });
    expect(again.skipped).toBe(3);
    expect(again.ran).toBe(0);
    expect(again.failures).toHaveLength(2);
    expect(existsSync(join(dir, 'failures.json'))).toBe(true);
    // A shard records its failures under its own name.
    const shardOut = join(dir, 'shard');
    const s = await runBatch([good, broken], { out: shardOut, threads: 1, shard: { i: 2, n: 2 }, resume: false });
    expect(s.failures.map((f) => f.key)).toEqual(['1-0-0']); // tasks 1 and 3: good/1 and broken/0
    expect(JSON.parse(readFileSync(join(shardOut, 'failures-2-of-2.json'), 'utf8'))).toEqual(s.failures);
    // Without the broken scenario (a different plan, so a fresh folder) nothing fails and no failures file is left.
    const clean = join(dir, 'clean');
    const ok = await runBatch([good], { out: clean, threads: 1, shard: null, resume: false });
    expect(ok.failures).toEqual([]);
    expect(existsSync(join(clean, 'failures.json'))).toBe(false);
  });
});
