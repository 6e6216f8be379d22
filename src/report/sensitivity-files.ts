/**
 * The files of a sensitivity analysis (`tanker sensitivity`): tables (CSV), design tables, charts
 * (.vl.json, .svg, .png, drawn with the report's one renderer) and manifest.json. The numbers come
 * from analysis/sensitivity*.ts; this module only writes them.
 */
import { join } from 'node:path';
import {
  designCost,
  morrisCsv,
  morrisDesignCsv,
  morrisRows,
  outputLabel,
  type SensitivityResult,
  sobolCsv,
  sobolDesignCsv,
  sobolRows,
} from '../analysis/sensitivity.js';
import { writeFileAtomic } from '../io/atomic.js';
import { fileHashes } from '../io/hash.js';
import { provenance } from '../io/provenance.js';

export interface WriteOptions {
  readonly threads: number;
  readonly startedAt: string;
  readonly seconds: number;
}

/**
 * Write tables (CSV), design tables, charts (.vl.json, .svg, .png) and manifest.json into `out`.
 * Returns the file names written, manifest last.
 */
export async function writeSensitivity(result: SensitivityResult, out: string, opts: WriteOptions): Promise<string[]> {
  const { spec } = result;
  const chart = await import('./sensitivity-chart.js');
  const files: string[] = [];
  const put = (name: string, data: string | Uint8Array) => {
    writeFileAtomic(join(out, name), data);
    files.push(name);
  };
  const subtitle = `${outputLabel(spec)} · scenario ${spec.scenario.name} · ${spec.replicates} replicate${spec.replicates === 1 ? '' : 's'} per point`;
  if (result.morris) {
    const rows = morrisRows(spec.parameters, result.morris.result);
    put('morris.csv', morrisCsv(rows));
    put('morris-design.csv', morrisDesignCsv(spec, result.morris));
    const c = await chart.renderChart(
      chart.morrisChartSpec(rows, { subtitle, trajectories: spec.morris.trajectories, confidence: spec.confidence }),
    );
    put('morris.vl.json', c.spec);
    put('morris.svg', c.svg);
    put('morris.png', c.png);
  }
  if (result.sobol) {
    const rows = sobolRows(spec.parameters, result.sobol.result);
    put('sobol.csv', sobolCsv(rows));
    put('sobol-design.csv', sobolDesignCsv(spec, result.sobol));
    const c = await chart.renderChart(chart.sobolChartSpec(rows, { subtitle, samples: spec.sobol.samples, confidence: spec.confidence }));
    put('sobol.vl.json', c.spec);
    put('sobol.svg', c.svg);
    put('sobol.png', c.png);
  }
  const hashes = fileHashes(out, files);
  const k = spec.parameters.length;
  const cost = designCost(spec);
  const manifest = {
    ...provenance(),
    kind: 'sensitivity',
    file: spec.file,
    description: spec.description,
    scenario: { file: spec.scenarioFile, name: spec.scenario.name, seed: spec.scenario.seed },
    seed: spec.seed,
    replicates: spec.replicates,
    replicateSeeds: `RngStreams("${spec.scenario.seed}", r) for r = 0..${spec.replicates - 1} at every design point (common random numbers)`,
    output: spec.output,
    confidence: spec.confidence,
    parameters: spec.parameters,
    design: {
      morris: result.morris
        ? {
            trajectories: spec.morris.trajectories,
            levels: spec.morris.levels,
            delta: result.morris.design.delta,
            points: cost.morris,
            bootstrap: spec.morris.bootstrap,
            seed: `deriveSeed(${JSON.stringify(spec.seed)}, "morris", "design")`,
            noiseShare: result.morris.noiseShare,
          }
        : null,
      sobol: result.sobol
        ? {
            samples: spec.sobol.samples,
            base: spec.sobol.base,
            points: cost.sobol,
            cost: `N (k + 2) = ${spec.sobol.samples} × ${k + 2}`,
            bootstrap: spec.sobol.bootstrap,
            variance: result.sobol.result.variance,
            noiseShare: result.sobol.noiseShare,
            estimators: 'S1: Sobol 2007 / Saltelli et al. 2010; ST: Jansen 1999; CIs: percentile bootstrap over rows',
            noiseCorrected: result.sobol.result.noiseCorrected,
          }
        : null,
    },
    evaluations: { points: cost.points, replicates: result.replicates },
    threads: opts.threads,
    startedAt: opts.startedAt,
    endedAt: new Date().toISOString(), // clock-ok: manifest metadata
    seconds: opts.seconds,
    resolvedScenario: spec.scenario.resolved,
    files: hashes,
  };
  put('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}
