/**
 * The files of a search (`tanker search`): pareto.csv, worlds.csv (each candidate in each world:
 * turned, regret), one ready scenario file per Pareto
 * candidate (candidates/candidate-NN.yaml, which `tanker batch` runs), the charts (.vl.json, .svg,
 * .png) and manifest.json. The numbers come from src/search; this module only writes them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { writeFileAtomic } from '../io/atomic.js';
import { fileHashes } from '../io/hash.js';
import { provenance } from '../io/provenance.js';
import { CHECKPOINT, checkpointEnsemble, type SearchOutcome } from '../search/driver.js';
import { variantLabel } from '../search/evaluate.js';
import { packageScenario, packageText } from '../search/package.js';
import { type CandidateRow, candidateFile, objectiveLabel, paretoCsv, worldsCsv } from '../search/results.js';
import type { SearchSpec } from '../search/spec.js';
import { renderChart } from './sensitivity-chart.js';

export interface SearchWriteOptions {
  readonly threads: number;
  /** Model runs and seconds of this call (resumed searches count only their own). */
  readonly seconds: number;
}

/** Writes every output file into `out` (the checkpoint is already there); returns the names, manifest last. */
export async function writeSearch(
  spec: SearchSpec,
  outcome: SearchOutcome,
  rows: readonly CandidateRow[],
  out: string,
  opts: SearchWriteOptions,
): Promise<string[]> {
  const files: string[] = [];
  const put = (name: string, data: string | Uint8Array) => {
    writeFileAtomic(join(out, name), data);
    files.push(name);
  };
  mkdirSync(join(out, 'candidates'), { recursive: true });
  put('pareto.csv', paretoCsv(spec, outcome.worlds, rows));
  put('worlds.csv', worldsCsv(spec, outcome.worlds, rows));
  for (const r of rows) {
    const description = `Pareto candidate ${r.id} of search ${spec.name}: ${packageText(r.candidate.evaluation.package)}; ${spec.objectives
      .map((o, k) => `${objectiveLabel(o)} ${r.objectives[k]!.toPrecision(3)}`)
      .join(
        ', ',
      )}; turns in ${Math.round(r.turnShare * 100)} % of ${outcome.worlds.worlds.length} ${spec.ensemble ? 'plausible ' : ''}worlds`;
    const scenario = packageScenario(spec.scenario, r.candidate.evaluation.package, `${spec.name}-candidate-${r.id}`, description);
    put(
      candidateFile(r.id),
      `# Written by tanker search from ${spec.name}; run it with tanker batch.\n${stringify(scenario, { lineWidth: 0 })}`,
    );
  }
  if (rows.length > 0) {
    const subtitle = `${rows.length} Pareto candidates · ${outcome.worlds.worlds.length} worlds each (${spec.replicates} replicates${spec.ensemble ? ` over ensemble ${spec.ensemble.name || spec.ensemble.hash}` : ''} × ${outcome.worlds.variants.length} mechanism variants) · scenario ${spec.scenario.name}`;
    for (const [name, chart] of [
      ['parallel', (await import('./search-chart.js')).parallelSpec(spec, rows, subtitle)],
      ['tradeoff', (await import('./search-chart.js')).tradeoffSpec(spec, rows, subtitle)],
    ] as const) {
      const c = await renderChart(chart);
      put(`${name}.vl.json`, c.spec);
      put(`${name}.svg`, c.svg);
      put(`${name}.png`, c.png);
    }
  }
  const s = outcome.state;
  const manifest = {
    ...provenance(),
    kind: 'search',
    file: spec.file,
    description: spec.description,
    scenario: { file: spec.scenarioFile, name: spec.scenario.name, seed: spec.scenario.seed },
    seed: spec.seed,
    algorithm: 'NSGA-II with constrained domination (src/search/nsga2.ts)',
    population: spec.population,
    generations: { wanted: spec.generations, done: s.generation },
    evaluations: s.evaluations,
    packagesEvaluated: Object.keys(outcome.cache).length,
    modelRuns: Object.keys(outcome.cache).length * outcome.worlds.worlds.length,
    worlds: {
      replicates: spec.replicates,
      variants: outcome.worlds.variants.map(variantLabel),
      replicateSeeds: `RngStreams("${spec.scenario.seed}", r) for r = 0..${spec.replicates - 1} for every candidate and variant (common random numbers)`,
      ...(spec.ensemble
        ? {
            ensemble: {
              ...checkpointEnsemble(spec.ensemble),
              rule: 'replicate r runs with members[order[r mod order.length]] for every candidate and variant',
              membersUsed: [...new Set(outcome.worlds.worlds.map((w) => w.member))].sort((a, b) => a! - b!),
            },
          }
        : {}),
    },
    turnBy: spec.turnBy,
    budget: spec.budget,
    objectives: spec.objectives,
    constraints: spec.constraints,
    levers: spec.levers,
    history: s.history,
    threads: opts.threads,
    seconds: opts.seconds,
    checkpoint: CHECKPOINT,
    resolvedScenario: spec.scenario.resolved,
    files: fileHashes(out, files),
  };
  put('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}
