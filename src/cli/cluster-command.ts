/**
 * `tanker cluster slurm` (write, and optionally submit, a Slurm job array of batch shards plus a
 * dependent merge job) and `tanker cluster status` (progress of a sharded batch from its folder).
 * Each action loads its work when it runs.
 */
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import type { Runner } from '../cluster/slurm.js';
import type { RoundCommand } from '../cluster/slurm-rounds.js';
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

export type RoundSlurmOptions = Omit<SlurmCommandOptions, 'replicates' | 'seed' | 'yes'>;

/**
 * `tanker cluster calibrate|search FILE`: validate the file, write its first checkpoint (the shards
 * of the first round read it), write (and optionally submit) the driver and shard scripts.
 */
export async function roundSlurmCommand(command: RoundCommand, file: string, opts: RoundSlurmOptions): Promise<void> {
  const [{ projectRoot, tankerInvocation }, { roundSlurmScripts, submitRoundDriver, writeRoundSlurmJob }, { ScenarioFileError }] =
    await Promise.all([import('../cluster/slurm.js'), import('../cluster/slurm-rounds.js'), import('./resolve.js')]);
  const abs = resolve(file);
  const out = resolve(opts.out);
  let hash: string;
  let init: () => string;
  let result: string;
  if (command === 'calibrate') {
    const [{ loadCalibration }, { initCalibration }] = await Promise.all([
      import('../analysis/calibration-spec.js'),
      import('../analysis/calibration-shards.js'),
    ]);
    const loaded = loadCalibration(abs);
    if (!loaded.ok) throw new ScenarioFileError(abs, loaded.errors);
    const spec = loaded.spec;
    const m = spec.method;
    hash = spec.hash;
    init = () => {
      const cp = initCalibration(spec, out);
      return `calibration ${spec.hash}: ${spec.parameters.length} parameter(s), ${spec.targets.length} target(s), ${m.particles} particles × ${m.replicates} replicate(s), up to ${m.generations} generations; each round runs as ${opts.shards} shard(s); checkpoint ${cp.state.round > 0 ? `at round ${cp.state.round}` : 'started'} in ${out}`;
    };
    result = `${out}/ensemble.json`;
  } else {
    const [{ loadSearch }, { initSearch }, { searchOwner }] = await Promise.all([
      import('./search-files.js'),
      import('../search/driver.js'),
      import('../search/shards.js'),
    ]);
    const loaded = loadSearch(abs);
    if (!loaded.ok) throw new ScenarioFileError(abs, loaded.errors);
    const spec = loaded.spec;
    hash = searchOwner(spec);
    init = () => {
      initSearch(spec, out);
      return `search ${hash}: ${spec.levers.length} candidate levers, population ${spec.population}, ${spec.generations} generations; each generation runs as ${opts.shards} shard(s); checkpoint in ${out}`;
    };
    result = `${out}/pareto.csv`;
  }
  const tanker = tankerInvocation(projectRoot(), opts.runner);
  const job = {
    command,
    file: abs,
    shards: opts.shards,
    out,
    hash,
    tanker,
    node: process.execPath,
    partition: opts.partition,
    time: opts.time,
    mem: opts.mem,
    cpusPerTask: opts.cpusPerTask,
    account: opts.account,
  };
  // The scripts are made once before anything is written: an option or folder they cannot carry stops here.
  roundSlurmScripts(job);
  console.log(init());
  const paths = writeRoundSlurmJob(job);
  console.log(`jobs run: node ${tanker.args.join(' ')} (${tanker.reason})`);
  console.log(`wrote ${paths.driver}, ${paths.shard} and ${paths.submit}; logs go to ${paths.dir}/logs`);
  if (!opts.submit) {
    console.log(`submit with: bash ${paths.submit}   (or rerun with --submit); the result appears as ${result}`);
    return;
  }
  const id = submitRoundDriver(paths);
  const what = command === 'calibrate' ? 'calibration' : 'search';
  console.log(`submitted the ${what} driver ${id}; it submits each round as a job array; log: ${paths.dir}/logs/driver-${id}.out`);
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

  for (const command of ['calibrate', 'search'] as const) {
    const what = command === 'calibrate' ? 'a calibration file that runs each ABC-SMC round' : 'a search file that runs each generation';
    slurmOptions(cluster.command(command), 'time limit per job, e.g. 12:00:00; the driver runs for the whole run')
      .description(`Write a Slurm driver job for ${what} as a job array of shards (resumable), to OUT/slurm/; --submit submits the driver.`)
      .argument('<file>', `${command === 'calibrate' ? 'calibration' : 'search'} file (.yaml)`)
      .requiredOption('--shards <n>', 'array tasks per round', parseIntArg('--shards', 1, 100_000))
      .option(
        '--out <dir>',
        'shared results folder (must be visible from every compute node)',
        `output/${command === 'calibrate' ? 'calibration' : 'search'}/cluster`,
      )
      .option('--submit', 'submit the driver with sbatch --parsable and print its id', false)
      .action((file: string, opts: RoundSlurmOptions) => roundSlurmCommand(command, file, opts));
  }

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
