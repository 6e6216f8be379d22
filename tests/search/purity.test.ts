// The search and discovery libraries (and their shared field checks) run in workers and browsers and know nothing of the Tanker model.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { impurities, tsFiles } from '../support/purity.js';

const MODEL_IMPORT: [string, RegExp] = ['model import', /from\s+['"]\.\.\/(model|scenario|batch)\//];

describe.each(['search', 'discovery', 'checks'])('src/%s purity', (folder) => {
  const dir = join(import.meta.dirname, '../../src', folder);
  it.each(tsFiles(dir))('%s uses no Node APIs, clocks, Math.random or the model', (f) => {
    expect(impurities(join(dir, f), [MODEL_IMPORT]), f).toEqual([]);
  });
});
