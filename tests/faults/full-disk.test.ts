// A full disk (and a read-only folder) stops a batch at once with one clear message naming the
// folder and what to do; what finished is kept, failures.json stays accurate, no temporary file
// is left, and once space is freed the printed --resume command completes the batch byte-identical
// to an uninterrupted run. The disk fills through the injectable file-system layer (any machine,
// no root), and, where the machine allows mounting (root), on a real 200 KB tmpfs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchScenario, runBatch } from '../../src/batch/index.js';
import { existingParts, partPath } from '../../src/batch/parts.js';
import { StorageError } from '../../src/io/storage.js';
import { scratch } from '../batch/helpers.js';
import { small } from '../support/model.js';
import { batchArgs, expectRecovered, input, runChild, runClean, TASKS, tree, withFaults } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let ref: string;
let partBytes: number;
let planBytes: number;

beforeAll(async () => {
  ({ dir, cleanup } = await scratch('full-disk'));
  ref = join(dir, 'reference');
  await runClean(ref);
  partBytes = statSync(partPath(ref, '0-0-0')).size;
  planBytes = statSync(join(ref, 'plan.json')).size;
});
afterAll(() => cleanup());

/** What a stopped batch must leave: its parts, no temporary files, no result tables, no lock. */
function expectStoppedCleanly(out: string): void {
  expect(tree(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
  expect(tree(join(out, 'locks'))).toEqual([]);
  for (const f of ['ticks.parquet', 'summary.csv', 'aggregate.parquet', 'manifest.json']) expect(existsSync(join(out, f)), f).toBe(false);
}

describe('a full disk (injected ENOSPC)', () => {
  it('while replicates run: stops at once, keeps what finished, names the folder, and --resume completes once space is freed', async () => {
    const out = join(dir, 'while-running');
    const room = Math.floor(planBytes + 3.5 * partBytes); // the plan, three parts and half of a fourth
    const r = await withFaults({ under: out, fullAfterBytes: room }, async (fs) => {
      const stopped = await runClean(out);
      expect(stopped.storage).toBeInstanceOf(StorageError);
      expect(stopped.storage!.message).toBe(
        `cannot write to ${out}: no space is left on the device (ENOSPC). Free some space on it (or choose another --out), then run the same command again.`,
      );
      // At once: nothing ran after the first failed write, and nothing counts as a failed replicate.
      expect(stopped.ran).toBe(3);
      expect(stopped.failures).toEqual([]);
      expect(stopped.remaining).toBe(TASKS - 3);
      expect(existingParts(out).size).toBe(3);
      expect(existsSync(join(out, 'failures.json'))).toBe(false);
      expectStoppedCleanly(out);
      fs.heal();
      return runClean(out, true);
    });
    expect({ skipped: r.skipped, ran: r.ran, storage: r.storage }).toEqual({ skipped: 3, ran: TASKS - 3, storage: null });
    expectRecovered(ref, out);
  });

  it('during assembly: every replicate is kept, only the tables remain, and --resume writes them', async () => {
    const out = join(dir, 'while-assembling');
    const room = planBytes + TASKS * partBytes + 60_000; // all parts, then part of the tables
    await withFaults({ under: out, fullAfterBytes: room }, async (fs) => {
      const stopped = await runClean(out);
      expect(stopped.storage?.message).toMatch(
        new RegExp(
          `^cannot write to ${out}: no space is left on the device \\(ENOSPC\\)\\. .*then run the same command with --resume: every replicate is saved, only the result tables remain to be written\\.$`,
        ),
      );
      expect(stopped.ran).toBe(TASKS);
      expect(existingParts(out).size).toBe(TASKS);
      expectStoppedCleanly(out);
      fs.heal();
      const r = await runClean(out, true);
      expect({ skipped: r.skipped, ran: r.ran }).toEqual({ skipped: TASKS, ran: 0 });
    });
    expectRecovered(ref, out);
  });

  it('keeps failures.json accurate: the replicates that threw, never the ones that could not be saved', async () => {
    const broken: BatchScenario = {
      ...input()[0]!,
      name: 'broken',
      replicates: 2,
      config: { ...small(13), org: { ...small(13).org, units: [] } },
    };
    const out = join(dir, 'failures');
    const scenarios = [broken, ...input()];
    const room = Math.floor(planBytes * 1.5 + 2.5 * partBytes);
    await withFaults({ under: out, fullAfterBytes: room }, async (fs) => {
      const stopped = await runBatch(scenarios, { out, threads: 1, shard: null, resume: false });
      expect(stopped.storage?.code).toBe('ENOSPC');
      // Tasks go out replicate by replicate (plan.ts dispatchOrder): the disk fills while replicate 0
      // of the other scenarios is saved, before the broken scenario's replicate 1 has run.
      expect(stopped.failures.map((f) => f.key)).toEqual(['0-0-0']);
      // The disk was full, so the list could not be written: better none than a wrong one.
      const path = join(out, 'failures.json');
      if (existsSync(path)) expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(stopped.failures);
      expectStoppedCleanly(out);
      fs.heal();
      const r = await runBatch(scenarios, { out, threads: 1, shard: null, resume: true });
      expect(r.storage).toBeNull();
      expect(JSON.parse(readFileSync(path, 'utf8')).map((f: { key: string }) => f.key)).toEqual(['0-0-0', '0-0-1']);
    });
    expect(tree(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('tanker batch prints one message naming the folder and the exact command to continue, exit code 1', async () => {
    const out = join(dir, 'cli');
    const full = await runChild({ under: out, fullAfterBytes: Math.floor(planBytes + 2.5 * partBytes) }, batchArgs(out));
    expect(full.code).toBe(1);
    expect(full.stdout).toContain(`12 replicates in all; ran 2, kept 0 from before, 0 failed`);
    expect(full.stdout).toContain(`stopped: 2 of 12 replicates are finished and kept in ${join(out, 'parts')}; 10 remain`);
    const lines = full.stderr.trim().split('\n');
    expect(lines[0]).toBe(
      `tanker: cannot write to ${out}: no space is left on the device (ENOSPC). Free some space on it (or choose another --out), then continue with:`,
    );
    expect(lines[1]).toContain(`tanker batch ${batchArgs(out).slice(1, 3).join(' ')} --out ${out} --resume`);
    expect(lines).toHaveLength(2);
    expectStoppedCleanly(out);
    const resumed = await runChild({}, batchArgs(out, '--resume'));
    expect(resumed.code).toBe(0);
    expectRecovered(ref, out);
  });
});

describe('a read-only folder (injected EROFS)', () => {
  it('stops before anything is written, with the folder and what to do', async () => {
    const out = join(dir, 'read-only');
    mkdirSync(out);
    await withFaults({ under: out, readOnly: true }, async () => {
      await expect(runClean(out)).rejects.toThrow(
        `cannot write to ${out}: the folder is on a read-only file system (EROFS). Choose an --out folder you can write to, then run the same command again.`,
      );
    });
    expect(tree(out)).toEqual([]);
  });
});

/** Mount a tmpfs of `size` at `at` (root only); false where the machine does not allow it. */
function mountTmpfs(at: string, size: string): boolean {
  if (process.getuid?.() !== 0) return false;
  mkdirSync(at, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at]).status === 0;
}

describe('a real full disk: a 200 KB tmpfs', () => {
  let mnt: string;
  let mounted = false;
  beforeAll(() => {
    mnt = join(dir, 'tmpfs');
    mounted = mountTmpfs(mnt, '200k');
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [mnt]);
  });

  it('stops with the message, and the printed command completes the batch once the file system is larger', async (ctx) => {
    if (!mounted) {
      ctx.skip(); // not root, or no mount in this container: the injected ENOSPC tests above cover the same code
      return;
    }
    const out = join(mnt, 'out');
    // --yes: the check before the start sees that the results will not fit (tests/batch/limits.test.ts).
    const full = await runChild({}, batchArgs(out, '--yes'));
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(new RegExp(`^tanker: cannot write to ${out}: no space is left on the device \\(ENOSPC\\)`, 'm'));
    expect(tree(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(spawnSync('mount', ['-o', 'remount,size=4m', mnt]).status).toBe(0);
    const resumed = await runChild({}, batchArgs(out, '--resume'));
    expect({ code: resumed.code, stderr: resumed.stderr }).toEqual({ code: 0, stderr: '' });
    expectRecovered(ref, out);
  });
});
