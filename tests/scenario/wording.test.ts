// Messages a user meets say what was found, what is allowed and why, in the user's words: no
// parser jargon, no echo of a file's content, no advice that does not apply. One test per wording
// fix of issue 17 (point 8).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runBatch } from '../../src/batch/index.js';
import { applyPoint } from '../../src/batch/sweep.js';
import { checkSiteFolder } from '../../src/cli/explore-command.js';
import { resolveRunSpec } from '../../src/cli/resolve.js';
import { validateCommand } from '../../src/cli/scenario-commands.js';
import { loadBatchScenarios } from '../../src/cli/scenarios.js';
import { formatError, loadScenario } from '../../src/scenario/index.js';
import { fixture as batchFixture } from '../batch/helpers.js';
import { FIXTURES, fixture } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'tanker-wording-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function errorsOfText(text: string, name = 'x.yaml'): string[] {
  const r = loadScenario(fixture(name), { read: () => text });
  return r.ok ? [] : r.errors.map((e) => formatError(e, FIXTURES));
}

describe('issue 17, point 8: wording', () => {
  it('an integer too large to be exact is not called "not an integer": seed 1e300 and week 1e20 say what to do', () => {
    expect(errorsOfText('name: x\nseed: 1e300\n')).toEqual([
      'x.yaml:2:7  seed: found 1e+300; allowed: a text of 1 to 100 characters on one line, or an integer from -9007199254740991 to 9007199254740991; 1e+300 is too large to be held exactly, so write it in quotes as a text',
    ]);
    expect(errorsOfText('name: x\ninterventions:\n  - { kind: matrix, start: 1e20 }\n')).toEqual([
      'x.yaml:3:28  interventions[0].start: found 100000000000000000000; allowed: a calendar date written YYYY-MM-DD, or a week index (an integer from 0 to 5200)',
    ]);
  });

  it('a swept count field says "an integer" (found 0.4 for partners)', () => {
    expect(errorsOfText('name: x\nsweep:\n  grid:\n    organisation.partners: [0.4, 10]\n')).toEqual([
      'x.yaml:4:29  sweep.grid["organisation.partners"][0]: found 0.4; allowed: an integer from 0 to 1000',
    ]);
  });

  it('an impossible date says why (2026-02-30)', () => {
    expect(errorsOfText('name: x\nstart: 2026-02-30\n')[0]).toMatch(/found "2026-02-30"; allowed: .*; February 2026 has 28 days$/);
    expect(errorsOfText('name: x\ninterventions:\n  - { kind: matrix, start: 2026-13-01 }\n')[0]).toMatch(/; month 13 is not in 1\.\.12$/);
  });

  it('a duplicate key is named, with its path and the line of the first one', () => {
    expect(errorsOfText('name: x\norganisation:\n  siloStrength: 0.5\n  layers: 3\n  siloStrength: 0.6\n')).toEqual([
      'x.yaml:5:3  organisation.siloStrength: duplicate key "siloStrength"; allowed: each key once in a mapping (the first is on line 3)',
    ]);
  });

  it('several documents, and nesting too deep for the reader, are worded without parser internals', () => {
    const docs = errorsOfText('name: a\n---\nname: b\n');
    expect(docs).toEqual(['x.yaml:2:1  a second YAML document starts here (after a line "---"); allowed: one scenario per file']);
    const deep = errorsOfText(`name: x\ndescription: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`);
    expect(deep).toEqual([
      expect.stringMatching(/^x\.yaml:2:\d+ {2}lists and mappings are nested too deeply; allowed: at most 32 levels$/),
    ]);
    for (const e of [...docs, ...deep]) expect(e).not.toMatch(/parseAllDocuments|call stack|YAML\./);
  });

  it('the alias limit is stated as a limit', () => {
    const bomb = 'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nname: x\n';
    const errs = errorsOfText(bomb);
    expect(errs).toEqual(['x.yaml:2:8  YAML aliases (*name) expand to more than 50 copies in this file; allowed: at most 50']);
    expect(errs[0]).not.toContain('attack');
  });

  it('validate prints no raw Node warning for a rejected tag, and describes a file that is not a scenario without echoing it', async () => {
    const text = join(work, 'notes.yaml');
    writeFileSync(text, 'These are my private notes about the reform, not a scenario.\n');
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const err: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
    try {
      await validateCommand([join(FIXTURES, 'tags.yaml'), text]);
    } finally {
      spy.mockRestore();
      process.off('warning', onWarning);
      process.exitCode = 0;
    }
    expect(warnings).toEqual([]);
    expect(err.join('\n')).toContain('YAML tag !!js/function is not allowed: a scenario holds plain values only');
    expect(err.join('\n')).toContain('notes.yaml:1:1  found a text of 60 characters, not a mapping of fields; allowed: a scenario');
    expect(err.join('\n')).not.toContain('private notes');
  });

  it('.json files are strict JSON: comments, trailing commas, hex and single quotes are refused with their position', () => {
    const cases: [string, string][] = [
      ['{\n  "name": "x", // note\n}', 'x.json:2:16  JSON syntax error: comments are not allowed in JSON'],
      [
        '{\n  "name": "x",\n}',
        'x.json:3:1  JSON syntax error: expected a key in double quotes, found "}" (JSON has no trailing commas or unquoted keys)',
      ],
      [
        '{"name": "x", "seed": 0x10}',
        'x.json:1:23  JSON syntax error: numbers are written in decimal, like 12, -0.5 or 1e3 (no hexadecimal, no leading zeros or +)',
      ],
      [
        "{'name': 'x'}",
        'x.json:1:2  JSON syntax error: expected a key in double quotes, found "\'" (JSON has no trailing commas or unquoted keys)',
      ],
      ['{"name": "x"} extra', 'x.json:1:15  JSON syntax error: unexpected "e" after the end of the JSON value'],
    ];
    for (const [text, message] of cases) expect(errorsOfText(text, 'x.json')).toEqual([message]);
    // Strict JSON that YAML would not read as it is (tab indentation) is fine, and positions still point into the file.
    expect(errorsOfText('{\n\t"name": "x",\n\t"horizon": 0\n}', 'x.json')).toEqual([
      'x.json:3:13  horizon: found 0; allowed: an integer from 1 to 5200',
    ]);
  });

  it('the loser of a race between two different batches is told to choose another folder, not to --resume', async () => {
    const out = join(work, 'race');
    await runBatch(loadBatchScenarios([batchFixture('small.yaml')], { replicates: 1 }), { out, threads: 1, shard: null, resume: false });
    const other = loadBatchScenarios([batchFixture('reform.yaml')], { replicates: 1 });
    await expect(runBatch(other, { out, threads: 1, shard: null, resume: false })).rejects.toThrow(
      new RegExp(
        `^${out} already holds another batch \\(plan [0-9a-f]{16}; these files and options make plan [0-9a-f]{16}\\); choose another --out$`,
      ),
    );
  });

  it('explore --out refuses a folder that holds something else (an index.html of its own); an earlier build is replaced', () => {
    const site = join(work, 'site');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<html><title>My homepage</title></html>');
    expect(() => checkSiteFolder(site)).toThrow(
      `${site} is not empty and holds no earlier build of the explorer (index.html would be overwritten); choose a new or empty folder, or pass --force to write into it anyway`,
    );
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Tanker explorer: turning the tanker</title>');
    expect(() => checkSiteFolder(site)).not.toThrow();
    expect(() => checkSiteFolder(join(work, 'new-site'))).not.toThrow();
  });

  it('run says it leaves a sweep out, and --point K runs sweep point K', () => {
    const err: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
    try {
      const plain = resolveRunSpec(batchFixture('sweep.yaml'), { preset: 'medium', replicate: 0, elections: true });
      expect(plain.point).toBeNull();
      expect(err.join('\n')).toMatch(
        /note: .*sweep\.yaml sweeps 4 points; this runs the scenario without the sweep's values \(--point K runs point K; tanker batch runs them all\)/,
      );
      const s = loadBatchScenarios([batchFixture('sweep.yaml')], {})[0]!;
      const third = resolveRunSpec(batchFixture('sweep.yaml'), { preset: 'medium', replicate: 0, point: 2, elections: true });
      expect(third.point).toBe(2);
      expect(third.config).toEqual(applyPoint(s.config, s.points[2]!));
      expect(() => resolveRunSpec(batchFixture('sweep.yaml'), { preset: 'medium', replicate: 0, point: 4, elections: true })).toThrow(
        /--point 4: .*sweep\.yaml has sweep points 0 to 3/,
      );
    } finally {
      spy.mockRestore();
    }
  });
});
