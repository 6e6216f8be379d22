/**
 * The explorer's pure parts, without a browser: the configuration → scenario translation, the URL
 * hash, the bundled library (flattened at build time) against the CLI loader, reading loaded files
 * with `extends`, YAML export, charts and the tanker as SVG, and the web build's browser-safety.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { describe as describeValues } from '../../src/analysis/describe.js';
import { exactDecimals } from '../../src/engine/format.js';
import { LEVER_KINDS } from '../../src/model/index.js';
import { indicatorName, leverName, numbers } from '../../src/report/names.js';
import { formatErrors, loadScenario } from '../../src/scenario/index.js';
import { chartDefs, EXTRA_IDS } from '../../src/web/chart-defs.js';
import { lineChart, niceScale, weekDate, yearTicks } from '../../src/web/charts.js';
import { BUILT_IN, decodeHash, defaultPageState, defaultSlot, encodeHash, scenarioData } from '../../src/web/config.js';
import { LESSONS } from '../../src/web/lessons.js';
import { newChoice } from '../../src/web/levers.js';
import { buildLibrary } from '../../src/web/library.js';
import type { LibraryEntry } from '../../src/web/protocol.js';
import { baseData, exportYaml, readScenarioText, resolveData, summarize } from '../../src/web/scenario.js';
import { BAND_PERCENT, bandOf } from '../../src/web/series.js';
import { tankerSvg } from '../../src/web/tanker.js';
import { impurities } from '../support/source-graph.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const tmp = mkdtempSync(join(tmpdir(), 'tanker-explorer-pure-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A small library written here, so the tests do not depend on the project's scenario files. */
function fixtureLibrary(): LibraryEntry[] {
  const dir = join(tmp, 'scenarios');
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  };
  write('base.yaml', 'name: base\ndescription: a base\nsize: small\nhorizon: 52\norganisation:\n  siloStrength: 0.7\n');
  write(
    'teaching/child.yaml',
    'name: child\nextends: ../base.yaml\norganisation:\n  matrixDegree: 0.2\ninterventions:\n  - kind: top-push\n    start: 2026-03-02\n',
  );
  write('broken.yaml', 'name: broken\nsize: huge\n');
  const lib = buildLibrary(dir);
  expect(lib.skipped.map((s) => s.id)).toEqual(['broken.yaml']);
  return [...lib.entries];
}

describe('library', () => {
  it('flattens extends chains exactly as the CLI loader resolves them (project scenarios)', () => {
    const lib = buildLibrary(join(ROOT, 'scenarios'));
    expect(lib.entries.length).toBeGreaterThan(0);
    for (const e of lib.entries) {
      expect(e.data.extends).toBeUndefined();
      const cli = loadScenario(join(ROOT, 'scenarios', e.id));
      if (!cli.ok) throw new Error(formatErrors(cli.errors));
      const web = resolveData(e.data);
      if (!web.ok) throw new Error(`${e.id}: ${web.errors.join('\n')}`);
      expect(web.value.config, e.id).toEqual(cli.scenario.config);
      expect(web.value.interventions, e.id).toEqual(cli.scenario.interventions);
      expect(String(web.value.seed), e.id).toBe(String(cli.scenario.seed));
      expect(web.value.elections, e.id).toBe(cli.scenario.elections);
    }
  });

  it('a loaded file may extend a library scenario, by path or by file name', () => {
    const lib = fixtureLibrary();
    for (const ext of ['base.yaml', '../base.yaml', 'scenarios/base.yaml']) {
      const r = readScenarioText(`name: mine\nextends: ${ext}\nseed: 3\n`, 'mine.yaml', lib);
      if (!r.ok) throw new Error(r.errors.join('\n'));
      const s = resolveData(r.value);
      if (!s.ok) throw new Error(s.errors.join('\n'));
      expect(s.value.config.org.siloStrength).toBe(0.7);
      expect(s.value.config.ticks).toBe(52);
      expect(s.value.name).toBe('mine');
    }
    const child = baseData({ library: 'teaching/child.yaml' }, lib);
    if (!child.ok) throw new Error(child.errors.join('\n'));
    const r = resolveData(child.value);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.value.interventions.map((i) => [i.kind, i.start])).toEqual([['top-push', 8]]);
    expect(summarize(child.value, r.value)).toMatchObject({
      name: 'child',
      siloStrength: 0.7,
      matrixDegree: 0.2,
      size: 'small',
      horizon: 52,
    });
  });

  it('reports errors of a loaded file with line and column', () => {
    const lib = fixtureLibrary();
    const bad = readScenarioText('name: x\norganisation:\n  siloStrength: 1.5\n', 'x.yaml', lib);
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors.join('\n')).toMatch(/^x\.yaml:3:17 {2}organisation\.siloStrength: found 1\.5; allowed: a number from 0 to 1/m);
    const missing = readScenarioText('name: x\nextends: nowhere.yaml\n', 'x.yaml', lib);
    expect(missing.ok).toBe(false);
    const syntax = readScenarioText('name: [x\n', 'x.yaml', lib);
    expect(syntax.ok).toBe(false);
  });
});

