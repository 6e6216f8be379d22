// Shared pieces of the fault-injection suite: the batch every test breaks (the small municipality
// and a 2 x 2 sweep, 12 replicates of 26 weeks: seconds, not minutes), its uninterrupted reference,
// child processes that run `tanker batch` with a fault plan, and the checks every test ends with:
// byte-identical results, no temporary file anywhere, no lock left.
//
// The child (child.ts) is bundled once per test file with esbuild (dependencies stay external), so
// each of the many child processes starts in a fraction of a second instead of compiling the
// sources through tsx. The bundle sits two folders below the project root, where src/ files sit,
// so it finds package.json the way they do. Children run with --threads 1 (no worker file needed).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type BatchOutcome, runBatch } from '../../src/batch/index.js';
import { useFileSystem } from '../../src/io/fs.js';
import { expectSameFiles, fixture, RESULT_FILES, ROOT, scenarios, scratch } from '../batch/helpers.js';
import { type FaultPlan, type FaultyFileSystem, faultyFileSystem } from '../support/faulty-fs.js';

export const FILES = [fixture('small.yaml'), fixture('sweep.yaml')];
export const TASKS = 12;
export const ALL_FILES = [...RESULT_FILES, 'points.csv'];
export const input = () => scenarios('small.yaml', 'sweep.yaml');

/** The batch, uninterrupted, in-process. */
export function runClean(out: string, resume = false): Promise<BatchOutcome> {
  return runBatch(input(), { out, threads: 1, shard: null, resume });
}

export interface Prepared {
  readonly dir: string;
  readonly cleanup: () => Promise<void>;
  /** The uninterrupted reference batch. */
  readonly ref: string;
  /** How many changes the batch makes to its folder. */
  readonly total: number;
  /** The change at which the batch opens the first temporary file of each named file. */
  readonly opens: Readonly<Record<string, number>>;
}

/**
 * A scratch folder, the reference batch, and a counted run of the same batch: where in its
 * sequence of changes to the folder the batch opens each of the named files.
 */
export async function prepare(label: string, ...names: string[]): Promise<Prepared> {
  const { dir, cleanup } = await scratch(label);
  const ref = join(dir, 'reference');
  await runClean(ref);
  const counted = join(dir, 'counted');
  return withFaults({ under: counted }, async (fs) => {
    await runClean(counted);
    const opens = Object.fromEntries(names.map((n) => [n, fs.firstOpenOf(n) ?? 0]));
    return { dir, cleanup, ref, total: fs.ops(), opens };
  });
}

/** Run `f` with the file system replaced by a faulty one; the real one is back afterwards. */
export async function withFaults<T>(plan: FaultPlan, f: (fs: FaultyFileSystem) => Promise<T>): Promise<T> {
  const fs = faultyFileSystem(plan);
  const restore = useFileSystem(fs);
  try {
    return await f(fs);
  } finally {
    restore();
  }
}

export interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

let bundle: Promise<string> | undefined;

/** The child entry bundled into one module (once per test file); removed when the process exits. */
export function childBundle(): Promise<string> {
  bundle ??= (async () => {
    const { build } = await import('esbuild');
    const dir = join(ROOT, 'output', 'fault-children');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `child-${process.pid}.mjs`);
    await build({
      entryPoints: [join(ROOT, 'tests/faults/child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: file,
      logLevel: 'warning',
    });
    process.once('exit', () => rmSync(file, { force: true }));
    return file;
  })();
  return bundle;
}

/** Start `tanker batch|merge ARGS` in a child process with a fault plan ({} for none). */
export async function startChild(
  plan: FaultPlan | Record<string, never>,
  args: readonly string[],
): Promise<{ child: ChildProcess; done: Promise<ChildResult> }> {
  const child = spawn(process.execPath, [await childBundle(), JSON.stringify(plan), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr!.on('data', (d) => {
    stderr += String(d);
  });
  const done = new Promise<ChildResult>((res) => child.once('close', (code, signal) => res({ code, signal, stdout, stderr })));
  return { child, done };
}

export async function runChild(plan: FaultPlan | Record<string, never>, args: readonly string[]): Promise<ChildResult> {
  return (await startChild(plan, args)).done;
}

export function batchArgs(out: string, ...more: string[]): string[] {
  return ['batch', ...FILES, '--out', out, '--threads', '1', '--quiet', ...more];
}

/** Every file under `dir` (relative paths). */
export function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tree(p).map((c) => `${f}/${c}`) : [f];
  });
}

/** Results byte-identical to the reference, and nothing left over: no temporary file, no lock. */
export function expectRecovered(ref: string, out: string): void {
  expectSameFiles(ref, out, ALL_FILES);
  expect(tree(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
  expect(tree(join(out, 'locks'))).toEqual([]);
}
