import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  designCost,
  loadSensitivity,
  morrisRows,
  replicateOutput,
  runSensitivity,
  type SensitivityResult,
  type SensitivitySpec,
  sobolRows,
} from '../../src/analysis/sensitivity.js';
import { applyPoint } from '../../src/batch/sweep.js';
import { registerSensitivity } from '../../src/cli/sensitivity-command.js';
import { INDICATORS } from '../../src/model/index.js';
import { runReplicate } from '../../src/model/simulate.js';
import { writeSensitivity } from '../../src/report/sensitivity-files.js';
import { formatError } from '../../src/scenario/errors.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);

function errorsOf(name: string): string[] {
  const r = loadSensitivity(fixture(name));
  if (r.ok) throw new Error(`${name} was expected to have errors`);
  return r.errors.map((e) => formatError(e, FIXTURES));
}

function specOf(name: string): SensitivitySpec {
  const r = loadSensitivity(fixture(name));
  if (!r.ok) throw new Error(r.errors.map((e) => formatError(e, FIXTURES)).join('\n'));
  return r.spec;
}

describe('sensitivity files', () => {
  it('report every problem with file:line:col, path, value found, what is allowed and did-you-mean', () => {
    expect(errorsOf('bad.yaml')).toEqual([
      'bad.yaml:2:18  method[1]: found "sobool"; allowed: one of "morris" or "sobol"; did you mean "sobol"?',
      'bad.yaml:3:13  replicates: found 0; allowed: an integer from 1 to 10000',
      'bad.yaml:4:22  output.indicator: found "transformationIndx"; allowed: one of the 54 indicator names, e.g. "coachingStyle", "managerInsecurity" or "transformationIndex"; did you mean "transformationIndex"?',
      'bad.yaml:5:36  morris.levels: found 3; allowed: an even integer from 2 to 20',
      'bad.yaml:7:3  parameters["signals.rellay"]: found "signals.rellay"; allowed: a model parameter "group.name" or a numeric "organisation.field", e.g. "organisation.population", "organisation.citizenSample" or "organisation.staffPerThousand"; did you mean "signals.relay"?',
      'bad.yaml:8:36  parameters["organisation.siloStrength"][1]: found 1.5; allowed: a number from 0 to 1',
      'bad.yaml:9:20  parameters["trust.asymmetry"]: found a list [6,2]; allowed: two numbers [low, high] with low < high',
    ]);
  });

  it('name a missing scenario, a scenario with a sweep, and pass on the scenario’s own errors', () => {
    expect(errorsOf('missing-scenario.yaml')).toEqual([
      'missing-scenario.yaml:1:11  scenario: found "nowhere.yaml"; allowed: a path to a scenario file, relative to this file; no file at ' +
        `${join(FIXTURES, 'nowhere.yaml').replace(`${process.cwd()}/`, '')}`,
    ]);
    expect(errorsOf('sweep-scenario.yaml')).toEqual([
      'sweep-scenario.yaml:1:11  scenario: found "with-sweep.yaml"; allowed: a scenario without a sweep section; the sensitivity design sets the parameter values itself; remove the sweep',
    ]);
    const broken = errorsOf('uses-broken.yaml');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^broken-scenario\.yaml:4:13 {2}replicates: found "many"/);
  });

  it('fill defaults, accept a single method, and note rounding and non-power-of-two samples', () => {
    const s = specOf('defaults.yaml');
    expect(s.methods).toEqual(['sobol']);
    expect(s.replicates).toBe(1);
    expect(s.seed).toBe('sensitivity');
    expect(s.confidence).toBe(0.95);
    expect(s.output).toEqual({ indicator: 'transformationIndex', statistic: 'final' });
    expect(s.morris).toEqual({ trajectories: 10, levels: 4, bootstrap: 1000 });
    expect(s.sobol).toEqual({ samples: 100, bootstrap: 500, base: 'sobol', noiseCorrection: true });
    expect(s.parameters).toEqual([
      { name: 'init.teamTies', low: 2, high: 8, integer: true },
      { name: 'signals.relay', low: 0.5, high: 0.9, integer: false },
    ]);
    expect(s.notes).toHaveLength(2);
    expect(s.notes[0]).toMatch(/init\.teamTies is a whole number/);
    expect(s.notes[1]).toMatch(/not a power of two.*128/);
    expect(s.scenario.name).toBe('sens-small');
    expect(designCost(s)).toEqual({ morris: 0, sobol: 400, points: 400, replicates: 400 });
  });
});

describe('the output of a replicate', () => {
  it('is the final, mean or peak value of the indicator column, skipping missing values', () => {
    // 4 ticks × 2 columns; column 1 holds 1, NaN, 5, 2.
    const data = Float64Array.from([0, 1, 0, Number.NaN, 0, 5, 0, 2]);
    expect(replicateOutput(data, 2, 1, 'final')).toBe(2);
    expect(replicateOutput(data, 2, 1, 'mean')).toBeCloseTo(8 / 3, 12);
    expect(replicateOutput(data, 2, 1, 'peak')).toBe(5);
  });
});

