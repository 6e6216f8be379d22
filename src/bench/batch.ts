/**
 * `npm run bench:batch`: 1,000 replicates of the baseline on the worker pool (goal: within two
 * minutes on the 2-core machine), parallel efficiency of 2 threads against 1, and the peak memory
 * of the main process while the batch streams its results to disk.
 */
import { rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BatchScenario, runBatch } from '../batch/index.js';
import { loadBatchScenarios } from '../cli/scenarios.js';
import { writeFileAtomic } from '../io/atomic.js';

const replicates = Number(process.env.BENCH_REPLICATES ?? 1000);
const effReplicates = Number(process.env.BENCH_EFFICIENCY_REPLICATES ?? 100);
const baseline = loadBatchScenarios(['scenarios/baseline.yaml'], {})[0]!;

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

const cores = availableParallelism();
const one = await timed({ ...baseline, replicates: effReplicates }, 1, 'eff1');
const two = await timed({ ...baseline, replicates: effReplicates }, 2, 'eff2');
const efficiency = one.s / (2 * two.s);
console.log(
  `${effReplicates} replicates: 1 thread ${one.s.toFixed(1)} s, 2 threads ${two.s.toFixed(1)} s, parallel efficiency ${(100 * efficiency).toFixed(0)} % (goal >= 85 %)`,
);
const big = await timed({ ...baseline, replicates }, cores, 'big');
console.log(
  `${replicates} replicates of the baseline on ${cores} threads: ${big.s.toFixed(1)} s (goal <= 120 s); main process peak RSS ${big.peakRssMB} MB, heap ${big.peakHeapMB} MB`,
);
writeFileAtomic(
  'output/bench-batch.json',
  `${JSON.stringify({ replicates, seconds: big.s, cores, peakRssMB: big.peakRssMB, peakHeapMB: big.peakHeapMB, efficiency: { replicates: effReplicates, oneThread: one.s, twoThreads: two.s, efficiency } }, null, 2)}\n`,
);
