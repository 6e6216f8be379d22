// Batches over an ensemble (tanker batch --ensemble, runBatch({ ensemble })): replicate r of every
// scenario runs with member order[r mod N], the plan and manifest record the ensemble's hash, and
// tanker rerun finds the ensemble again (and refuses a changed one).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, runBatch } from '../../src/api/index.js';
import { readEnsemble } from '../../src/batch/ensemble.js';
import { makePlan, taskInputs } from '../../src/batch/plan.js';
import { manifestBatch, readManifest } from '../../src/batch/rerun.js';
import { formatNumber } from '../../src/io/tables.js';
import { INDICATORS, runReplicate } from '../../src/model/index.js';
import { batchScenario } from '../../src/scenario/batch-input.js';
import { formatErrors, type ResolvedScenario } from '../../src/scenario/index.js';
import { fixture, readCsv, scratch } from './helpers.js';

const ENSEMBLE = {
  format: 'tanker-ensemble/1',
  name: 'two-worlds',
  description: null,
  parameters: [{ name: 'trust.staffTrustFloor', min: 0, max: 1 }],
  members: [
    { weight: 0.75, distance: 0.1, values: { 'trust.staffTrustFloor': 0.2, 'signals.relay': 0.9 } },
    { weight: 0.25, distance: 0.2, values: { 'trust.staffTrustFloor': 0.7, 'signals.relay': 0.3 } },
  ],
  order: [0, 1, 0, 0],
  rule: 'test',
  provenance: {},
};

function load(file: string): ResolvedScenario {
  const r = loadScenario(file);
  if (!r.ok) throw new Error(formatErrors(r.errors));
  return r.scenario;
}

describe('batches over an ensemble', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => {};
  let file = '';
  beforeAll(async () => {
    ({ dir, cleanup } = await scratch('ensemble'));
    file = join(dir, 'ensemble.json');
    writeFileSync(file, JSON.stringify(ENSEMBLE));
  });
  afterAll(() => cleanup());

  it('give replicate r member order[r mod N] in every scenario, after which a sweep point still applies', () => {
    const e = readEnsemble(file);
    const plan = makePlan([load(fixture('small.yaml')), load(fixture('reform.yaml'))].map((s) => batchScenario(s, s.source, 5, e)));
    const floor = plan.tasks.map((t) => taskInputs(plan, t).config.params.trust.staffTrustFloor);
    expect(floor).toEqual([0.2, 0.7, 0.2, 0.2, 0.2, 0.2, 0.7, 0.2, 0.2, 0.2]);
    const bare = makePlan([load(fixture('small.yaml')), load(fixture('reform.yaml'))].map((s) => batchScenario(s, s.source, 5)));
    expect(bare.hash).not.toBe(plan.hash);
    const swept = makePlan([batchScenario(load(fixture('sweep.yaml')), 'sweep', 2, e)]);
    const first = swept.tasks[0]!;
    const point = swept.scenarios[0]!.points[first.point]!;
    const config = taskInputs(swept, first).config as unknown as { params: Record<string, Record<string, number>> };
    for (const [name, v] of Object.entries(point.values)) {
      const [g, f] = name.split('.') as [string, string];
      if (g !== 'organisation') expect(config.params[g]![f]).toBe(v);
    }
  });

  it('run through the API: results equal direct runs with the member’s parameters; the manifest records the hash; rerun finds it', async () => {
    const out = join(dir, 'batch');
    const r = await runBatch([load(fixture('small.yaml'))], { out, threads: 2, replicates: 2, ensemble: file });
    expect(r.failures).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const hash = readEnsemble(file).hash;
    expect(manifest.scenarios[0].ensemble).toMatchObject({ hash, members: 2, name: 'two-worlds', source: file });
    const { rows } = readCsv(join(out, 'summary.csv'));
    const s = load(fixture('small.yaml'));
    const W = INDICATORS.length;
    const c = INDICATORS.indexOf('trustStaffManagement');
    rows.forEach((row, rep) => {
      const member = ENSEMBLE.members[ENSEMBLE.order[rep]!]!.values;
      const config = {
        ...s.config,
        params: {
          ...s.config.params,
          trust: { ...s.config.params.trust, staffTrustFloor: member['trust.staffTrustFloor'] },
          signals: { ...s.config.params.signals, relay: member['signals.relay'] },
        },
      };
      const direct = runReplicate(config, s.seed, rep, { interventions: s.interventions, elections: s.elections });
      expect(row.final_trustStaffManagement).toBe(formatNumber(direct.data[(s.config.ticks - 1) * W + c]!));
    });
    const again = manifestBatch(readManifest(join(out, 'manifest.json')), 'manifest.json');
    expect(again[0]!.ensemble?.hash).toBe(hash);
    writeFileSync(file, JSON.stringify({ ...ENSEMBLE, order: [1, 0] }));
    expect(() => manifestBatch(readManifest(join(out, 'manifest.json')), 'manifest.json')).toThrow(/has changed since the batch ran/);
  }, 120_000);

  it('refuse a bad ensemble file with the field, the value and what is allowed', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...ENSEMBLE, members: [{ weight: 1, distance: 0, values: { 'trust.staffTrustFloor': 2 } }] }));
    expect(() => readEnsemble(bad)).toThrow(`${bad}: members[0].values["trust.staffTrustFloor"]: found 2; allowed: a number from 0 to 1`);
    writeFileSync(bad, JSON.stringify({ ...ENSEMBLE, order: [0, 2] }));
    expect(() => readEnsemble(bad)).toThrow(`${bad}: order[1]: found 2; allowed: a member index from 0 to 1`);
    writeFileSync(bad, JSON.stringify({ ...ENSEMBLE, members: [{ weight: 1, distance: 0, values: { 'trust.nope': 0.5 } }] }));
    expect(() => readEnsemble(bad)).toThrow(/members\[0\]\.values: found "trust\.nope"; allowed: model parameter names/);
    expect(() => readEnsemble(join(dir, 'none.json'))).toThrow(/cannot read the ensemble file: no such file/);
  });
});
