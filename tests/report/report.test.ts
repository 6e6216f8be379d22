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
import { MAIN_OUTCOMES } from '../../src/report/findings.js';
import { indicatorName } from '../../src/report/names.js';
import { scenarioColours } from '../../src/report/palette.js';
import { toSvg } from '../../src/report/render.js';
import { plannedCharts, type ReportResult, writeReport } from '../../src/report/report.js';
import { betterDirection, indicatorRange, indicatorUnit } from '../../src/report/units.js';

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
    expect(fan).toContain('dytt fra toppen'); // the intervention's label_nb from the scenario file
    expect(fan).not.toContain('top push');
    expect(readFileSync(join(report.dir, 'trust.svg'), 'utf8')).toContain('Innbyggernes tillit');
  });

  it('scenario descriptions and intervention labels in Norwegian where the files give them, else the English text', () => {
    const html = readFileSync(report.html, 'utf8');
    expect(html).toContain('<td>Liten kommune, status quo.</td>');
    expect(html).toContain('<td>Ett sterkt dytt fra toppledelsen i uke 6.</td>');
    expect(html).not.toContain('Small municipality, status quo.');
    expect(html).toContain('<td>Trust reform from week 4.</td>'); // no description_nb: the English one
    expect(html).toContain('<li>dytt fra toppen (top-push): fra uke 6');
    expect(html).toContain('<li>Tillitsreform (trust-reform): fra uke 4'); // no label: the lever's Norwegian name
  });

  it('scenario colours come from palette.ts by name: the swatches, the chart scales and the summary table agree', () => {
    const html = readFileSync(report.html, 'utf8');
    const colours = scenarioColours(['baseline', 'top-push', 'trust-reform']);
    for (const [name, colour] of colours) expect(html).toContain(`<span class="swatch" style="background:${colour}"></span>${name}`);
    const fan = JSON.parse(readFileSync(join(report.dir, 'fan-transformationIndex.vl.json'), 'utf8'));
    const scale = fan.layer.find((l: { encoding?: { color?: { scale?: unknown } } }) => l.encoding?.color?.scale).encoding.color.scale;
    expect(Object.fromEntries(scale.domain.map((n: string, i: number) => [n, scale.range[i]]))).toEqual(Object.fromEntries(colours));
  });

  it('report.html is self-contained: every chart inline, the tables, no URLs to load', () => {
    const html = readFileSync(report.html, 'utf8');
    for (const c of report.charts) expect(html).toContain(`<figure id="chart-${c.name}">`);
    expect(html.match(/<svg\b/g)).toHaveLength(report.charts.length);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/);
    expect(html).toContain('ukalibrert modell');
    expect(html).toContain('Liten kommune, status quo.');
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

/** A number as the Norwegian report writes it ("2,0 %", "−0,013", "171") and half its last printed digit. */
function parseNb(text: string): { value: number; tolerance: number } {
  const pct = text.endsWith('%');
  const raw = text.replace(' %', '').replace('−', '-').replace(',', '.');
  const decimals = raw.includes('.') ? raw.split('.')[1]!.length : 0;
  const scale = pct ? 100 : 1;
  return { value: Number(raw) / scale, tolerance: (0.5 * 10 ** -decimals) / scale + 1e-12 };
}

const meanOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the summary at the top of report.html, against the batch’s numbers', () => {
  const summary = () => CsvTable.read(join(batch, 'summary.csv'));
  const armRows = (t: CsvTable, arm: string) => t.rows.map((_, i) => i).filter((i) => t.str(i, 'scenario') === arm);
  const finals = (t: CsvTable, arm: string, ind: string) => armRows(t, arm).map((i) => Number(t.str(i, `final_${ind}`)));
  const section = () => {
    const html = readFileSync(report.html, 'utf8');
    const start = html.indexOf('<section class="findings"');
    expect(start).toBeGreaterThan(0);
    expect(start).toBeLessThan(html.indexOf('Slik leser du dette')); // the answer comes before "How to read this"
    return html.slice(start, html.indexOf('</section>', start));
  };
  const items = () => [...section().matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

  it('one sentence per scenario and main outcome, with the baseline’s and the scenario’s mean and better/worse by the declared direction', () => {
    const t = summary();
    for (const arm of ['top-push', 'trust-reform'])
      for (const ind of MAIN_OUTCOMES) {
        const name = indicatorName('nb', ind);
        const lower = /^\p{Lu}\p{Ll}/u.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
        const hits = items().filter((li) => li.includes(` ${arm} ${lower} fra `));
        expect(hits, `${arm} ${ind}`).toHaveLength(1);
        const m = hits[0]!.match(
          /^Sammenlignet med referansen (hever|senker|endrer ikke) .* fra (.+?) til (.+?)( på en skala 0–1| modellenheter)? etter 1 år/,
        );
        expect(m, hits[0]).not.toBeNull();
        const base = meanOf(finals(t, 'baseline', ind));
        const mean = meanOf(finals(t, arm, ind));
        for (const [text, expected] of [
          [m![2]!, base],
          [m![3]!, mean],
        ] as const) {
          const got = parseNb(text);
          expect(Math.abs(got.value - expected), `${arm} ${ind}: ${text} vs ${expected}`).toBeLessThanOrEqual(got.tolerance);
        }
        expect(m![1]).toBe(mean > base ? 'hever' : mean < base ? 'senker' : 'endrer ikke');
        const up = betterDirection(ind) === 'up';
        if (hits[0]!.includes('Bedre')) expect(mean > base).toBe(up);
        if (hits[0]!.includes('Verre')) expect(mean > base).toBe(!up);
      }
  });

  it('the turning sentence counts the runs that turned and gives their median time in years', () => {
    const t = summary();
    for (const arm of ['baseline', 'top-push', 'trust-reform']) {
      const weeks = armRows(t, arm)
        .map((i) => t.str(i, 'turnTick'))
        .filter((w) => w !== '')
        .map(Number)
        .sort((a, b) => a - b);
      const n = armRows(t, arm).length;
      const text = items().join('\n') + section();
      if (weeks.length === 0) {
        expect(text).toMatch(new RegExp(`${arm}: ingen kjøring nådde terskelen|Ingen kjøring i noe scenario`));
        continue;
      }
      const h = weeks.length >> 1;
      const median = weeks.length % 2 ? weeks[h]! : (weeks[h - 1]! + weeks[h]!) / 2;
      const years = (Math.round((10 * median) / (365.25 / 7)) / 10).toString().replace('.', ',');
      expect(text).toContain(`${arm} snur i ${weeks.length} av ${n} kjøringer`);
      expect(text).toMatch(new RegExp(`${arm} snur i ${weeks.length} av ${n} kjøringer \\(\\d+ %\\), typisk etter ${years} år`));
    }
  });

  it('intervals are clipped to the possible range: summary table and forest plot', () => {
    const sum = CsvTable.read(join(report.dir, 'summary-table.csv'));
    sum.rows.forEach((row, i) => {
      const key = row[0]!;
      if (key === 'shareTurned' || key === 'timeToTurn') return;
      const { min, max } = indicatorRange(key);
      for (const cell of row.slice(1)) {
        const bounds = cell.match(/\[(.+?); (.+?)\]/);
        if (!bounds) continue;
        for (const b of [bounds[1]!, bounds[2]!]) {
          const v = parseNb(b).value / (cell.includes('%') ? 100 : 1);
          expect(v, `${sum.str(i, 'indicator')}: ${cell}`).toBeGreaterThanOrEqual(min);
          expect(v, `${sum.str(i, 'indicator')}: ${cell}`).toBeLessThanOrEqual(max);
        }
      }
    });
    const t = summary();
    const forest = JSON.parse(readFileSync(join(report.dir, 'forest.vl.json'), 'utf8'));
    for (const ind of KEY_INDICATORS) {
      const { min, max } = indicatorRange(ind);
      const base = meanOf(finals(t, 'baseline', ind));
      // Shares are drawn in percentage points, their panels named "… (pp)".
      const pp = indicatorUnit(ind) === 'share';
      const values = forest.data.values.filter((x: { panel: string }) => x.panel === `${indicatorName('nb', ind)}${pp ? ' (pp)' : ''}`);
      expect(values.length, ind).toBeGreaterThan(0);
      for (const v of values) {
        const scale = pp ? 100 : 1;
        const lo = v.lo / scale;
        const hi = v.hi / scale;
        expect(base + lo, ind).toBeGreaterThanOrEqual(min - 1e-3 * Math.max(1, Math.abs(base)));
        expect(base + hi, ind).toBeLessThanOrEqual(max + 1e-3 * Math.max(1, Math.abs(base)));
      }
    }
  });

  it('has a glossary that spells out NPG, NPM and turning, and no heading "… (baseline)"', () => {
    const html = readFileSync(report.html, 'utf8');
    expect(html).toContain('<h2 id="glossary">Ordliste</h2>');
    for (const term of [
      'NPG (New Public Governance',
      'NPM (New Public Management',
      'Snuing',
      'Konfidensintervall',
      'Transformasjonsindeks',
    ])
      expect(html).toContain(`<dt>${term}`);
    expect(html).not.toMatch(/referansen \(baseline\)/);
  });
});

