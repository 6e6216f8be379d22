// Runs that observe only some indicators (SimulationOptions.indicators): the simulated world is
// the same, so each observed column equals the full run's, and the rest stay NaN.
import { describe, expect, it } from 'vitest';
import { INDICATORS, presetConfig, runReplicate } from '../../src/model/index.js';
import { observersOf } from '../../src/model/simulate.js';

const cfg = { ...presetConfig('small'), ticks: 60 };
const full = runReplicate(cfg, 'subset', 0);
const W = INDICATORS.length;
const column = (data: Float64Array, k: number) => Array.from({ length: cfg.ticks }, (_, t) => data[t * W + k]!);

describe('observing only some indicators', () => {
  it.each(INDICATORS.map((n, k) => [n, k] as const))('%s alone: its column is the full run’s', (name, k) => {
    const part = runReplicate(cfg, 'subset', 0, { indicators: [name] });
    expect(column(part.data, k)).toEqual(column(full.data, k));
    expect(part.totals).toEqual(full.totals);
  });

  it('leaves the other columns NaN, and observes what the transformation index is computed from', () => {
    const part = runReplicate(cfg, 'subset', 0, { indicators: ['burnout'] });
    const observed = INDICATORS.filter((_, k) => !Number.isNaN(part.data[k]!));
    expect(observed).toContain('burnout');
    expect(observed).not.toContain('transformationIndex');
    expect(observed.length).toBeLessThan(W / 2);
    const index = observersOf(['transformationIndex']).flatMap((m) => Object.keys(m.indicators ?? {}));
    expect(index).toEqual(expect.arrayContaining(['transformationIndex', 'practiceNPG', 'coCreationActual', 'crossSiloCoCreation']));
  });

  it('refuses an unknown indicator', () => {
    expect(() => runReplicate(cfg, 'subset', 0, { indicators: ['nonsense' as never] })).toThrow(/no indicator "nonsense"/);
  });
});
