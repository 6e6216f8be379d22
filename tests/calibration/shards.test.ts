/**
 * A calibration whose rounds run as shards (the Slurm driver's way, here without Slurm: the
 * "submit" runs the shards in this process). It must give the bytes of a local calibration, and a
 * round whose shards did not all finish must fail with their names and resume without redoing the
 * finished ones. The same on a real Slurm cluster is in tests/cluster/slurm.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKPOINT, ENSEMBLE, runCalibration } from '../../src/analysis/calibration-run.js';
import { initCalibration, runCalibrationShard, shardedExecutor } from '../../src/analysis/calibration-shards.js';
import { type CalibrationSpec, loadCalibration } from '../../src/analysis/calibration-spec.js';
import { type ShardOutcome, shardSlice } from '../../src/batch/round-shards.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/tiny.yaml', import.meta.url));
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'tanker-shards-'));
  dirs.push(d);
  return join(d, 'out');
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function spec(): CalibrationSpec {
  const r = loadCalibration(FIXTURE);
  if (!r.ok) throw new Error('tiny.yaml does not load');
  return r.spec;
}

const bytes = (out: string) => readFileSync(join(out, ENSEMBLE), 'utf8');

describe('shard slices', () => {
  it('cover every candidate once, in order, with sizes differing by at most one', () => {
    for (const c of [0, 1, 5, 7, 40])
      for (const n of [1, 2, 3, 8]) {
        const slices = Array.from({ length: n }, (_, k) => shardSlice(c, { i: k + 1, n }));
        expect(slices[0]!.lo).toBe(0);
        expect(slices.at(-1)!.hi).toBe(c);
        for (let k = 1; k < n; k++) expect(slices[k]!.lo).toBe(slices[k - 1]!.hi);
        const sizes = slices.map((s) => s.hi - s.lo);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
  });
});

describe('a calibration run as shards', () => {
  const s = spec();
  let local = '';

  it('gives the bytes of a local calibration, with 3 shards per round', async () => {
    local = tmp();
    await runCalibration(s, { out: local, threads: 1, resume: false });
    const out = tmp();
    initCalibration(s, out);
    const outcomes: ShardOutcome[] = [];
    const executor = shardedExecutor(s, out, 3, async (_round, shards) => {
      for (const i of shards) outcomes.push(await runCalibrationShard(s, out, { i, n: 3 }, 1));
    });
    const r = await runCalibration(s, { out, threads: 1, resume: true, executor });
    expect(r.state.done).toBe(true);
    expect(bytes(out)).toBe(bytes(local));
    // Two generations (at least two rounds) plus the predictive check, three shards each, all simulated.
    expect(outcomes.length % 3).toBe(0);
    expect(outcomes.length).toBeGreaterThanOrEqual(9);
    expect(outcomes.every((o) => !o.kept)).toBe(true);
  }, 240_000);

  it('fails naming the shards that wrote nothing, and resumes without redoing the finished ones', async () => {
    const out = tmp();
    initCalibration(s, out);
    let calls = 0;
    const broken = shardedExecutor(s, out, 3, async (_round, shards) => {
      calls++;
      // The second round's array loses its third task.
      for (const i of shards) if (calls !== 2 || i !== 3) await runCalibrationShard(s, out, { i, n: 3 }, 1);
    });
    await expect(runCalibration(s, { out, threads: 1, resume: true, executor: broken })).rejects.toThrow(
      /round round-1: shard 3 of 3 wrote no result .*resubmit the driver/,
    );
    expect(existsSync(join(out, CHECKPOINT))).toBe(true);
    const asked: number[][] = [];
    const outcomes: ShardOutcome[] = [];
    const executor = shardedExecutor(s, out, 3, async (_round, shards) => {
      asked.push([...shards]);
      for (const i of shards) outcomes.push(await runCalibrationShard(s, out, { i, n: 3 }, 1));
    });
    const r = await runCalibration(s, { out, threads: 1, resume: true, executor });
    expect(r.resumedAtRound).toBe(1);
    expect(asked[0]).toEqual([3]); // only the missing shard of the interrupted round
    expect(bytes(out)).toBe(bytes(local));
  }, 240_000);

  it('a shard re-run after its part is written keeps it; a shard without a checkpoint or of another file is refused', async () => {
    const out = tmp();
    initCalibration(s, out);
    const first = await runCalibrationShard(s, out, { i: 2, n: 2 }, 1);
    const again = await runCalibrationShard(s, out, { i: 2, n: 2 }, 1);
    expect(first.kept).toBe(false);
    expect(again).toEqual({ ...first, kept: true });
    await expect(runCalibrationShard(s, tmp(), { i: 1, n: 2 }, 1)).rejects.toThrow(
      /holds no checkpoint\.json: start the calibration's driver/,
    );
    await expect(runCalibrationShard({ ...s, hash: 'ffffffffffffffff' }, out, { i: 1, n: 2 }, 1)).rejects.toThrow(
      /holds another calibration/,
    );
  }, 120_000);
});
