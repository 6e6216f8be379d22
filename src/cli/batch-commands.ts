/** `tanker batch` and `tanker merge`; each action loads its work when it runs. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parseIntArg } from './args.js';

export interface BatchCommandOptions {
  replicates?: number;
  threads?: number;
  out: string;
  shard?: string;
  resume: boolean;
  seed?: string;
  quiet: boolean;
}

export async function batchCommand(files: readonly string[], opts: BatchCommandOptions): Promise<void> {
  const [{ defaultThreads, parseShard, runBatch }, { makeProgress }, { loadBatchScenarios }] = await Promise.all([
    import('../batch/index.js'),
    import('./progress.js'),
    import('./scenarios.js'),
  ]);
  const shard = opts.shard === undefined ? null : parseShard(opts.shard);
  const scenarios = loadBatchScenarios(files, { replicates: opts.replicates, seed: opts.seed });
  const threads = opts.threads ?? defaultThreads();
  const out = resolve(opts.out);
  const progress = makeProgress('batch', opts.quiet);
  let stop = false;
  const onSignal = () => {
    if (stop) process.exit(130);
    stop = true;
    process.stderr.write('\nbatch: stopping after the replicates in progress; finished ones are kept (run again with --resume)\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const r = await runBatch(scenarios, {
      out,
      threads,
      shard,
      resume: opts.resume,
      onStart: (total, skipped) => progress.start(total, skipped),
      onDone: (done, failed) => progress.update(done, failed),
      stopped: () => stop,
    });
    progress.stop();
    const points = scenarios.reduce((a, s) => a + s.points.length, 0);
    console.log(
      `batch ${r.plan.hash}: ${scenarios.length} scenario(s), ${points} point(s), ${r.plan.tasks.length} replicates in all${shard ? `, shard ${shard.i}/${shard.n}` : ''}; ran ${r.ran}, kept ${r.skipped} from before, ${r.failures.length} failed`,
    );
    for (const f of r.failures.slice(0, 10))
      console.error(
        `  failed: scenario ${f.scenario}, point ${f.point}, replicate ${f.replicate}, seed ${f.seed}: ${f.error.split('\n')[0]}`,
      );
    if (r.failures.length > 10) console.error(`  ... and ${r.failures.length - 10} more (see failures.json)`);
    if (r.interrupted) {
      console.log(`interrupted: results so far are in ${out}; continue with --resume`);
      process.exitCode = 130;
      return;
    }
    if (shard) console.log(`shard written to ${out}; join shards with: tanker merge DIR... --out DIR`);
    else console.log(`wrote ${r.files.join(', ')} and manifest.json to ${out}`);
    if (r.failures.length > 0) process.exitCode = 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export async function mergeCommand(dirs: readonly string[], opts: { out: string }): Promise<void> {
  const { mergeBatches } = await import('../batch/index.js');
  const out = resolve(opts.out);
  const r = mergeBatches(
    dirs.map((d) => resolve(d)),
    out,
  );
  console.log(`merged ${dirs.length} folder(s) of batch ${r.plan.hash} into ${out}: ${r.files.join(', ')}`);
  if (r.missing.length > 0) {
    console.error(
      `merge: ${r.missing.length} of ${r.plan.tasks.length} replicates are missing (shards not run, or failed); the results cover the rest`,
    );
    process.exitCode = 1;
  }
}

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('Run many replicates of one or more scenario files (and their sweeps) on worker threads; write Parquet and CSV results.')
    .argument('<files...>', 'scenario files')
    .option('--replicates <n>', 'replicates per scenario and sweep point (overrides the files)', parseIntArg('--replicates', 1, 1_000_000))
    .option('--threads <n>', 'worker threads (default: the number of cores)', parseIntArg('--threads', 1, 1024))
    .option('--out <dir>', 'output folder for the batch', 'output/batch')
    .option('--shard <i/n>', 'run only the i-th of n deterministic slices (1 <= i <= n); join them with tanker merge')
    .option('--resume', 'continue an interrupted batch in --out: finished replicates are kept, not rerun', false)
    .option('--seed <seed>', 'master seed for every file (overrides the files)')
    .option('--quiet', 'no progress output', false)
    .action(batchCommand);

  program
    .command('merge')
    .description('Join the folders of shards of one batch into one result, identical to a single run.')
    .argument('<dirs...>', 'shard folders')
    .requiredOption('--out <dir>', 'output folder for the merged batch')
    .action(mergeCommand);
}
