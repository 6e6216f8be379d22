// Runs that differ only in their interventions start from one shared spin-up (worker.ts): the copy
// must give exactly the numbers of a run that simulates its own spin-up, and must never let one run
// disturb another.
import { describe, expect, it } from 'vitest';
import { runTask, shareSpinUps } from '../../src/batch/worker.js';
import { deepClone } from '../../src/engine/clone.js';
import { runReplicate, Simulation, SpinUpCache, spinUp } from '../../src/model/index.js';
import { loadScenario } from '../../src/scenario/index.js';

const bytes = (r: { data: Float64Array; totals: unknown; turnTick: number | null }) =>
  `${Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength).toString('base64')}|${JSON.stringify(r.totals)}|${r.turnTick}`;

describe('deepClone', () => {
  it('copies typed arrays, keeps prototypes, shared references and cycles', () => {
    class Box {
      constructor(readonly xs: Float64Array) {}
      sum(): number {
        return this.xs.reduce((a, b) => a + b, 0);
      }
    }
    const shared = new Box(new Float64Array([1, 2]));
    const src: Record<string, unknown> = { a: shared, b: shared, m: new Map([['k', [shared]]]) };
    src.self = src;
    const c = deepClone(src);
    const a = c.a as Box;
    expect(a).toBeInstanceOf(Box);
    expect(a.sum()).toBe(3);
    expect(c.b).toBe(a);
    expect((c.m as Map<string, Box[]>).get('k')![0]).toBe(a);
    expect(c.self).toBe(c);
    a.xs[0] = 10;
    expect(shared.xs[0]).toBe(1);
  });
});

describe('a run from a shared spin-up', () => {
  const levers = ['trust-reform', 'matrix', 'flatten-layers', 'outreach', 'top-push', 'budget-cut'];
  const scenarios = levers.map((l) => {
    const s = loadScenario(`scenarios/levers/${l}.yaml`, { overrides: { horizon: 60 } });
    if (!s.ok) throw new Error(`${l}: ${JSON.stringify(s.errors)}`);
    return s.scenario;
  });

  it('gives the numbers of a run that simulates its own spin-up, lever by lever, whatever ran before it', () => {
    const cfg = scenarios[0]!.config;
    for (const rep of [2]) {
      const su = spinUp(cfg, 'share', rep);
      for (const s of scenarios) {
        expect(JSON.stringify(s.config)).toBe(JSON.stringify(cfg)); // the levers differ only in interventions
        const fresh = runReplicate(cfg, 'share', rep, { interventions: s.interventions });
        const shared = runReplicate(cfg, 'share', rep, { interventions: s.interventions, from: su });
        expect(bytes(shared)).toBe(bytes(fresh));
      }
    }
  });

  it('goes through the worker’s kept spin-ups with the same numbers, elections off included', () => {
    const s = scenarios[1]!;
    const task = (elections: boolean) => ({
      config: s.config,
      interventions: s.interventions,
      elections,
      seed: 'w',
      replicate: 1,
      shareSpinUp: true,
    });
    for (const elections of [true, false]) {
      const direct = runReplicate(s.config, 'w', 1, { interventions: s.interventions, elections });
      expect(bytes(runTask(task(elections)))).toBe(bytes(direct));
      expect(bytes(runTask(task(elections)))).toBe(bytes(direct)); // the second from the kept spin-up
    }
  });

  it('the cache (the explorer’s and the workers’) keeps the last spin-ups by configuration, seed and replicate, dropping the least recently used', () => {
    const cfg = scenarios[0]!.config;
    const cache = new SpinUpCache(2);
    const a = cache.get(cfg, 'c', 0);
    const b = cache.get(cfg, 'c', 1);
    expect(cache.get(cfg, 'c', 0)).toBe(a); // kept; now the most recently used
    const c = cache.get(cfg, 'c', 2); // drops replicate 1, the least recently used
    expect(cache.get(cfg, 'c', 0)).toBe(a);
    expect(cache.get(cfg, 'c', 2)).toBe(c);
    expect(cache.get(cfg, 'c', 1)).not.toBe(b); // simulated again
    expect(cache.get({ ...cfg, ticks: 50 }, 'c', 0)).not.toBe(a); // another configuration
    const s = scenarios[3]!;
    const from = new SpinUpCache(1).get(s.config, 'c', 0);
    expect(bytes(runReplicate(from.config, 'c', 0, { interventions: s.interventions, from }))).toBe(
      bytes(runReplicate(s.config, 'c', 0, { interventions: s.interventions })),
    );
  });

  it('marks only tasks whose spin-up another task shares', () => {
    const cfg = scenarios[0]!.config;
    const t = (replicate: number, config = cfg) => ({ config, interventions: [], elections: true, seed: 's', replicate });
    const marked = shareSpinUps([t(0), t(0), t(1), t(0, { ...cfg, ticks: 10 })]);
    expect(marked.map((m) => m.shareSpinUp === true)).toEqual([true, true, false, false]);
  });

  it('refuses the spin-up of another replicate or configuration', () => {
    const cfg = scenarios[0]!.config;
    const su = spinUp(cfg, 'share', 0);
    expect(() => new Simulation(cfg, 'share', 1, { from: su })).toThrow(/another configuration, seed or replicate/);
    expect(() => new Simulation({ ...cfg, ticks: 50 }, 'share', 0, { from: su })).toThrow(/another configuration/);
  });
});
