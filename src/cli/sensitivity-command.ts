/** `tanker sensitivity FILE`: Morris screening and Sobol' indices over the parameter ranges of a sensitivity file. */
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import type { Method, SensitivitySpec } from '../analysis/sensitivity.js';
import { fmt, pct } from '../engine/format.js';
import { parseIntArg } from './args.js';

/**
 * The methods `--method` offers, written here so that `tanker --help` need not load the
 * sensitivity module; being a `Record<Method, …>`, the compiler checks the list is complete.
 */
const METHOD_NAMES: Readonly<Record<Method, string>> = { morris: 'Morris screening', sobol: "Sobol' indices" };

export interface SensitivityOptions {
  threads?: number;
  out?: string;
  method?: Method;
  quiet: boolean;
}

export function registerSensitivity(program: Command): void {
  program
    .command('sensitivity')
    .description(
      "Global sensitivity analysis: Morris screening and Sobol' indices of one output over the parameter ranges in a sensitivity file; writes tables, charts and a manifest.",
    )
    .argument('<file>', 'sensitivity file (.yaml), e.g. scenarios/sensitivity/baseline-structure.yaml')
    .option(
      '--threads <n>',
      'worker threads (default: the number of cores); results do not depend on it',
      parseIntArg('--threads', 1, 1024),
    )
    .option('--out <dir>', 'output folder (default: output/sensitivity/<file name>)')
    .addOption(
      new Option(
        '--method <method>',
        `run only this method: ${Object.entries(METHOD_NAMES)
          .map(([m, name]) => `${m} (${name})`)
          .join(' or ')} (default: the file’s method list)`,
      ).choices(Object.keys(METHOD_NAMES)),
    )
    .option('--quiet', 'no progress output', false)
    .action(sensitivityCommand);
}

export async function sensitivityCommand(file: string, opts: SensitivityOptions): Promise<void> {
  const [sensitivity, { writeSensitivity }, { displayFile }, { makeProgress }, { ScenarioFileError }] = await Promise.all([
    import('../analysis/sensitivity.js'),
    import('../report/sensitivity-files.js'),
    import('../scenario/errors.js'),
    import('./progress.js'),
    import('./resolve.js'),
  ]);
  const { defaultOutDir, designCost, loadSensitivity, morrisRows, morrisTable, outputLabel, runSensitivity, sobolRows, sobolTable } =
    sensitivity;
  const loaded = loadSensitivity(file);
  if (!loaded.ok) throw new ScenarioFileError(file, loaded.errors);
  const spec: SensitivitySpec = opts.method ? { ...loaded.spec, methods: [opts.method] } : loaded.spec;
  const threads = opts.threads ?? (await import('node:os')).availableParallelism();
  const out = resolve(opts.out ?? defaultOutDir(spec));
  const log = (line: string) => {
    if (!opts.quiet) process.stderr.write(`${line}\n`);
  };
  for (const note of spec.notes) log(`sensitivity: note: ${note}`);
  const k = spec.parameters.length;
  const cost = designCost(spec);
  log(
    `sensitivity: ${displayFile(spec.file)}: scenario ${spec.scenario.name} (${displayFile(spec.scenarioFile)}), ${k} parameter${k === 1 ? '' : 's'}, output ${outputLabel(spec)}, design seed ${spec.seed}`,
  );
  if (spec.methods.includes('morris'))
    log(`  morris: ${spec.morris.trajectories} trajectories × ${k + 1} points = ${cost.morris} points (${spec.morris.levels} levels)`);
  if (spec.methods.includes('sobol')) log(`  sobol: N ${spec.sobol.samples} × (k + 2) = ${cost.sobol} points (${spec.sobol.base} base)`);
  log(
    `  ${cost.points} points × ${spec.replicates} replicate${spec.replicates === 1 ? '' : 's'} = ${cost.replicates} model runs on ${threads} thread(s)`,
  );
  const progress = makeProgress('sensitivity', opts.quiet);
  const t0 = performance.now(); // clock-ok: runtime report
  const startedAt = new Date().toISOString(); // clock-ok: manifest metadata
  const result = await runSensitivity(spec, {
    threads,
    onStart: (total) => progress.start(total, 0),
    onDone: (done) => progress.update(done, 0),
  });
  progress.stop();
  const seconds = (performance.now() - t0) / 1000; // clock-ok
  log(`sensitivity: ${result.replicates} model runs in ${seconds.toFixed(1)} s`);
  const noise = (share: number | null) =>
    share === null ? '' : `; replicate noise is about ${pct(share)} of the variance of the point means`;
  if (result.morris) {
    console.log(`\nMorris screening of ${outputLabel(spec)} (${spec.morris.trajectories} trajectories, ${spec.morris.levels} levels)`);
    console.log(morrisTable(morrisRows(spec.parameters, result.morris.result), spec.confidence));
    console.log(
      `μ*: mean |elementary effect| per full range; σ: its spread${result.morris.result.effectNoise ? '; noise: the spread replicate noise alone gives an effect' : ''}${noise(result.morris.noiseShare)}`,
    );
  }
  if (result.sobol) {
    const r = result.sobol.result;
    const sumS1 = r.s1.reduce((a, b) => a + b, 0);
    console.log(
      `\nSobol' indices of ${outputLabel(spec)} (N = ${spec.sobol.samples}, ${spec.sobol.base} base, ${r.bootstrap} bootstrap resamples)`,
    );
    console.log(sobolTable(sobolRows(spec.parameters, r), spec.confidence));
    if (Number.isNaN(r.variance))
      console.log('the outputs vary no more between points than between replicates: raise replicates (or samples) to estimate the indices');
    else console.log(`sum of S1 = ${fmt(sumS1, 3)} (1 − sum ≈ share of the variance that comes from interactions)`);
    if (r.noiseCorrected)
      console.log(`indices of the mean response over replicates, corrected for replicate noise${noise(result.sobol.noiseShare)}`);
    else
      console.log(
        spec.replicates < 2
          ? 'one replicate per point: replicate noise counts as output variance and inflates ST (use 2 or more replicates to correct for it)'
          : `not corrected for replicate noise (sobol.noiseCorrection: false): noise inflates ST${noise(result.sobol.noiseShare)}`,
      );
  }
  const files = await writeSensitivity(result, out, { threads, startedAt, seconds });
  console.log(`\nwrote ${files.join(', ')} to ${displayFile(out)}`);
}
