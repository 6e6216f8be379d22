// Shards run disjoint slices of one plan; merging them gives the bytes of a single run, refuses
// folders of other plans and reports what is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchOutcome, makePlan, mergeBatches, parseShard, runBatch, shardTasks } from '../../src/batch/index.js';
import { existingParts } from '../../src/batch/parts.js';
import { expectSameFiles, RESULT_FILES, ROOT, readCsv, scenarios, scratch } from './helpers.js';

const input = scenarios('small.yaml', 'sweep.yaml'); // 4 + 4 points x 2 = 12 replicates
const FILES = [...RESULT_FILES, 'points.csv'];
let dir: string;
let cleanup: () => Promise<void>;
let single: BatchOutcome;
const shards: BatchOutcome[] = [];
const shardDir = (i: number) => join(dir, `shard${i}`);

beforeAll(async () => {
  ({ dir, cleanup } = await scratch('shards'));
  single = await runBatch(input, { out: join(dir, 'single'), threads: 2, shard: null, resume: false });
  for (let i = 1; i <= 3; i++) shards.push(await runBatch(input, { out: shardDir(i), threads: 1, shard: { i, n: 3 }, resume: false }));
});
afterAll(() => cleanup());

describe('shard specification', () => {
  it('parses "i/n" and rejects anything else', () => {
    expect(parseShard('2/3')).toEqual({ i: 2, n: 3 });
    expect(parseShard(' 1/1 ')).toEqual({ i: 1, n: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '3', 'a/b', '1/2/3', '-1/2'])
      expect(() => parseShard(bad), bad).toThrow(/--shard must be "i\/n" with 1 <= i <= n/);
  });

  it('splits the tasks into disjoint slices that cover the plan, round-robin', () => {
    const plan = makePlan(input);
    const slices = [1, 2, 3, 4, 5].map((i) => shardTasks(plan.tasks, { i, n: 5 }).map((t) => t.index));
    expect(slices.flat().sort((a, b) => a - b)).toEqual(plan.tasks.map((t) => t.index));
    expect(slices[1]).toEqual([1, 6, 11]);
    expect(shardTasks(plan.tasks, null)).toEqual(plan.tasks);
  });
});

describe('shards then merge', () => {
  it('each shard runs only its slice and writes no result tables', () => {
    const seen = new Set<string>();
    shards.forEach((r, k) => {
      const i = k + 1;
      const expected = single.plan.tasks.filter((t) => t.index % 3 === i - 1).map((t) => t.key);
      expect(r.plan.hash).toBe(single.plan.hash);
      expect(r.ran).toBe(4);
      expect(r.files).toEqual([]);
      expect([...existingParts(shardDir(i))].sort()).toEqual([...expected].sort());
      for (const key of expected) seen.add(key);
      for (const f of [...FILES, 'manifest.json']) expect(existsSync(join(shardDir(i), f)), f).toBe(false);
      const note = JSON.parse(readFileSync(join(shardDir(i), `shard-${i}-of-3.json`), 'utf8'));
      expect(note).toMatchObject({ kind: 'shard', plan: single.plan.hash, shard: { i, n: 3 }, tasks: 4, failed: 0 });
    });
    expect(seen.size).toBe(12);
  });

  it('merging all shards gives byte-identical result files to a single run, in any order', () => {
    const a = mergeBatches([shardDir(1), shardDir(2), shardDir(3)], join(dir, 'merged'));
    expect(a.missing).toEqual([]);
    expect(a.files).toEqual(FILES);
    expectSameFiles(join(dir, 'single'), join(dir, 'merged'), FILES);
    const b = mergeBatches([shardDir(3), shardDir(1), shardDir(2)], join(dir, 'merged-again'));
    expect(b.plan.hash).toBe(single.plan.hash);
    expectSameFiles(join(dir, 'single'), join(dir, 'merged-again'), FILES);
    const m = JSON.parse(readFileSync(join(dir, 'merged', 'manifest.json'), 'utf8'));
    expect(m).toMatchObject({ kind: 'merge', plan: single.plan.hash, tasks: 12, missing: [] });
    expect(m.mergedFrom).toEqual([shardDir(1), shardDir(2), shardDir(3)]);
  });

  it('refuses to merge folders of different plans', async () => {
    const other = [{ ...input[0]!, replicates: 3 }, input[1]!];
    const r = await runBatch(other, { out: join(dir, 'other'), threads: 1, shard: { i: 1, n: 3 }, resume: false });
    expect(r.plan.hash).not.toBe(single.plan.hash);
    expect(() => mergeBatches([shardDir(1), join(dir, 'other')], join(dir, 'refused'))).toThrow(/only shards of one batch can be merged/);
    expect(existsSync(join(dir, 'refused'))).toBe(false);
    // Nor into a folder that holds another batch.
    expect(() => mergeBatches([shardDir(2)], join(dir, 'other'))).toThrow(/already holds another batch/);
  });

  it('a missing shard is reported, not hidden: the missing replicates are listed and the rest assembled', () => {
    const r = mergeBatches([shardDir(1), shardDir(2)], join(dir, 'partial'));
    const lost = single.plan.tasks.filter((t) => t.index % 3 === 2).map((t) => t.key);
    expect(r.missing).toEqual(lost);
    const m = JSON.parse(readFileSync(join(dir, 'partial', 'manifest.json'), 'utf8'));
    expect(m.missing).toEqual(lost);
    const { rows } = readCsv(join(dir, 'partial', 'summary.csv'));
    expect(rows).toHaveLength(12 - lost.length);
    const keyOf = (r: Record<string, string>) => `${r.scenario === 'small' ? 0 : 1}-${r.point}-${r.replicate}`;
    expect(rows.map(keyOf).filter((k) => lost.includes(k))).toEqual([]);
    // The aggregate counts the replicates it is built from.
    const agg = readCsv(join(dir, 'partial', 'aggregate.csv')).rows;
    const small = agg.filter((a) => a.scenario === 'small' && a.indicator === 'workload' && a.tick === '0');
    expect(small.map((a) => a.n)).toEqual([String(4 - lost.filter((k) => k.startsWith('0-')).length)]);
  });

  it('tanker merge says how many replicates are missing and exits with 1', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'merge', shardDir(1), shardDir(3), '--out', join(dir, 'cli-partial')],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toMatch(/merge: 4 of 12 replicates are missing/);
    expect(r.stdout).toMatch(/merged 2 folder\(s\) of batch [0-9a-f]{16} into/);
    expect(r.status).toBe(1);
  });
});
