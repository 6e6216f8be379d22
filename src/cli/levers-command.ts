/** `tanker levers`: every lever against the baseline, its claims checked and its effects on the main outcomes. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { SIZE_PRESETS, type SizePreset } from '../model/index.js';
import { parseIntArg } from './args.js';

export function registerLevers(program: Command): void {
  program
    .command('levers')
    .description(
      'Run every lever against the baseline (paired replicates): check its claimed channel and outcomes, and print or write the lever table with 95 % intervals; exit code 1 if a lever fails its claims.',
    )
    .addOption(new Option('--size <preset>', 'size preset').choices(SIZE_PRESETS).default('medium'))
    .option('--replicates <n>', 'paired replicates per lever', parseIntArg('--replicates', 3, 10_000), 16)
    .option('--seed <seed>', 'master seed', 'levers')
    .option('--start <week>', 'week the levers start', parseIntArg('--start', 0, 259), 8)
    .option('--alpha <p>', 'significance level of each claim', '0.05')
    .option('--threads <n>', 'worker threads (default: the number of cores)', parseIntArg('--threads', 1, 1024))
    .option('--only <kinds>', 'comma-separated lever kinds')
    .option('--markdown <file>', 'also write the lever table as Markdown (docs/levers.md)')
    .argument(
      '[scenario]',
      'scenario file whose organisation and parameters every arm starts from (its interventions are not used); default: the --size preset',
    )
    .action(
      async (
        file: string | undefined,
        o: {
          size: SizePreset;
          replicates: number;
          seed: string;
          start: number;
          alpha: string;
          threads?: number;
          only?: string;
          markdown?: string;
        },
      ) => {
        const alpha = Number(o.alpha);
        if (!(alpha > 0 && alpha < 1)) throw new Error(`--alpha must be a number between 0 and 1, got "${o.alpha}"`);
        // A scenario file is read (and refused with its errors) before anything runs.
        const scenario = file === undefined ? null : (await import('./resolve.js')).checkBase(file, o.size, 'the levers');
        const [{ defaultThreads }, { leverEffects, leverEffectsMarkdown, leverEffectsText }, { LEVERS }, { writeFileAtomic }] =
          await Promise.all([
            import('../batch/pool.js'),
            import('../validation/lever-effects.js'),
            import('../model/index.js'),
            import('../io/atomic.js'),
          ]);
        const only = o.only?.split(',').map((s) => s.trim());
        const unknown = only?.filter((k) => !LEVERS.some((l) => l.kind === k));
        if (unknown?.length)
          throw new Error(`--only: unknown lever kind(s) ${unknown.join(', ')}; allowed: ${LEVERS.map((l) => l.kind).join(', ')}`);
        const opts = {
          size: o.size,
          replicates: o.replicates,
          seed: o.seed,
          start: o.start,
          alpha,
          threads: o.threads ?? defaultThreads(),
          ...(only ? { only } : {}),
          ...(scenario && file ? { base: { config: scenario.config, file } } : {}),
        };
        const effects = await leverEffects(opts);
        console.log(
          `Levers against the baseline, ${scenario ? `${scenario.name} (${file})` : `${o.size} preset`}, ${o.replicates} paired replicates, alpha ${alpha}\n`,
        );
        console.log(leverEffectsText(effects));
        if (o.markdown) {
          writeFileAtomic(o.markdown, leverEffectsMarkdown(effects, opts));
          console.log(`\nwrote ${o.markdown}`);
        }
        if (effects.some((e) => !e.pass)) process.exitCode = 1;
      },
    );
}
