/**
 * `npm run bench`: speed and memory of one replicate per size preset (the 78-week spin-up and 260
 * recorded weeks, compiled, one thread). Speed goals live here, not in tests. Prints a table and
 * writes output/bench.json.
 *
 * Warm: the median of BENCH_REPEATS replicates after three warm-up runs in this process (steady
 * state). Cold: the first replicate in a fresh process (cold.ts, started BENCH_COLD_REPEATS times
 * per preset; the median), which is what `tanker run` and each worker thread of a batch pay once.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/atomic.js';
import { createWorld, presetConfig, runReplicate, SIZE_PRESETS } from '../model/index.js';

/** Bytes held in typed arrays reachable from the world (its state; the recorder included). */
function typedBytes(root: unknown): number {
  const seen = new Set<unknown>();
  let bytes = 0;
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      bytes += v.byteLength;
      return;
    }
    for (const x of Object.values(v)) visit(x);
  };
  visit(root);
  return bytes;
}

const repeats = Number(process.env.BENCH_REPEATS ?? 10);
const coldRepeats = Number(process.env.BENCH_COLD_REPEATS ?? 5);
const coldScript = fileURLToPath(new URL('./cold.js', import.meta.url));

/** Weeks a replicate simulates: the unrecorded spin-up and the recorded run. */
const simulatedWeeks = (cfg: { ticks: number; params: { init: unknown } }): number =>
  cfg.ticks + (cfg.params.init as { spinUpWeeks: number }).spinUpWeeks;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** First replicate of a preset in fresh processes: median first-replicate and module-loading times. */
function cold(preset: string): { firstMs: number; loadMs: number } {
  const runs = Array.from({ length: coldRepeats }, () => {
    const out = execFileSync(process.execPath, [coldScript, preset], { encoding: 'utf8' });
    return JSON.parse(out) as { firstMs: number; loadMs: number };
  });
  return { firstMs: median(runs.map((r) => r.firstMs)), loadMs: median(runs.map((r) => r.loadMs)) };
}

// Fresh processes first, while this one has compiled nothing.
const colds = new Map(SIZE_PRESETS.map((size) => [size, cold(size)]));
const rows = [];
for (const size of SIZE_PRESETS) {
  const cfg = presetConfig(size);
  const w = createWorld(cfg, 'bench', 0);
  const agents = w.staff.n + w.managers.n + w.citizens.n + w.partners.n + w.pols.n;
  const ties = w.ties.edgeCount();
  const bytes = typedBytes(w);
  for (let i = 0; i < 3; i++) runReplicate(cfg, 'warm', i);
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    runReplicate(cfg, 'bench', i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const warm = median(times);
  const c = colds.get(size)!;
  rows.push({
    preset: size,
    staff: w.staff.n,
    agents,
    ties,
    medianMs: round1(warm),
    minMs: round1(times[0]!),
    coldMs: round1(c.firstMs),
    coldOverWarm: Math.round((c.firstMs / warm) * 100) / 100,
    loadMs: round1(c.loadMs),
    nsPerAgentOrTiePerTick: round1((warm * 1e6) / (agents + ties) / simulatedWeeks(cfg)),
    stateMB: Math.round((bytes / 1e6) * 100) / 100,
  });
}
console.table(rows);

// Recording: off costs nothing (no code runs); agents every 4 weeks on the medium preset, timed
// in the same process, interleaved with plain runs so machine load affects both alike.
const mediumCfg = presetConfig('medium');
const plain: number[] = [];
const recorded: number[] = [];
for (let i = 0; i < Math.max(3, Math.ceil(repeats / 2)); i++) {
  let t0 = performance.now();
  runReplicate(mediumCfg, 'bench', i);
  plain.push(performance.now() - t0);
  t0 = performance.now();
  runReplicate(mediumCfg, 'bench', i, { record: { agents: true, every: 4 } });
  recorded.push(performance.now() - t0);
}
const recording = {
  plainMs: round1(median(plain)),
  agentsEvery4Ms: round1(median(recorded)),
  ratio: Math.round((median(recorded) / median(plain)) * 100) / 100,
};
const medium = rows.find((r) => r.preset === 'medium')!;
console.log(
  `medium preset, ${simulatedWeeks(mediumCfg)} weeks (spin-up included): median ${medium.medianMs} ms (goal <= 100 ms), state ${medium.stateMB} MB per replicate`,
);
console.log(
  `medium preset, first replicate in a fresh process: ${medium.coldMs} ms = ${medium.coldOverWarm} x warm (goal <= 3), after ${medium.loadMs} ms loading the model`,
);
console.log(
  `medium preset, recording every agent every 4 weeks: ${recording.agentsEvery4Ms} ms against ${recording.plainMs} ms without (${recording.ratio} x)`,
);
writeFileAtomic('output/bench.json', `${JSON.stringify({ repeats, coldRepeats, rows, recording, node: process.version }, null, 2)}\n`);
