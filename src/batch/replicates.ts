/**
 * Run a list of replicates on the worker pool and get their results back in memory, in input
 * order (for analyses that need many small runs: model validation, sensitivity). Batches that
 * write results to disk use runBatch instead.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { runTask, type WorkerResult, type WorkerTask } from './worker.js';

const ext = extname(fileURLToPath(import.meta.url));
const workerUrl = new URL(`./worker${ext}`, import.meta.url).href;
const workerExecArgv =
  ext === '.ts' && !process.execArgv.some((a) => a.includes('tsx')) ? [...process.execArgv, '--import', 'tsx'] : undefined;

export async function runReplicates(tasks: readonly WorkerTask[], threads: number): Promise<WorkerResult[]> {
  if (threads <= 1 || tasks.length < 2) return tasks.map(runTask);
  const pool = new Piscina<WorkerTask, WorkerResult>({
    filename: workerUrl,
    minThreads: threads,
    maxThreads: threads,
    ...(workerExecArgv ? { execArgv: workerExecArgv } : {}),
  });
  try {
    return await Promise.all(tasks.map((t) => pool.run(t)));
  } finally {
    await pool.destroy();
  }
}