describe('configuration', () => {
  it('turns levers and overrides into a scenario the schema accepts', () => {
    const cfg = {
      ...defaultSlot(BUILT_IN),
      seed: 'abc',
      silo: 0.4,
      layers: 2,
      elections: false,
      levers: ['top-push', 'tugboats', 'trust-reform', 'budget-cut'].map((k) => newChoice(k, 500)),
    };
    const data = scenarioData(
      { name: 'b', horizon: 100, sweep: { grid: { 'signals.relay': [0.5] } }, interventions: [{ kind: 'matrix', start: 0 }] },
      cfg,
    );
    expect(data.sweep).toBeUndefined();
    const r = resolveData(data);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const s = r.value;
    expect(s.seed).toBe('abc');
    expect(s.elections).toBe(false);
    expect(s.config.org.siloStrength).toBe(0.4);
    expect(s.config.org.units.every((u) => u.layers === 2)).toBe(true);
    // The scenario's own lever first, then the explorer's, clamped into the 100-week run.
    expect(s.interventions.map((i) => `${i.kind}@${i.start}`)).toEqual([
      'matrix@0',
      'top-push@99',
      'tugboats@99',
      'trust-reform@99',
      'budget-cut@99',
    ]);
  });

  it('leaves the scenario alone when nothing is changed', () => {
    const base = { name: 'b', seed: 7, organisation: { siloStrength: 0.6 } };
    const r = resolveData(scenarioData(base, defaultSlot(BUILT_IN)));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const plain = resolveData(base);
    if (!plain.ok) throw new Error(plain.errors.join('\n'));
    expect(r.value.config).toEqual(plain.value.config);
    expect(r.value.interventions).toEqual([]);
    expect(r.value.seed).toBe(7);
  });

  it('round-trips the page state through the URL hash, loaded files included', () => {
    const st = defaultPageState('baseline.yaml');
    st.lang = 'nb';
    st.compare = true;
    st.replicates = 5;
    st.extra = 'routines';
    const tug = { ...newChoice('tugboats', 20), end: 120, intensity: 0.45, options: { share: 0.08 } };
    const trust = { ...newChoice('trust-reform', 3), options: { clearMandates: false } };
    st.a = { ...st.a, silo: 0.35, levers: [tug, trust, newChoice('room-to-fail', 20)], seed: 'klasse 7b' };
    st.b = { ...defaultSlot('file'), layers: 5, elections: false };
    st.fileB = { text: 'name: ære\n# æøå ✓\n', fileName: 'mine.yaml' };
    const back = decodeHash(`#${encodeHash(st)}`, 'baseline.yaml', ['routines', 'signalReach']);
    expect(back).toEqual(st);
  });

  it('ignores malformed hash values', () => {
    const st = decodeHash(
      '#a.silo=abc&a.layers=9&reps=500&extra=nope&a.push=sideways&b.file=%%%&a.lever=nope:1::1&a.lever=tugboats:x:0:7:share=9,colour=red',
      'x.yaml',
      ['signalReach'],
    );
    expect(st.a.silo).toBeNull();
    expect(st.a.layers).toBe(5);
    expect(st.replicates).toBe(20);
    expect(st.extra).toBe('signalReach');
    // An unknown lever is dropped; a known one keeps what is usable, clamped to the declared ranges.
    expect(st.a.levers).toEqual([{ kind: 'tugboats', start: 8, end: 1, intensity: 1, options: { share: 0.2 }, units: null }]);
    expect(st.a.base).toBe('x.yaml');
  });

  it('a lesson shows six different charts, the one its questions point at first', () => {
    for (const l of LESSONS) {
      const defs = chartDefs(l.extra, true);
      expect(defs).toHaveLength(6);
      expect(defs[0]!.lines.map((d) => d.ind)).toEqual([l.extra]);
      const shown = defs.map((d) => d.lines.map((x) => x.ind).join('+'));
      expect(new Set(shown).size, `${l.id}: ${shown.join(', ')}`).toBe(6);
    }
  });

  it('lessons compare two different files, with their texts in both languages', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(4);
    for (const l of LESSONS) {
      for (const lang of ['en', 'nb'] as const) {
        expect(l.title[lang].length).toBeGreaterThan(5);
        expect(l.intro[lang].length).toBeGreaterThan(100);
        expect(l.lookFor[lang].length).toBeGreaterThanOrEqual(3);
      }
      expect(l.a).not.toEqual(l.b);
    }
  });
});

