// The calibration library runs in workers and browsers and knows nothing of the Tanker model.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { impurities, tsFiles } from '../support/purity.js';

const dir = join(import.meta.dirname, '../../src/calibration');
const MODEL_IMPORT: [string, RegExp] = ['model import', /from\s+['"]\.\.\/(model|scenario|batch)\//];

describe('calibration purity', () => {
  it.each(tsFiles(dir))('%s uses no Node APIs, clocks, Math.random or the model', (f) => {
    expect(impurities(join(dir, f), [MODEL_IMPORT]), f).toEqual([]);
  });
});
