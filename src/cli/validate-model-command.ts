/** `tanker validate-model`: the stylised facts of MODEL.md §6 as a table with effects, intervals and tests. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { SIZE_PRESETS, type SizePreset } from '../model/index.js';
import { parseIntArg } from './args.js';

export function registerValidateModel(program: Command): void {
  program
    .command('validate-model')
    .argument(
      '[scenario]',
      'scenario file whose organisation and parameters every condition starts from (its interventions are not used: each fact sets its own); default: the --size preset',
    )
    .description(
      'Check the stylised facts of the model (MODEL.md §6) over paired replicates; exit code 1 if any fails. Fact 5 (trust asymmetry) holds by construction and is a unit test, not run here.',
    )
    .addOption(new Option('--size <preset>', 'size preset').choices(SIZE_PRESETS).default('medium'))
    .option('--replicates <n>', 'replicates per condition', parseIntArg('--replicates', 3, 10_000), 30)
    .option('--seed <seed>', 'master seed', 'facts')
    .option('--alpha <p>', 'significance level of each check', '0.01')
    .option('--threads <n>', 'worker threads (default: the number of cores)', parseIntArg('--threads', 1, 1024))
    .option('--only <ids>', 'comma-separated fact numbers, e.g. 1,4,10')
    .option('--json', 'print the results as JSON', false)
    .action(
      async (
        file: string | undefined,
        o: { size: SizePreset; replicates: number; seed: string; alpha: string; threads?: number; only?: string; json: boolean },
      ) => {
        const alpha = Number(o.alpha);
        if (!(alpha > 0 && alpha < 1)) throw new Error(`--alpha must be a number between 0 and 1, got "${o.alpha}"`);
        const only = o.only?.split(',').map((s) => Number(s.trim()));
        if (only?.some((n) => !Number.isInteger(n) || n < 1 || n > 12)) throw new Error(`--only takes fact numbers 1..12, got "${o.only}"`);
        if (only?.includes(5))
          throw new Error(
            '--only: fact 5 (trust asymmetry) holds by construction; it is a unit test (tests/model/mechanisms.test.ts), not a stylised fact',
          );
        // A scenario file is read (and refused with its errors) before anything runs.
        const scenario = file === undefined ? null : (await import('./resolve.js')).checkBase(file, o.size, 'the facts');
        const [{ defaultThreads }, { factsTable, validateModel }] = await Promise.all([
          import('../batch/pool.js'),
          import('../validation/run.js'),
        ]);
        const t0 = performance.now(); // clock-ok: progress display
        const out = await validateModel({
          size: o.size,
          replicates: o.replicates,
          seed: o.seed,
          threads: o.threads ?? defaultThreads(),
          alpha,
          ...(only ? { only } : {}),
          ...(scenario ? { base: scenario.config } : {}),
        });
        if (o.json) console.log(JSON.stringify(out, null, 2));
        else {
          console.log(
            `Stylised facts, ${scenario ? `${scenario.name} (${file})` : `${o.size} preset`}, ${o.replicates} replicates per condition (more where a fact says so), alpha ${alpha} (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`,
          ); // clock-ok
          console.log(factsTable(out));
        }
        if (out.some((f) => !f.pass)) process.exitCode = 1;
      },
    );
}
