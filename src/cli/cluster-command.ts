/**
 * `tanker cluster slurm` (write, and optionally submit, a Slurm job array of batch shards plus a
 * dependent merge job) and `tanker cluster status` (progress of a sharded batch from its folder).
 * Each action loads its work when it runs.
 */
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import type { Runner } from '../cluster/slurm.js';
import { parseIntArg, parseReplicatesArg, parseSeedArg } from './args.js';

export interface SlurmCommandOptions {
  shards: number;
  out: string;
  partition?: string;
  time?: string;
  mem?: string;
  cpusPerTask?: number;
  account?: string;
  replicates?: number;
  seed?: string;
  runner: Runner;
  submit: boolean;
  yes?: boolean;
}

export async function slurmCommand(program: Command, files: readonly string[], opts: SlurmCommandOptions): Promise<void> {
  const [
    { makePlan },
    { ensurePlanFile },
    { estimate },
    { projectRoot, slurmScripts, submitSlurmJob, tankerInvocation, writeSlurmJob },
    { confirmCost },
    { loadBatchScenarios },
  ] = await Promise.all([
    import('../batch/plan.js'),
    import('../batch/plan-file.js'),
    import('../batch/preflight.js'),
    import('../cluster/slurm.js'),
    import('./confirm.js'),
    import('./scenarios.js'),
  ]);
  const out = resolve(opts.out);
  const abs = files.map((f) => resolve(f));
  // Validate every file and fix the plan now, so no array task fails on a typo, and so the shards
  // only read plan.json (see cluster/plan-file.ts).
  const scenarios = loadBatchScenarios(abs, { replicates: opts.replicates, seed: opts.seed });
  confirmCost(estimate(scenarios), { threads: opts.shards * (opts.cpusPerTask ?? 1), out, yes: opts.yes ?? false, what: 'batch' });
  const tanker = tankerInvocation(projectRoot(), opts.runner);
  const report = program.commands.some((c) => c.name() === 'report');
  const job = {
    files: abs,
    shards: opts.shards,
    out,
    replicates: opts.replicates,
    seed: opts.seed,
    hash: makePlan(scenarios).hash,
    tanker,
    node: process.execPath,
    report,
    partition: opts.partition,
    time: opts.time,
    mem: opts.mem,
    cpusPerTask: opts.cpusPerTask,
    account: opts.account,
  };
  // The scripts are made once before anything is written: an option or folder they cannot carry
  // safely stops here, with nothing left behind.
  slurmScripts(job);
  const { plan, created } = ensurePlanFile(out, scenarios);
  const paths = writeSlurmJob(job);
  const perShard = Math.ceil(plan.tasks.length / opts.shards);
  console.log(
    `batch ${plan.hash}: ${scenarios.length} scenario(s), ${plan.tasks.length} replicates in ${opts.shards} shard(s) of at most ${perShard}; plan ${created ? 'written to' : 'already in'} ${out}`,
  );
  if (opts.shards > plan.tasks.length)
    console.error(
      `warning: ${opts.shards} shards for ${plan.tasks.length} replicates: ${opts.shards - plan.tasks.length} array task(s) will have nothing to do`,
    );
  if (opts.shards > 1000)
    console.error(
      'warning: more than 1000 array tasks exceeds the default MaxArraySize of Slurm (1001); ask your admins or use fewer shards',
    );
  console.log(`jobs run: node ${tanker.args.join(' ')} (${tanker.reason})`);
  if (!report) console.log('note: this tanker has no "report" command; the merge job only merges');
  console.log(`wrote ${paths.batch}, ${paths.merge} and ${paths.submit}; logs go to ${paths.dir}/logs`);
  if (!opts.submit) {
    console.log(`submit with: bash ${paths.submit}   (or rerun with --submit); progress: tanker cluster status ${out}`);
    return;
  }
  const ids = submitSlurmJob(paths, out);
  console.log(`submitted job array ${ids.array} (${opts.shards} tasks) and merge job ${ids.merge} (afterok:${ids.array})`);
  console.log(`progress: tanker cluster status ${out}   or   squeue -j ${ids.array},${ids.merge}`);
}

