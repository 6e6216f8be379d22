/**
 * The classroom explorer in a real browser: Debian's Chromium driven by playwright-core, headless.
 * Builds the site into a temporary folder, serves it on 127.0.0.1, and checks that the page runs
 * the model in its worker, reacts to a slider, reproduces the CLI's numbers for the same
 * configuration, exports a scenario file the CLI loader accepts, exports charts, works from disk
 * (file://), and never asks the network for anything. Screenshots of the lessons go to
 * output/screenshots/. Skipped (with a message) only when /usr/bin/chromium is absent; CI installs
 * it with .ci/setup-browser.sh. How quickly the page answers is measured by `npm run bench:explorer`,
 * not here.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, LEVER_KINDS } from '../../src/model/index.js';
import { presetConfig } from '../../src/model/presets.js';
import { runReplicate } from '../../src/model/simulate.js';
import { formatErrors, loadScenario } from '../../src/scenario/index.js';
import { buildSite } from '../../src/web/build.js';
import { LESSON_REPLICATES, LESSONS } from '../../src/web/lessons.js';
import { type StaticServer, serveStatic } from '../../src/web/serve.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SHOTS = join(ROOT, 'output', 'screenshots');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!HAVE_CHROMIUM)
  console.warn(
    'tests/e2e/explorer.test.ts: SKIPPED: /usr/bin/chromium is not installed. Install it with .ci/setup-browser.sh (Debian package chromium).',
  );

interface HookSlot {
  /** Replicate 0's last week. */
  final: Record<string, number>;
  /** The median line's last week, over the replicates. */
  medianFinal: Record<string, number>;
  ms: number[];
  turned: number;
  replicates: number;
}
interface Hook {
  status: string;
  runCount: number;
  errors: string[];
  cursor: number;
  results: { A?: HookSlot; B?: HookSlot };
}

const hook = (page: Page): Promise<Hook> => page.evaluate(() => (window as unknown as { tankerExplorer: Hook }).tankerExplorer);

/** Do something that leads to (re)computation and wait until the page is idle with a newer result. */
async function afterRun(page: Page, action: () => Promise<unknown>): Promise<Hook> {
  const before = (await hook(page)).runCount;
  await action();
  await page.waitForFunction(
    (n) => {
      const h = (window as unknown as { tankerExplorer: Hook }).tankerExplorer;
      return (h.runCount > n && h.status === 'done') || h.status === 'error';
    },
    before,
    { timeout: 60_000 },
  );
  const h = await hook(page);
  expect(h.errors).toEqual([]);
  return h;
}

async function waitReady(page: Page): Promise<Hook> {
  await page.waitForFunction(
    () => {
      const h = (window as unknown as { tankerExplorer?: Hook }).tankerExplorer;
      return h !== undefined && (h.status === 'done' || h.status === 'error');
    },
    null,
    { timeout: 60_000 },
  );
  const h = await hook(page);
  expect(h.errors).toEqual([]);
  expect(h.status).toBe('done');
  return h;
}

/** Final values of replicate 0 as the CLI computes them (runReplicate in Node) for a scenario file. */
function cliFinal(file: string | null): Record<string, number> {
  let r: ReturnType<typeof runReplicate>;
  if (file === null) {
    r = runReplicate(presetConfig('medium'), 'tanker', 0, {});
  } else {
    const loaded = loadScenario(file);
    if (!loaded.ok) throw new Error(formatErrors(loaded.errors));
    const s = loaded.scenario;
    r = runReplicate(s.config, s.seed, 0, { interventions: s.interventions, elections: s.elections });
  }
  const W = INDICATORS.length;
  const last = r.ticks - 1;
  return Object.fromEntries(INDICATORS.map((n, c) => [n, r.data[last * W + c]!]));
}

/**
 * The elements matching each selector that are not wholly inside the viewport, or (with `hit`)
 * that are covered or clipped at their centre; a selector that matches nothing is reported too.
 */
function offScreen(page: Page, selectors: readonly string[], hit = true): Promise<string[]> {
  return page.evaluate(
    ({ selectors, hit }) => {
      const bad: string[] = [];
      for (const sel of selectors) {
        const els = [...document.querySelectorAll(sel)];
        if (els.length === 0) bad.push(`${sel}: none`);
        els.forEach((el, i) => {
          const r = el.getBoundingClientRect();
          const box = `${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)}`;
          if (r.width < 1 || r.height < 1 || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight)
            bad.push(`${sel} #${i}: ${box} outside ${innerWidth}×${innerHeight}`);
          else if (hit) {
            const at = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
            if (!at || !(el === at || el.contains(at))) bad.push(`${sel} #${i}: covered or clipped at ${box}`);
          }
        });
      }
      return bad;
    },
    { selectors, hit },
  );
}

