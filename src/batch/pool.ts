/**
 * Runs tasks on a piscina worker pool (threads = cores by default; min = max so CPU-bound work is
 * not oversubscribed), or in this thread when there is one. Each finished replicate is checkpointed at once; a replicate that throws is
 * recorded with its scenario, seed and error and the batch goes on. A checkpoint that cannot be
 * written because of the storage (a full disk, a read-only folder) stops the run at once: no new
 * task starts, and the replicates in flight are dropped rather than counted as failures.
 */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { setImmediate } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { Calendar } from '../engine/calendar.js';
import { provenance } from '../io/provenance.js';
import { writeBatchRecords } from '../io/records.js';
import { StorageError, storageCode } from '../io/storage.js';
import type { RecordSpec } from '../model/index.js';
import { writePart } from './parts.js';
import type { Plan, Task } from './plan.js';
import { dispatchOrder, taskInputs } from './plan.js';
import { runTask, shareSpinUps, type WorkerResult, type WorkerTask } from './worker.js';

export interface Failure {
  readonly key: string;
  readonly scenario: string;
  readonly point: number;
  readonly replicate: number;
  readonly seed: string | number;
  readonly error: string;
}

export interface PoolOptions {
  readonly out: string;
  readonly threads: number;
  readonly onDone?: (done: number, failed: number) => void;
  /** Stop scheduling new tasks when this returns true (Ctrl-C). */
  readonly stopped?: () => boolean;
  /** Agent, tie and initiative records to write under OUT/records/ (before each checkpoint). */
  readonly record?: RecordSpec | undefined;
}

export interface PoolResult {
  /** Replicates that threw, in task order. */
  readonly failures: Failure[];
  /** Replicates finished and checkpointed. */
  readonly written: number;
  /** Tasks started (always the first ones of the list). */
  readonly started: number;
  /** The storage problem that stopped the run, if one did. */
  readonly storage: StorageError | null;
}

export function defaultThreads(): number {
  return availableParallelism();
}

// ".ts" when running from src (tsx / vitest), ".js" from dist.
const ext = extname(fileURLToPath(import.meta.url));
const workerUrl = new URL(`./worker${ext}`, import.meta.url).href;
// Workers inherit tsx's loader under `tsx`, but not under vitest, so add it there.
const workerExecArgv =
  ext === '.ts' && !process.execArgv.some((a) => a.includes('tsx')) ? [...process.execArgv, '--import', 'tsx'] : undefined;

export async function runOnPool(plan: Plan, planned: readonly Task[], opts: PoolOptions): Promise<PoolResult> {
  const tasks = dispatchOrder(planned);
  // Which tasks share a spin-up with another (worker.ts keeps only those).
  const shared = new Set(
    shareSpinUps(tasks.map((t) => ({ ...taskInputs(plan, t), key: t.key })))
      .filter((x) => x.shareSpinUp)
      .map((x) => x.key),
  );
  const failures: Failure[] = [];
  let written = 0;
  let storage: StorageError | null = null;
  if (tasks.length === 0) return { failures, written, started: 0, storage };
  const threads = Math.max(1, Math.min(opts.threads, tasks.length));
  // One thread: the replicates run in this thread (as mapReplicates does), one at a time, with a
  // turn of the event loop before each (in the lane below) so that Ctrl-C is heard; no worker has to start.
  const pool =
    threads > 1
      ? new Piscina<WorkerTask, WorkerResult>({
          filename: workerUrl,
          minThreads: threads,
          maxThreads: threads,
          idleTimeout: 30_000,
          ...(workerExecArgv ? { execArgv: workerExecArgv } : {}),
        })
      : null;
  const run = async (inputs: WorkerTask): Promise<WorkerResult> => (pool ? pool.run(inputs) : runTask(inputs));
  const createdBy = `tanker ${provenance().version}`;
  let done = 0;
  let next = 0;
  // Keep a bounded number of tasks in flight so memory does not grow with the batch.
  const inFlight = pool ? threads * 2 : 1;
  const runOne = async (t: Task): Promise<void> => {
    const inputs: WorkerTask = { ...taskInputs(plan, t), record: opts.record, shareSpinUp: shared.has(t.key) };
    let r: WorkerResult;
    try {
      r = await run(inputs);
    } catch (e) {
      failures.push({
        key: t.key,
        scenario: plan.scenarios[t.scenario]!.name,
        point: t.point,
        replicate: t.replicate,
        seed: inputs.seed,
        error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      });
      done++;
      opts.onDone?.(done, failures.length);
      return;
    }
    if (storage) return; // the run is stopping: nowhere to save it
    try {
      // Records first: a checkpoint then always means the replicate's records are complete too.
      if (r.records) {
        const cal = new Calendar(inputs.config.startDate, inputs.config.ticks);
        const key = { scenario: plan.scenarios[t.scenario]!.name, point: t.point, replicate: t.replicate };
        writeBatchRecords(opts.out, t.key, key, r.records, cal, createdBy);
      }
      writePart(
        opts.out,
        {
          key: t.key,
          scenario: t.scenario,
          point: t.point,
          replicate: t.replicate,
          ticks: inputs.config.ticks,
          width: r.width,
          turnTick: r.turnTick,
          totals: r.totals,
        },
        r.data,
      );
    } catch (e) {
      if (storageCode(e) === null) throw e;
      storage ??= new StorageError(opts.out, e);
      return;
    }
    written++;
    done++;
    opts.onDone?.(done, failures.length);
  };
  const lane = async (): Promise<void> => {
    for (;;) {
      if (!pool) await new Promise<void>((res) => setImmediate(res));
      if (next >= tasks.length || storage !== null || opts.stopped?.()) return;
      await runOne(tasks[next++]!);
    }
  };
  try {
    await Promise.all(Array.from({ length: inFlight }, lane));
  } finally {
    await pool?.destroy();
  }
  failures.sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  return { failures, written, started: next, storage };
}
