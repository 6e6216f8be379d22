/** `tanker search FILE`: many-objective search (NSGA-II) for robust intervention packages. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parseIntArg } from './args.js';

export interface SearchOptions {
  threads?: number;
  out?: string;
  resume: boolean;
  stopAfter?: number;
  ensemble?: string;
  quiet: boolean;
  /** Evaluate shard "K/n" of the generation the checkpoint in --out is at, then stop (a Slurm array task). */
  shard?: string;
  /** Run each generation as a Slurm job array of this many shards (the driver of `tanker cluster search`). */
  shards?: number;
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description(
      'Search for intervention packages (which levers, when, how long, how strong) that trade off the objectives in a search file best, across replicates and the contested mechanisms; writes the Pareto set (CSV, table, charts) and each candidate as a scenario file.',
    )
    .argument('<file>', 'search file (.yaml), e.g. scenarios/search/small.yaml')
    .option(
      '--threads <n>',
      'worker threads (default: the number of cores); results do not depend on it',
      parseIntArg('--threads', 1, 1024),
    )
    .option('--out <dir>', 'output folder (default: output/search/<file name>)')
    .option(
      '--ensemble <file>',
      "evaluate over the plausible parameter sets of a calibration (its ensemble.json; instead of the search file's ensemble): replicate r uses member order[r mod N]",
    )
    .option('--resume', 'continue the search checkpointed in --out', false)
    .option(
      '--stop-after <n>',
      'stop after this many generations in this run (checkpointed; continue with --resume)',
      parseIntArg('--stop-after', 1, 1_000_000),
    )
    .option('--quiet', 'no progress output', false)
    .option('--shard <K/n>', 'cluster use: evaluate shard K of n of the generation in progress in --out, write its result and stop')
    .option(
      '--shards <n>',
      'cluster use: run each generation as a Slurm job array of n shards (the driver that tanker cluster search writes)',
      parseIntArg('--shards', 1, 100_000),
    )
    .action(searchCommand);
}

