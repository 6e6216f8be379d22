/**
 * `npm run bench:compare -- OTHER [preset] [pairs]`: the CPU time of a warm replicate of this build
 * against another build of Tanker (OTHER: the root of a checkout with `dist/` built, e.g. a
 * `git worktree` of an older commit), as a ratio measured in one process. Both models are loaded
 * side by side and their replicates alternate (the order flips every pair), so load on the machine
 * and its clock speed fall on both alike: the ratio is what to quote, not the milliseconds.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ModelConfig } from '../model/config.js';

interface Build {
  readonly root: string;
  readonly config: ModelConfig;
  run(cfg: ModelConfig, seed: string, replicate: number): unknown;
}

async function load(root: string, preset: string): Promise<Build> {
  const url = (f: string) => pathToFileURL(resolve(root, 'dist', f)).href;
  const presets = (await import(url('model/presets.js'))) as { presetConfig(p: string): ModelConfig };
  const sim = (await import(url('model/simulate.js'))) as { runReplicate(c: ModelConfig, s: string, r: number): unknown };
  return { root, config: presets.presetConfig(preset), run: sim.runReplicate };
}

/** CPU milliseconds (user + system) of one call: the other thread of a busy machine does not count. */
function cpuMs(f: () => void): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const [other, preset = 'medium', pairsArg = '12'] = process.argv.slice(2);
if (!other) {
  console.error('usage: npm run bench:compare -- OTHER_ROOT [small|medium|large] [pairs]');
  process.exit(2);
}
const pairs = Number(pairsArg);
const here = await load(resolve(fileURLToPath(new URL('../..', import.meta.url))), preset);
const there = await load(resolve(other), preset);
for (let k = 0; k < 4; k++) {
  // Warm-up: both models compiled before anything is timed.
  here.run(here.config, 'bench', k);
  there.run(there.config, 'bench', k);
}
const tHere: number[] = [];
const tThere: number[] = [];
const ratios: number[] = [];
for (let k = 4; k < 4 + pairs; k++) {
  const a = () => tThere.push(cpuMs(() => there.run(there.config, 'bench', k)));
  const b = () => tHere.push(cpuMs(() => here.run(here.config, 'bench', k)));
  if (k % 2 === 0) {
    a();
    b();
  } else {
    b();
    a();
  }
  ratios.push(tHere.at(-1)! / tThere.at(-1)!);
}
console.log(`${preset}, ${pairs} pairs of warm replicates, CPU time:`);
console.log(`  other (${there.root}): median ${median(tThere).toFixed(1)} ms`);
console.log(`  this  (${here.root}): median ${median(tHere).toFixed(1)} ms`);
console.log(
  `  this / other: median ${median(ratios).toFixed(3)} (pairs range ${Math.min(...ratios).toFixed(3)} to ${Math.max(...ratios).toFixed(3)})`,
);