describe('export', () => {
  it('writes YAML that tanker validate/run/batch load unchanged, with the same model inputs', () => {
    const lib = fixtureLibrary();
    const base = baseData({ library: 'teaching/child.yaml' }, lib);
    if (!base.ok) throw new Error(base.errors.join('\n'));
    const cfg = {
      ...defaultSlot('teaching/child.yaml'),
      seed: '42',
      matrix: 0.5,
      levers: [newChoice('leadership-development'), { ...newChoice('strategy-plans', 2), end: 30, intensity: 0.5 }],
    };
    const out = exportYaml(base.value, 'scenarios/teaching/child.yaml', cfg, 'configuration A');
    expect(out.fileName).toBe('child-explorer.yaml');
    expect(out.yaml.startsWith('# Made with the Tanker explorer (configuration A) from scenarios/teaching/child.yaml.')).toBe(true);
    const file = join(tmp, out.fileName);
    writeFileSync(file, out.yaml);
    const cli = loadScenario(file);
    if (!cli.ok) throw new Error(formatErrors(cli.errors));
    const web = resolveData(scenarioData(base.value, cfg));
    if (!web.ok) throw new Error(web.errors.join('\n'));
    expect(cli.scenario.config).toEqual(web.value.config);
    expect(cli.scenario.interventions).toEqual(web.value.interventions);
    expect(cli.scenario.seed).toBe('42');
    expect(readFileSync(file, 'utf8')).toMatch(/^seed: "42"$/m);
  });
});

