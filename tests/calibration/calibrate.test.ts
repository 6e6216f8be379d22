import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type CalibrationOutcome, CHECKPOINT, ENSEMBLE, memberOrder, runCalibration } from '../../src/analysis/calibration-run.js';
import { type CalibrationSpec, loadCalibration } from '../../src/analysis/calibration-spec.js';
import { type DataTarget, standardisedMiss, targetDistance, windowMean } from '../../src/analysis/calibration-targets.js';
import { formatError } from '../../src/scenario/errors.js';

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
    expect(spec.targets.map((t) => [t.from, t.to])).toEqual([
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
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(lines.join('\n')).toMatch(/posterior predictive check/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files)).toContain('ensemble.json');
  }, 300_000);
});
