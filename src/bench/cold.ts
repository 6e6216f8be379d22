/**
 * One fresh process for `npm run bench`: loads the model, times its first replicate of a preset
 * (cold: code not yet compiled by V8's optimising tiers) and prints the figures as JSON.
 * Usage: node dist/bench/cold.js small|medium|large
 */
const t0 = performance.now(); // clock-ok: benchmark timing
const { presetConfig, SIZE_PRESETS } = await import('../model/presets.js');
const { runReplicate } = await import('../model/simulate.js');
const loadMs = performance.now() - t0; // clock-ok

const preset = SIZE_PRESETS.find((p) => p === process.argv[2]);
if (preset === undefined) throw new Error(`usage: cold.js ${SIZE_PRESETS.join('|')}`);
const cfg = presetConfig(preset);
const t1 = performance.now(); // clock-ok
runReplicate(cfg, 'bench', 0);
const firstMs = performance.now() - t1; // clock-ok
process.stdout.write(`${JSON.stringify({ preset, loadMs, firstMs })}\n`);
