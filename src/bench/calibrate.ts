/**
 * `npm run bench:calibrate`: model runs per hour of a calibration on the medium preset (the
 * baseline scenario, five years), everything included (proposals, the worker pool, distances,
 * checkpoints), and what that means for issue 14's goal of 50,000 runs within an hour on a
 * 2-core machine. The budget is small by default (BENCH_PARTICLES, BENCH_GENERATIONS); the rate,
 * not the budget, is the figure.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCalibration } from '../analysis/calibration-run.js';
import { loadCalibration } from '../analysis/calibration-spec.js';
import { writeFileAtomic } from '../io/atomic.js';
import { formatErrors } from '../scenario/errors.js';

const particles = Number(process.env.BENCH_PARTICLES ?? 40);
const generations = Number(process.env.BENCH_GENERATIONS ?? 2);
const threads = Number(process.env.BENCH_THREADS ?? availableParallelism());
const GOAL_RUNS = 50_000;

const dir = mkdtempSync(join(tmpdir(), 'tanker-bench-calibrate-'));
try {
  const file = join(dir, 'bench.yaml');
  writeFileSync(
    file,
    [
      `scenario: ${JSON.stringify(resolve('scenarios/baseline.yaml'))}`,
      'parameters:',
      '  trust.staffTrustFloor: registry',
      '  signals.relay: registry',
      '  generation.proposeRate: registry',
      'targets:',
      '  - { indicator: trustStaffManagement, year: 1, value: 0.5, sd: 0.05 }',
      '  - { indicator: coCreationActual, year: 3, range: [0.02, 0.06] }',
      `method: { particles: ${particles}, generations: ${generations}, seed: bench }`,
      '',
    ].join('\n'),
  );
  const loaded = loadCalibration(file);
  if (!loaded.ok) throw new Error(formatErrors(loaded.errors));
  const spec = loaded.spec;
  const t0 = performance.now(); // clock-ok: benchmark timing
  const r = await runCalibration(spec, { out: join(dir, 'out'), threads, resume: false });
  const seconds = (performance.now() - t0) / 1000; // clock-ok
  const perHour = (r.runs / seconds) * 3600;
  console.log(
    `calibration on the medium preset (${spec.scenario.config.ticks} weeks, ${spec.parameters.length} parameters, ${particles} particles, ${r.state.history.length} generations): ${r.runs} model runs in ${seconds.toFixed(1)} s on ${threads} thread(s)`,
  );
  console.log(
    `${Math.round(perHour).toLocaleString('en')} model runs per hour; ${GOAL_RUNS.toLocaleString('en')} runs would take ${(GOAL_RUNS / perHour).toFixed(2)} h (goal: ≤ 1 h on 2 cores)`,
  );
  writeFileAtomic(
    'output/bench-calibrate.json',
    `${JSON.stringify({ preset: 'medium', ticks: spec.scenario.config.ticks, particles, generations: r.state.history.length, threads, runs: r.runs, seconds, runsPerHour: perHour, hoursFor50000: GOAL_RUNS / perHour }, null, 2)}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
