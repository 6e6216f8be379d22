/**
 * The files of a discovery (`tanker discover`): samples.csv (conditions, failed replicates),
 * prim-trajectory.csv, findings.txt (the boxes in plain language), the peeling trajectory chart
 * (coverage against density, the chosen box marked) and manifest.json.
 */
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { type DiscoverResult, ensembleConditions } from '../discovery/run.js';
import type { DiscoverSpec } from '../discovery/spec.js';
import type { DiscoverSummary } from '../discovery/summary.js';
import { writeFileAtomic } from '../io/atomic.js';
import { fileHashes } from '../io/hash.js';
import { provenance } from '../io/provenance.js';
import { type Cell, csvText } from '../io/table-sink.js';
import { OKABE_ITO } from './palette.js';
import { renderChart } from './sensitivity-chart.js';
import { FONT } from './theme.js';

export function findingsText(spec: DiscoverSpec, s: DiscoverSummary, runs: number): string {
  const failure = spec.indicator
    ? `${spec.indicator.name} at week ${spec.indicator.week} ${spec.indicator.below !== null ? `below ${spec.indicator.below}` : `above ${spec.indicator.above}`}`
    : `no turn before week ${spec.turnBy}`;
  const e = spec.ensemble;
  const lines = [
    `Scenario discovery for ${spec.scenario.name}: ${spec.samples} sampled conditions × ${spec.replicates} replicates = ${runs} runs; failure: ${failure}.`,
    ...(e
      ? [
          // The hash is in manifest.json: ensemble files record their machine's paths, so it differs between clones.
          `Each point runs in a plausible world of ensemble ${e.name || e.source} (${e.members.length} members); its parameters are conditions too.`,
        ]
      : []),
    `Failure rate over all runs: ${Math.round(s.failureRate * 100)} %.`,
    '',
    'PRIM (peeling and pasting, box chosen at the balance of coverage and density):',
    s.primBox ?? '  no run failed: nothing to find',
    ...s.primRestrictions.map((r) => `  ${r}`),
    '',
    'CART leaves where failures are denser than overall (densest first):',
    ...(s.cartLeaves.length ? s.cartLeaves.map((l) => `  ${l}`) : ['  none']),
    '',
  ];
  return lines.join('\n');
}

function trajectorySpec(spec: DiscoverSpec, s: DiscoverSummary): TopLevelSpec {
  const values = s.trajectory.map((t) => ({ ...t, label: t.chosen ? 'chosen' : '' }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'PRIM peeling trajectory',
      subtitle: `${spec.scenario.name} · each point a box; peeling moves right (denser) and down (less coverage)`,
      anchor: 'start',
      fontSize: 22,
      subtitleFontSize: 15,
    },
    width: 560,
    height: 380,
    config: { font: FONT, background: 'white', axis: { labelFontSize: 15, titleFontSize: 16 }, view: { stroke: null } },
    data: { values },
    encoding: {
      x: {
        field: 'density',
        type: 'quantitative',
        title: 'density (share of the box that fails)',
        axis: { format: '.0%' },
        scale: { zero: false },
      },
      y: { field: 'coverage', type: 'quantitative', title: 'coverage (share of failures in the box)', axis: { format: '.0%' } },
    },
    layer: [
      { mark: { type: 'line', color: OKABE_ITO[2], strokeWidth: 2.5 }, encoding: { order: { field: 'step' } } },
      {
        mark: { type: 'point', filled: true, size: 60, color: OKABE_ITO[2] },
        encoding: {
          tooltip: [{ field: 'step' }, { field: 'coverage', format: '.2f' }, { field: 'density', format: '.2f' }, { field: 'restricted' }],
        },
      },
      { transform: [{ filter: 'datum.chosen' }], mark: { type: 'point', size: 300, strokeWidth: 3, color: OKABE_ITO[5] } },
      {
        transform: [{ filter: 'datum.chosen' }],
        mark: { type: 'text', dx: 14, dy: -14, fontSize: 15, align: 'left' },
        encoding: { text: { field: 'label' } },
      },
    ],
  } as TopLevelSpec;
}

export async function writeDiscover(
  spec: DiscoverSpec,
  r: DiscoverResult,
  s: DiscoverSummary,
  out: string,
  opts: { threads: number; seconds: number },
): Promise<string[]> {
  const files: string[] = [];
  const put = (name: string, data: string | Uint8Array) => {
    writeFileAtomic(join(out, name), data);
    files.push(name);
  };
  const columns = [...spec.conditions, ...ensembleConditions(spec)];
  const head = ['point', ...(spec.ensemble ? ['member'] : []), ...columns.map((c) => c.name), 'failed', 'replicates', 'failedShare'];
  put(
    'samples.csv',
    csvText([
      head,
      ...r.points.map((p, i): Cell[] => [
        i,
        ...(spec.ensemble ? [p.member] : []),
        ...columns.map((c) => p.values[c.name]!),
        r.failures[i]!,
        spec.replicates,
        r.failures[i]! / spec.replicates,
      ]),
    ]),
  );
  put(
    'prim-trajectory.csv',
    csvText([
      ['step', 'coverage', 'density', 'mass', 'restricted', 'chosen'],
      ...s.trajectory.map((t): Cell[] => [t.step, t.coverage, t.density, t.mass, t.restricted, t.chosen ? 'yes' : '']),
    ]),
  );
  put('findings.txt', findingsText(spec, s, r.runs));
  if (s.trajectory.length > 0) {
    const c = await renderChart(trajectorySpec(spec, s));
    put('prim-trajectory.vl.json', c.spec);
    put('prim-trajectory.svg', c.svg);
    put('prim-trajectory.png', c.png);
  }
  const manifest = {
    ...provenance(),
    kind: 'discover',
    file: spec.file,
    description: spec.description,
    scenario: { file: spec.scenarioFile, name: spec.scenario.name, seed: spec.scenario.seed },
    seed: spec.seed,
    design: `Latin hypercube of ${spec.samples} points (seed ${JSON.stringify(spec.seed)}; batch/sweep.ts latinHypercube), ${spec.replicates} replicates each`,
    replicateSeeds: `RngStreams("${spec.scenario.seed}", r) for r = 0..${spec.replicates - 1} at every point (common random numbers)`,
    failure: spec.indicator ?? { noTurnBefore: spec.turnBy },
    conditions: spec.conditions,
    ...(spec.ensemble
      ? {
          ensemble: {
            source: spec.ensemble.source,
            hash: spec.ensemble.hash,
            name: spec.ensemble.name,
            members: spec.ensemble.members.length,
            rule: "one more hypercube dimension u in [0, 1): the point runs with members[order[floor(u × order.length)]]; the member's parameters are columns of samples.csv that PRIM and CART may restrict",
          },
        }
      : {}),
    prim: { ...spec.prim, choice: 'balanced (largest harmonic mean of coverage and density), then pasted', objective: 'lenient1' },
    cart: spec.cart,
    runs: r.runs,
    threads: opts.threads,
    seconds: opts.seconds,
    resolvedScenario: spec.scenario.resolved,
    files: fileHashes(out, files),
  };
  put('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}
