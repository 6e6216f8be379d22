/**
 * `npm run bench:batch`: 1,000 replicates of the baseline on the worker pool (goal: within two
 * minutes on the 2-core machine), parallel efficiency of 2 threads against 1, and the peak memory
 * of the main process while the batch streams its results to disk.
 */
import { rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { type BatchScenario, runBatch } from '../batch/index.js';
import type { WorkerResult, WorkerTask } from '../batch/worker.js';
import { loadBatchScenarios } from '../cli/scenarios.js';
import { writeFileAtomic } from '../io/atomic.js';

const replicates = Number(process.env.BENCH_REPLICATES ?? 1000);
const effReplicates = Number(process.env.BENCH_EFFICIENCY_REPLICATES ?? 100);
const baseline = loadBatchScenarios(['scenarios/baseline.yaml'], {})[0]!;
const workerUrl = new URL('../batch/worker.js', import.meta.url).href;

async function timed(
  scenario: BatchScenario,
  threads: number,
  label: string,
): Promise<{ s: number; peakRssMB: number; peakHeapMB: number }> {
  const out = join(tmpdir(), `tanker-bench-${process.pid}-${label}`);
  rmSync(out, { recursive: true, force: true });
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 100);
  const t0 = performance.now();
  await runBatch([scenario], { out, threads, shard: null, resume: false });
  const s = (performance.now() - t0) / 1000;
  clearInterval(timer);
  sample();
  rmSync(out, { recursive: true, force: true });
  return { s, peakRssMB: Math.round(peakRss / 1e6), peakHeapMB: Math.round(peakHeap / 1e6) };
}

/** The parallel part alone: replicates on a pool of n worker threads, results in memory. */
async function poolSeconds(threads: number): Promise<number> {
  const tasks = Array.from({ length: effReplicates }, (_, r) => ({
    config: baseline.config,
    interventions: baseline.interventions,
    elections: baseline.elections,
    seed: String(baseline.seed),
    replicate: r,
  }));
  const pool = new Piscina<WorkerTask, WorkerResult>({ filename: workerUrl, minThreads: threads, maxThreads: threads });
  try {
    await Promise.all(tasks.slice(0, threads).map((t) => pool.run(t))); // start the threads first
    const t0 = performance.now();
    await Promise.all(tasks.map((t) => pool.run(t)));
    return (performance.now() - t0) / 1000;
  } finally {
    await pool.destroy();
  }
}

const cores = availableParallelism();
const p1 = await poolSeconds(1);
const p2 = await poolSeconds(2);
console.log(
  `${effReplicates} replicates on the worker pool: 1 thread ${p1.toFixed(1)} s, 2 threads ${p2.toFixed(1)} s, parallel efficiency ${((100 * p1) / (2 * p2)).toFixed(0)} % (goal >= 85 %)`,
);
const one = await timed({ ...baseline, replicates: effReplicates }, 1, 'eff1');
const two = await timed({ ...baseline, replicates: effReplicates }, 2, 'eff2');
const efficiency = one.s / (2 * two.s);
console.log(
  `the whole batch with checkpoints and the serial assembly of results: 1 thread ${one.s.toFixed(1)} s, 2 threads ${two.s.toFixed(1)} s, efficiency ${(100 * efficiency).toFixed(0)} %`,
);
const big = await timed({ ...baseline, replicates }, cores, 'big');
console.log(
  `${replicates} replicates of the baseline on ${cores} threads: ${big.s.toFixed(1)} s (goal <= 120 s); main process peak RSS ${big.peakRssMB} MB, heap ${big.peakHeapMB} MB`,
);
writeFileAtomic(
  'output/bench-batch.json',
  `${JSON.stringify({ replicates, seconds: big.s, cores, peakRssMB: big.peakRssMB, peakHeapMB: big.peakHeapMB, efficiency: { replicates: effReplicates, pool: { oneThread: p1, twoThreads: p2, efficiency: p1 / (2 * p2) }, batch: { oneThread: one.s, twoThreads: two.s, efficiency } } }, null, 2)}\n`,
);
