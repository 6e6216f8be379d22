// The public API (src/api): the step-level simulation gives the numbers of a whole run however it
// is stepped, observe and agents read the current state, and batches and comparisons work from
// loaded scenarios. The installed package is tested in tests/package.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AGENT_POPULATIONS,
  compareBatch,
  createSimulation,
  formatErrors,
  INDICATORS,
  KEY_INDICATORS,
  loadScenario,
  presetConfig,
  type ResolvedScenario,
  runBatch,
  runReplicate,
} from '../../src/api/index.js';
import { fixture, scratch } from '../batch/helpers.js';

const config = { ...presetConfig('small'), ticks: 30 };

function load(file: string): ResolvedScenario {
  const r = loadScenario(file);
  if (!r.ok) throw new Error(formatErrors(r.errors));
  return r.scenario;
}

describe('createSimulation', () => {
  it('stepped in any chunks, gives the run of runReplicate byte for byte', () => {
    const whole = runReplicate(config, 'api', 2);
    const sim = createSimulation(config, { seed: 'api', replicate: 2 });
    expect([sim.tick, sim.ticks]).toEqual([0, 30]);
    expect(sim.step()).toBe(1);
    expect(sim.step(7)).toBe(8);
    const run = sim.run();
    expect(sim.tick).toBe(30);
    expect(Buffer.from(run.data.buffer).equals(Buffer.from(whole.data.buffer))).toBe(true);
    expect(run.turnTick).toBe(whole.turnTick);
    expect(run.totals).toEqual(whole.totals);
    expect(runReplicate(config, 'api', 3).data).not.toEqual(whole.data);
  });

  it('runs a loaded scenario with its interventions and election setting', () => {
    const s = load(fixture('reform.yaml'));
    const whole = runReplicate(s.config, s.seed, 1, { interventions: s.interventions, elections: s.elections });
    const bare = runReplicate(s.config, s.seed, 1);
    const run = createSimulation(s, { replicate: 1 }).run();
    expect(run.data).toEqual(whole.data);
    expect(run.data).not.toEqual(bare.data);
  });

  it('observe reads the last simulated week; NaN before the first', () => {
    const whole = runReplicate(config, 'api', 0);
    const sim = createSimulation(config, { seed: 'api' });
    expect(Object.values(sim.observe()).every(Number.isNaN)).toBe(true);
    sim.step(3);
    const seen = sim.observe();
    expect(Object.keys(seen)).toEqual([...INDICATORS]);
    INDICATORS.forEach((name, c) => {
      expect(seen[name]).toBe(whole.data[2 * INDICATORS.length + c]);
    });
  });

  it('agents gives a copy of every attribute as columns, one entry per agent', () => {
    const sim = createSimulation(config, { seed: 'api' });
    sim.step(5);
    const staff = sim.agents('staff');
    const n = sim.world.staff.n;
    for (const col of Object.values(staff)) expect(col.length).toBe(n);
    expect(Object.keys(staff)).toEqual(expect.arrayContaining(['id', 'unit', 'openness', 'burnout', 'logicOA', 'logicNPM', 'logicNPG']));
    const col = (name: string) => staff[name] as Float64Array;
    for (let i = 0; i < n; i += 97) {
      expect(col('logicOA')[i]! + col('logicNPM')[i]! + col('logicNPG')[i]!).toBeCloseTo(1, 12);
      expect(col('openness')[i]).toBe(sim.world.staff.openness[i]);
    }
    const before = Float64Array.from(staff.openness as Float64Array);
    sim.step(10);
    expect(staff.openness).toEqual(before);
    expect(sim.agents('staff').openness).not.toEqual(before);
    expect(sim.agents('units').staff).toEqual(Int32Array.from(sim.world.units.staff));
    for (const kind of AGENT_POPULATIONS) expect(Object.keys(sim.agents(kind)).length).toBeGreaterThan(2);
    expect(() => sim.agents('voters' as never)).toThrow(/unknown kind "voters"; allowed: staff, units, managers/);
  });

  it('stops at the horizon and refuses a bad step', () => {
    const sim = createSimulation(config);
    expect(sim.step(1000)).toBe(30);
    expect(sim.step()).toBe(30);
    expect(() => sim.step(-1)).toThrow(/non-negative integer/);
    expect(() => sim.step(1.5)).toThrow(/non-negative integer/);
  });
});

describe('runBatch and compareBatch', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('run loaded scenarios into a batch folder and compare them with the baseline', async () => {
    const { dir, cleanup } = await scratch('api');
    cleanups.push(cleanup);
    const out = join(dir, 'batch');
    const progress: number[][] = [];
    const r = await runBatch([load(fixture('small.yaml')), load(fixture('reform.yaml'))], {
      out,
      threads: 2,
      replicates: 3,
      onProgress: (done, total, failed) => progress.push([done, total, failed]),
    });
    expect([r.ran, r.failures.length, r.plan.tasks.length]).toEqual([6, 0, 6]);
    expect(progress.at(-1)).toEqual([6, 6, 0]);
    for (const f of ['summary.csv', 'aggregate.csv', 'manifest.json']) expect(existsSync(join(out, f)), f).toBe(true);
    const rows = compareBatch(out, 'small');
    expect(rows.filter((x) => x.indicator !== 'timeToTurn').map((x) => x.indicator)).toEqual([...KEY_INDICATORS]);
    expect(rows.every((x) => x.scenario === 'reform' && x.baseline === 'small')).toBe(true);
    expect(compareBatch(out)).toEqual(compareBatch(out, 'small'));
  });
});
