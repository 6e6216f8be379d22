/**
 * A calibration runs the scenario only as far as its data targets read (calibration-run.ts
 * `simulate`). That is exact because the model never looks ahead: a run cut at week T is the first
 * T weeks of a longer run, to the bit. Both are checked here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dataHorizon, simulate } from '../../src/analysis/calibration-run.js';
import { loadCalibration } from '../../src/analysis/calibration-spec.js';
import { windowMean } from '../../src/analysis/calibration-targets.js';
import { openReplicatePool } from '../../src/batch/replicates.js';
import { applyPoint } from '../../src/batch/sweep.js';
import { INDICATORS, runReplicate } from '../../src/model/index.js';
import { formatErrors, loadScenario } from '../../src/scenario/index.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'tanker-horizon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the model never looks ahead', () => {
  // The baseline, a package of levers, a case with its own organisation, each with the election
  // (week 88) between the cuts; and a lever moved to weeks 60-99, between the cuts too.
  const moved = { 'levers/pace-of-change.yaml': { start: 60, end: 100 } } as Record<string, { start: number; end: number }>;
  for (const file of ['baseline.yaml', 'packages/matrix-budget-leadership.yaml', 'cases/wigan-like.yaml', 'levers/pace-of-change.yaml']) {
    it(`${file}: runs cut at weeks 40 and 130 equal the first weeks of the full run`, () => {
      const loaded = loadScenario(join(ROOT, 'scenarios', file));
      if (!loaded.ok) throw new Error(formatErrors(loaded.errors));
      const s = loaded.scenario;
      const small = { ...s.config, org: { ...s.config.org, population: Math.min(s.config.org.population, 15_000) } };
      const interventions = moved[file] ? s.interventions.map((it) => ({ ...it, ...moved[file] })) : s.interventions;
      const opts = { interventions, elections: s.elections };
      const full = runReplicate(small, s.seed, 0, opts);
      const W = INDICATORS.length;
      for (const T of [40, 130]) {
        const cut = runReplicate({ ...small, ticks: T }, s.seed, 0, opts);
        expect(cut.data.length).toBe(T * W);
        let differing = 0;
        for (let k = 0; k < T * W; k++) if (!Object.is(cut.data[k], full.data[k])) differing++;
        expect(differing, `values differing in the first ${T} weeks`).toBe(0);
      }
    });
  }
});

describe('a calibration with data targets only', () => {
  it('gets from runs cut after its last target week the statistics of full-length runs', async () => {
    const file = join(dir, 'spec.yaml');
    writeFileSync(
      file,
      [
        'preset: small',
        'parameters:',
        '  trust.staffTrustFloor: [0.2, 0.7]',
        'targets:',
        '  - { indicator: trustStaffManagement, year: 1, value: 0.5, sd: 0.05 }',
        '  - { indicator: coCreationActual, weeks: [60, 70], range: [0.01, 0.03] }',
        'method: { particles: 4, generations: 1, replicates: 2, seed: horizon }',
        '',
      ].join('\n'),
    );
    const loaded = loadCalibration(file);
    if (!loaded.ok) throw new Error(formatErrors(loaded.errors));
    const spec = loaded.spec;
    expect(spec.scenario.config.ticks).toBe(260);
    expect(dataHorizon(spec)).toBe(71);
    const thetas = [[0.3], [0.6]];
    const pool = openReplicatePool(1);
    const stats = await simulate(spec, thetas, 5, pool);
    await pool.close();
    const trust = INDICATORS.indexOf('trustStaffManagement');
    const cocreation = INDICATORS.indexOf('coCreationActual');
    thetas.forEach((theta, i) => {
      const config = applyPoint(spec.scenario.config, { index: 0, values: { 'trust.staffTrustFloor': theta[0]! } });
      const expected = [0, 0];
      for (let j = 0; j < 2; j++) {
        const r = runReplicate(config, spec.scenario.seed, 5 + i * 2 + j, {
          interventions: spec.scenario.interventions,
          elections: spec.scenario.elections,
        });
        expect(r.ticks).toBe(spec.scenario.config.ticks);
        const W = r.indicators.length;
        expected[0] = expected[0]! + windowMean(r.data, W, trust, 0, 51);
        expected[1] = expected[1]! + windowMean(r.data, W, cocreation, 60, 70);
      }
      expect(stats[i]).toEqual(expected.map((x) => x / 2));
    });
  });
});
