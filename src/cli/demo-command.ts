/**
 * `tanker demo` (what `npm start` runs): a small default batch of the baseline and three
 * alternatives, then its report. Writes output/default/ afresh each time and prints the report's path.
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

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'Run the default batch (baseline, single top push, tugboats, matrix + budget + leadership) and write its report; what npm start does.',
    )
    .option('--replicates <n>', 'replicates per scenario', parseIntArg('--replicates', 2, 100_000), 20)
    .option('--out <dir>', 'output folder (replaced)', 'output/default')
    .option('--lang <lang>', 'report language: en or nb', 'en')
    .action(async (o: { replicates: number; out: string; lang: string }) => {
      if (o.lang !== 'en' && o.lang !== 'nb') throw new Error(`--lang must be en or nb, got "${o.lang}"`);
      const [{ defaultThreads, runBatch }, { writeReport }, { makeProgress }, { loadBatchScenarios }] = await Promise.all([
        import('../batch/index.js'),
        import('../report/report.js'),
        import('./progress.js'),
        import('./scenarios.js'),
      ]);
      const out = resolve(o.out);
      // The library of this installation (the project, or the installed package), from any folder.
      const files = DEMO_SCENARIOS.map((f) => relative(process.cwd(), fileURLToPath(new URL(`../../${f}`, import.meta.url))));
      const scenarios = loadBatchScenarios(files, { replicates: o.replicates });
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
      console.log(`${scenarios.length} scenarios x ${o.replicates} replicates in ${out}`);
      console.log(`report: ${report.html}`);
    });
}
