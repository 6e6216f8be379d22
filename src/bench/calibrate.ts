/**
 * `npm run bench:calibrate`: model runs per hour of a calibration on the medium preset (the
 * baseline scenario; a target in year 5, so every run simulates the whole five years), everything
 * included (proposals, the worker pool, distances, checkpoints), and what that means for issue
 * 14's goal of 50,000 runs within an hour on a 2-core machine. The budget is small by default (BENCH_PARTICLES, BENCH_GENERATIONS); the rate,
 * not the budget, is the figure: the rate after the first round (which also pays for starting the
 * threads and compiling the model) projects the time of 50,000 runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dataHorizon, runCalibration } from '../analysis/calibration-run.js';
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
      '  - { indicator: coCreationActual, year: 5, range: [0.02, 0.06] }',
      `method: { particles: ${particles}, generations: ${generations}, seed: bench }`,
      '',
    ].join('\n'),
  );
  const loaded = loadCalibration(file);
  if (!loaded.ok) throw new Error(formatErrors(loaded.errors));
  const spec = loaded.spec;
  // Each round's start (seconds since t0) and runs: the first round also pays the threads' start
  // and the compiler's warm-up, which a calibration of 50,000 runs pays once.
  const rounds: { at: number; runs: number }[] = [];
  const t0 = performance.now(); // clock-ok: benchmark timing
  const since = (): number => (performance.now() - t0) / 1000; // clock-ok
  const r = await runCalibration(spec, {
    out: join(dir, 'out'),
    threads,
    resume: false,
    onRoundStart: (runs) => void rounds.push({ at: since(), runs }),
  });
  const seconds = since();
  const perHour = (r.runs / seconds) * 3600;
  // Steady rate: the rounds after the first; the first round's excess over it is the start-up cost.
  const first = rounds[0]!;
  const laterRuns = r.runs - first.runs;
  const laterSeconds = seconds - (rounds[1]?.at ?? seconds);
  const steadyPerHour = laterRuns > 0 && laterSeconds > 0 ? (laterRuns / laterSeconds) * 3600 : perHour;
  const startup = Math.max(0, (rounds[1]?.at ?? seconds) - (first.runs / steadyPerHour) * 3600);
  const hoursFor50000 = startup / 3600 + GOAL_RUNS / steadyPerHour;
  console.log(
    `calibration on the medium preset (runs of ${dataHorizon(spec)} weeks after the spin-up, ${spec.parameters.length} parameters, ${particles} particles, ${r.state.history.length} generations): ${r.runs} model runs in ${seconds.toFixed(1)} s on ${threads} thread(s)`,
  );
  console.log(
    `${Math.round(perHour).toLocaleString('en')} model runs per hour overall; after the first round ${Math.round(steadyPerHour).toLocaleString('en')} per hour (start-up ${startup.toFixed(1)} s)`,
  );
  console.log(
    `${GOAL_RUNS.toLocaleString('en')} runs would take ${hoursFor50000.toFixed(2)} h at that rate (goal: ≤ 1 h on 2 cores: ${hoursFor50000 <= 1 ? 'met' : 'not met'})`,
  );
  writeFileAtomic(
    'output/bench-calibrate.json',
    `${JSON.stringify({ preset: 'medium', ticks: spec.scenario.config.ticks, particles, generations: r.state.history.length, threads, runs: r.runs, seconds, runsPerHour: perHour, steadyRunsPerHour: steadyPerHour, startupSeconds: startup, hoursFor50000 }, null, 2)}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
