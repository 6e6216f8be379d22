/** `tanker discover FILE`: under which sampled conditions does a package fail? (PRIM and CART) */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parseIntArg } from './args.js';

export function registerDiscover(program: Command): void {
  program
    .command('discover')
    .description(
      'Scenario discovery: run a package under sampled conditions (organisation, layers, parameters, contested mechanisms) and describe where it fails, with PRIM boxes (peeling trajectory) and CART leaves in plain language.',
    )
    .argument('<file>', 'discover file (.yaml), e.g. scenarios/search/discover-small.yaml')
    .option(
      '--threads <n>',
      'worker threads (default: the number of cores); results do not depend on it',
      parseIntArg('--threads', 1, 1024),
    )
    .option('--out <dir>', 'output folder (default: output/discover/<file name>)')
    .option(
      '--ensemble <file>',
      "sample the plausible parameter sets of a calibration (its ensemble.json; instead of the discover file's ensemble) as one more condition",
    )
    .option('--quiet', 'no progress output', false)
    .action(discoverCommand);
}

export async function discoverCommand(
  file: string,
  opts: { threads?: number; out?: string; ensemble?: string; quiet: boolean },
): Promise<void> {
  const [
    { loadDiscover },
    { runDiscover },
    { discoverSummary },
    { findingsText, writeDiscover },
    { displayFile },
    { makeProgress },
    { ScenarioFileError },
    { fmt, pct, textTable },
    { mkdirSync },
  ] = await Promise.all([
    import('./search-files.js'),
    import('../discovery/run.js'),
    import('../discovery/summary.js'),
    import('../report/discover-files.js'),
    import('../scenario/errors.js'),
    import('./progress.js'),
    import('./resolve.js'),
    import('../engine/format.js'),
    import('node:fs'),
  ]);
  const loaded = loadDiscover(file);
  if (!loaded.ok) throw new ScenarioFileError(file, loaded.errors);
  const spec =
    opts.ensemble === undefined
      ? loaded.spec
      : (await import('../discovery/spec.js')).withEnsemble(
          loaded.spec,
          (await import('../batch/ensemble.js')).readEnsemble(opts.ensemble),
        );
  const threads = opts.threads ?? (await import('node:os')).availableParallelism();
  const out = resolve(opts.out ?? `output/discover/${spec.name}`);
  if (!opts.quiet)
    process.stderr.write(
      `discover: ${displayFile(spec.file)}: package ${spec.scenario.name}, ${spec.conditions.length} conditions${spec.ensemble ? ` and ensemble ${spec.ensemble.name || spec.ensemble.source} (${spec.ensemble.members.length} members, hash ${spec.ensemble.hash})` : ''}, ${spec.samples} samples × ${spec.replicates} replicates = ${spec.samples * spec.replicates} runs on ${threads} thread(s)\n`,
    );
  const progress = makeProgress('discover', opts.quiet, 'model runs');
  const t0 = performance.now(); // clock-ok: runtime report
  progress.start(spec.samples * spec.replicates, 0);
  const result = await runDiscover(spec, { threads, onRun: (d) => progress.update(d, 0) });
  progress.stop();
  const seconds = (performance.now() - t0) / 1000; // clock-ok
  const summary = discoverSummary(result);
  console.log(findingsText(spec, summary, result.runs));
  if (summary.trajectory.length > 0) {
    console.log('PRIM peeling trajectory (* the chosen box, before pasting):');
    console.log(
      textTable(
        [
          { title: 'step', right: true },
          { title: 'coverage', right: true },
          { title: 'density', right: true },
          { title: 'mass', right: true },
          { title: 'restricted' },
        ],
        summary.trajectory.map((t) => [`${t.chosen ? '*' : ''}${t.step}`, pct(t.coverage), pct(t.density), fmt(t.mass, 2), t.restricted]),
      ),
    );
  }
  mkdirSync(out, { recursive: true });
  const files = await writeDiscover(spec, result, summary, out, { threads, seconds });
  console.log(`\ndiscover: ${result.runs} runs in ${seconds.toFixed(1)} s; wrote ${files.join(', ')} to ${displayFile(out)}`);
}
