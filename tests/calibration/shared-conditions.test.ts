/**
 * Pattern targets whose facts share a condition (the status quo of facts 3, 7, 8 and 12) run it
 * once per particle and replicate (calibration-run.ts `slotsOf`): the statistics must be those of
 * each fact calibrated on its own, which runs its own copy of the shared condition.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { particleRuns, simulate } from '../../src/analysis/calibration-run.js';
import { type CalibrationSpec, loadCalibration } from '../../src/analysis/calibration-spec.js';
import { openReplicatePool } from '../../src/batch/replicates.js';
import { formatErrors } from '../../src/scenario/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tanker-shared-conditions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spec(name: string, targets: string): CalibrationSpec {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    [
      'preset: small',
      'parameters:',
      '  signals.heardRate: registry',
      'targets:',
      targets,
      'method: { particles: 4, generations: 1, replicates: 2, seed: shared }',
      '',
    ].join('\n'),
  );
  const loaded = loadCalibration(file);
  if (!loaded.ok) throw new Error(formatErrors(loaded.errors));
  return loaded.spec;
}

describe('conditions shared by several facts', () => {
  it('the status quo of facts 3, 7, 8 and 12 is one run: 7 runs per replicate for facts 2, 3, 7, 8 and 12 instead of 10', () => {
    expect(particleRuns(spec('default-like', '  - { facts: [2, 3, 7, 8, 12], minD: 0.5 }'))).toBe(2 * 7);
    expect(particleRuns(spec('fact-3', '  - { fact: 3, minD: 0.5 }'))).toBe(2 * 2);
  });

  it('give the statistics of each fact calibrated on its own', async () => {
    const together = spec('together', '  - { facts: [3, 7], minD: 0.5 }');
    const three = spec('three', '  - { fact: 3, minD: 0.5 }');
    const seven = spec('seven', '  - { fact: 7, minD: 0.5 }');
    expect(particleRuns(together)).toBe(2 * 3);
    const thetas = [[0.2], [0.7]];
    const pool = openReplicatePool(2);
    try {
      const both = await simulate(together, thetas, 3, pool);
      const alone3 = await simulate(three, thetas, 3, pool);
      const alone7 = await simulate(seven, thetas, 3, pool);
      expect(both).toEqual(thetas.map((_, i) => [...alone3[i]!, ...alone7[i]!]));
      expect(both[0]!.length).toBe(4); // fact 3 one check, fact 7 three
    } finally {
      await pool.close();
    }
  });
});
