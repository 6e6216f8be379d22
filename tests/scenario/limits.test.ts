// Limits checked before any work starts (issue 17): each limit is enforced in validation with
// file:line:col, the size found and the limit, sizes are counted without building sweeps or
// worlds, and what validation accepts runs to the end (calendar range, names and seeds usable as
// folder names, weeks starting on Mondays). Plus the cost check that asks for --yes.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { estimate, warnings } from '../../src/batch/preflight.js';
import { confirmCost } from '../../src/cli/confirm.js';
import { resolveRunSpec } from '../../src/cli/resolve.js';
import { runToFolder } from '../../src/cli/run.js';
import { checkBatchSize, loadBatchScenarios } from '../../src/cli/scenarios.js';
import { createWorld, defaultParams } from '../../src/model/index.js';
import { presetOrg } from '../../src/model/presets.js';
import { formatError, LIMITS, loadScenario } from '../../src/scenario/index.js';
import { agentCount, sweepPointCount, thousands } from '../../src/scenario/limits.js';
import { small } from '../support/model.js';
import { FIXTURES, fixture } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'tanker-limits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Errors of scenario text (and of the files it extends, given by name), formatted. */
function errorsOfText(text: string, others: Record<string, string> = {}): string[] {
  const files: Record<string, string> = { 'x.yaml': text, ...others };
  const r = loadScenario(fixture('x.yaml'), {
    read: (p) => {
      const t = files[p.slice(FIXTURES.length)];
      if (t === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return t;
    },
  });
  return r.ok ? [] : r.errors.map((e) => formatError(e, FIXTURES));
}

describe('limits, checked in validation', () => {
  it('a scenario file of more than 256 KB is refused before it is parsed', () => {
    const text = `name: big\ndescription: "${'x'.repeat(LIMITS.fileBytes)}"\n`;
    expect(errorsOfText(text)).toEqual([
      `x.yaml  the file has ${thousands(text.length)} characters; allowed: at most 262,144 (256 KB) for a scenario file`,
    ]);
  });

  it('more than 1,000 interventions, in one file or inherited, are refused without checking each', () => {
    const list = (n: number) => `interventions:\n${'  - { kind: matrix, start: 0 }\n'.repeat(n)}`;
    expect(errorsOfText(`name: many\n${list(1001)}`)).toEqual([
      'x.yaml:3:3  interventions: found a list of 1,001 interventions; allowed: at most 1,000 interventions in a scenario (inherited ones included)',
    ]);
    expect(errorsOfText(`name: ok\n${list(1000)}`)).toEqual([]);
    const merged = errorsOfText(`name: child\nextends: parent.yaml\n${list(600)}`, { 'parent.yaml': `name: parent\n${list(600)}` });
    expect(merged).toEqual([
      'x.yaml:4:3  interventions: found a list of 1,200 interventions; allowed: at most 1,000 interventions in a scenario (inherited ones included)',
    ]);
  });

  it('a sweep grid is counted, never expanded: a grid of 100,000,000 points is refused at once', () => {
    const values = `[${Array.from({ length: 10 }, (_, k) => (k + 1) / 20).join(', ')}]`;
    const names = ['signals.relay', 'signals.relaySpread', 'trust.asymmetry', 'organisation.siloStrength'];
    const grid = [
      ...names,
      'organisation.matrixDegree',
      'organisation.topSignal',
      'organisation.reportingLoad',
      'organisation.centralisation',
    ];
    const text = `name: grid\nsweep:\n  grid:\n${grid.map((n) => `    ${n}: ${n === 'trust.asymmetry' ? '[1,2,3,4,5,6,7,8,9,10]' : values}`).join('\n')}\n`;
    expect(sweepPointCount({ grid: Object.fromEntries(grid.map((n) => [n, new Array(10).fill(0)])) })).toBe(1e8);
    expect(errorsOfText(text)).toEqual([
      'x.yaml:4:5  sweep.grid: found a grid of 10 × 10 × 10 × 10 × 10 × 10 × 10 × 10 = 100,000,000 points; allowed: at most 100,000 sweep points',
    ]);
  });

  it('sweep points × replicates beyond 1,000,000 runs are refused (a hypercube of 100,000 samples × 100,000 replicates)', () => {
    const text =
      'name: lhs\nreplicates: 100000\nsweep:\n  latinHypercube:\n    samples: 100000\n    ranges: { signals.relay: [0.1, 0.9] }\n';
    expect(errorsOfText(text)).toEqual([
      'x.yaml:2:13  replicates: found 100,000 replicates × 100,000 sweep points = 10,000,000,000 runs; allowed: at most 1,000,000 runs in one batch (scenarios × sweep points × replicates)',
    ]);
  });

  it('a batch of several files, with --replicates, is counted before its plan is built', () => {
    const two = loadBatchScenarios([fixture('minimal.yaml'), fixture('full.yaml')], {});
    expect(() => checkBatchSize(two.map((s) => ({ ...s, replicates: 600_000 })))).toThrow(
      'this batch has 1,200,000 replicates (minimal: 1 point(s) × 600,000 replicates; full: 1 point(s) × 600,000 replicates); allowed: at most 1,000,000 in one batch.',
    );
  });

  it('more than 500,000 agents per replicate are refused, also at the largest point of a sweep', () => {
    expect(errorsOfText('name: city\norganisation: { population: 2000000, staffPerThousand: 300 }\n')).toEqual([
      'x.yaml:2:29  organisation.population: found about 651,840 agents per replicate (600,000 staff from population 2000000 × staffPerThousand 300 / 1,000, 49,255 managers, 2,500 citizens, 85 politicians and partners); allowed: at most 500,000 agents per replicate',
    ]);
    const swept = errorsOfText(
      'name: city\nsweep:\n  grid:\n    organisation.population: [60000, 2000000]\n    organisation.staffPerThousand: [70, 300]\n',
    );
    expect(swept).toHaveLength(1);
    expect(swept[0]).toContain('agents per replicate at the largest sweep point');
  });

  it('counts agents exactly as the model builds them', () => {
    const p = defaultParams();
    for (const cfg of [
      small(1),
      { ...small(1), org: presetOrg('medium') },
      { ...small(1), org: { ...presetOrg('large'), units: presetOrg('large').units.slice(0, 3) } },
    ]) {
      const w = createWorld(cfg, 'count', 0);
      const a = agentCount(cfg.org, p);
      expect(a).toEqual({
        staff: w.staff.n,
        managers: w.managers.n,
        citizens: w.citizens.n,
        politicians: w.pols.n,
        partners: w.partners.n,
        total: w.staff.n + w.managers.n + w.citizens.n + w.pols.n + w.partners.n,
      });
    }
  });

  it('lists and mappings nested more than 32 levels deep are refused, in YAML and in JSON', () => {
    expect(errorsOfText(`name: deep\ndescription: ${'['.repeat(40)}${']'.repeat(40)}\n`)).toEqual([
      expect.stringMatching(/^x\.yaml:2:\d+ {2}description(\[0\])+: lists and mappings are nested too deeply; allowed: at most 32 levels$/),
    ]);
    expect(errorsOfText(`name: deeper\ndescription: ${'['.repeat(20000)}${']'.repeat(20000)}\n`)[0]).toMatch(
      /^x\.yaml:2:\d+ {2}lists and mappings are nested too deeply; allowed: at most 32 levels$/,
    );
  });
});

describe('what validation accepts runs to the end', () => {
  it('the calendar stays within four-digit years, for the file and for --ticks', () => {
    expect(errorsOfText('name: far\nstart: 9990-01-01\nhorizon: 600\n')).toEqual([
      'x.yaml:3:10  horizon: found 600; allowed: at most 521 weeks from 9990-01-01, so that the run ends by 9999-12-31 (dates have four-digit years)',
    ]);
    const r = loadScenario(fixture('x.yaml'), { read: () => 'name: far\nstart: 9999-01-04\nhorizon: 40\n', overrides: { horizon: 60 } });
    expect(r.ok ? [] : r.errors.map((e) => formatError(e, FIXTURES))).toEqual([
      'x.yaml:3:10  horizon: found 60 (given on the command line); allowed: at most 51 weeks from 9999-01-04, so that the run ends by 9999-12-31 (dates have four-digit years)',
    ]);
  });

  it('names and seeds of 100 characters run and name their folder; 101 are refused in validation and on the command line', () => {
    const name = 'n'.repeat(100);
    const seed = 's'.repeat(100);
    const r = loadScenario(fixture('x.yaml'), { read: () => `name: ${name}\nseed: ${seed}\nsize: small\nhorizon: 2\n` });
    if (!r.ok) throw new Error(r.errors.map((e) => formatError(e)).join('\n'));
    const out = runToFolder(
      { ...resolveRunSpec(undefined, { preset: 'small', replicate: 0, ticks: 2, elections: true }), name, seed: r.scenario.seed },
      work,
      ['csv'],
    );
    expect(readdirSync(out.dir)).toEqual(['indicators.csv', 'manifest.json']);
    expect(errorsOfText(`name: ${name}n\n`)[0]).toMatch(
      /^x\.yaml:1:7 {2}name: found "n+…; allowed: a text of 1 to 100 characters on one line$/,
    );
    expect(errorsOfText(`name: x\nseed: ${seed}s\n`)[0]).toMatch(
      /^x\.yaml:2:7 {2}seed: found .*; allowed: a text of 1 to 100 characters on one line, or an integer/,
    );
    expect(errorsOfText('name: "two\\nlines"\n')[0]).toMatch(
      /name: found "two\\nlines"; allowed: a text of 1 to 100 characters on one line/,
    );
    expect(() => resolveRunSpec(undefined, { preset: 'small', seed: seed, replicate: 0, elections: true })).not.toThrow();
  });

  it('a run starts on a Monday; the error names the weekday and the Monday of that week', () => {
    expect(errorsOfText('name: wed\nstart: 2026-01-07\n')).toEqual([
      'x.yaml:2:8  start: found "2026-01-07"; allowed: a calendar date written YYYY-MM-DD that is a Monday (every week of a run starts on a Monday); 2026-01-07 is a Wednesday; its week starts on Monday 2026-01-05',
    ]);
  });

  it('an intervention date on another weekday is converted to its week, and a note says so', () => {
    const r = loadScenario(fixture('x.yaml'), {
      read: () => 'name: wed\ninterventions:\n  - kind: matrix\n    start: 2026-03-04\n    end: 2026-06-07\n',
    });
    if (!r.ok) throw new Error('expected ok');
    expect(r.scenario.interventions[0]).toMatchObject({ start: 8, end: 21 });
    expect(r.scenario.notes).toEqual([
      'interventions[0].start: 2026-03-04 is a Wednesday; its week starts on Monday 2026-03-02; it takes effect from that week (week 8)',
      'interventions[0].end: 2026-06-07 is a Sunday; its week starts on Monday 2026-06-01; it takes effect from that week (week 21)',
    ]);
  });
});

describe('runs far above normal ask for --yes', () => {
  const huge = () =>
    loadBatchScenarios([fixture('minimal.yaml')], { replicates: 2000 }).map((s) => ({
      ...s,
      config: { ...s.config, ticks: 5200, org: { ...s.config.org, population: 2_000_000, citizenSample: 100_000 } },
    }));

  it('estimates from sizes alone, and names what is far above normal', () => {
    const medium = estimate(loadBatchScenarios([fixture('minimal.yaml')], {}));
    expect(medium.agents).toBe(7145);
    expect(warnings(medium, { threads: 2, memory: 8e9, free: 1e12 })).toEqual([]);
    const e = estimate(huge());
    expect(e.replicateSeconds).toBeGreaterThan(60);
    expect(warnings(e, { threads: 2, memory: 8e9, free: 1e6 })).toEqual([
      expect.stringMatching(/^one replicate takes about [\d.]+ (minutes|hours) \(the presets take well under a second\)$/),
      expect.stringMatching(/^the whole run takes about [\d.]+ (hours|days) on 2 thread\(s\)$/),
      expect.stringMatching(/^it writes about [\d.]+ (MB|GB), only 977 KB is free there$/),
    ]);
  });

  it('refuses without --yes, before anything is written, and goes on with it', () => {
    const out = join(work, 'never');
    expect(() => confirmCost(estimate(huge()), { threads: 2, out, yes: false, what: 'batch' })).toThrow(
      /^this batch is far above normal: one replicate takes about .*\. Nothing was started\. Check the sizes \(tanker validate shows them\), or pass --yes to start it anyway/,
    );
    expect(() => confirmCost(estimate(huge()), { threads: 2, out, yes: true, what: 'batch' })).not.toThrow();
  });
});
