// kill -9 at random points of a batch, assembly included: a child process running `tanker batch`
// is killed with SIGKILL just before its n-th change to the folder (n drawn with a seeded stream,
// half of the seeds inside assembly), and once from outside at a random moment. After each kill,
// --resume completes the batch, byte-identical to an uninterrupted run, with no temporary file and
// no lock left behind.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existingParts } from '../../src/batch/parts.js';
import { Rng } from '../../src/engine/rng.js';
import { batchArgs, expectRecovered, prepare, runChild, runClean, startChild, TASKS, tree } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let ref: string;
/** Changes the batch makes to its folder, and the one that starts assembly (opening ticks.parquet). */
let total = 0;
let assemblyAt = 0;

beforeAll(async () => {
  const p = await prepare('kill', 'ticks.parquet');
  ({ dir, cleanup, ref, total } = p);
  assemblyAt = p.opens['ticks.parquet']!;
});
afterAll(() => cleanup());

const SEEDS = [1, 2, 3, 4];

describe('kill -9 at random points, then --resume', () => {
  it('the batch makes many changes before assembly and many during it', () => {
    expect(assemblyAt).toBeGreaterThan(TASKS * 3); // each part: open, write, fsync, rename
    expect(total - assemblyAt).toBeGreaterThan(10);
  });

  it.each(SEEDS)('seed %i: killed, then resumed to identical results with nothing left over', async (seed) => {
    const r = new Rng(`fault-kill|${seed}`);
    // Odd seeds kill while replicates run, even seeds during assembly.
    const killAt = seed % 2 === 1 ? 1 + r.int(assemblyAt - 1) : assemblyAt + r.int(total - assemblyAt);
    const out = join(dir, `seed-${seed}`);
    const killed = await runChild({ under: out, killAt }, batchArgs(out));
    expect(killed.signal, `kill at change ${killAt} of ${total}: ${killed.stderr}`).toBe('SIGKILL');
    expect(tree(out)).not.toContain('manifest.json');
    const before = existingParts(out).size;
    const resumed = await runClean(out, true);
    expect(resumed.skipped).toBe(before);
    expect(resumed.ran).toBe(TASKS - before);
    expect(resumed.failures).toEqual([]);
    expectRecovered(ref, out);
  });

  it('killed from outside at a random moment, then resumed with the command the CLI prints', async () => {
    const out = join(dir, 'external');
    const { child, done } = await startChild({}, batchArgs(out));
    const r = new Rng('fault-kill|external');
    await new Promise((res) => setTimeout(res, 300 + r.int(1500)));
    child.kill('SIGKILL');
    const killed = await done;
    // Usually killed mid-run; if the batch happened to finish first, resuming must still be harmless.
    expect([killed.signal, killed.code]).toContainEqual(killed.signal === 'SIGKILL' ? 'SIGKILL' : 0);
    const resumed = await runChild({}, batchArgs(out, '--resume'));
    expect(resumed.code, resumed.stderr).toBe(0);
    // Where the kill landed decides whether there was anything to clean up; nothing else is said.
    expect(resumed.stderr).toMatch(/^(batch: removed \d+ temporary file\(s\) left by an interrupted run\n)?$/);
    expect(resumed.stdout).toMatch(new RegExp(`${TASKS} replicates in all; ran \\d+, kept \\d+ from before, 0 failed`));
    expectRecovered(ref, out);
  });
});
