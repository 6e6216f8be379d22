// Two processes on one batch folder: the same batch twice is stopped by the folder's lock with a
// message naming the holder; a different batch is refused without being told to --resume; shards
// of one batch may share the folder and merge to the single-run result. The first process is held
// at a chosen change to the folder (a pause in the injected file-system layer), so the second one
// always meets it at work. Every case ends byte-identical with no temporary file and no lock left.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeBatches } from '../../src/batch/index.js';
import { fixture } from '../batch/helpers.js';
import { batchArgs, expectRecovered, prepare, runChild, startChild, TASKS } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let ref: string;
/** The change at which the batch opens its first part: lock and plan are in place by then. */
let firstPart = 0;

beforeAll(async () => {
  const p = await prepare('concurrent', '0-0-0.part');
  ({ dir, cleanup, ref } = p);
  firstPart = p.opens['0-0-0.part']!;
});
afterAll(() => cleanup());

async function until(what: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!what()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Start the batch and hold it at its first part (it then holds the lock, and its plan is written)
 * until `release()` is called.
 */
async function startHeld(out: string, ...more: string[]) {
  const go = join(dir, `release-${out.split('/').pop()}`);
  const held = await startChild({ under: out, pauseAt: { op: firstPart, until: go } }, batchArgs(out, ...more));
  await until(() => existsSync(join(out, 'plan.json')) && existsSync(join(out, 'locks', 'all.lock')));
  return { ...held, release: () => writeFileSync(go, '') };
}

describe('two processes on one batch folder', () => {
  it('the same batch twice: the second is stopped by the lock, with the holder named; the first completes', async () => {
    expect(firstPart).toBeGreaterThan(5);
    const out = join(dir, 'same');
    const first = await startHeld(out, '--resume');
    const second = await runChild({}, batchArgs(out, '--resume'));
    first.release();
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `^tanker: ${out} is in use by tanker process ${first.child.pid} on host \\S+ \\(a batch, since \\S+\\); wait until it has finished or stop it\\. If that process no longer runs \\(its machine crashed\\), delete ${join(out, 'locks', 'all.lock')} and run the command again\\.$`,
        'm',
      ),
    );
    const done = await first.done;
    expect({ code: done.code, stderr: done.stderr }).toEqual({ code: 0, stderr: '' });
    expect(done.stdout).toContain(`${TASKS} replicates in all; ran ${TASKS}, kept 0 from before, 0 failed`);
    expectRecovered(ref, out);
  });

  it('a different batch into the same folder is refused, and is not told to --resume', async () => {
    const out = join(dir, 'different');
    const first = await startHeld(out);
    const other = await runChild({}, ['batch', fixture('reform.yaml'), '--out', out, '--threads', '1', '--quiet']);
    first.release();
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(
      new RegExp(
        `^tanker: ${out} already holds another batch \\(plan [0-9a-f]{16}; these files and options make plan [0-9a-f]{16}\\); choose another --out$`,
        'm',
      ),
    );
    expect(other.stderr).not.toContain('--resume');
    expect((await first.done).code).toBe(0);
    expectRecovered(ref, out);
  });

  it('shards of one batch share a folder at the same time (as on a cluster), and merge into the single-run result', async () => {
    const out = join(dir, 'shards');
    const shard = (i: number) => runChild({}, batchArgs(out, '--shard', `${i}/2`, '--resume'));
    const [a, b] = await Promise.all([shard(1), shard(2)]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    const merged = mergeBatches([out], out);
    expect(merged.missing).toEqual([]);
    expectRecovered(ref, out);
  });
});
