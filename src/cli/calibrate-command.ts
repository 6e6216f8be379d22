/** `tanker calibrate FILE`: ABC-SMC of the model against the data and pattern targets of a calibration file; writes an ensemble and its diagnostics. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { AbcSmcState } from '../calibration/abc-smc.js';
import { fmt, pct } from '../engine/format.js';
import { parseIntArg } from './args.js';

export interface CalibrateOptions {
  threads?: number;
  out?: string;
  resume: boolean;
  quiet: boolean;
  /** Simulate one shard ("K/n") of the round the checkpoint in --out is at, then stop (a Slurm array task). */
  shard?: string;
  /** Run each round as a Slurm job array of this many shards (the driver job of `tanker cluster calibrate`). */
  shards?: number;
}

export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .description(
      'Calibrate parameters to data targets and stylised-fact patterns by approximate Bayesian computation (ABC-SMC); writes an ensemble of plausible parameter sets (ensemble.json) and a diagnostics page.',
    )
    .argument('<file>', 'calibration file (.yaml), e.g. scenarios/calibration/small-trust.yaml')
    .option(
      '--threads <n>',
      'worker threads (default: the number of cores); results do not depend on it',
      parseIntArg('--threads', 1, 1024),
    )
    .option('--out <dir>', 'output folder (default: output/calibration/<the file’s name, or its file name>)')
    .option('--resume', 'continue an interrupted calibration in --out from its last finished round', false)
    .option('--quiet', 'no progress output', false)
    .option('--shard <K/n>', 'cluster use: simulate shard K of n of the round in progress in --out, write its result and stop')
    .option(
      '--shards <n>',
      'cluster use: run each round as a Slurm job array of n shards (the driver that tanker cluster calibrate writes)',
      parseIntArg('--shards', 1, 100_000),
    )
    .action(calibrateCommand);
}

