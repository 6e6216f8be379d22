/**
 * The stylised facts of MODEL.md §6 as statistical tests over paired replicates (common random
 * numbers), all on the default medium preset at default parameters, with the fixed master seed
 * "facts". Fact 10 (the election) has the smallest effect relative to its noise and declares a
 * replicate factor of 5 (80 pairs here). Fact 5 (trust asymmetry) holds by construction and is a unit test
 * (tests/model/mechanisms.test.ts). Other master seeds: `npm run validate:seeds` (docs/model.md §12).
 */
import { describe, expect, it } from 'vitest';
import { factsTable, validateModel } from '../../src/validation/run.js';

const ALPHA = 0.01;

describe('stylised facts (MODEL.md §6), medium preset', () => {
  it('facts 1-4 and 6-12 hold at 16 paired replicates (fact 10 at 80: its replicate factor)', { timeout: 900_000 }, async () => {
    const out = await validateModel({ size: 'medium', replicates: 16, seed: 'facts', threads: 2, alpha: ALPHA });
    const failed = out.filter((o) => !o.pass);
    expect(failed, factsTable(failed)).toEqual([]);
    expect(out).toHaveLength(11);
  });

  it('a check fails when the effect goes the other way (the tests can fail)', async () => {
    const { FACTS, judge } = await import('../../src/validation/facts.js');
    const { pairedTest } = await import('../../src/analysis/ttest.js');
    const r = pairedTest([1, 2, 3, 4], [2, 3, 4, 5.5]);
    expect(judge({ claim: 'up', result: r, direction: 'positive' }, ALPHA).pass).toBe(true);
    expect(judge({ claim: 'down', result: r, direction: 'negative' }, ALPHA).pass).toBe(false);
    expect(FACTS.map((f) => f.id)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12]);
    expect(judge({ claim: 'up', result: r, direction: 'positive' }, ALPHA).detectable).toBeGreaterThan(0);
  });
});