export async function searchCommand(file: string, opts: SearchOptions): Promise<void> {
  const [
    { loadSearch },
    { runSearch, paretoCandidates },
    { candidateRows, objectiveLabel, regretUnit },
    { packageText },
    { writeSearch },
    { displayFile },
    { makeProgress },
    { ScenarioFileError },
    { fmt, pct, textTable },
    { mkdirSync },
  ] = await Promise.all([
    import('./search-files.js'),
    import('../search/driver.js'),
    import('../search/results.js'),
    import('../search/package.js'),
    import('../report/search-files.js'),
    import('../scenario/errors.js'),
    import('./progress.js'),
    import('./resolve.js'),
    import('../engine/format.js'),
    import('node:fs'),
  ]);
  const loaded = loadSearch(file);
  if (!loaded.ok) throw new ScenarioFileError(file, loaded.errors);
  const spec =
    opts.ensemble === undefined
      ? loaded.spec
      : { ...loaded.spec, ensemble: (await import('../batch/ensemble.js')).readEnsemble(opts.ensemble) };
  const threads = opts.threads ?? (await import('node:os')).availableParallelism();
  const out = resolve(opts.out ?? `output/search/${spec.name}`);
  const log = (line: string) => {
    if (!opts.quiet) process.stderr.write(`${line}\n`);
  };
  if (opts.shard !== undefined) {
    const [{ parseShard }, { runSearchShard }] = await Promise.all([import('../batch/plan.js'), import('../search/shards.js')]);
    const shard = parseShard(opts.shard);
    const r = await runSearchShard(spec, out, shard, threads);
    console.log(
      !r.worked
        ? `search: finished; shard ${shard.i}/${shard.n} has nothing to do`
        : `search, ${r.round}: shard ${shard.i}/${shard.n}, new packages ${r.lo}–${r.hi - 1}: ${r.kept ? 'already written, kept' : 'written'}`,
    );
    return;
  }
  let executor: import('../search/driver.js').GenerationExecutor | undefined;
  if (opts.shards !== undefined) {
    const [{ initSearch }, { searchShardedExecutor }, { sbatchWait }, { shardScriptPath }, { existsSync }] = await Promise.all([
      import('../search/driver.js'),
      import('../search/shards.js'),
      import('../batch/round-shards.js'),
      import('../cluster/slurm-rounds.js'),
      import('node:fs'),
    ]);
    const script = shardScriptPath(out, 'search');
    if (!existsSync(script))
      throw new Error(
        `--shards: ${script} does not exist; write the job with: tanker cluster search ${file} --shards ${opts.shards} --out ${out}`,
      );
    initSearch(spec, out);
    opts.resume = true;
    executor = searchShardedExecutor(spec, out, opts.shards, sbatchWait(script));
  }
  const { searchWorlds } = await import('../search/evaluate.js');
  const W = searchWorlds(spec).worlds.length;
  log(
    `search: ${displayFile(spec.file)}: scenario ${spec.scenario.name}, ${spec.levers.length} candidate levers, objectives ${spec.objectives.map(objectiveLabel).join(', ')}${spec.budget === null ? '' : `, budget ${spec.budget} M NOK`}`,
  );
  const e = spec.ensemble;
  if (e)
    log(
      `  ensemble ${e.name || e.source} (${e.members.length} members, hash ${e.hash}): replicate r runs with member order[r mod ${e.order.length}]`,
    );
  if (e && spec.replicates < e.order.length)
    log(
      `  note: ${spec.replicates} replicate(s) meet ${new Set(e.order.slice(0, spec.replicates)).size} of the ensemble's ${e.members.length} members; replicates: ${e.order.length} would run the whole weighted order`,
    );
  log(
    `  population ${spec.population} × ${spec.generations} generations; each candidate in ${W} ${e ? 'plausible ' : ''}worlds (${spec.replicates} replicates × ${W / spec.replicates} mechanism variants): at most ${spec.population * spec.generations * W} model runs on ${threads} thread(s)`,
  );
  mkdirSync(out, { recursive: true });
  const progress = makeProgress('search', opts.quiet, 'model runs');
  const t0 = performance.now(); // clock-ok: runtime report
  let base = 0;
  let started = false;
  let generationsThisRun = 0;
  const outcome = await runSearch(spec, {
    out,
    threads,
    resume: opts.resume,
    executor,
    ...(opts.stopAfter === undefined ? {} : { stopAfter: opts.stopAfter }),
    onGeneration: ({ generation, cached }) => {
      if (!started) {
        const left = spec.generations - generation;
        const total = Math.min(left, opts.stopAfter ?? left) * spec.population * W;
        if (generation > 0) log(`search: resuming after generation ${generation} of ${spec.generations}`);
        progress.start(total, 0);
        started = true;
      }
      base += cached * W;
      progress.update(base, 0);
    },
    onRun: (done) => progress.update(base + done, 0),
    onAccepted: (state) => {
      generationsThisRun++;
      base = generationsThisRun * spec.population * W;
      const h = state.history[state.history.length - 1]!;
      const elapsed = (performance.now() - t0) / 1000; // clock-ok
      const left = ((spec.generations - state.generation) * elapsed) / generationsThisRun;
      log(
        `search: generation ${state.generation}/${spec.generations}: ${h.feasible} feasible, first front ${h.firstFront}; ${elapsed.toFixed(0)} s so far, ~${left.toFixed(0)} s left`,
      );
    },
  });
  progress.stop();
  if (executor && outcome.state.done) (await import('../batch/round-shards.js')).removeShardParts(out);
  const seconds = (performance.now() - t0) / 1000; // clock-ok
  if (!outcome.state.done) {
    console.log(
      `search: stopped after generation ${outcome.state.generation} of ${spec.generations} (checkpoint in ${displayFile(out)}); continue with: tanker search ${file}${opts.ensemble === undefined ? '' : ` --ensemble ${opts.ensemble}`} --out ${displayFile(out)} --resume`,
    );
    return;
  }
  const rows = candidateRows(spec, outcome.worlds, paretoCandidates(spec, outcome));
  if (rows.length === 0) console.log('search: no feasible package found: loosen the budget or constraints, or search longer');
  else {
    const unit = regretUnit(spec.objectives[0]!);
    const worlds = `${e ? 'plausible ' : ''}worlds`;
    console.log(
      `\nPareto set: ${rows.length} candidates (each in ${W} ${worlds}; turns = share of ${worlds} turning by week ${spec.turnBy})`,
    );
    console.log(
      textTable(
        [
          { title: '#', right: true },
          { title: 'package', width: 56 },
          ...spec.objectives.map((o) => ({ title: objectiveLabel(o), right: true })),
          { title: 'turns', right: true },
          { title: `regret mean/max (${unit})`, right: true },
        ],
        rows.map((r) => [
          String(r.id),
          packageText(r.candidate.evaluation.package),
          ...r.objectives.map((v, k) => (spec.objectives[k]!.name === 'turn' ? pct(v) : fmt(v, 3))),
          pct(r.turnShare),
          `${fmt(r.regretMean, 2)} / ${fmt(r.regretMax, 2)}`,
        ]),
      ),
    );
  }
  const files = await writeSearch(spec, outcome, rows, out, { threads, seconds });
  console.log(
    `\nsearch: ${outcome.ran} generation(s) in ${seconds.toFixed(1)} s; wrote ${files.length} files to ${displayFile(out)} (pareto.csv, worlds.csv, candidates/, parallel.svg, tradeoff.svg, manifest.json)`,
  );
}
