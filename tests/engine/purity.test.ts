// The engine must run in browsers and worker threads: no Node APIs, wall clock or global RNG.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as engine from '../../src/engine/index.js';

const dir = join(import.meta.dirname, '../../src/engine');
const FORBIDDEN: [string, RegExp][] = [
  ['node: import', /from\s+['"]node:/],
  ['Node builtin import', /from\s+['"](fs|path|os|crypto|worker_threads|child_process)['"]/],
  ['Buffer', /\bBuffer\b/],
  ['process', /\bprocess\./],
  ['Date', /\bDate\b/],
  ['Math.random', /Math\.random/],
  ['performance', /\bperformance\./],
  ['require', /\brequire\(/],
];

describe('engine purity', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s uses no Node APIs, clocks or Math.random', (f) => {
    // Strip comments so the explanation of what we avoid does not trip the check.
    const code = readFileSync(join(dir, f), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    for (const [what, re] of FORBIDDEN) expect(re.test(code), `${f}: ${what}`).toBe(false);
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
