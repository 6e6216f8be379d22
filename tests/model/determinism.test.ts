// Reproducibility: one seed and replicate give byte-identical results; seeds and replicates matter;
// nothing leaks between runs (no hidden shared state); random streams are kept apart by purpose.
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/model/config.js';
import { createWorld, INDICATORS } from '../../src/model/index.js';
import type { InterventionItem } from '../../src/model/levers/catalog.js';
import { type ReplicateResult, runReplicate, Simulation, simulateWorld } from '../../src/model/simulate.js';
import { preset, small } from '../support/model.js';

function bytes(a: Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function sameBytes(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && bytes(a).equals(bytes(b));
}

/** First tick whose row differs, or -1. */
function firstDifferentRow(a: Float64Array, b: Float64Array): number {
  const width = INDICATORS.length;
  for (let t = 0; t * width < a.length; t++) {
    if (!bytes(a.subarray(t * width, (t + 1) * width)).equals(bytes(b.subarray(t * width, (t + 1) * width)))) return t;
  }
  return -1;
}

function expectIdentical(a: ReplicateResult, b: ReplicateResult): void {
  expect(a.data.length).toBe(a.ticks * INDICATORS.length);
  expect(sameBytes(a.data, b.data)).toBe(true);
  expect(a.totals).toEqual(b.totals);
  expect(a.turnTick).toBe(b.turnTick);
}

const levers: InterventionItem[] = [
  { kind: 'tugboats', start: 3, end: 60, intensity: 1, units: null, options: { share: 0.05 } },
  { kind: 'portfolio', start: 10, end: null, intensity: 1, units: null, options: {} },
  { kind: 'matrix', start: 10, end: null, intensity: 1, units: null, options: {} },
  { kind: 'outreach', start: 0, end: null, intensity: 1, units: null, options: { anchorInstitutions: true } },
];

describe('determinism', () => {
  const cfg = small(120); // through a year start and an election

  it('two runs with one seed give byte-identical data and identical totals', () => {
    expectIdentical(runReplicate(cfg, 42, 0), runReplicate(cfg, 42, 0));
  });

  it('also with interventions that draw random numbers (tugboats, portfolio spread)', () => {
    expectIdentical(runReplicate(cfg, 42, 0, { interventions: levers }), runReplicate(cfg, 42, 0, { interventions: levers }));
  });

  it('also for the medium preset', () => {
    const medium = preset('medium', 40);
    expectIdentical(runReplicate(medium, 7, 2), runReplicate(medium, 7, 2));
  });

  it('a number seed and its string form are the same seed', () => {
    expectIdentical(runReplicate(cfg, 42, 0), runReplicate(cfg, '42', 0));
  });

  it('runReplicate and simulateWorld record the same data', () => {
    expect(sameBytes(runReplicate(cfg, 5, 1).data, simulateWorld(cfg, 5, 1).rec.data)).toBe(true);
  });

  it('different seeds give different results', () => {
    const a = runReplicate(cfg, 1, 0);
    const b = runReplicate(cfg, 2, 0);
    expect(sameBytes(a.data, b.data)).toBe(false);
    // Not just one cell: the staff means differ from the first tick on.
    expect(firstDifferentRow(a.data, b.data)).toBe(0);
  });

  it('the replicate index changes results', () => {
    const a = runReplicate(cfg, 1, 0);
    const b = runReplicate(cfg, 1, 1);
    expect(sameBytes(a.data, b.data)).toBe(false);
    expect(firstDifferentRow(a.data, b.data)).toBe(0);
  });

  it('results do not depend on running another replicate in between', () => {
    const first = runReplicate(cfg, 3, 0, { interventions: levers });
    runReplicate(preset('medium', 30), 99, 4, { interventions: levers });
    runReplicate(cfg, 4, 0);
    expectIdentical(first, runReplicate(cfg, 3, 0, { interventions: levers }));
  });

  it('results do not depend on another world running interleaved, tick by tick', () => {
    const alone = simulateWorld(cfg, 8, 0, { interventions: levers });
    const a = new Simulation(cfg, 8, 0, { interventions: levers });
    const b = new Simulation(preset('medium', cfg.ticks), 9, 3, { interventions: levers });
    for (let t = 0; t < cfg.ticks; t++) {
      a.step();
      b.step();
    }
    expect(sameBytes(alone.rec.data, a.world.rec.data)).toBe(true);
    expect(alone.totals).toEqual(a.world.totals);
  });

  it('a run does not change its configuration', () => {
    const c: ModelConfig = small(60);
    const before = JSON.stringify(c);
    runReplicate(c, 1, 0, { interventions: levers });
    expect(JSON.stringify(c)).toBe(before);
  });
});

describe('random streams are kept apart by purpose', () => {
  const cfg = small(120);

  it('switching elections off changes nothing before the first election', () => {
    const [election] = createWorld(cfg, 1, 0).cal.electionTicks();
    expect(election).toBeGreaterThan(0);
    const on = runReplicate(cfg, 6, 0);
    const off = runReplicate(cfg, 6, 0, { elections: false });
    expect(firstDifferentRow(on.data, off.data)).toBe(election);
  });

  it('an action at tick k leaves the rows before k unchanged', () => {
    const k = 40;
    const plain = runReplicate(cfg, 6, 0);
    const acted = runReplicate(cfg, 6, 0, {
      actions: [
        {
          tick: k,
          label: 'outreach',
          run: (w) => {
            w.org.outreach = 1;
            w.org.roomToFail = 1;
          },
        },
      ],
    });
    const d = firstDifferentRow(plain.data, acted.data);
    expect(d).toBeGreaterThanOrEqual(k);
    expect(d).not.toBe(-1);
  });

  it('an action that changes nothing changes no result', () => {
    const plain = runReplicate(cfg, 6, 0);
    const noop = runReplicate(cfg, 6, 0, { actions: [{ tick: 30, label: 'nothing', run: () => {} }] });
    expectIdentical(plain, noop);
  });
});