describe('a sensitivity run on the worker pool', () => {
  let spec: SensitivitySpec;
  let one: SensitivityResult;
  let out: string;
  beforeAll(async () => {
    spec = specOf('tiny.yaml');
    one = await runSensitivity(spec, { threads: 2 });
    out = mkdtempSync(join(tmpdir(), 'tanker-sens-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('runs every design point with every replicate', () => {
    const cost = designCost(spec);
    expect(one.replicates).toBe(cost.replicates);
    expect(one.morris!.raw.length).toBe(cost.morris * spec.replicates);
    expect(one.sobol!.raw.length).toBe(cost.sobol * spec.replicates);
    expect(one.sobol!.result.s1.length).toBe(2);
    expect(one.morris!.result.muStarCi).toHaveLength(2);
  });

  it('evaluates a point as the scenario with the point’s values, on replicate seeds shared by all points', () => {
    const s = spec.scenario;
    const k = spec.parameters.length;
    const col = INDICATORS.indexOf('signalReach');
    const row = 11; // a Sobol' row in B
    const unit = one.sobol!.design.points.subarray(row * k, (row + 1) * k);
    const values = Object.fromEntries(spec.parameters.map((p, i) => [p.name, p.low + unit[i]! * (p.high - p.low)]));
    for (let r = 0; r < spec.replicates; r++) {
      const rep = runReplicate(applyPoint(s.config, { index: 0, values }), s.seed, r, {
        interventions: s.interventions,
        elections: s.elections,
      });
      const ticks = rep.data.length / rep.indicators.length;
      let sum = 0;
      for (let t = 0; t < ticks; t++) sum += rep.data[t * rep.indicators.length + col]!;
      expect(one.sobol!.raw[row * spec.replicates + r]).toBeCloseTo(sum / ticks, 12);
    }
    expect(one.sobol!.y[row]).toBeCloseTo((one.sobol!.raw[row * 2]! + one.sobol!.raw[row * 2 + 1]!) / 2, 12);
  });

  it('writes tables, design tables, charts and a manifest with file hashes', async () => {
    const files = await writeSensitivity(one, out, { threads: 1, startedAt: 'test', seconds: 0 });
    expect(files).toEqual([
      'morris.csv',
      'morris-design.csv',
      'morris.vl.json',
      'morris.svg',
      'morris.png',
      'sobol.csv',
      'sobol-design.csv',
      'sobol.vl.json',
      'sobol.svg',
      'sobol.png',
      'manifest.json',
    ]);
    const read = (f: string) => readFileSync(join(out, f), 'utf8');
    const morrisCsv = read('morris.csv').trim().split('\n');
    expect(morrisCsv[0]).toBe('rank,parameter,low,high,mu_star,mu_star_lo,mu_star_hi,mu,sigma,noise');
    expect(morrisCsv.slice(1).map((l) => l.split(',')[1])).toEqual(morrisRows(spec.parameters, one.morris!.result).map((r) => r.parameter));
    const sobolCsv = read('sobol.csv').trim().split('\n');
    expect(sobolCsv[0]).toBe('rank,parameter,low,high,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi');
    expect(sobolCsv).toHaveLength(1 + spec.parameters.length);
    expect(sobolRows(spec.parameters, one.sobol!.result)[0]!.st).toBeGreaterThanOrEqual(
      sobolRows(spec.parameters, one.sobol!.result)[1]!.st,
    );
    const design = read('sobol-design.csv').trim().split('\n');
    expect(design[0]).toBe('row,matrix,sample,organisation.topSignal,signals.relay,output,replicate_0,replicate_1');
    expect(design).toHaveLength(1 + designCost(spec).sobol);
    expect(design[1]!.startsWith('0,A,0,')).toBe(true);
    expect(design.at(-1)!.startsWith(`${designCost(spec).sobol - 1},AB:signals.relay,7,`)).toBe(true);
    expect(read('sobol.svg')).toMatch(/^<svg/);
    expect(read('sobol.svg')).toContain('organisation.topSignal');
    expect(readFileSync(join(out, 'morris.png')).subarray(1, 4).toString()).toBe('PNG');
    const vl = JSON.parse(read('sobol.vl.json')) as { $schema: string; data: { values: unknown[] } };
    expect(vl.$schema).toMatch(/vega-lite/);
    expect(vl.data.values).toHaveLength(2 * spec.parameters.length);
    const manifest = JSON.parse(read('manifest.json')) as Record<string, unknown> & { files: Record<string, string> };
    expect(manifest.kind).toBe('sensitivity');
    expect(manifest.seed).toBe('tiny');
    expect(manifest.replicates).toBe(2);
    expect(manifest.evaluations).toEqual({ points: designCost(spec).points, replicates: designCost(spec).replicates });
    expect(Object.keys(manifest.files)).toEqual(files.slice(0, -1));
    for (const [f, h] of Object.entries(manifest.files))
      expect(
        createHash('sha256')
          .update(readFileSync(join(out, f)))
          .digest('hex'),
      ).toBe(h);
  });

  it('`tanker sensitivity FILE --method morris` prints the table, writes only the Morris files, and matches the 2-thread run on 1 thread', async () => {
    const dir = join(out, 'cli');
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
      lines.push(a.join(' '));
    });
    try {
      const program = new Command().exitOverride();
      registerSensitivity(program);
      await program.parseAsync([
        'node',
        'tanker',
        'sensitivity',
        fixture('tiny.yaml'),
        '--method',
        'morris',
        '--threads',
        '1',
        '--out',
        dir,
        '--quiet',
      ]);
    } finally {
      log.mockRestore();
    }
    const text = lines.join('\n');
    expect(text).toContain('Morris screening of mean signalReach (3 trajectories, 4 levels)');
    expect(text).toMatch(/parameter\s+range\s+μ\*\s+95 % CI of μ\*\s+μ\s+σ\s+noise/);
    expect(text).not.toContain("Sobol'");
    // Same Morris design, replicate outputs and measures as the run with both methods on 2 threads.
    for (const f of ['morris-design.csv', 'morris.csv', 'morris.svg'])
      expect(readFileSync(join(dir, f), 'utf8'), f).toBe(readFileSync(join(out, f), 'utf8'));
    expect(() => readFileSync(join(dir, 'sobol.csv'))).toThrow();
  });
});
