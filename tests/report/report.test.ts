import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KEY_INDICATORS } from '../../src/analysis/compare.js';
import { runBatch } from '../../src/batch/batch.js';
import { registerReport } from '../../src/cli/report-command.js';
import { loadBatchScenarios } from '../../src/cli/scenarios.js';
import { CsvTable } from '../../src/io/csv.js';
import { chooseBaseline, comparisonFor, loadBatch } from '../../src/report/batch-data.js';
import { makeContext } from '../../src/report/common.js';
import { toSvg } from '../../src/report/render.js';
import { plannedCharts, type ReportResult, writeReport } from '../../src/report/report.js';

const FIXTURES = resolve('tests/report/fixtures');
const work = mkdtempSync(join(tmpdir(), 'tanker-report-'));
const batch = join(work, 'batch');
let report: ReportResult;

beforeAll(async () => {
  const scenarios = loadBatchScenarios(
    ['baseline.yaml', 'push.yaml', 'other-seed.yaml'].map((f) => join(FIXTURES, f)),
    {},
  );
  const r = await runBatch(scenarios, { out: batch, threads: 2, shard: null, resume: false });
  expect(r.failures).toEqual([]);
  report = await writeReport(batch, { lang: 'nb', pngScale: 1 });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('tanker report on a small real batch', () => {
  it('writes every chart as SVG, PNG and Vega-Lite JSON', () => {
    const names = report.charts.map((c) => c.name);
    expect(names).toEqual([
      'summary-table',
      'forest',
      'time-to-turn',
      ...KEY_INDICATORS.map((i) => `fan-${i}`),
      'logic-mix',
      'participation',
      'trust',
    ]);
    for (const name of names) {
      const svg = readFileSync(join(report.dir, `${name}.svg`), 'utf8');
      expect(svg.startsWith('<svg'), name).toBe(true);
      expect(svg).toContain('DejaVu Sans');
      expect(
        readFileSync(join(report.dir, `${name}.png`))
          .subarray(0, 8)
          .equals(PNG_MAGIC),
        name,
      ).toBe(true);
      const spec = JSON.parse(readFileSync(join(report.dir, `${name}.vl.json`), 'utf8'));
      expect(spec.$schema).toMatch(/vega-lite/);
      expect(spec.title.text.length).toBeGreaterThan(10);
    }
  });

  it('labels are in the chosen language (nb), with indicator names translated', () => {
    const fan = readFileSync(join(report.dir, 'fan-transformationIndex.svg'), 'utf8');
    expect(fan).toContain('Transformasjonsindeks over tid');
    expect(fan).toContain('Stiplet grått: valg');
    expect(fan).toContain('apr 2026'); // a one-year run gets quarterly date labels, months in Norwegian
    expect(fan).toContain('top push'); // the intervention's label from the scenario file
    expect(readFileSync(join(report.dir, 'trust.svg'), 'utf8')).toContain('Innbyggernes tillit');
  });

  it('report.html is self-contained: every chart inline, the tables, no URLs to load', () => {
    const html = readFileSync(report.html, 'utf8');
    for (const c of report.charts) expect(html).toContain(`<figure id="chart-${c.name}">`);
    expect(html.match(/<svg\b/g)).toHaveLength(report.charts.length);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/);
    expect(html).toContain('ukalibrert modell');
    expect(html).toContain('Small municipality, status quo.');
    expect(html).toContain('<h2 id="summary">');
    expect(html).toContain('parret t-test'); // top-push shares the seed of the baseline
    expect(html).toContain('Welch t-test'); // trust-reform has another seed
    // Chart-local ids cannot collide between inline SVGs.
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('compare.csv and summary-table.csv hold one row per scenario and indicator', () => {
    const cmp = CsvTable.read(join(report.dir, 'compare.csv'));
    const rows = cmp.rows.map((_, i) => `${cmp.str(i, 'scenario')}|${cmp.str(i, 'indicator')}|${cmp.str(i, 'test')}`);
    expect(rows).toContain('top-push|final_transformationIndex|paired-t');
    expect(rows).toContain('trust-reform|final_transformationIndex|welch-t');
    expect(cmp.rows.length).toBeGreaterThanOrEqual(2 * KEY_INDICATORS.length);
    const sum = CsvTable.read(join(report.dir, 'summary-table.csv'));
    expect(sum.columns).toEqual(['indicator', 'baseline', 'top-push', 'trust-reform']);
    expect(sum.rows.map((r) => r[0])).toEqual([...KEY_INDICATORS, 'shareTurned', 'timeToTurn']);
  });

  it('renders deterministically: the same input gives byte-identical SVG', async () => {
    const b = loadBatch(batch);
    const base = chooseBaseline(b.arms);
    const ctx = makeContext(b, base, 'nb');
    const charts = plannedCharts(ctx, comparisonFor(b, base.name)).filter((c) =>
      ['forest', 'time-to-turn', 'fan-routines'].includes(c.name),
    );
    expect(charts).toHaveLength(3);
    for (const c of charts) expect(await toSvg(c.spec())).toBe(readFileSync(join(report.dir, `${c.name}.svg`), 'utf8'));
  });
});

describe('tanker compare (command)', () => {
  it('prints the table, writes compare.csv into the batch and the forest plot; an unknown baseline fails', async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    try {
      const program = new Command().exitOverride();
      registerReport(program);
      await program.parseAsync(['node', 'tanker', 'compare', batch, '--baseline', 'baseline']);
    } finally {
      log.mockRestore();
    }
    const out = lines.join('\n');
    expect(out).toMatch(/^top-push\s+Transformation index\s/m);
    expect(out).toMatch(/paired t-test/);
    expect(out).toMatch(/Welch t-test/);
    expect(existsSync(join(batch, 'compare.csv'))).toBe(true);
    expect(existsSync(join(batch, 'report', 'forest.png'))).toBe(true);

    const program = new Command().exitOverride();
    registerReport(program);
    await expect(program.parseAsync(['node', 'tanker', 'compare', batch, '--baseline', 'nope'])).rejects.toThrow(
      /--baseline "nope" is not a scenario of this batch \(scenarios: baseline, top-push, trust-reform\)/,
    );
  });
});
