/** `tanker rerun MANIFEST`: the command; its work (cli/rerun.ts) is loaded when it runs. */
import type { Command } from 'commander';
import { parseIntArg } from './args.js';
import type { RerunOptions } from './rerun.js';

export function registerRerun(program: Command): void {
  program
    .command('rerun')
    .description(
      'Run a replicate or a batch again from its manifest.json alone, and check that the data files are byte-identical to the ones it recorded (exit code 1 if not).',
    )
    .argument('<manifest>', 'manifest.json of a run (tanker run) or of a batch (tanker batch, tanker merge)')
    .option('--out <dir>', 'output folder (a run writes its folder inside it; a batch needs a new or empty one)', 'output/rerun')
    .option('--threads <n>', 'worker threads for a batch (default: the number of cores)', parseIntArg('--threads', 1, 1024))
    .option('--resume', 'continue an interrupted rerun of a batch in --out', false)
    .option('--quiet', 'no progress output', false)
    .option('--yes', 'start even if the batch is far above normal in time, memory or disk', false)
    .action(async (manifest: string, opts: RerunOptions) => (await import('./rerun.js')).rerunCommand(manifest, opts));
}
