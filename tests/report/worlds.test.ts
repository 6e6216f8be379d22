/**
 * The report across plausible worlds (issues 14 and 15): on a batch run over an ensemble, the
 * report's summary and technical section and `tanker compare` state, from one function
 * (report/worlds.ts), in what share of plausible worlds each scenario beats the baseline, with the
 * numbers of analysis/compare.ts plausibleWorlds, in nb and en; a batch without an ensemble says
 * nothing of the kind.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { plausibleWorlds } from '../../src/analysis/compare.js';
import { runBatch } from '../../src/batch/batch.js';
import { readEnsemble } from '../../src/batch/ensemble.js';
import { registerReport } from '../../src/cli/report-command.js';
import { loadBatchScenarios } from '../../src/cli/scenarios.js';
import { chooseBaseline, loadBatch } from '../../src/report/batch-data.js';
import { MAIN_OUTCOMES } from '../../src/report/findings.js';
import { writeReport } from '../../src/report/report.js';
import { acrossWorlds } from '../../src/report/worlds.js';

const FIXTURES = resolve('tests/report/fixtures');
const work = mkdtempSync(join(tmpdir(), 'tanker-worlds-'));
const overEnsemble = join(work, 'ensemble-batch');
const plain = join(work, 'plain-batch');

/** Two plausible worlds: trusting staff who pass signals on, and distrustful staff who do not. */
const ENSEMBLE = {
  format: 'tanker-ensemble/1',
  name: 'two-worlds',
  description: null,
  parameters: [{ name: 'signals.relay', min: 0, max: 1 }],
  members: [
    { weight: 0.5, distance: 0.1, values: { 'signals.relay': 0.9, 'trust.staffTrustFloor': 0.6 } },
    { weight: 0.5, distance: 0.2, values: { 'signals.relay': 0.3, 'trust.staffTrustFloor': 0.1 } },
  ],
  order: [0, 1, 1, 0],
  rule: 'test',
  provenance: {},
};

const files = ['baseline.yaml', 'push.yaml'].map((f) => join(FIXTURES, f));

async function compareOutput(dir: string, lang: 'en' | 'nb'): Promise<string> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    const program = new Command().exitOverride();
    registerReport(program);
    await program.parseAsync(['node', 'tanker', 'compare', dir, '--lang', lang]);
  } finally {
    log.mockRestore();
  }
  return lines.join('\n');
}

