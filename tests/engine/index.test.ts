// The engine's public surface: its index re-exports every part. (Purity is checked with the layers: tests/architecture.)
import { describe, expect, it } from 'vitest';
import * as engine from '../../src/engine/index.js';

describe('engine index', () => {
  it('re-exports the whole API', () => {
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
