/**
 * The twelve stylised facts of MODEL.md §6, each a statistical test over replicates with fixed
 * seeds. Facts whose effects are clear in a small municipality run on the small preset; the three
 * whose effects are subtler (silos and wicked problems, enthusiasts' results, the election) run
 * on the default medium preset with more replicates. `tanker validate-model` runs them all on
 * the medium preset.
 */
import { describe, expect, it } from 'vitest';
import { factsTable, validateModel } from '../../src/validation/run.js';

const ALPHA = 0.01;

describe('stylised facts (MODEL.md §6)', () => {
  it('hold in a small municipality: facts 1, 2, 3, 5, 6, 7, 8, 11, 12', { timeout: 900_000 }, async () => {
    const out = await validateModel({
      size: 'small',
      replicates: 20,
      seed: 'facts',
      threads: 2,
      alpha: ALPHA,
      only: [1, 2, 3, 5, 6, 7, 8, 11, 12],
    });
    const failed = out.filter((o) => !o.pass);
    expect(failed, factsTable(failed)).toEqual([]);
    expect(out).toHaveLength(9);
  });

  it('hold in the default medium municipality: facts 4, 9, 10', { timeout: 900_000 }, async () => {
    const out = await validateModel({ size: 'medium', replicates: 30, seed: 'facts', threads: 2, alpha: ALPHA, only: [4, 9, 10] });
    const failed = out.filter((o) => !o.pass);
    expect(failed, factsTable(failed)).toEqual([]);
    expect(out).toHaveLength(3);
  });

  it('a check fails when the effect goes the other way (the tests can fail)', async () => {
    const { FACTS, judge } = await import('../../src/validation/facts.js');
    const { pairedTest } = await import('../../src/analysis/ttest.js');
    const r = pairedTest([1, 2, 3, 4], [2, 3, 4, 5.5]);
    expect(judge({ claim: 'up', result: r, direction: 'positive' }, ALPHA).pass).toBe(true);
    expect(judge({ claim: 'down', result: r, direction: 'negative' }, ALPHA).pass).toBe(false);
    expect(FACTS.map((f) => f.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