/** A rough estimate of the model runs still to come: each later generation costs 1/quantile times the last one. */
function runsLeft(state: AbcSmcState, perParticle: number): number | null {
  const s = state.settings;
  const last = state.history.at(-1);
  if (!last) return null;
  let perGen = last.simulations;
  let left = Math.max(0, perGen / s.quantile - state.simulated);
  for (let g = state.generation + 1; g < s.maxGenerations; g++) {
    perGen /= s.quantile;
    left += perGen / s.quantile;
  }
  if (s.maxSimulations !== null) left = Math.min(left, Math.max(0, s.maxSimulations - state.totalSimulations));
  return (left + s.populationSize) * perParticle; // + the predictive check
}

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${fmt(seconds / 3600, 1)} h`;
}

export async function calibrateCommand(file: string, opts: CalibrateOptions): Promise<void> {
  const [
    { loadCalibration },
    run,
    { displayFile },
    { makeProgress },
    { ScenarioFileError },
    { targetLabel, predictiveQuantiles, INFINITE_EFFECT_NOTE },
  ] = await Promise.all([
    import('../analysis/calibration-spec.js'),
    import('../analysis/calibration-run.js'),
    import('../scenario/errors.js'),
    import('./progress.js'),
    import('./resolve.js'),
    import('../analysis/calibration-targets.js'),
  ]);
  const loaded = loadCalibration(file);
  if (!loaded.ok) throw new ScenarioFileError(file, loaded.errors);
  const spec = loaded.spec;
  const threads = opts.threads ?? (await import('node:os')).availableParallelism();
  const out = resolve(opts.out ?? `output/calibration/${spec.name}`);
  if (opts.shard !== undefined) {
    const [{ parseShard }, { runCalibrationShard }] = await Promise.all([
      import('../batch/plan.js'),
      import('../analysis/calibration-shards.js'),
    ]);
    const shard = parseShard(opts.shard);
    const r = await runCalibrationShard(spec, out, shard, threads);
    console.log(
      !r.worked
        ? `calibration ${spec.hash}: finished; shard ${shard.i}/${shard.n} has nothing to do`
        : `calibration ${spec.hash}, ${r.round}: shard ${shard.i}/${shard.n}, candidates ${r.lo}–${r.hi - 1}: ${r.kept ? 'already written, kept' : 'written'}`,
    );
    return;
  }
  let executor: import('../analysis/calibration-run.js').RoundExecutor | undefined;
  if (opts.shards !== undefined) {
    const [{ initCalibration, shardedExecutor }, { sbatchWait }, { shardScriptPath }, { existsSync }] = await Promise.all([
      import('../analysis/calibration-shards.js'),
      import('../batch/round-shards.js'),
      import('../cluster/slurm-rounds.js'),
      import('node:fs'),
    ]);
    const script = shardScriptPath(out, 'calibrate');
    if (!existsSync(script))
      throw new Error(
        `--shards: ${script} does not exist; write the job with: tanker cluster calibrate ${file} --shards ${opts.shards} --out ${out}`,
      );
    initCalibration(spec, out);
    opts.resume = true;
    executor = shardedExecutor(spec, out, opts.shards, sbatchWait(script));
  }
  const log = (line: string) => {
    if (!opts.quiet) process.stderr.write(`${line}\n`);
  };
  for (const note of spec.notes) log(`calibrate: note: ${note}`);
  const m = spec.method;
  const k = spec.parameters.length;
  log(
    `calibrate: ${displayFile(spec.file)} (spec ${spec.hash}): scenario ${spec.scenario.name} (${spec.scenario.config.ticks} weeks), ${k} parameter${k === 1 ? '' : 's'}, ${spec.targets.length} target${spec.targets.length === 1 ? '' : 's'}`,
  );
  for (const t of spec.targets) log(`  target: ${targetLabel(t)}`);
  log(
    `  ABC-SMC: ${m.particles} particles, up to ${m.generations} generations, ${m.replicates} replicate${m.replicates === 1 ? '' : 's'} per particle, seed ${m.seed}, ${threads} thread(s)`,
  );
  let stop = false;
  const onSignal = () => {
    if (stop) {
      process.stderr.write(
        `\ncalibrate: stopped at once; finished rounds are kept. Continue with: tanker calibrate ${file} --out ${out} --resume\n`,
      );
      process.exit(130);
    }
    stop = true;
    process.stderr.write('\ncalibrate: stopping after the round in progress (Ctrl-C again stops at once); finished rounds are kept\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const t0 = performance.now(); // clock-ok: progress and runtime report
  const startedAt = new Date().toISOString(); // clock-ok: manifest metadata
  let runsDone = 0;
  let progress = makeProgress('calibrate', true);
  try {
    const result = await run.runCalibration(spec, {
      out,
      threads,
      resume: opts.resume,
      executor,
      stopped: () => stop,
      onResume: (round) => log(`calibrate: resuming after round ${round} from ${displayFile(out)}/checkpoint.json`),
      onRoundStart: (runs, state, what) => {
        const label =
          what === 'predictive'
            ? 'posterior predictive check'
            : `generation ${state.generation}${state.epsilon === null ? ' (prior)' : `, ε ${fmt(state.epsilon, 3)}`}, round ${state.rounds + 1} (${state.accepted.length}/${m.particles} accepted so far)`;
        log(`calibrate: ${label}: ${runs} model runs`);
        runsDone += runs;
        progress = makeProgress('calibrate', opts.quiet);
        progress.start(runs, 0);
      },
      onDone: (done) => progress.update(done, 0),
      onRound: (state) => {
        progress.stop();
        const last = state.history.at(-1);
        if (last && last.generation === state.generation - 1 && state.rounds === 0) {
          log(
            `calibrate: generation ${last.generation} done: ${last.simulations} particles simulated, acceptance ${pct(last.acceptanceRate, 1)}, ESS ${fmt(last.ess, 1)}${state.done ? `; finished (${state.stopReason})` : `; next ε ${fmt(state.epsilon!, 3)}`}`,
          );
        }
        const left = runsLeft(state, run.particleRuns(spec));
        const elapsed = (performance.now() - t0) / 1000; // clock-ok
        if (left !== null && !state.done && runsDone > 0)
          log(`calibrate: about ${duration((left * elapsed) / runsDone)} left (rough: later generations accept fewer candidates)`);
      },
    });
    progress.stop();
    const seconds = (performance.now() - t0) / 1000; // clock-ok
    if (result.interrupted) {
      console.log(`interrupted after round ${result.state.round}; continue with: tanker calibrate ${file} --out ${out} --resume`);
      process.exitCode = 130;
      return;
    }
    if (executor) (await import('../batch/round-shards.js')).removeShardParts(out);
    const rate = result.runs / Math.max(seconds, 1e-3);
    log(`calibrate: ${result.runs} model runs in ${duration(seconds)} (${fmt(rate * 3600, 0)} per hour)`);
    const { writeCalibrationReport } = await import('../report/calibration-files.js');
    const files = await writeCalibrationReport(result.ensemble!, out, { threads, startedAt, seconds, runs: result.runs });
    const { posteriorSummary } = await import('../calibration/abc-smc.js');
    const { textTable } = await import('../engine/format.js');
    console.log(`\nposterior of ${k} parameter${k === 1 ? '' : 's'} (${m.particles} weighted particles; stop: ${result.state.stopReason})`);
    console.log(
      textTable(
        ['parameter', 'prior', 'mean', 'sd', '5 %', '50 %', '95 %'].map((title, i) => ({ title, right: i > 1 })),
        posteriorSummary(result.state).map((r, i) => {
          const p = spec.parameters[i]!;
          return [r.name, `${fmt(p.min)}–${fmt(p.max)}`, fmt(r.mean, 3), fmt(r.sd, 3), fmt(r.q05, 3), fmt(r.q50, 3), fmt(r.q95, 3)];
        }),
      ),
    );
    console.log('\nposterior predictive check (fresh runs of the final particles)');
    console.log(
      textTable(
        ['target', '5 %', '50 %', '95 %'].map((title, i) => ({ title, right: i > 0 })),
        result.ensemble!.predictive.map((c) => [c.target, ...predictiveQuantiles(c)]),
      ),
    );
    if (result.ensemble!.predictive.some((c) => predictiveQuantiles(c).some((q) => q.endsWith('∞')))) console.log(INFINITE_EFFECT_NOTE);
    console.log(`\nwrote ${['ensemble.json', ...files].join(', ')} to ${displayFile(out)}`);
    console.log(`run scenarios on it: tanker batch FILE... --ensemble ${displayFile(`${out}/ensemble.json`)}`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