describe('charts and the tanker', () => {
  it('scales, ticks and bands (the report’s: median and middle 90 %)', () => {
    expect(niceScale(0.37)).toEqual({ max: 0.4, step: 0.1 });
    expect(niceScale(0)).toEqual({ max: 1, step: 0.25 });
    expect(exactDecimals(0.025)).toBe(3);
    expect(exactDecimals(5)).toBe(0);
    expect(weekDate('2026-01-05', 52)).toBe('2027-01-04');
    expect(yearTicks('2026-01-05', 260).map((t) => t.label)).toEqual(['2026', '2027', '2028', '2029', '2030']);
    const reps = [0, 1, 2, 3, 4].map((k) => Float64Array.from([k, 10 * k]));
    const b = bandOf(reps, 0, 2, 1);
    expect(b.mid[0]).toBe(2);
    expect(BAND_PERCENT).toEqual({ lo: 5, hi: 95 });
    expect(b.lo?.[0]).toBeCloseTo(0.2, 12);
    expect(b.hi?.[0]).toBeCloseTo(3.8, 12);
    expect(bandOf(reps.slice(0, 1), 1, 2, 1).lo).toBeNull();
  });

  it('draws the report’s line and outer band: the median, q05 and q95 of the batch aggregate', () => {
    const values = [0.31, 0.12, 0.5, 0.27, 0.44, 0.19, 0.38];
    const reps = values.map((v, k) => Float64Array.from([v, k]));
    const band = bandOf(reps, 0, 2, 1);
    const report = describeValues(values);
    expect([band.lo?.[0], band.mid[0], band.hi?.[0]]).toEqual([report.q05, report.q50, report.q95]);
  });

  it('draws lines only up to the cursor', () => {
    const mid = Float64Array.from({ length: 260 }, (_, t) => t / 260);
    const spec = {
      width: 500,
      height: 250,
      ticks: 260,
      startDate: '2026-01-05',
      lines: [{ name: 'A:x', color: '#0072B2', dash: null, width: 3, series: { mid, lo: null, hi: null } }],
      format: (v: number) => v.toFixed(1),
      title: 'T & <x>',
    };
    const early = lineChart({ ...spec, upTo: 10 });
    const late = lineChart({ ...spec, upTo: 259 });
    const points = (svg: string) => (/class="line"[^>]* d="([^"]+)"/.exec(svg)?.[1] ?? '').split(/[ML]/).filter(Boolean).length;
    expect(points(early)).toBe(11);
    expect(points(late)).toBe(260);
    expect(early).toContain('<title>T &amp; &lt;x&gt;</title>');
  });

  it('a small chart with a long legend shrinks its type and thins its y labels so that they never overlap', () => {
    const mid = Float64Array.from({ length: 260 }, () => 0.4);
    const legend = ['NPG in practice', 'NPM in practice', 'Bureaucracy in practice'].map((label) => ({ label, dash: null, width: 3 }));
    const spec = {
      width: 300,
      height: 150,
      ticks: 260,
      upTo: 259,
      startDate: '2026-01-05',
      lines: [{ name: 'A:x', color: '#0072B2', dash: null, width: 3, series: { mid, lo: null, hi: null } }],
      yMax: 1,
      format: (v: number) => v.toFixed(2),
      legend,
      title: 't',
    };
    const labelYs = (svg: string) => [...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" text-anchor="end"/g)].map((m) => Number(m[1]));
    const fontOf = (svg: string) => Number(/font-size="(\d+)"/.exec(svg)?.[1]);
    const fixed = lineChart({ ...spec, fontSize: 17 });
    const fitted = lineChart({ ...spec, fontSize: 17, minFontSize: 11 });
    expect(fontOf(fixed)).toBe(17);
    expect(fontOf(fitted)).toBeLessThan(17);
    expect(fontOf(fitted)).toBeGreaterThanOrEqual(11);
    for (const svg of [fixed, fitted]) {
      const ys = labelYs(svg);
      expect(ys.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < ys.length; i++) expect(Math.abs(ys[i]! - ys[i - 1]!)).toBeGreaterThanOrEqual(fontOf(svg) * 1.3 - 0.1);
    }
    // A tall chart keeps every tick of the scale (0, 0.25, ..., 1).
    expect(labelYs(lineChart({ ...spec, height: 400, legend: [] }))).toHaveLength(5);
  });

  it('shows documents and practice on the tanker dial', () => {
    const svg = tankerSvg(1000, 370, [{ label: 'A: x', color: '#0072B2', documents: 0.84, practice: 0.22, practice0: 0.2 }], {
      oldCourse: 'old',
      newCourse: 'new',
      documents: 'Documents',
      practice: 'Practice',
      gap: (v) => `gap ${v}`,
      percent: (v) => `${Math.round(100 * v)} %`,
      unit: ['%'],
      title: 'tanker',
    });
    expect(svg).toContain('>84 %<');
    expect(svg).toContain('>22 %<');
    expect(svg).toContain('gap 62');
    expect(svg).toContain('rotate(-19.8)');
  });
});

describe('names and numbers shared with the report', () => {
  it('every indicator the charts show and every lever the form offers has a name in nb and en', () => {
    const indicators = new Set(EXTRA_IDS.flatMap((extra) => chartDefs(extra, false).flatMap((d) => d.lines.map((l) => l.ind))));
    for (const lang of ['nb', 'en'] as const) {
      for (const ind of indicators) expect(indicatorName(lang, ind), `${lang} ${ind}`).not.toBe(ind);
      for (const kind of LEVER_KINDS) expect(leverName(lang, kind), `${lang} ${kind}`).not.toBe(kind);
    }
    expect(leverName('nb', 'trust-reform')).toBe('Tillitsreform');
    expect(leverName('en', 'trust-reform')).toBe('Trust reform');
  });

  it('Norwegian text gets decimal commas', () => {
    expect(numbers('nb').num(0.5, 2)).toBe('0,50');
    expect(numbers('nb').pct(0.305)).toBe('31 %');
    expect(numbers('nb').p(0.0004)).toBe('< 0,001');
    expect(numbers('en').num(-0.0224)).toBe('−0.0224');
  });
});

describe('web sources stay browser-safe', () => {
  it('the shared modules the page takes from the report and the analysis use no Node API', () => {
    for (const f of ['src/report/names.ts', 'src/analysis/bands.ts', 'src/engine/format.ts', 'src/engine/stats.ts'])
      expect(impurities(join(ROOT, f)), f).toEqual([]);
  });

  it('the page and worker import no Node-only module (except the build-time files)', () => {
    const dir = join(ROOT, 'src', 'web');
    const buildTime = new Set(['build.ts', 'library.ts', 'serve.ts']);
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.ts') || buildTime.has(f)) continue;
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(
        /from '(node:|fs|path)|from '\.\.\/scenario\/(load|extends|index)\.js'|from '\.\/(library|build|serve)\.js'/,
      );
    }
  });
});
