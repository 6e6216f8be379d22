#!/usr/bin/env node
/** The `tanker` command line. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { toolVersion } from '../io/provenance.js';
import { SIZE_PRESETS } from '../model/presets.js';
import { runCommand } from './commands.js';

export function parseIntArg(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be an integer in [${min}, ${max}], got "${v}".`);
    return n;
  };
}

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

program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(`tanker: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
