// The engine and the model must run in browsers and worker threads: no Node APIs, wall clock or global RNG.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as engine from '../../src/engine/index.js';
import { impurities, tsFiles } from '../support/purity.js';

const dir = join(import.meta.dirname, '../../src/engine');
const modelDir = join(import.meta.dirname, '../../src/model');

describe('engine purity', () => {
  const files = tsFiles(dir).filter((f) => !f.includes('/'));

  it.each(files)('%s uses no Node APIs, clocks or Math.random', (f) => {
    expect(impurities(join(dir, f)), f).toEqual([]);
  });

  it.each(tsFiles(modelDir))('model/%s uses no Node APIs, clocks or Math.random either', (f) => {
    expect(impurities(join(modelDir, f)), f).toEqual([]);
  });

  it('index re-exports the whole API', () => {
    for (const name of [
      'Rng',
      'RngStreams',
      'deriveSeed',
      'SlottedGraph',
      'Calendar',
      'parseIsoDate',
      'formatIsoDate',
      'civil',
      'weekday',
      'Recorder',
      'runTicks',
      'mean',
      'weightedGini',
      'clamp01',
    ]) {
      expect(engine, name).toHaveProperty(name);
    }
  });
});
