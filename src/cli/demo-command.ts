/**
 * `tanker demo` (what `npm start` runs): a small default batch of the baseline and three
 * alternatives over the shipped default ensemble (ensembles/default.json: replicate r of every
 * scenario uses member order[r]), then its report. Writes output/default/ afresh each time and
 * prints the report's path.
 */
import { rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { parseIntArg } from './args.js';

export const DEMO_SCENARIOS = [
  'scenarios/baseline.yaml',
  'scenarios/teaching/single-top-push.yaml',
  'scenarios/teaching/tugboats.yaml',
  'scenarios/packages/matrix-budget-leadership.yaml',
] as const;

/** The shipped default ensemble: parameter sets calibrated to stylised facts alone (calibrations/facts.yaml). */
export const DEFAULT_ENSEMBLE = 'ensembles/default.json';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'Run the default batch (baseline, single top push, tugboats, matrix + budget + leadership) over the default ensemble and write its report; what npm start does.',
    )
    .option('--replicates <n>', 'replicates per scenario', parseIntArg('--replicates', 2, 100_000), 20)
    .option('--out <dir>', 'output folder (replaced)', 'output/default')
    .option('--lang <lang>', 'report language: en or nb', 'en')
    .option('--ensemble <file>', `parameter sets to run over (replicate r uses member r; default: the shipped ${DEFAULT_ENSEMBLE})`)
    .option('--no-ensemble', 'run every replicate at the default parameter values instead')
    .action(async (o: { replicates: number; out: string; lang: string; ensemble?: string | boolean }) => {
      if (o.lang !== 'en' && o.lang !== 'nb') throw new Error(`--lang must be en or nb, got "${o.lang}"`);
      const [{ defaultThreads, runBatch }, { writeReport }, { makeProgress }, { loadBatchScenarios }, { readEnsemble }] = await Promise.all(
        [
          import('../batch/index.js'),
          import('../report/report.js'),
          import('./progress.js'),
          import('./scenarios.js'),
          import('../batch/ensemble.js'),
        ],
      );
      const out = resolve(o.out);
      // The library of this installation (the project, or the installed package), from any folder.
      const shipped = (f: string) => relative(process.cwd(), fileURLToPath(new URL(`../../${f}`, import.meta.url)));
      const files = DEMO_SCENARIOS.map(shipped);
      const ensemblePath = o.ensemble === false ? null : typeof o.ensemble === 'string' ? o.ensemble : shipped(DEFAULT_ENSEMBLE);
      const ensemble = ensemblePath === null ? undefined : readEnsemble(ensemblePath);
      const scenarios = loadBatchScenarios(files, { replicates: o.replicates, ensemble });
      rmSync(out, { recursive: true, force: true });
      const progress = makeProgress('demo', false);
      const r = await runBatch(scenarios, {
        out,
        threads: defaultThreads(),
        shard: null,
        resume: false,
        onStart: (total, skipped) => progress.start(total, skipped),
        onDone: (done, failed) => progress.update(done, failed),
      });
      progress.stop();
      if (r.failures.length > 0) throw new Error(`${r.failures.length} replicates failed; see ${out}/failures.json`);
      const report = await writeReport(out, { lang: o.lang, baseline: 'baseline' });
      const over = ensemble
        ? ` over the ensemble ${ensemblePath} (${ensemble.members.length} members)`
        : ' at the default parameter values';
      console.log(`${scenarios.length} scenarios x ${o.replicates} replicates${over} in ${out}`);
      console.log(`report: ${report.html}`);
    });
}
