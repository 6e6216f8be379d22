import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type CalibrationOutcome, CHECKPOINT, ENSEMBLE, memberOrder, runCalibration } from '../../src/analysis/calibration-run.js';
import { type CalibrationSpec, loadCalibration } from '../../src/analysis/calibration-spec.js';
import {
  type DataTarget,
  type PatternTarget,
  predictiveQuantiles,
  standardisedMiss,
  statisticsOf,
  targetDistance,
  windowMean,
} from '../../src/analysis/calibration-targets.js';
import { cohenD, effectSize, pairedTest, welchTest } from '../../src/analysis/ttest.js';
import { formatError } from '../../src/scenario/errors.js';
import { claimedEffect } from '../../src/validation/facts.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'tanker-calibrate-'));
  dirs.push(d);
  return join(d, 'out');
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function errorsOf(name: string): string[] {
  const r = loadCalibration(fixture(name));
  if (r.ok) throw new Error(`${name} was expected to have errors`);
  return r.errors.map((e) => formatError(e, FIXTURES));
}

function specOf(path: string): CalibrationSpec {
  const r = loadCalibration(path);
  if (!r.ok) throw new Error(r.errors.map((e) => formatError(e)).join('\n'));
  return r.spec;
}

describe('calibration files', () => {
  it('report every problem with file:line:col, path, value found and what is allowed', () => {
    expect(errorsOf('bad.yaml')).toEqual([
      'bad.yaml:1:9  preset: found "smal"; allowed: one of "small", "medium" or "large"; did you mean "small"?',
      expect.stringMatching(
        /^bad\.yaml:4:3 {2}parameters\["trust\.staffTrustFlor"\]: found "trust\.staffTrustFlor"; allowed: a model parameter "group\.name" or a numeric "organisation\.field", e\.g\. .*; did you mean "trust\.staffTrustFloor"\?$/,
      ),
      'bad.yaml:5:24  parameters["signals.relay"][1]: found 1.5; allowed: a number from 0 to 1',
      expect.stringMatching(/^bad\.yaml:6:20 {2}select\.groups\[0\]: found "trusts"; allowed: one of "init", .*; did you mean "trust"\?$/),
      expect.stringMatching(
        /^bad\.yaml:8:16 {2}targets\[0\]\.indicator: found "trustStaffManagment"; .*did you mean "trustStaffManagement"\?$/,
      ),
      "bad.yaml:13:11  targets[1].week: found 30; allowed: a window within the run's 20 weeks (0 to 19); raise horizon or choose an earlier window",
      'bad.yaml:17:5  targets[2].value: found value without sd (or sd without value); allowed: both',
      'bad.yaml:19:12  targets[3].weeks: found a list [5,2]; allowed: two week indices [first, last] with first ≤ last',
      'bad.yaml:22:14  method.particles: found 1; allowed: an integer from 2 to 100000',
      'bad.yaml:23:3  method.rounds: unknown key; did you mean "generations" (the rounds of ABC-SMC)?',
    ]);
    expect(errorsOf('both.yaml')).toEqual(['both.yaml:2:1  preset: found "small"; allowed: either scenario or preset, not both']);
  });

  it('resolve windows, registry ranges and group selections', () => {
    const spec = specOf(fixture('tiny.yaml'));
    expect(spec.parameters).toEqual([
      { name: 'trust.staffTrustFloor', min: 0.2, max: 0.7 },
      { name: 'signals.relay', min: 0, max: 1 },
    ]);
    expect(spec.targets.map((t) => ('from' in t ? [t.from, t.to] : null))).toEqual([
      [4, 7],
      [7, 7],
    ]);
    expect(spec.scenario.config.ticks).toBe(8);
    expect(spec.hash).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('targets and distance', () => {
  const value: DataTarget = { indicator: 'openness', from: 0, to: 1, observed: { kind: 'value', value: 0.5, sd: 0.1 } };
  const range: DataTarget = { indicator: 'openness', from: 0, to: 1, observed: { kind: 'range', lo: 0.2, hi: 0.4 } };
  it('standardise a miss by sd, or by the half-width outside a range (0 inside)', () => {
    expect(standardisedMiss(value, 0.7)).toBeCloseTo(2, 12);
    expect(standardisedMiss(range, 0.3)).toBe(0);
    expect(standardisedMiss(range, 0.5)).toBeCloseTo(1, 12);
    expect(standardisedMiss(range, 0.1)).toBeCloseTo(-1, 12);
    expect(targetDistance([value, range], [0.7, 0.5])).toBeCloseTo(Math.sqrt((4 + 1) / 2), 12);
    expect(targetDistance([value, range], [0.7, Number.NaN])).toBeNaN();
  });
  it('average a window of one column, skipping weeks without a value', () => {
    const data = Float64Array.from([1, 10, 2, Number.NaN, 3, 30]); // 3 weeks × 2 columns
    expect(windowMean(data, 2, 0, 0, 2)).toBe(2);
    expect(windowMean(data, 2, 1, 0, 2)).toBe(20);
    expect(windowMean(data, 2, 1, 1, 1)).toBeNaN();
  });
  it('order members by weight: every member in proportion, the same for the same seed', () => {
    const order = memberOrder([0.5, 0.25, 0.25, 0], 's');
    expect([...order].sort()).toEqual([0, 0, 1, 2]);
    expect(memberOrder([0.5, 0.25, 0.25, 0], 's')).toEqual(order);
  });
});

describe('tanker calibrate on the model', () => {
  const spec = specOf(fixture('tiny.yaml'));
  const bytes = (out: string) => readFileSync(join(out, ENSEMBLE), 'utf8');
  let reference: { out: string; outcome: CalibrationOutcome };

  it('runs to an ensemble whose bytes do not depend on the number of threads', async () => {
    const one = tmp();
    const two = tmp();
    const a = await runCalibration(spec, { out: one, threads: 1, resume: false });
    await runCalibration(spec, { out: two, threads: 2, resume: false });
    reference = { out: one, outcome: a };
    expect(a.state.done).toBe(true);
    expect(bytes(one)).toBe(bytes(two));
    const e = JSON.parse(bytes(one));
    expect(e.members).toHaveLength(5);
    expect(e.order).toHaveLength(5);
    expect(e.provenance.spec.hash).toBe(spec.hash);
    expect(e.predictive).toHaveLength(2);
    expect(e.history).toHaveLength(2);
    // Every member lies in its prior box and was accepted within the last tolerance.
    for (const m of e.members) {
      expect(m.values['trust.staffTrustFloor']).toBeGreaterThanOrEqual(0.2);
      expect(m.values['trust.staffTrustFloor']).toBeLessThanOrEqual(0.7);
      expect(m.distance).toBeLessThanOrEqual(e.history[1].epsilon);
    }
  }, 240_000);

  it('interrupted after its first round and resumed, gives byte-identical output and redoes no finished round', async () => {
    const out = tmp();
    let rounds = 0;
    const first = await runCalibration(spec, { out, threads: 1, resume: false, onRound: () => rounds++, stopped: () => rounds >= 1 });
    expect(first.interrupted).toBe(true);
    expect(first.state.round).toBe(1);
    expect(existsSync(join(out, CHECKPOINT))).toBe(true);
    expect(existsSync(join(out, ENSEMBLE))).toBe(false);
    await expect(runCalibration(spec, { out, threads: 1, resume: false })).rejects.toThrow(/pass --resume to continue it/);
    const second = await runCalibration(spec, { out, threads: 2, resume: true });
    expect(second.resumedAtRound).toBe(1);
    expect(second.runs + first.runs).toBe(reference.outcome.runs);
    expect(bytes(out)).toBe(bytes(reference.out));
  }, 240_000);

  it('refuses a folder that holds something else', async () => {
    const other = specOf(fixture('tiny.yaml'));
    const changed: CalibrationSpec = { ...other, hash: 'ffffffffffffffff' };
    await expect(runCalibration(changed, { out: reference.out, threads: 1, resume: true })).rejects.toThrow(/holds another calibration/);
  });
});

describe('the example calibration', () => {
  it('runs end to end through the command: ensemble, charts, diagnostics page and manifest', async () => {
    const { Command } = await import('commander');
    const { registerCalibrate } = await import('../../src/cli/calibrate-command.js');
    const out = tmp();
    const program = new Command().exitOverride();
    registerCalibrate(program);
    const log = console.log;
    const lines: string[] = [];
    console.log = (...a: unknown[]) => void lines.push(a.join(' '));
    try {
      await program.parseAsync(['node', 'tanker', 'calibrate', 'scenarios/calibration/small-trust.yaml', '--out', out, '--quiet']);
    } finally {
      console.log = log;
    }
    for (const f of ['ensemble.json', 'diagnostics.html', 'manifest.json', 'prior-posterior.svg', 'rounds.png', 'predictive.vl.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const html = readFileSync(join(out, 'diagnostics.html'), 'utf8');
    expect(html).toContain('trust.staffTrustFloor');
    // Prior/posterior, rounds, predictive check, target-by-parameter heat map, and pair plots (two parameters).
    expect(html.match(/<svg/g)).toHaveLength(5);
    expect(html).toContain('Which target constrains which parameter');
    expect(html).toContain('Pair plots of the most constrained parameters');
    expect(html).toContain('posterior sd / prior sd');
    expect(html).toMatch(/<h2>Which target constrains which parameter<\/h2>\n<p>Spearman/);
    for (const f of ['sensitivity.svg', 'pairs.svg']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(lines.join('\n')).toMatch(/posterior predictive check/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files)).toContain('ensemble.json');
  }, 300_000);
});

describe('pattern targets', () => {
  it('report unknown facts, bad tolerances, doubled facts and misspelt keys precisely', () => {
    expect(errorsOf('bad-patterns.yaml')).toEqual([
      'bad-patterns.yaml:5:11  targets[0].fact: found 13; allowed: one of the stylised facts 1, 2, 3, 4, 6, 7, 8, 9, 10, 11 or 12 (tanker validate-model lists them)',
      'bad-patterns.yaml:7:11  targets[1].fact: found 5; allowed: one of the stylised facts 1, 2, 3, 4, 6, 7, 8, 9, 10, 11 or 12 (tanker validate-model lists them); fact 5 (trust asymmetry) holds by construction and is a unit test, not a check',
      'bad-patterns.yaml:10:11  targets[2].minD: found -1; allowed: a number from 0 to 100',
      'bad-patterns.yaml:11:5  targets[3]: found "fact and facts"; allowed: one of fact (a number) or facts (all, or a list of numbers)',
      'bad-patterns.yaml:14:16  targets[4].facts[1]: found 3; allowed: each fact in one pattern target only; fact 3 is already a target at targets[4].facts[0]',
      'bad-patterns.yaml:18:5  targets[5].mind: unknown key; did you mean "minD"?',
      'bad-patterns.yaml:19:12  targets[6].facts: found "some"; allowed: "all" or a list of fact numbers, each one of the stylised facts 1, 2, 3, 4, 6, 7, 8, 9, 10, 11 or 12 (tanker validate-model lists them)',
      'bad-patterns.yaml:21:5  targets[7].minD: missing; allowed: a number from 0 to 100',
    ]);
    expect(errorsOf('one-replicate.yaml')).toEqual([
      'one-replicate.yaml:8:15  method.replicates: found 1; allowed: an integer ≥ 2 with pattern targets; the effect of a check needs at least 2 replicates',
    ]);
  });

  it('expand facts: all into one target per checked fact, each check a statistic sharing its fact’s weight', () => {
    const spec = specOf(fixture('all-facts.yaml'));
    expect(spec.targets.map((t) => ('fact' in t ? t.fact : null))).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12]);
    const stats = statisticsOf(spec.targets);
    const fact2 = stats.filter((s) => s.target === 1);
    expect(fact2).toHaveLength(3);
    for (const s of fact2) expect(s.weight).toBeCloseTo(1 / 3, 12);
    expect(stats.reduce((a, s) => a + s.weight, 0)).toBeCloseTo(11, 9);
  });

  it('a pattern check without spread (d stored as ±1000) reads ±∞ in the predictive table; a data target keeps its number', () => {
    expect(predictiveQuantiles({ observed: { kind: 'atLeast', min: 0.5 }, q05: -1000, q50: 1.234, q95: 1000 })).toEqual([
      '−∞',
      '1.234',
      '∞',
    ]);
    expect(predictiveQuantiles({ observed: { kind: 'value', value: 900, sd: 100 }, q05: 1000, q50: 1000, q95: 1000 })).toEqual([
      '1000.000',
      '1000.000',
      '1000.000',
    ]);
  });

  it('distance: 0 while every check reaches minD, growing with the shortfall, each target weighing 1', () => {
    const pattern: PatternTarget = { fact: 2, title: 't', minD: 0.3, claims: ['a', 'b'] };
    const value: DataTarget = { indicator: 'openness', from: 0, to: 1, observed: { kind: 'value', value: 0.5, sd: 0.1 } };
    const stats = statisticsOf([pattern, value]);
    expect(stats.map((s) => s.weight)).toEqual([0.5, 0.5, 1]);
    expect(targetDistance(stats, [0.3, 5, 0.5])).toBe(0);
    expect(targetDistance(stats, [1000, 0.4, 0.5])).toBe(0);
    // One check 0.5 short (weight 1/2), the data target 1 sd off (weight 1): √((0.5 · 0.25 + 1) / 2).
    expect(targetDistance(stats, [-0.2, 1, 0.6])).toBeCloseTo(Math.sqrt((0.5 * 0.25 + 1) / 2), 12);
    expect(targetDistance(stats, [-0.4, 1, 0.5])).toBeGreaterThan(targetDistance(stats, [-0.2, 1, 0.5]));
    expect(targetDistance(stats, [-Infinity, 1, 0.5])).toBeNaN();
    expect(targetDistance(stats, [Number.NaN, 1, 0.5])).toBeNaN();
  });

  it('effect in the claimed direction: Cohen’s d of the paired differences, negated for a negative claim, 0 for no test, capped at ±1000', () => {
    const a = [1, 2, 3, 4];
    const b = [2, 4, 4, 6]; // differences 1, 2, 1, 2: mean 1.5, sd 0.5774
    const d = 1.5 / Math.sqrt(1 / 3);
    expect(claimedEffect({ result: pairedTest(a, b), direction: 'positive' })).toBeCloseTo(d, 12);
    expect(claimedEffect({ result: pairedTest(a, b), direction: 'negative' })).toBeCloseTo(-d, 12);
    // Welch with equal arms: the difference over the pooled sd (Cohen's d).
    expect(effectSize(welchTest(a, b))).toBeCloseTo(cohenD(a, b), 12);
    expect(claimedEffect({ result: pairedTest([1], [2]), direction: 'positive' })).toBe(0);
    // A difference without spread is a clear verdict, capped so that JSON can hold it.
    expect(claimedEffect({ result: pairedTest([1, 2], [2, 3]), direction: 'negative' })).toBe(-1000);
  });

  it('a tiny calibration with fact 3 and a data target is deterministic across thread counts and after a resume', async () => {
    const spec = specOf(fixture('patterns.yaml'));
    const one = tmp();
    const two = tmp();
    const a = await runCalibration(spec, { out: one, threads: 1, resume: false });
    await runCalibration(spec, { out: two, threads: 2, resume: false });
    expect(readFileSync(join(one, ENSEMBLE), 'utf8')).toBe(readFileSync(join(two, ENSEMBLE), 'utf8'));
    const e = a.ensemble!;
    // Per particle and replicate: the scenario run plus fact 3's two conditions.
    expect(e.provenance.runsPerParticle).toBe(6);
    expect(e.predictive.map((p) => p.observed.kind)).toEqual(['atLeast', 'value']);
    // The check's effect is positive (more plans widen the gap) for every final particle.
    for (const v of e.predictive[0]!.values) expect(v).toBeGreaterThan(0);
    expect(e.sensitivity.statistics).toHaveLength(2);
    expect(e.sensitivity.candidates).toBe(a.state.totalSimulations);
    // The data target's statistic rises with the trust floor it is about.
    expect(e.sensitivity.rho[1]![0]).toBeGreaterThan(0.8);
    // Interrupted after its first round and resumed: the same bytes, samples included.
    const out = tmp();
    let rounds = 0;
    await runCalibration(spec, { out, threads: 2, resume: false, onRound: () => rounds++, stopped: () => rounds >= 1 });
    await runCalibration(spec, { out, threads: 1, resume: true });
    expect(readFileSync(join(out, ENSEMBLE), 'utf8')).toBe(readFileSync(join(one, ENSEMBLE), 'utf8'));
  }, 360_000);
});

describe('the shipped default ensemble', () => {
  it('is a readable ensemble of the calibrations/facts.yaml parameters, every member inside its prior, with its diagnostics', async () => {
    const { readEnsemble } = await import('../../src/batch/ensemble.js');
    const spec = specOf('calibrations/facts.yaml');
    expect(spec.targets.every((t) => 'fact' in t)).toBe(true);
    const e = readEnsemble('ensembles/default.json');
    expect(e.members.length).toBe(spec.method.particles);
    expect(e.order).toHaveLength(e.members.length);
    for (const m of e.members)
      for (const p of spec.parameters) {
        expect(m.values[p.name]).toBeGreaterThanOrEqual(p.min);
        expect(m.values[p.name]).toBeLessThanOrEqual(p.max);
      }
    const file = JSON.parse(readFileSync('ensembles/default.json', 'utf8'));
    // It was made from this very file: the same spec hash, so the two cannot drift apart unseen.
    expect(file.provenance.spec.hash).toBe(spec.hash);
    expect(file.provenance.targets.map((t: { fact: number }) => t.fact)).toEqual([2, 3, 7, 8, 12]);
    expect(file.sensitivity.statistics).toHaveLength(13);
  });
});
