/**
 * Sweeps are first-class in the report (issue 15): a sweep point is named by its swept values, the
 * report has a table and a chart per swept scenario (and a heat map for a two-parameter grid), and
 * their numbers are the batch's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summariseArm } from '../../src/analysis/compare.js';
import { runBatch } from '../../src/batch/batch.js';
import { loadBatchScenarios } from '../../src/cli/scenarios.js';
import { chooseBaseline, loadBatch } from '../../src/report/batch-data.js';
import { makeContext } from '../../src/report/common.js';
import { type ReportResult, writeReport } from '../../src/report/report.js';
import { sweepChart, sweepTable, sweptScenarios } from '../../src/report/sweep.js';
import { armName, pointLabel, sweepParameterNames, sweepValue } from '../../src/report/sweep-labels.js';
import { type HeatCell, hasHeatMap, sweepHeatMap } from '../../src/report/sweep-map.js';

describe('sweep point names', () => {
  it('name the swept parameters in words, and in full where two would read the same', () => {
    expect(sweepParameterNames(['signals.relay', 'organisation.siloStrength'])).toEqual({
      'signals.relay': 'relay',
      'organisation.siloStrength': 'silo strength',
    });
    expect(sweepParameterNames(['culture.rate', 'signals.rate', 'organisation.topSignal'])).toEqual({
      'culture.rate': 'culture.rate',
      'signals.rate': 'signals.rate',
      'organisation.topSignal': 'top signal',
    });
  });

  it('write values exactly when round, to about three significant digits otherwise, with the language’s decimal mark', () => {
    expect(sweepValue('en', 0.6)).toBe('0.6');
    expect(sweepValue('nb', 0.6)).toBe('0,6');
    expect(sweepValue('en', 60000)).toBe('60000');
    expect(sweepValue('en', 0.4836127)).toBe('0.484');
    expect(sweepValue('en', 0)).toBe('0');
    expect(pointLabel('en', { 'organisation.siloStrength': 0.6, 'signals.relay': 0.4 })).toBe('silo strength = 0.6, relay = 0.4');
    expect(pointLabel('nb', { 'organisation.siloStrength': 0.6, 'signals.relay': 0.4 })).toBe('silo strength = 0,6; relay = 0,4');
  });

  it('an arm is the scenario and its values; a scenario without a sweep keeps its name', () => {
    expect(armName('en', 'relay-silo-sweep', { 'organisation.siloStrength': 0.6 }, 3)).toBe('relay-silo-sweep silo strength = 0.6');
    expect(armName('en', 'baseline', {}, 1)).toBe('baseline');
  });
});

const FIXTURES = resolve('tests/report/fixtures');
const work = mkdtempSync(join(tmpdir(), 'tanker-sweep-report-'));
const batch = join(work, 'batch');
let report: ReportResult;

beforeAll(async () => {
  const scenarios = loadBatchScenarios([join(FIXTURES, 'baseline.yaml'), join(FIXTURES, 'sweep.yaml')], {});
  const r = await runBatch(scenarios, { out: batch, threads: 2, shard: null, resume: false });
  expect(r.failures).toEqual([]);
  report = await writeReport(batch, { lang: 'en', pngScale: 1 });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a batch with a 3 × 2 grid sweep', () => {
  it('names every point by its values (no "#3"), in grid order, in both languages', () => {
    const names = loadBatch(batch).arms.map((a) => a.name);
    expect(names).toEqual([
      'baseline',
      'relay-silo-sweep relay = 0.4, silo strength = 0.5',
      'relay-silo-sweep relay = 0.4, silo strength = 0.8',
      'relay-silo-sweep relay = 0.6, silo strength = 0.5',
      'relay-silo-sweep relay = 0.6, silo strength = 0.8',
      'relay-silo-sweep relay = 0.8, silo strength = 0.5',
      'relay-silo-sweep relay = 0.8, silo strength = 0.8',
    ]);
    expect(loadBatch(batch, 'nb').arms[3]!.name).toBe('relay-silo-sweep relay = 0,6; silo strength = 0,5');
    // The comparison and the report's tables use the same names.
    const html = readFileSync(report.html, 'utf8');
    expect(html).toContain('relay-silo-sweep relay = 0.6, silo strength = 0.5');
    expect(html).not.toMatch(/relay-silo-sweep #\d/);
    expect(readFileSync(join(report.dir, 'compare.csv'), 'utf8')).toContain('relay-silo-sweep relay = 0.8, silo strength = 0.8');
  });

  it('--baseline takes a point by its name, by "scenario #k", or the scenario (its first point)', () => {
    const arms = loadBatch(batch).arms;
    expect(chooseBaseline(arms, 'relay-silo-sweep #3').name).toBe('relay-silo-sweep relay = 0.6, silo strength = 0.8');
    expect(chooseBaseline(arms, 'relay-silo-sweep relay = 0.6, silo strength = 0.8').point).toBe(3);
    expect(chooseBaseline(arms, 'relay-silo-sweep').point).toBe(0);
    expect(chooseBaseline(arms).name).toBe('baseline');
  });

  it('the sweep table has one row per point with its values and the batch’s means and intervals', () => {
    const b = loadBatch(batch);
    const ctx = makeContext(b, chooseBaseline(b.arms), 'en');
    const [s] = sweptScenarios(ctx);
    expect(s!.keys).toEqual(['signals.relay', 'organisation.siloStrength']);
    expect(s!.grid).toBe(true);
    const t = sweepTable(ctx, s!);
    expect(t.head.slice(0, 3)).toEqual(['relay', 'silo strength', 'Transformation index']);
    expect(t.rows.map((r) => r.slice(0, 2))).toEqual([
      ['0.4', '0.5'],
      ['0.4', '0.8'],
      ['0.6', '0.5'],
      ['0.6', '0.8'],
      ['0.8', '0.5'],
      ['0.8', '0.8'],
    ]);
    const arm = s!.arms[2]!;
    const v = summariseArm(b.records, arm.name, ['transformationIndex']).finals.transformationIndex!;
    expect(t.rows[2]![2]).toBe(ctx.d.ci(v.mean, Math.max(0, v.ciLow), Math.min(1, v.ciHigh)));
    // The share turned: k/n of the point's replicates.
    const turned = b.records.filter((r) => r.arm === arm.name && r.turnTick !== null).length;
    expect(t.rows[2]!.at(-1)).toMatch(new RegExp(`^${Math.round((100 * turned) / 3)} % \\[`));
  });

  it('the chart draws each outcome against the first swept value, one line per value of the second, with its interval', () => {
    const b = loadBatch(batch);
    const ctx = makeContext(b, chooseBaseline(b.arms), 'en');
    const spec = sweepChart(ctx, sweptScenarios(ctx)[0]!) as unknown as {
      data: { values: { panel: string; x: number; group: string; mean: number; lo: number; hi: number }[] };
      spec: { layer: { mark: { type: string } }[] };
    };
    const rows = spec.data.values.filter((r) => r.panel === 'Transformation index');
    expect(rows.map((r) => r.x)).toEqual([0.4, 0.4, 0.6, 0.6, 0.8, 0.8]);
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(['silo strength = 0.5', 'silo strength = 0.8']));
    for (const r of rows) expect(r.lo <= r.mean && r.mean <= r.hi).toBe(true);
    expect(spec.spec.layer.map((l) => l.mark.type)).toEqual(['area', 'line', 'point']);
    expect(report.charts.map((c) => c.name)).toContain('sweep-relay-silo-sweep');
    const svg = readFileSync(join(report.dir, 'sweep-relay-silo-sweep.svg'), 'utf8');
    expect(svg).toContain('relay-silo-sweep: the outcomes against the swept values');
    expect(readFileSync(report.html, 'utf8')).toContain('<h2 id="sweeps">Parameter sweeps</h2>');
  });
});

describe('the heat map of a two-parameter grid (the shipped scenarios/sweeps/relay-silo.yaml)', () => {
  const shipped = join(work, 'relay-silo');
  let mapReport: ReportResult;

  beforeAll(async () => {
    const scenarios = loadBatchScenarios([resolve('scenarios/sweeps/relay-silo.yaml')], {});
    const r = await runBatch(scenarios, { out: shipped, threads: 2, shard: null, resume: false });
    expect(r.failures).toEqual([]);
    mapReport = await writeReport(shipped, { lang: 'en', pngScale: 1 });
  });

  it('is drawn only for a grid over exactly two parameters', () => {
    const b = loadBatch(shipped);
    const s = sweptScenarios(makeContext(b, chooseBaseline(b.arms), 'en'))[0]!;
    expect(hasHeatMap(s)).toBe(true);
    expect(hasHeatMap({ ...s, keys: ['signals.relay'] })).toBe(false);
    expect(hasHeatMap({ ...s, grid: false })).toBe(false);
    expect(hasHeatMap({ ...s, keys: ['signals.relay', 'organisation.siloStrength', 'trust.asymmetry'] })).toBe(false);
  });

  it('has one cell per point and outcome holding the batch’s mean, written with its unit', () => {
    const b = loadBatch(shipped);
    const ctx = makeContext(b, chooseBaseline(b.arms), 'en');
    const s = sweptScenarios(ctx)[0]!;
    const spec = sweepHeatMap(ctx, s) as unknown as { data: { values: HeatCell[] }; spec: { layer: { mark: { type: string } }[] } };
    expect(spec.spec.layer.map((l) => l.mark.type)).toEqual(['rect', 'text']);
    const cells = spec.data.values;
    expect(cells).toHaveLength(6 * 7);
    const cell = (panel: string, arm: (typeof s.arms)[number]) =>
      cells.find(
        (c) =>
          c.panel === panel &&
          c.x === String(arm.pointValues['signals.relay']) &&
          c.y === String(arm.pointValues['organisation.siloStrength']),
      )!;
    for (const arm of s.arms) {
      const f = summariseArm(b.records, arm.name, ['transformationIndex', 'practiceNPG']);
      const ti = f.finals.transformationIndex!.mean;
      expect(cell('Transformation index (0–1)', arm).mean).toBe(Number(ti.toPrecision(4)));
      expect(cell('Transformation index (0–1)', arm).label).toBe(ctx.d.num(ti, 3));
      const npg = f.finals.practiceNPG!.mean;
      expect(cell('NPG in practice (%)', arm).mean).toBe(Number((100 * npg).toPrecision(4)));
      expect(cell('NPG in practice (%)', arm).label).toMatch(/^\d+\.\d %$/);
      expect(Number.parseFloat(cell('NPG in practice (%)', arm).label)).toBeCloseTo(100 * npg, 1);
      expect(cell('Share of replicates turned (%)', arm).mean).toBe(Number(((100 * f.turn.turned) / f.turn.n).toPrecision(4)));
    }
    // The lowest mean of a panel has level 0, the highest level 1.
    const ti = cells.filter((c) => c.panel === 'Transformation index (0–1)');
    const lo = ti.reduce((a, c) => (c.mean! < a.mean! ? c : a));
    const hi = ti.reduce((a, c) => (c.mean! > a.mean! ? c : a));
    expect([lo.level, hi.level]).toEqual([0, 1]);
  });

  it('is in the report after the table, next to the lines with bands, in English and Norwegian', async () => {
    expect(mapReport.charts.map((c) => c.name)).toEqual(expect.arrayContaining(['sweep-map-relay-silo', 'sweep-relay-silo']));
    const svg = readFileSync(join(mapReport.dir, 'sweep-map-relay-silo.svg'), 'utf8');
    expect(svg).toContain('relay-silo: the outcomes over both swept values (heat map)');
    expect(readFileSync(mapReport.html, 'utf8')).toContain('href="#chart-sweep-map-relay-silo"');
    const b = loadBatch(shipped, 'nb');
    const ctx = makeContext(b, chooseBaseline(b.arms), 'nb');
    const cells = (sweepHeatMap(ctx, sweptScenarios(ctx)[0]!) as unknown as { data: { values: HeatCell[] } }).data.values;
    expect(new Set(cells.map((c) => c.x))).toEqual(new Set(['0,4', '0,6', '0,8']));
    expect(cells.find((c) => c.panel === 'Transformasjonsindeks (0–1)')!.label).toMatch(/^0,\d{3}$/);
  });
});
