// A batch killed part-way (SIGKILL: no chance to clean up) continues with --resume: finished
// replicates are kept as they are, the rest is run, and the results equal an uninterrupted run.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/index.js';
import { existingParts, partPath } from '../../src/batch/parts.js';
import { expectSameFiles, fixture, RESULT_FILES, ROOT, scenarios, scratch } from './helpers.js';

const MAIN = join(ROOT, 'src/cli/main.ts');
const TOTAL = 48; // long.yaml: 48 replicates of 156 weeks, a few seconds on one thread
let dir: string;
let cleanup: () => Promise<void>;
let out: string;

function tanker(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

function exited(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  return new Promise((res) => {
    if (child.exitCode !== null || child.signalCode !== null) res(child.signalCode ?? child.exitCode);
    else child.once('exit', (code, signal) => res(signal ?? code));
  });
}

/** Start `tanker batch long.yaml --threads 1` and SIGKILL it once a few replicates are checkpointed. */
async function startAndKill(target: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, 'batch', fixture('long.yaml'), '--threads', '1', '--quiet', '--out', target],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
  const done = exited(child);
  const deadline = Date.now() + 60_000;
  while (existingParts(target).size < 3) {
    if (child.exitCode !== null || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill('SIGKILL');
  expect(await done).toBe('SIGKILL');
}

let ref: string;
let kept: Map<string, { ino: number; mtimeMs: number }>;

beforeAll(async () => {
  ({ dir, cleanup } = await scratch('resume'));
  out = join(dir, 'killed');
  ref = join(dir, 'reference');
  await startAndKill(out);
  kept = new Map([...existingParts(out)].map((k) => [k, statSync(partPath(out, k))]));
  await runBatch(scenarios('long.yaml'), { out: ref, threads: 2, shard: null, resume: false });
});
afterAll(() => cleanup());

describe('resume after a killed batch', () => {
  it('the kill left some parts and no results behind', () => {
    expect(kept.size).toBeGreaterThanOrEqual(3);
    expect(kept.size).toBeLessThan(TOTAL);
    expect(existsSync(join(out, 'plan.json'))).toBe(true);
    for (const f of [...RESULT_FILES, 'manifest.json']) expect(existsSync(join(out, f)), f).toBe(false);
  });

  it('refuses to run into a folder holding a batch without --resume, and changes nothing', () => {
    const r = tanker('batch', fixture('long.yaml'), '--threads', '1', '--quiet', '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^tanker: .*killed already holds this batch \(plan [0-9a-f]{16}\); pass --resume to continue it, or choose another --out/m,
    );
    expect(new Set(existingParts(out))).toEqual(new Set(kept.keys()));
  });

  it('refuses --resume with different files or options', () => {
    const files = tanker('batch', fixture('small.yaml'), '--threads', '1', '--quiet', '--resume', '--out', out);
    expect(files.status).toBe(1);
    expect(files.stderr).toMatch(
      /^tanker: .*killed holds a different batch \(plan [0-9a-f]{16}; these files and options make plan [0-9a-f]{16}\): continuing a batch needs the same files, --replicates and --seed; to run these, choose another --out$/m,
    );
    const reps = tanker('batch', fixture('long.yaml'), '--replicates', '49', '--threads', '1', '--quiet', '--resume', '--out', out);
    expect(reps.status).toBe(1);
    expect(reps.stderr).toMatch(/holds a different batch/);
    expect(new Set(existingParts(out))).toEqual(new Set(kept.keys()));
  });

  it('--resume runs only the rest, keeps the finished parts untouched, and ends byte-identical to an uninterrupted run', () => {
    const r = tanker('batch', fixture('long.yaml'), '--threads', '1', '--quiet', '--resume', '--out', out);
    // Status, signal and stderr together, so a failure shows what happened; --quiet means no progress output.
    expect({ status: r.status, signal: r.signal, stderr: r.stderr }).toEqual({ status: 0, signal: null, stderr: '' });
    expect(r.stdout).toContain(`${TOTAL} replicates in all; ran ${TOTAL - kept.size}, kept ${kept.size} from before, 0 failed`);
    expect(existingParts(out).size).toBe(TOTAL);
    for (const [key, before] of kept) {
      const now = statSync(partPath(out, key));
      expect(now.ino, `${key} inode`).toBe(before.ino);
      expect(now.mtimeMs, `${key} mtime`).toBe(before.mtimeMs);
    }
    expectSameFiles(ref, out, RESULT_FILES);
    // No temporary files are left behind.
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(readdirSync(join(out, 'parts')).filter((f) => !f.endsWith('.part'))).toEqual([]);
  });
});