export type CalibrateSlurmOptions = Omit<SlurmCommandOptions, 'replicates' | 'seed' | 'yes'>;

/** `tanker cluster calibrate`: validate the calibration file, start its checkpoint, write (and optionally submit) the driver and shard scripts. */
export async function calibrateSlurmCommand(file: string, opts: CalibrateSlurmOptions): Promise<void> {
  const [
    { loadCalibration },
    { initCalibration },
    { projectRoot, tankerInvocation },
    { calibrationSlurmScripts, submitCalibrationDriver, writeCalibrationSlurmJob },
    { ScenarioFileError },
  ] = await Promise.all([
    import('../analysis/calibration-spec.js'),
    import('../analysis/calibration-shards.js'),
    import('../cluster/slurm.js'),
    import('../cluster/slurm-calibrate.js'),
    import('./resolve.js'),
  ]);
  const abs = resolve(file);
  const loaded = loadCalibration(abs);
  if (!loaded.ok) throw new ScenarioFileError(abs, loaded.errors);
  const spec = loaded.spec;
  const out = resolve(opts.out);
  const tanker = tankerInvocation(projectRoot(), opts.runner);
  const job = {
    file: abs,
    shards: opts.shards,
    out,
    hash: spec.hash,
    tanker,
    node: process.execPath,
    partition: opts.partition,
    time: opts.time,
    mem: opts.mem,
    cpusPerTask: opts.cpusPerTask,
    account: opts.account,
  };
  // The scripts are made once before anything is written: an option or folder they cannot carry stops here.
  calibrationSlurmScripts(job);
  const cp = initCalibration(spec, out);
  const paths = writeCalibrationSlurmJob(job);
  const m = spec.method;
  console.log(
    `calibration ${spec.hash}: ${spec.parameters.length} parameter(s), ${spec.targets.length} target(s), ${m.particles} particles × ${m.replicates} replicate(s), up to ${m.generations} generations; each round runs as ${opts.shards} shard(s); checkpoint ${cp.state.round > 0 ? `at round ${cp.state.round}` : 'started'} in ${out}`,
  );
  console.log(`jobs run: node ${tanker.args.join(' ')} (${tanker.reason})`);
  console.log(`wrote ${paths.driver}, ${paths.shard} and ${paths.submit}; logs go to ${paths.dir}/logs`);
  if (!opts.submit) {
    console.log(`submit with: bash ${paths.submit}   (or rerun with --submit); the ensemble appears as ${out}/ensemble.json`);
    return;
  }
  const id = submitCalibrationDriver(paths);
  console.log(`submitted the calibration driver ${id}; it submits each round as a job array; log: ${paths.dir}/logs/driver-${id}.out`);
}

/** `tanker cluster plan`: validate the files and write DIR/plan.json once, for schedulers other than Slurm. */
export async function planCommand(files: readonly string[], opts: { out: string; replicates?: number; seed?: string }): Promise<void> {
  const [{ ensurePlanFile }, { loadBatchScenarios }] = await Promise.all([import('../batch/plan-file.js'), import('./scenarios.js')]);
  const out = resolve(opts.out);
  const scenarios = loadBatchScenarios(
    files.map((f) => resolve(f)),
    { replicates: opts.replicates, seed: opts.seed },
  );
  const { plan, created } = ensurePlanFile(out, scenarios);
  console.log(
    `batch ${plan.hash}: ${scenarios.length} scenario(s), ${plan.tasks.length} replicates; plan ${created ? 'written to' : 'already in'} ${out}`,
  );
}

export async function statusCommand(dir: string, opts: { shards?: number; json: boolean }): Promise<void> {
  const { batchStatus, formatStatus } = await import('../cluster/status.js');
  const s = batchStatus(resolve(dir), opts.shards);
  console.log(opts.json ? JSON.stringify(s, null, 2) : formatStatus(s));
}

