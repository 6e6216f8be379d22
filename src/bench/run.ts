/**
 * `npm run bench`: speed and memory of one replicate per size preset (260 weekly ticks, compiled,
 * one thread). Speed goals live here, not in tests. Prints a table and writes output/bench.json.
 */
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
  const median = times[Math.floor(times.length / 2)]!;
  rows.push({
    preset: size,
    staff: w.staff.n,
    agents,
    ties,
    medianMs: Math.round(median * 10) / 10,
    minMs: Math.round(times[0]! * 10) / 10,
    nsPerAgentOrTiePerTick: Math.round(((median * 1e6) / (agents + ties) / cfg.ticks) * 10) / 10,
    stateMB: Math.round((bytes / 1e6) * 100) / 100,
  });
}
console.table(rows);
const medium = rows.find((r) => r.preset === 'medium')!;
console.log(`medium preset, 260 weeks: median ${medium.medianMs} ms (goal <= 100 ms), state ${medium.stateMB} MB per replicate`);
writeFileAtomic('output/bench.json', `${JSON.stringify({ repeats, rows, node: process.version }, null, 2)}\n`);
