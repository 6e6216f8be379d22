/** `tanker drift`: does a scenario's five-year path stay flat with the named trends off (or show them on)? */
import type { Command } from 'commander';
import { Option } from 'commander';
import { SIZE_PRESETS } from '../model/index.js';
import { parseIntArg } from './args.js';
import type { PresetName } from './resolve.js';

export function registerDrift(program: Command): void {
  program
    .command('drift')
    .argument('[scenario]', 'scenario file (default: the built-in municipality of --preset)')
    .description(
      'Change of each key indicator from year 1 to year 5 over replicates, with its 95 % interval, against the flatness bound (10 % of the year-1 level, 25 % for small counts and shares). The named trends (demand growth, elections) are off unless --trends; with them off a baseline should stay flat, and exit code 1 says it did not.',
    )
    .addOption(new Option('--preset <size>', 'size preset when no scenario file is given').choices(SIZE_PRESETS).default('medium'))
    .option('--replicates <n>', 'replicates', parseIntArg('--replicates', 3, 10_000), 32)
    .option('--seed <seed>', 'master seed (default: the scenario’s)')
    .option('--threads <n>', 'worker threads (default: the number of cores)', parseIntArg('--threads', 1, 1024))
    .option('--trends', 'keep demand growth and elections as the scenario has them', false)
    .option('--all', 'also every other indicator (not in the flatness check: the exit code reads the key ones only)', false)
    .option('--json', 'print the rows as JSON', false)
    .action(
      async (
        file: string | undefined,
        o: { preset: PresetName; replicates: number; seed?: string; threads?: number; trends: boolean; all: boolean; json: boolean },
      ) => {
        const spec = (await import('./resolve.js')).resolveRunSpec(file, { preset: o.preset, seed: o.seed, replicate: 0, elections: true });
        const [{ defaultThreads }, { drift, driftTable, driftVerdict }] = await Promise.all([
          import('../batch/pool.js'),
          import('../validation/drift.js'),
        ]);
        const rows = await drift({
          config: spec.config,
          interventions: spec.interventions,
          elections: spec.elections,
          seed: spec.seed,
          replicates: o.replicates,
          threads: o.threads ?? defaultThreads(),
          trends: o.trends,
          all: o.all,
        });
        const key = rows.filter((r) => r.key);
        const other = rows.filter((r) => !r.key);
        if (o.json) console.log(JSON.stringify(rows, null, 2));
        else {
          const what = o.trends ? 'trends as in the scenario' : 'trends off (demand growth 0, no elections)';
          console.log(`${spec.name}: change from year 1 to year 5, ${what}, ${o.replicates} replicates, seed ${spec.seed}\n`);
          console.log(driftTable(key));
          const of = (v: string) => key.filter((r) => driftVerdict(r) === v).map((r) => r.indicator);
          const parts = [
            of('drifts').length > 0 ? `past the bound: ${of('drifts').join(', ')}` : 'no change past its bound',
            ...(of('unsure').length > 0 ? [`too few replicates to tell: ${of('unsure').join(', ')}`] : []),
            ...(of('moves').length > 0 ? [`moving inside the bound: ${of('moves').join(', ')}`] : []),
          ];
          console.log(
            `\nstill: the 95 % interval holds 0 or lies within ±0.5 % of the level; moves: inside the bound, not noise; unsure: the change inside, its interval not; drifts: the change past the bound.\n${parts.join('; ')}.${o.trends ? ' With the trends on, change is theirs to explain.' : ''}`,
          );
          if (other.length > 0) {
            const past = other.filter((r) => driftVerdict(r) === 'drifts').map((r) => r.indicator);
            console.log(
              `\nNot in the flatness check (bound 10 % of the level; 25 % for counts, rates and shares below 0.1; cumulative public value left out):\n\n${driftTable(other)}\n\n${past.length > 0 ? `past the bound: ${past.join(', ')}` : 'no change past its bound'} (the exit code does not read these).`,
            );
          }
        }
        if (!o.trends && key.some((r) => !r.flat)) process.exitCode = 1;
      },
    );
}