beforeAll(async () => {
  const file = join(work, 'ensemble.json');
  writeFileSync(file, JSON.stringify(ENSEMBLE));
  const ensemble = readEnsemble(file);
  const a = await runBatch(loadBatchScenarios(files, { replicates: 4, ensemble }), {
    out: overEnsemble,
    threads: 2,
    shard: null,
    resume: false,
  });
  expect(a.failures).toEqual([]);
  const b = await runBatch(loadBatchScenarios(files, { replicates: 2 }), { out: plain, threads: 2, shard: null, resume: false });
  expect(b.failures).toEqual([]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('results across plausible worlds', () => {
  it('are plausibleWorlds’ numbers for every main outcome with a direction, in words', () => {
    const batch = loadBatch(overEnsemble);
    const baseline = chooseBaseline(batch.arms);
    const w = acrossWorlds(batch, baseline, 'en', MAIN_OUTCOMES)!;
    expect(w.intro).toBe(
      'Across plausible worlds (ensemble two-worlds, 2 members; replicate r of every scenario runs with the same member):',
    );
    expect(w.note).toMatch(/includes parameter uncertainty as well as chance/);
    // publicValue, burnout, ... each with its declared direction; every one of them has one here.
    expect(w.statements.map((s) => s.indicator)).toEqual([...MAIN_OUTCOMES]);
    for (const s of w.statements) {
      const down = s.indicator === 'burnout';
      const expected = plausibleWorlds(batch.records, 'top-push', 'baseline', s.indicator, down ? 'down' : 'up');
      expect(s.result).toEqual(expected);
      expect(expected.pairs).toBe(4);
    }
    const ti = w.statements[0]!;
    const r = ti.result!;
    const pct = (v: number) => `${Math.round(100 * v)} %`;
    expect(ti.sentence).toBe(
      `top-push beats the baseline on the transformation index (final week) in ${pct(r.share)} of plausible worlds [95 % CI ${pct(r.low)} to ${pct(r.high)}] (${r.wins} of 4 paired replicates; the interval includes parameter uncertainty and chance)`,
    );
    expect(w.statements.find((s) => s.indicator === 'burnout')!.sentence).toMatch(/on burnout \(final week, lower is better\)/);
    expect(w.rows[0]).toEqual(['top-push', 'Transformation index', pct(r.share), `${pct(r.low)} – ${pct(r.high)}`, `${r.wins} / 4`]);
  });

  it('are absent when the batch did not run over an ensemble', () => {
    const batch = loadBatch(plain);
    expect(acrossWorlds(batch, chooseBaseline(batch.arms), 'en')).toBeNull();
  });

  it('open the report’s summary and close its technical section, in English and Norwegian', async () => {
    const batch = loadBatch(overEnsemble);
    const en = acrossWorlds(batch, chooseBaseline(batch.arms), 'en', MAIN_OUTCOMES)!;
    const html = readFileSync((await writeReport(overEnsemble, { lang: 'en', pngScale: 1, out: join(work, 'report-en') })).html, 'utf8');
    const findings = html.slice(html.indexOf('id="findings"'), html.indexOf('</section>', html.indexOf('id="findings"')));
    expect(findings).toContain(`${en.statements[0]!.sentence}.`);
    expect(findings).toContain('includes parameter uncertainty as well as chance');
    // How to read it: the ensemble, not "an uncalibrated model".
    expect(html).toContain(en.howToRead);
    expect(html).not.toContain('uncalibrated model');
    const technical = html.slice(html.indexOf('id="comparison"'));
    expect(technical).toContain('<h3 id="worlds">Across plausible worlds</h3>');
    for (const row of en.rows) for (const cell of row.slice(1)) expect(technical).toContain(cell);

    const nb = acrossWorlds(loadBatch(overEnsemble, 'nb'), chooseBaseline(batch.arms), 'nb', MAIN_OUTCOMES)!;
    const r = nb.statements[0]!.result!;
    expect(nb.statements[0]!.sentence).toMatch(
      new RegExp(
        `^top-push slår referansen på transformasjonsindeks \\(siste uke\\) i ${Math.round(100 * r.share)} % av de plausible verdenene \\[95 % KI \\d+ % til \\d+ %\\] \\(${r.wins} av 4 parrede replikater; intervallet omfatter både parameterusikkerhet og tilfeldigheter\\)$`,
      ),
    );
    const htmlNb = readFileSync((await writeReport(overEnsemble, { lang: 'nb', pngScale: 1, out: join(work, 'report-nb') })).html, 'utf8');
    expect(htmlNb).toContain(`${nb.statements[0]!.sentence}.`);
    expect(htmlNb).toContain('<h3 id="worlds">På tvers av plausible verdener</h3>');

    const plainHtml = readFileSync((await writeReport(plain, { lang: 'en', pngScale: 1, out: join(work, 'report-plain') })).html, 'utf8');
    expect(plainHtml).not.toContain('plausible worlds');
    expect(plainHtml).toContain('uncalibrated model');
  });

  it('are what tanker compare prints, in both languages', async () => {
    const batch = loadBatch(overEnsemble);
    const baseline = chooseBaseline(batch.arms);
    const en = acrossWorlds(batch, baseline, 'en')!;
    const out = await compareOutput(overEnsemble, 'en');
    expect(out).toContain(`${en.intro}\n  ${en.statements[0]!.sentence}`);
    const nb = acrossWorlds(loadBatch(overEnsemble, 'nb'), baseline, 'nb')!;
    expect(await compareOutput(overEnsemble, 'nb')).toContain(`${nb.intro}\n  ${nb.statements[0]!.sentence}`);
    expect(await compareOutput(plain, 'en')).not.toContain('plausible worlds');
  });
});
