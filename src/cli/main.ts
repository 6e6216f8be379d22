#!/usr/bin/env node
/** The `tanker` command line. */
import { Command, Option } from 'commander';
import { toolVersion } from '../io/provenance.js';
import { SIZE_PRESETS } from '../model/presets.js';
import { parseIntArg } from './args.js';
import { batchCommand, mergeCommand } from './batch-commands.js';
import { registerCluster } from './cluster-command.js';
import { runCommand, schemaCommand, validateCommand } from './commands.js';
import { registerDemo } from './demo-command.js';
import { registerDock } from './dock-command.js';
import { registerExplore } from './explore-command.js';
import { registerOdd } from './odd-command.js';
import { registerReport } from './report-command.js';
import { registerSensitivity } from './sensitivity-command.js';
import { registerValidateModel } from './validate-model-command.js';

const program = new Command()
  .name('tanker')
  .description('Agent-based simulator of municipal transformation toward co-creation ("turning the tanker").')
  .version(toolVersion())
  .showHelpAfterError('(run "tanker help" for the commands)');

program
  .command('run')
  .description(
    'Run one replicate of a scenario (default: the built-in medium municipality) and write its per-tick indicators and a manifest.',
  )
  .argument('[scenario]', 'scenario file (.yaml, .yml or .json); omit for the built-in default')
  .addOption(new Option('--preset <size>', 'size preset when no scenario file is given').choices(SIZE_PRESETS).default('medium'))
  .option('--seed <seed>', 'master seed (overrides the scenario seed)')
  .option('--replicate <n>', 'replicate index', parseIntArg('--replicate', 0, 1_000_000), 0)
  .option('--ticks <n>', 'weekly ticks to simulate (overrides the scenario)', parseIntArg('--ticks', 1, 5200))
  .option('--out <dir>', 'output folder', 'output/runs')
  .addOption(new Option('--format <list>', 'comma-separated output formats').default('csv,json'))
  .option('--no-elections', 'switch the four-yearly municipal election off')
  .action(runCommand);

program
  .command('validate')
  .description('Check scenario files (and the files they extend) without running them; exit code 1 if any has errors.')
  .argument('<files...>', 'scenario files (.yaml, .yml or .json)')
  .action(validateCommand);

program
  .command('schema')
  .description('Print the JSON Schema (draft 2020-12) of scenario files, for editors: tanker schema > scenario.schema.json')
  .action(schemaCommand);

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

registerReport(program);
registerSensitivity(program);
registerDemo(program);
registerValidateModel(program);
registerDock(program);
registerOdd(program);
registerExplore(program);
registerCluster(program);

// Output piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(`tanker: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
