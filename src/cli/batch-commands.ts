/** `tanker batch` and `tanker merge`; each action loads its work when it runs. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { BatchOutcome, BatchScenario } from '../batch/index.js';
import { shellCommand } from '../io/shell.js';
import { RECORDABLE, type Recordable, type RecordSpec } from '../model/index.js';
import { LIMITS } from '../scenario/limits.js';
import { parseIntArg, parseRecordArg, parseReplicatesArg, parseSeedArg, recordSpec } from './args.js';

export interface BatchCommandOptions {
  replicates?: number;
  threads?: number;
  out: string;
  shard?: string;
  resume: boolean;
  seed?: string;
  quiet: boolean;
  yes?: boolean;
  record?: Recordable[];
  every: number;
  ensemble?: string;
}

/** The command that continues this batch: the same files and the options that define it, plus --resume. */
export function resumeCommand(files: readonly string[], opts: BatchCommandOptions): string {
  return shellCommand([
    'tanker',
    'batch',
    ...files,
    '--out',
    opts.out,
    ...(opts.replicates !== undefined ? ['--replicates', String(opts.replicates)] : []),
    ...(opts.seed !== undefined ? ['--seed', opts.seed] : []),
    ...(opts.ensemble !== undefined ? ['--ensemble', opts.ensemble] : []),
    ...(opts.shard !== undefined ? ['--shard', opts.shard] : []),
    ...(opts.record ? ['--record', opts.record.join(','), '--every', String(opts.every)] : []),
    '--resume',
  ]);
}

export async function batchCommand(files: readonly string[], opts: BatchCommandOptions): Promise<void> {
  const [{ parseShard }, { loadBatchScenarios }] = await Promise.all([import('../batch/index.js'), import('./scenarios.js')]);
  const shard = opts.shard === undefined ? null : parseShard(opts.shard);
  const ensemble = opts.ensemble === undefined ? undefined : (await import('../batch/ensemble.js')).readEnsemble(opts.ensemble);
  const scenarios = loadBatchScenarios(files, { replicates: opts.replicates, seed: opts.seed, ensemble });
  if (ensemble && !opts.quiet)
    process.stderr.write(
      `batch: ensemble ${ensemble.name || opts.ensemble} (${ensemble.members.length} members, hash ${ensemble.hash}): replicate r of every scenario runs with member order[r mod ${ensemble.order.length}]\n`,
    );
  await runBatchCommand(scenarios, { ...opts, shard, record: recordSpec(opts.record, opts.every) }, resumeCommand(files, opts));
}

export interface RunBatchOptions {
  readonly out: string;
  readonly threads?: number | undefined;
  readonly shard: { i: number; n: number } | null;
  readonly resume: boolean;
  readonly quiet: boolean;
  readonly yes?: boolean | undefined;
  readonly record?: RecordSpec | undefined;
}

/**
 * Run a loaded batch with progress, Ctrl-C handling and an honest summary; `again` is the command
 * that continues it. Returns the outcome when the batch ran to the end (failed replicates
 * included), or null when it was stopped (exit code 130) or could not write.
 */
export async function runBatchCommand(
  scenarios: readonly BatchScenario[],
  opts: RunBatchOptions,
  again: string,
): Promise<BatchOutcome | null> {
  const [{ defaultThreads, runBatch }, { estimate }, { confirmCost }, { makeProgress }] = await Promise.all([
    import('../batch/index.js'),
    import('../batch/preflight.js'),
    import('./confirm.js'),
    import('./progress.js'),
  ]);
  const { shard } = opts;
  const threads = opts.threads ?? defaultThreads();
  const out = resolve(opts.out);
  const mine = shard ? (slice: number) => Math.ceil(slice / shard.n) : (slice: number) => slice;
  confirmCost(
    estimate(scenarios, (s) => mine(s.replicates * s.points.length)),
    { threads, out, yes: opts.yes ?? false, what: shard ? 'shard' : 'batch' },
  );
  const progress = makeProgress('batch', opts.quiet);
  let stop = false;
  const onSignal = () => {
    if (stop) {
      process.stderr.write(`\nbatch: stopped at once; finished replicates are kept. Continue with: ${again}\n`);
      process.exit(130);
    }
    stop = true;
    process.stderr.write('\nbatch: stopping after the replicates in progress (Ctrl-C again stops at once); finished ones are kept\n');
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
      onNote: (note) => process.stderr.write(`batch: ${note}\n`),
      stopped: () => stop,
      record: opts.record,
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
    if (r.storage || r.interrupted) {
      const finished = r.skipped + r.ran;
      const failed = r.failures.length > 0 ? `, ${r.failures.length} of them failed` : '';
      console.log(
        `${r.storage ? 'stopped' : 'interrupted'}: ${finished} of ${r.total} replicates are finished and kept in ${join(out, 'parts')}; ${r.remaining} remain${failed}`,
      );
      if (r.storage) throw new Error(`${r.storage.message.replace(/run the same command[^.]*\.$/, 'continue with:')}\n  ${again}`);
      console.log(`continue with: ${again}`);
      process.exitCode = 130;
      return null;
    }
    if (shard) console.log(`shard written to ${out}; join shards with: tanker merge DIR... --out DIR`);
    else console.log(`wrote ${r.files.join(', ')} and manifest.json to ${out}`);
    if (r.failures.length > 0) {
      console.log(`retry the failed replicates with: ${again}`);
      process.exitCode = 1;
    }
    return r;
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
  for (const d of r.damaged) console.error(`merge: parts/${d.key}.part was damaged (${d.reason}); moved to ${d.movedTo}`);
  for (const d of r.leftOut) console.error(`merge: ${d.path} is damaged (${d.reason}); left out (run its shard again with --resume)`);
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
    .option('--replicates <n>', 'replicates per scenario and sweep point (overrides the files)', parseReplicatesArg)
    .option('--threads <n>', 'worker threads (default: the number of cores)', parseIntArg('--threads', 1, 1024))
    .option('--out <dir>', 'output folder for the batch', 'output/batch')
    .option('--shard <i/n>', 'run only the i-th of n deterministic slices (1 <= i <= n); join them with tanker merge')
    .option('--resume', 'continue an interrupted batch in --out: finished replicates are kept, not rerun', false)
    .option('--seed <seed>', 'master seed for every file (overrides the files)', parseSeedArg)
    .option('--quiet', 'no progress output', false)
    .option('--yes', 'start even if the batch is far above normal in time, memory or disk (see "Limits and guarantees")', false)
    .option(
      '--record <list>',
      `also record, per replicate under OUT/records/: ${RECORDABLE.join(', ')} (agent and tie snapshots, the initiative event log)`,
      parseRecordArg,
    )
    .option(
      '--ensemble <file>',
      'run over the plausible parameter sets of a calibration (its ensemble.json): replicate r of every scenario uses the same member',
    )
    .option('--every <weeks>', 'weeks between agent and tie snapshots with --record', parseIntArg('--every', 1, LIMITS.horizon), 4)
    .action(batchCommand);

  program
    .command('merge')
    .description('Join the folders of shards of one batch into one result, identical to a single run.')
    .argument('<dirs...>', 'shard folders')
    .requiredOption('--out <dir>', 'output folder for the merged batch')
    .action(mergeCommand);
}