/** How far the page, the main column and the side panel are scrolled. */
const scrolled = (page: Page) =>
  page.evaluate(() => ({
    page: Math.round(window.scrollY),
    main: Math.round(document.getElementById('main')!.scrollTop),
    side: Math.round(document.getElementById('side')!.scrollTop),
  }));

/** Add a lever with the package builder (its dialog) and wait for the run it starts. */
async function addLever(page: Page, kind: string): Promise<Hook> {
  return afterRun(page, async () => {
    await page.click('#add-lever');
    await page.click(`#lever-catalogue [data-add="${kind}"]`);
  });
}

/** Set a range input of the builder to a value, as dragging it would (an input event). */
async function setRange(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

const COMPARED = ['transformationIndex', 'practiceNPG', 'documentsNPG', 'crossSiloCoCreation', 'trustStaffManagement', 'burnout'] as const;

describe.skipIf(!HAVE_CHROMIUM)('explorer in headless Chromium', () => {
  let dir = '';
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tanker-explorer-'));
    await buildSite({ outDir: join(dir, 'site') });
    server = await serveStatic(join(dir, 'site'), 0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    context = await browser.newContext({ viewport: { width: 1600, height: 900 }, acceptDownloads: true });
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads, runs the default in its worker and draws the tanker and six charts', async () => {
    await page.goto(server.url);
    const h = await waitReady(page);
    expect(h.results.A?.replicates).toBe(1);
    expect(await page.locator('#tanker svg').count()).toBe(1);
    expect(await page.locator('#charts figure svg').count()).toBe(6);
    expect(await page.locator('#tanker svg line.documents').count()).toBe(1);
    expect(Number.isFinite(h.results.A?.final.transformationIndex)).toBe(true);
    expect(await page.title()).toContain('Tanker');
  });

  it('reproduces the CLI: the default run gives the numbers of runReplicate in Node', async () => {
    const h = await hook(page);
    const baseline = join(ROOT, 'scenarios', 'baseline.yaml');
    const cli = cliFinal(existsSync(baseline) ? baseline : null);
    for (const k of COMPARED) expect(h.results.A!.final[k], k).toBe(cli[k]);
  });

  it('a slider changes the result and the charts, and the URL records it', async () => {
    await page.click('#to-end');
    const pathBefore = await page.getAttribute('#chart-index path.line', 'd');
    const before = (await hook(page)).results.A!.final;
    await afterRun(page, () => page.fill('#silo', '0.3'));
    await page.click('#to-end');
    const after = (await hook(page)).results.A!.final;
    const pathAfter = await page.getAttribute('#chart-index path.line', 'd');
    expect(pathAfter).not.toBeNull();
    expect(pathAfter).not.toBe(pathBefore);
    expect(after.transformationIndex).not.toBe(before.transformationIndex);
    expect(after.crossUnitTieShare).toBeGreaterThan(before.crossUnitTieShare!);
    expect(await page.evaluate(() => location.hash)).toContain('a.silo=0.3');
    expect(await page.textContent('#silo-out')).toContain('0.30');
  });

  it('playback holds still while a run computes, and goes on with the new result', async () => {
    await page.click('#to-start');
    await page.click('#play');
    const seen = await page.evaluate(async () => {
      const h = (window as unknown as { tankerExplorer: Hook }).tankerExplorer;
      const frame = () => new Promise((res) => requestAnimationFrame(res));
      for (let i = 0; i < 10; i++) await frame(); // playing
      const n = h.runCount;
      const el = document.getElementById('silo') as HTMLInputElement;
      el.value = '0.3'; // the value the tests before left (the export test expects it): a run all the same
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      const during: number[] = [];
      while (!(h.runCount > n && h.status === 'done')) {
        during.push(h.cursor);
        await frame();
      }
      const after = h.cursor;
      for (let i = 0; i < 10; i++) await frame();
      return { during, after, later: h.cursor };
    });
    expect(seen.during.length).toBeGreaterThan(2);
    expect(new Set(seen.during).size).toBe(1);
    expect(seen.later).toBeGreaterThan(seen.after);
    await page.click('#play'); // pause
  });

  it('the package builder offers every lever of the catalogue, grouped, in both languages', async () => {
    await page.click('#add-lever');
    expect(await page.isVisible('#lever-dialog')).toBe(true);
    const offered = await page.$$eval('#lever-catalogue [data-add]', (els) => els.map((e) => (e as HTMLElement).dataset.add));
    expect([...offered].sort()).toEqual([...LEVER_KINDS].sort());
    expect(await page.locator('#lever-catalogue .lever-group h3').count()).toBeGreaterThanOrEqual(3);
    await page.click('#lever-dialog-close');
    expect(await page.isVisible('#lever-dialog')).toBe(false);
  });

  it('exports a scenario file that the CLI loader accepts, that reproduces the browser run and lists its levers', async () => {
    await addLever(page, 'tugboats');
    // Tugboats act on units: a checkbox per unit of the base, all ticked (every unit); untick one.
    const units = await page.$$eval('#lever-0-units [data-unit]', (els) => els.map((e) => (e as HTMLElement).dataset.unit));
    expect(units).toEqual(['health-care', 'schools', 'kindergartens', 'welfare', 'culture', 'technical-planning', 'staff-functions']);
    expect(await page.textContent('#lever-0-units-out')).toBe('(all)');
    await afterRun(page, () => page.uncheck('#lever-0-units [data-unit="health-care"]'));
    expect(await page.textContent('#lever-0-units-out')).toBe('(6 of 7)');
    await addLever(page, 'trust-reform');
    // The trust reform acts on the whole organisation: no unit picker.
    expect(await page.locator('#lever-1-units').count()).toBe(0);
    // The trust reform's own weeks, intensity and option (index 1 in the package).
    await afterRun(page, async () => {
      await setRange(page, '#lever-1-start', '20');
      await setRange(page, '#lever-1-end', '200');
      await setRange(page, '#lever-1-intensity', '0.6');
      await page.uncheck('#lever-1-opt-clearMandates');
      await page.fill('#seed', 'class-7');
      await page.press('#seed', 'Enter');
    });
    expect(await page.textContent('#lever-1-when')).toBe('weeks 20–200 · intensity 0.60');
    const h = await hook(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-yaml-a')]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(file).toMatch(/\.yaml$/);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('kind: tugboats');
    expect(text).toContain('kind: trust-reform');
    expect(text).not.toMatch(/^extends:/m);
    const loaded = loadScenario(file);
    if (!loaded.ok) throw new Error(formatErrors(loaded.errors));
    expect(loaded.scenario.seed).toBe('class-7');
    expect(loaded.scenario.config.org.siloStrength).toBe(0.3);
    expect(loaded.scenario.interventions.find((i) => i.kind === 'tugboats')?.units).toEqual([1, 2, 3, 4, 5, 6]);
    const trust = loaded.scenario.interventions.find((i) => i.kind === 'trust-reform');
    expect([trust?.start, trust?.end, trust?.intensity, trust?.options.clearMandates]).toEqual([20, 200, 0.6, false]);
    expect(loaded.scenario.description).toContain(
      'Interventions: Tugboats (change agents) (tugboats) in schools, kindergartens, welfare, culture, technical-planning, staff-functions from week 8 to the end of the run, intensity 1; Trust reform (trust-reform) from week 20 to week 200, intensity 0.6, clearMandates false.',
    );
    const cli = cliFinal(file);
    for (const k of COMPARED) expect(h.results.A!.final[k], k).toBe(cli[k]);
  });

  it('exports the charts as SVG and PNG', async () => {
    const [svgDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    const svgFile = join(dir, 'charts.svg');
    await svgDl.saveAs(svgFile);
    const svg = readFileSync(svgFile, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Transformation index');
    expect((svg.match(/<svg /g) ?? []).length).toBe(8); // the figure, the tanker and six charts
    const [pngDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const pngFile = join(dir, 'charts.png');
    await pngDl.saveAs(pngFile);
    const png = readFileSync(pngFile);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('a shared link restores the configuration', async () => {
    const url = await page.evaluate(() => location.href);
    const other = await context.newPage();
    await other.goto(url);
    const h = await waitReady(other);
    expect(h.results.A!.final.transformationIndex).toBe((await hook(page)).results.A!.final.transformationIndex);
    expect(await other.textContent('#lever-1-when')).toBe('weeks 20–200 · intensity 0.60');
    expect(await other.isChecked('#lever-1-opt-clearMandates')).toBe(false);
    expect(await other.isChecked('#lever-0-units [data-unit="health-care"]')).toBe(false);
    expect(await other.isChecked('#lever-0-units [data-unit="schools"]')).toBe(true);
    expect(await other.inputValue('#seed')).toBe('class-7');
    await other.close();
  });

  it('loads a scenario file: errors with line and column, and a valid file that extends the library', async () => {
    await page.setInputFiles('#file', {
      name: 'broken.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('name: broken\norganisation:\n  siloStrength: 1.5\n'),
    });
    await page.waitForFunction(() => (window as unknown as { tankerExplorer: Hook }).tankerExplorer.status === 'error');
    expect(await page.isVisible('#errors')).toBe(true);
    expect(await page.textContent('#errors')).toContain('broken.yaml:3:17  organisation.siloStrength: found 1.5');
    const baseline = join(ROOT, 'scenarios', 'baseline.yaml');
    if (!existsSync(baseline)) return;
    const text = `name: mine\nextends: ${baseline}\nseed: 11\norganisation:\n  layers: 2\n`;
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, text);
    const h = await afterRun(page, () => page.setInputFiles('#file', file));
    expect(await page.isHidden('#errors')).toBe(true);
    expect(await page.inputValue('#base')).toBe('file');
    // The levers set earlier (tugboats, trust reform, seed class-7) apply on top of the loaded file.
    const data = loadScenario(file);
    if (!data.ok) throw new Error(formatErrors(data.errors));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-yaml-a')]);
    const exported = join(dir, 'mine-exported.yaml');
    await download.saveAs(exported);
    const cli = cliFinal(exported);
    for (const k of COMPARED) expect(h.results.A!.final[k], k).toBe(cli[k]);
    const again = loadScenario(exported);
    if (!again.ok) throw new Error(formatErrors(again.errors));
    expect(again.scenario.config.org.units.every((u) => u.layers === 2)).toBe(true);
  });

  it('shows a band over replicates', async () => {
    const h = await afterRun(page, async () => {
      await page.fill('#replicates', '4');
      await page.press('#replicates', 'Enter');
    });
    expect(h.results.A!.replicates).toBe(4);
    expect(h.results.A!.ms).toHaveLength(4);
    await page.click('#to-end');
    expect(await page.locator('#chart-index path[fill-opacity="0.18"]').count()).toBe(1);
    await afterRun(page, async () => {
      await page.fill('#replicates', '1');
      await page.press('#replicates', 'Enter');
    });
  });

  it('is keyboard operable and every control has a label', async () => {
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button')]
        .filter((el) => {
          const e = el as HTMLInputElement;
          const named = (e.labels?.length ?? 0) > 0 || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
          return !named && !(el.tagName === 'BUTTON' && (el.textContent ?? '').trim() !== '');
        })
        .map((el) => el.id || el.tagName),
    );
    expect(unlabelled).toEqual([]);
    await page.focus('#time');
    await page.keyboard.press('Home');
    expect((await hook(page)).cursor).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await hook(page)).cursor).toBe(2);
    await page.keyboard.press('End');
    expect((await hook(page)).cursor).toBe(259);
    await page.focus('#play');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#play-text')).toMatch(/Pause/);
    await page.keyboard.press('Enter');
    expect(await page.textContent('#play-text')).toMatch(/Play/);
  });

  it('teacher mode: the lessons in English and Norwegian, with screenshots', async () => {
    await page.click('#mode-teach');
    const names = LESSONS.map((l) => l.id);
    expect(names.slice(0, 4)).toEqual(['push-or-tugboats', 'paper-or-practice', 'two-or-five-layers', 'one-lever-or-a-package']);
    const finals: { A: Record<string, number>; B: Record<string, number> }[] = [];
    const turns: { A: number; B: number }[] = [];
    for (let i = 0; i < names.length; i++) {
      const h = await afterRun(page, () => page.click(`[data-lesson="${i}"]`));
      expect(h.results.B).toBeDefined();
      // A lesson runs several replicates: its story is read from their median, not from one draw.
      expect([h.results.A!.replicates, h.results.B!.replicates]).toEqual([LESSON_REPLICATES, LESSON_REPLICATES]);
      finals.push({ A: h.results.A!.medianFinal, B: h.results.B!.medianFinal });
      turns.push({ A: h.results.A!.turned, B: h.results.B!.turned / h.results.B!.replicates });
      await page.click('#to-end');
      expect(await page.textContent('#lesson h2')).toBeTruthy();
      await page.screenshot({ path: join(SHOTS, `lesson-${i + 1}-${names[i]}.png`) });
    }
    // Lesson 1: the top push turns the documents, tugboats do not.
    expect(finals[0]!.A.documentsNPG).toBeGreaterThan(finals[0]!.B.documentsNPG! + 0.1);
    // Lesson 2: the same paper in both, different practice.
    // (top management later revises the plans on results, so they end close, not equal)
    expect(Math.abs(finals[1]!.A.documentsNPG! - finals[1]!.B.documentsNPG!)).toBeLessThan(0.05);
    expect(finals[1]!.B.practiceNPG).toBeGreaterThan(finals[1]!.A.practiceNPG!);
    // Lesson 3: the signal reaches more staff through 2 layers than through 5.
    expect(finals[2]!.A.signalReach).toBeGreaterThan(finals[2]!.B.signalReach!);
    // Lesson 4: one lever does not turn the tanker; the package does, after years.
    expect(finals[3]!.B.transformationIndex).toBeGreaterThan(finals[3]!.A.transformationIndex! + 0.05);
    expect(turns[3]!.A).toBe(0);
    expect(turns[3]!.B).toBeGreaterThanOrEqual(0.5);
    // Lesson 5: after the election, broad backing holds up better than backing from one bloc.
    expect(finals[4]!.B.politicalBacking).toBeGreaterThan(finals[4]!.A.politicalBacking!);
    await afterRun(page, () => page.click('[data-lesson="3"]'));
    await page.click('#to-end');
    await page.click('#lang-nb');
    expect(await page.textContent('h1')).toContain('Å snu et tankskip');
    expect(await page.textContent('#lesson h2')).toContain('ett grep eller en pakke');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    await page.screenshot({ path: join(SHOTS, 'lesson-4-one-lever-or-a-package-nb.png') });
    await afterRun(page, () => page.click('[data-lesson="0"]'));
    await page.click('#to-end');
    await page.screenshot({ path: join(SHOTS, 'lesson-1-push-or-tugboats-nb.png') });
  });

  it('fits the room: at 1920×1080 and 1280×720 everything a class needs is on screen, with screenshots', async () => {
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      const ctx = await browser.newContext({ viewport: { width, height } });
      ctx.on('request', (r) => requests.push(r.url()));
      const p = await ctx.newPage();
      p.on('pageerror', (e) => pageErrors.push(e.message));
      const shot = (name: string) => p.screenshot({ path: join(SHOTS, `${width}x${height}-${name}.png`) });
      const dialAndCharts = ['#tanker svg', '#charts figure .chart svg', '#play', '#to-end', '#time'];
      await p.goto(server.url);
      await waitReady(p);
      // The busy notice is over the charts while a run is computing.
      await p.click('#run');
      await p.waitForFunction(() => !(document.getElementById('busy') as HTMLElement).hidden);
      // (not hit-tested: the notice lets clicks through to the charts)
      expect(await offScreen(p, ['#busy'], false)).toEqual([]);
      await shot('busy');
      await waitReady(p);
      expect(await p.isHidden('#busy')).toBe(true);
      await p.click('#to-end');
      expect(await offScreen(p, dialAndCharts), 'explore').toEqual([]);
      await shot('explore');
      // Shortcuts move the playback, never the page or a slider let go after a drag.
      await p.click('#to-start');
      await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await p.keyboard.press('End');
      expect((await hook(p)).cursor).toBe(259);
      await p.keyboard.press('ArrowLeft');
      expect((await hook(p)).cursor).toBe(258);
      expect(await scrolled(p)).toEqual({ page: 0, main: 0, side: 0 });
      const silo = await afterRun(p, () => p.click('#silo')).then(() => p.inputValue('#silo'));
      await p.keyboard.press('Home');
      expect(await p.inputValue('#silo')).toBe(silo);
      expect((await hook(p)).cursor).toBe(0);
      expect(await scrolled(p)).toEqual({ page: 0, main: 0, side: 0 });
      // The package builder: its dialog fits the screen, a lever's controls unfold in the side
      // panel, and the dial and charts stay where they are.
      await p.click('#add-lever');
      // At 1920×1080 the whole catalogue is in sight; on a smaller screen it scrolls inside the dialog.
      const whole = width >= 1920 ? ['#lever-catalogue [data-add]'] : [];
      expect(await offScreen(p, ['#lever-dialog', '#lever-dialog-close', ...whole])).toEqual([]);
      await shot('builder');
      await afterRun(p, () => p.click('#lever-catalogue [data-add="trust-reform"]'));
      await p.click('#to-end');
      expect(await offScreen(p, [...dialAndCharts, '#lever-0-intensity'])).toEqual([]);
      expect((await scrolled(p)).page).toBe(0);
      expect((await scrolled(p)).main).toBe(0);
      await shot('builder-added');
      await afterRun(p, () => p.click('[data-remove="0"]'));
      // Compare mode.
      await afterRun(p, () => p.check('#compare'));
      await p.click('#to-end');
      expect(await offScreen(p, [...dialAndCharts, '#summary .slot.b'])).toEqual([]);
      // One colour per configuration: the summary's bars have the colours of the chart's lines.
      const colours = await p.evaluate(() => {
        const rgb = (c: string) => {
          const el = document.createElement('i');
          el.style.color = c;
          document.body.append(el);
          const v = getComputedStyle(el).color;
          el.remove();
          return v;
        };
        const bar = (s: string) => getComputedStyle(document.querySelector(`#summary .slot.${s}`)!).borderLeftColor;
        const lines = [...document.querySelectorAll('#chart-index path.line')].map((e) => rgb(e.getAttribute('stroke')!));
        return { bars: [bar('a'), bar('b')], lines };
      });
      expect(new Set(colours.bars).size).toBe(2);
      expect([...colours.bars].sort()).toEqual([...new Set(colours.lines)].sort());
      await shot('compare');
      // A broken file: the error over the charts, the page still on the scenario it showed.
      const label = await p.textContent('#summary .slot.a strong');
      const path = await p.getAttribute('#chart-index path.line', 'd');
      await p.setInputFiles('#file', {
        name: 'broken.yaml',
        mimeType: 'text/yaml',
        buffer: Buffer.from('name: broken\norganisation:\n  siloStrength: 1.5\n'),
      });
      await p.waitForFunction(() => (window as unknown as { tankerExplorer: Hook }).tankerExplorer.status === 'error');
      expect(await p.textContent('#errors')).toContain('broken.yaml:3:17');
      expect(await p.textContent('#errors')).toContain('still shows the previous scenario (A: baseline)');
      expect(await offScreen(p, ['#errors', '#tanker svg', '#play'])).toEqual([]);
      expect(await offScreen(p, ['#charts figure .chart svg'], false)).toEqual([]);
      expect(await p.textContent('#summary .slot.a strong')).toBe(label);
      expect(await p.getAttribute('#chart-index path.line', 'd')).toBe(path);
      expect(await p.inputValue('#base')).toBe('baseline.yaml');
      await shot('error');
      // Every lesson in both languages, with its heading and the question to discuss.
      await p.click('#mode-teach');
      for (let i = 0; i < LESSONS.length; i++) {
        await afterRun(p, () => p.click(`[data-lesson="${i}"]`));
        await p.click('#to-end');
        for (const lang of ['en', 'nb'] as const) {
          await p.click(`#lang-${lang}`);
          expect(await offScreen(p, [...dialAndCharts, '#lesson h2', '#discuss p']), `lesson ${i + 1} ${lang}`).toEqual([]);
          await shot(`lesson-${i + 1}-${lang}`);
        }
        await p.click('#lang-en');
      }
      // The side panel hidden: the charts take the width.
      const before = (await p.locator('#charts').boundingBox())!.width;
      await p.click('#toggle-side');
      await p.waitForFunction((w) => document.getElementById('charts')!.getBoundingClientRect().width > w, before);
      expect(await offScreen(p, dialAndCharts)).toEqual([]);
      await shot('lesson-4-no-side-panel');
      await ctx.close();
    }
  });

  it('opens from disk (file://) with no server', async () => {
    const local = await context.newPage();
    const seen: string[] = [];
    local.on('request', (r) => seen.push(r.url()));
    await local.goto(`file://${join(dir, 'site', 'index.html')}`);
    const h = await waitReady(local);
    expect(h.results.A?.final.transformationIndex).toBeGreaterThan(0);
    expect(seen.filter((u) => !/^(file|blob|data):/.test(u))).toEqual([]);
    await local.close();
  });

  it('asked nothing from a non-local address, and threw no page errors', () => {
    const local = (u: string) => u.startsWith(server.url) || /^(blob|data|file):/.test(u);
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((u) => !local(u))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
