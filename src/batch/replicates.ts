/**
 * Run many replicates on the worker pool and reduce each result in the main thread as it arrives
 * (for analyses that need many small runs: model validation, sensitivity). A bounded number of
 * tasks is in flight, so memory does not grow with the design; results come back in task order
 * whatever the number of threads. Batches that write results to disk use runBatch instead.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { runTask, shareSpinUps, type WorkerResult, type WorkerTask } from './worker.js';

const ext = extname(fileURLToPath(import.meta.url));
const workerUrl = new URL(`./worker${ext}`, import.meta.url).href;
// Workers inherit tsx's loader under `tsx`, but not under vitest, so add it there.
const workerExecArgv =
  ext === '.ts' && !process.execArgv.some((a) => a.includes('tsx')) ? [...process.execArgv, '--import', 'tsx'] : undefined;

function newPiscina(n: number): Piscina<WorkerTask, WorkerResult> {
  return new Piscina<WorkerTask, WorkerResult>({
    filename: workerUrl,
    minThreads: n,
    maxThreads: n,
    idleTimeout: 30_000,
    ...(workerExecArgv ? { execArgv: workerExecArgv } : {}),
  });
}

/**
 * A pool kept open across many `mapReplicates` calls (a calibration's rounds), so the threads
 * start, load the model and warm up once rather than once per call. Close it when done.
 */
export interface ReplicatePool {
  readonly threads: number;
  readonly piscina: Piscina<WorkerTask, WorkerResult> | null;
  close(): Promise<void>;
}

export function openReplicatePool(threads: number): ReplicatePool {
  const piscina = threads > 1 ? newPiscina(threads) : null;
  return { threads, piscina, close: async () => void (await piscina?.destroy()) };
}

/**
 * Run `count` tasks and return `extract` of each result, in task order. With one thread the tasks
 * run in this thread. The first failing task stops the run and is reported with its index.
 * `threads` is a thread count (a pool for this call) or a pool opened with openReplicatePool.
 */
export async function mapReplicates<T>(
  count: number,
  task: (i: number) => WorkerTask,
  extract: (r: WorkerResult, i: number) => T,
  threads: number | ReplicatePool,
  onDone?: (done: number) => void,
): Promise<T[]> {
  const out: T[] = new Array(count);
  if (count === 0) return out;
  const shared = typeof threads === 'number' ? null : threads;
  const width = shared ? shared.threads : (threads as number);
  // Replicate by replicate, so that threads reuse the spin-ups they keep (worker.ts); results stay in input order.
  const tasks = shareSpinUps(Array.from({ length: count }, (_, i) => task(i)));
  const order = tasks.map((_, i) => i).sort((a, b) => tasks[a]!.replicate - tasks[b]!.replicate || a - b);
  if (width <= 1) {
    for (let k = 0; k < count; k++) {
      const i = order[k]!;
      out[i] = extract(runTask(tasks[i]!), i);
      onDone?.(k + 1);
    }
    return out;
  }
  const n = Math.min(width, count);
  const pool = shared?.piscina ?? newPiscina(n);
  let next = 0;
  let done = 0;
  let failure: { i: number; error: unknown } | null = null;
  const lane = async (): Promise<void> => {
    while (next < count && failure === null) {
      const i = order[next++]!;
      try {
        out[i] = extract(await pool.run(tasks[i]!), i);
      } catch (error) {
        failure ??= { i, error };
        return;
      }
      onDone?.(++done);
    }
  };
  try {
    await Promise.all(Array.from({ length: n * 2 }, lane));
  } finally {
    if (!shared) await pool.destroy();
  }
  if (failure !== null) {
    const f = failure as { i: number; error: unknown };
    throw new Error(`task ${f.i} failed: ${f.error instanceof Error ? f.error.message : String(f.error)}`);
  }
  return out;
}

/** All results of a list of tasks, in input order. */
export function runReplicates(tasks: readonly WorkerTask[], threads: number): Promise<WorkerResult[]> {
  return mapReplicates(
    tasks.length,
    (i) => tasks[i]!,
    (r) => r,
    threads,
  );
}
