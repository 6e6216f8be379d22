/**
 * A search whose generations run as shards (the Slurm driver's way, here without Slurm: "submit"
 * runs the shards in this process): the checkpoint, and so the Pareto set, must be the bytes of a
 * local search; a generation whose shards did not all finish fails naming them and resumes
 * without redoing the finished ones.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ShardOutcome } from '../../src/batch/round-shards.js';
import { loadSearch } from '../../src/cli/search-files.js';
import { formatError } from '../../src/scenario/errors.js';
import { CHECKPOINT, initSearch, runSearch } from '../../src/search/driver.js';
import { runSearchShard, searchShardedExecutor } from '../../src/search/shards.js';
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
    const outcomes: ShardOutcome[] = [];
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

  it('through the commands: cluster search writes the scripts, the driver runs each generation through sbatch (a stand-in here)', () => {
    // The stand-in runs the array's tasks one after another, as `sbatch --wait --array=LIST` would.
    const bin = join(root, 'bin');
    const sbatch = join(bin, 'sbatch');
    spawnSync('mkdir', ['-p', bin]);
    writeFileSync(
      sbatch,
      [
        '#!/bin/bash',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash parameter expansion, not a template
        'for a in "$@"; do case "$a" in --array=*) arr="${a#--array=}";; --*) ;; *) script="$a";; esac; done',
        'IFS=, read -ra idx <<< "$arr"',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash array expansion, not a template
        'for k in "${idx[@]}"; do SLURM_ARRAY_TASK_ID=$k bash "$script" || exit 1; done',
        'echo 1',
        '',
      ].join('\n'),
    );
    chmodSync(sbatch, 0o755);
    const out = join(root, 'cli');
    const tanker = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      });
    const write = tanker(['cluster', 'search', FIXTURE, '--shards', '2', '--out', out, '--runner', 'tsx']);
    expect(write.status, write.stderr).toBe(0);
    const driver = tanker(['search', FIXTURE, '--out', out, '--resume', '--shards', '2', '--quiet']);
    expect(driver.status, driver.stderr).toBe(0);
    expect(checkpoint(out)).toBe(checkpoint(local));
    expect(existsSync(join(out, 'pareto.csv'))).toBe(true);
    expect(existsSync(join(out, 'shards'))).toBe(false); // parts are removed once the search is done
  }, 300_000);

  it('a shard without a checkpoint, or of another search, is refused', async () => {
    await expect(runSearchShard(spec, join(root, 'none'), { i: 1, n: 2 }, 1)).rejects.toThrow(/holds no checkpoint\.json/);
    await expect(runSearchShard({ ...spec, seed: 'other' }, local, { i: 1, n: 2 }, 1)).rejects.toThrow(/another spec/);
  });
});