describe('tanker compare (command)', () => {
  it('prints the table, writes compare.csv and its forest plots per language without touching the report’s; an unknown baseline fails', async () => {
    const reportForest = readFileSync(join(report.dir, 'forest.svg'), 'utf8');
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
    expect(out).toMatch(/^Each scenario against the baseline:/m);
    expect(existsSync(join(batch, 'compare.csv'))).toBe(true);
    expect(existsSync(join(batch, 'compare', 'forest-en.png'))).toBe(true);
    // The report's own forest plot (nb) is left as the report wrote it.
    expect(readFileSync(join(report.dir, 'forest.svg'), 'utf8')).toBe(reportForest);
    const english = ['svg', 'png', 'vl.json'].map((ext) => readFileSync(join(batch, 'compare', `forest-en.${ext}`)));

    lines.length = 0;
    const log2 = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    try {
      const program = new Command().exitOverride();
      registerReport(program);
      await program.parseAsync(['node', 'tanker', 'compare', batch, '--lang', 'nb']); // the baseline defaults as in report
    } finally {
      log2.mockRestore();
    }
    const nb = lines.join('\n');
    expect(nb).toMatch(/^Hvert scenario mot referansen:/m);
    expect(nb).toMatch(/^parret t-test: samme frø/m);
    expect(nb).toMatch(/^top-push\s+Transformasjonsindeks\s/m);
    expect(existsSync(join(batch, 'compare', 'forest-nb.svg'))).toBe(true);
    expect(readFileSync(join(batch, 'compare', 'forest-nb.svg'), 'utf8')).not.toBe(
      readFileSync(join(batch, 'compare', 'forest-en.svg'), 'utf8'),
    );
    expect(readFileSync(join(report.dir, 'forest.svg'), 'utf8')).toBe(reportForest);
    // The Norwegian run wrote its own files and left the English ones byte for byte as they were.
    for (const [i, ext] of ['svg', 'png', 'vl.json'].entries())
      expect(readFileSync(join(batch, 'compare', `forest-en.${ext}`)).equals(english[i]!)).toBe(true);

    const program = new Command().exitOverride();
    registerReport(program);
    await expect(program.parseAsync(['node', 'tanker', 'compare', batch, '--baseline', 'nope'])).rejects.toThrow(
      /--baseline "nope" is not a scenario of this batch \(scenarios: baseline, top-push, trust-reform\)/,
    );
  });
});
