/**
 * A search whose generations run as shards (the Slurm driver's way, here without Slurm: "submit"
 * runs the shards in this process): the checkpoint, and so the Pareto set, must be the bytes of a
 * local search; a generation whose shards did not all finish fails naming them and resumes
 * without redoing the finished ones.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSearch } from '../../src/cli/search-files.js';
import { formatError } from '../../src/scenario/errors.js';
import { CHECKPOINT, initSearch, runSearch } from '../../src/search/driver.js';
import { runSearchShard, type SearchShardOutcome, searchShardedExecutor } from '../../src/search/shards.js';
import type { SearchSpec } from '../../src/search/spec.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/tiny.yaml', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'tanker-search-shards-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tiny(): SearchSpec {
  const r = loadSearch(FIXTURE);
  if (!r.ok) throw new Error(r.errors.map((e) => formatError(e)).join('\n'));
  return r.spec;
}

const checkpoint = (out: string) => readFileSync(join(out, CHECKPOINT), 'utf8');

describe('a search run as shards', () => {
  const spec = tiny();
  const local = join(root, 'local');

  it('gives the checkpoint bytes of a local search, with 3 shards per generation', async () => {
    await runSearch(spec, { out: local, threads: 1, resume: false });
    const out = join(root, 'sharded');
    initSearch(spec, out);
    const outcomes: SearchShardOutcome[] = [];
    const executor = searchShardedExecutor(spec, out, 3, async (_round, shards) => {
      for (const i of shards) outcomes.push(await runSearchShard(spec, out, { i, n: 3 }, 1));
    });
    const r = await runSearch(spec, { out, threads: 1, resume: true, executor });
    expect(r.state.done).toBe(true);
    expect(checkpoint(out)).toBe(checkpoint(local));
    expect(outcomes.length).toBe(3 * spec.generations);
    expect(outcomes.every((o) => o.worked && !o.kept)).toBe(true);
  }, 240_000);

  it('fails naming a shard that wrote nothing, and resumes without redoing the others', async () => {
    const out = join(root, 'broken');
    initSearch(spec, out);
    let calls = 0;
    const broken = searchShardedExecutor(spec, out, 2, async (_round, shards) => {
      calls++;
      for (const i of shards) if (calls !== 2 || i !== 1) await runSearchShard(spec, out, { i, n: 2 }, 1);
    });
    await expect(runSearch(spec, { out, threads: 1, resume: true, executor: broken })).rejects.toThrow(
      /round generation-1: shard 1 of 2 wrote no result/,
    );
    const asked: number[][] = [];
    const executor = searchShardedExecutor(spec, out, 2, async (_round, shards) => {
      asked.push([...shards]);
      for (const i of shards) await runSearchShard(spec, out, { i, n: 2 }, 1);
    });
    const r = await runSearch(spec, { out, threads: 1, resume: true, executor });
    expect(r.resumedAt).toBe(1);
    expect(asked[0]).toEqual([1]);
    expect(checkpoint(out)).toBe(checkpoint(local));
  }, 240_000);

  it('a shard without a checkpoint, or of another search, is refused', async () => {
    await expect(runSearchShard(spec, join(root, 'none'), { i: 1, n: 2 }, 1)).rejects.toThrow(/holds no checkpoint\.json/);
    await expect(runSearchShard({ ...spec, seed: 'other' }, local, { i: 1, n: 2 }, 1)).rejects.toThrow(/another spec/);
  });
});