/** The Slurm options both job writers take (resources and how jobs start tanker). */
function slurmOptions(cmd: Command, time: string): Command {
  return cmd
    .option('--partition <name>', 'Slurm partition (#SBATCH --partition)')
    .option('--time <limit>', `${time} (#SBATCH --time)`)
    .option('--mem <size>', 'memory per task, e.g. 4G (#SBATCH --mem)')
    .option('--cpus-per-task <n>', 'cores per task; a shard uses as many worker threads', parseIntArg('--cpus-per-task', 1, 1024))
    .option('--account <name>', 'Slurm account to charge (#SBATCH --account)')
    .addOption(
      new Option(
        '--runner <how>',
        'how jobs start tanker: node dist/cli/main.js, node --import tsx src/cli/main.ts, or auto (dist if built and current)',
      )
        .choices(['auto', 'dist', 'tsx'])
        .default('auto'),
    );
}

export function registerCluster(program: Command): void {
  const cluster = program
    .command('cluster')
    .description('Run a batch on a cluster: the scheduler runs one shard per task into one shared results folder, then merges.');

  slurmOptions(cluster.command('slurm'), 'time limit per task, e.g. 01:00:00')
    .description(
      'Write a Slurm job array (one batch shard per task, resumable) and a dependent merge job to OUT/slurm/; --submit submits both with sbatch.',
    )
    .argument('<files...>', 'scenario files')
    .requiredOption('--shards <n>', 'number of shards = array tasks', parseIntArg('--shards', 1, 100_000))
    .option('--out <dir>', 'shared results folder (must be visible from every compute node)', 'output/batch')
    .option('--replicates <n>', 'replicates per scenario and sweep point (overrides the files)', parseReplicatesArg)
    .option('--seed <seed>', 'master seed for every file (overrides the files)', parseSeedArg)
    .option('--submit', 'submit the array and the merge job with sbatch --parsable and print their ids', false)
    .option('--yes', 'write the job even if the batch is far above normal in time, memory or disk', false)
    .action((files: string[], opts: SlurmCommandOptions) => slurmCommand(program, files, opts));

  slurmOptions(cluster.command('calibrate'), 'time limit per job, e.g. 12:00:00; the driver runs for the whole calibration')
    .description(
      'Write a Slurm driver job for a calibration file that runs each ABC-SMC round as a job array of shards (resumable), to OUT/slurm/; --submit submits the driver.',
    )
    .argument('<file>', 'calibration file (.yaml)')
    .requiredOption('--shards <n>', 'array tasks per round', parseIntArg('--shards', 1, 100_000))
    .option('--out <dir>', 'shared results folder (must be visible from every compute node)', 'output/calibration/cluster')
    .option('--submit', 'submit the driver with sbatch --parsable and print its id', false)
    .action((file: string, opts: CalibrateSlurmOptions) => calibrateSlurmCommand(file, opts));

  cluster
    .command('plan')
    .description(
      'Validate scenario files and write OUT/plan.json once (safe if many start it at once), before shards of a batch start on another scheduler.',
    )
    .argument('<files...>', 'scenario files')
    .option('--out <dir>', 'shared results folder', 'output/batch')
    .option('--replicates <n>', 'replicates per scenario and sweep point (overrides the files)', parseReplicatesArg)
    .option('--seed <seed>', 'master seed for every file (overrides the files)', parseSeedArg)
    .action(planCommand);

  cluster
    .command('status')
    .description('Progress of a sharded batch from its results folder: replicates done per shard, failures, merged or not.')
    .argument('<dir>', 'results folder')
    .option('--shards <n>', 'number of shards (default: from OUT/slurm/job.json or the shard files)', parseIntArg('--shards', 1, 100_000))
    .option('--json', 'print the status as JSON', false)
    .action(statusCommand);
}
