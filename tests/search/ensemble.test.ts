// A search over a calibration ensemble (the `ensemble:` field, or --ensemble): replicate r of every
// candidate runs with member order[r mod N] under every variant, the checkpoint and manifest name
// the ensemble by its hash, a resume with another ensemble is refused by name, and the files are
// byte-identical whatever the thread count.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnsemble } from '../../src/batch/ensemble.js';
import { applyPoint } from '../../src/batch/sweep.js';
import { runTask } from '../../src/batch/worker.js';
import { loadSearch } from '../../src/cli/search-files.js';
import { writeSearch } from '../../src/report/search-files.js';
import { formatError } from '../../src/scenario/errors.js';
import { paretoCandidates, runSearch } from '../../src/search/driver.js';
import { evaluatePackages, searchWorlds } from '../../src/search/evaluate.js';
import { candidateRows } from '../../src/search/results.js';
import type { SearchSpec } from '../../src/search/spec.js';
import { writeTinyEnsemble } from '../support/tiny-ensemble.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'tanker-search-ensemble-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MEMBERS = [
  { 'organisation.politicalBacking': 0.2, 'signals.relay': 0.9 },
  { 'organisation.politicalBacking': 0.8, 'signals.relay': 0.3 },
  { 'organisation.politicalBacking': 0.5, 'signals.relay': 0.6 },
];
const ensembleFile = writeTinyEnsemble(root, 'three-worlds.json', MEMBERS, [2, 0, 1]);
const otherFile = writeTinyEnsemble(root, 'other-worlds.json', MEMBERS, [1, 0, 2]);

/** The tiny search of the fixtures, with `extra` lines, written next to the ensemble. */
function searchFile(name: string, extra: string): string {
  const text = readFileSync(`${FIXTURES}tiny.yaml`, 'utf8')
    .replace('scenario: tiny-base.yaml', `scenario: ${FIXTURES}tiny-base.yaml`)
    .replace('replicates: 1', 'replicates: 4');
  const file = join(root, name);
  writeFileSync(file, `${extra}\n${text}`);
  return file;
}

function load(file: string): SearchSpec {
  const r = loadSearch(file);
  if (!r.ok) throw new Error(r.errors.map((e) => formatError(e)).join('\n'));
  return r.spec;
}

async function searchInto(spec: SearchSpec, out: string, threads: number, stopAfter?: number, resume = false) {
  mkdirSync(out, { recursive: true });
  const outcome = await runSearch(spec, { out, threads, resume, ...(stopAfter === undefined ? {} : { stopAfter }) });
  if (!outcome.state.done) return null;
  const rows = candidateRows(spec, outcome.worlds, paretoCandidates(spec, outcome));
  await writeSearch(spec, outcome, rows, out, { threads, seconds: 0 });
  return rows;
}

describe('search over an ensemble', () => {
  it('names a missing or broken ensemble file at its field, with what is allowed', () => {
    writeFileSync(join(root, 'broken.json'), '{"format": "tanker-ensemble/1", "members": []}');
    for (const [written, why] of [
      ['nope.json', /cannot read the ensemble file: no such file$/],
      ['broken.json', /members: found \[\]; allowed: a non-empty list of members$/],
    ] as const) {
      const r = loadSearch(searchFile(`bad-${written}.yaml`, `ensemble: ${written}`));
      if (r.ok) throw new Error('expected errors');
      const errs = r.errors.map((e) => formatError(e, root));
      expect(errs).toHaveLength(1);
      expect(errs[0]).toMatch(
        new RegExp(
          `^bad-${written.replace('.', '\\.')}\\.yaml:1:11 {2}ensemble: found "${written.replace('.', '\\.')}"; allowed: an ensemble file written by tanker calibrate \\(its ensemble\\.json\\), relative to this file; `,
        ),
      );
      expect(errs[0]).toMatch(why);
    }
    const r = loadSearch(searchFile('bad-type.yaml', 'ensemble: [a, b]'));
    expect(r.ok ? [] : r.errors.map((e) => formatError(e, root))).toEqual([
      'bad-type.yaml:1:11  ensemble: found a list ["a","b"]; allowed: a non-empty text',
    ]);
  });

  it('runs replicate r with member order[r mod N] in every variant, and the empty package is the base scenario there', async () => {
    const spec = load(searchFile('worlds.yaml', 'ensemble: three-worlds.json'));
    expect(spec.ensemble!.hash).toBe(readEnsemble(ensembleFile).hash);
    const set = searchWorlds({ ...spec, mechanisms: 'all' });
    expect(set.worlds.length).toBe(4 * set.variants.length); // the ensemble does not multiply the worlds
    for (const w of set.worlds) {
      const member = [2, 0, 1][w.replicate % 3]!;
      expect(w.member).toBe(member);
      expect(w.label).toMatch(new RegExp(`, r${w.replicate}, member ${member}$`));
      expect(w.config.org.politicalBacking).toBe(MEMBERS[member]!['organisation.politicalBacking']);
      expect(w.config.params.signals.relay).toBe(MEMBERS[member]!['signals.relay']);
      expect(w.config.mechanisms).toEqual(set.variants[w.variant]);
    }
    const [e] = await evaluatePackages(spec, set, [[]], { threads: 1 });
    set.worlds.forEach((w, i) => {
      const config = applyPoint(
        { ...spec.scenario.config, mechanisms: set.variants[w.variant]! },
        { index: 0, values: MEMBERS[w.member!]! },
      );
      const r = runTask({ config, interventions: [], elections: true, seed: spec.scenario.seed, replicate: w.replicate });
      expect(e!.turnTick[i]).toBe(r.turnTick);
    });
  }, 120_000);

  it('writes worlds.csv and the ensemble in the manifest and checkpoint; byte-identical on 1 and 2 threads and when resumed', async () => {
    const spec = load(searchFile('search.yaml', 'ensemble: three-worlds.json'));
    const one = join(root, 'one');
    const two = join(root, 'two');
    const rows = await searchInto(spec, one, 1);
    expect(rows!.length).toBeGreaterThan(0);
    expect(await searchInto(spec, two, 2, 1)).toBeNull();
    await searchInto(spec, two, 2, undefined, true);
    for (const f of ['pareto.csv', 'worlds.csv', 'checkpoint.json', 'candidates/candidate-01.yaml'])
      expect(readFileSync(join(two, f)).equals(readFileSync(join(one, f))), f).toBe(true);
    const manifest = JSON.parse(readFileSync(join(one, 'manifest.json'), 'utf8'));
    expect(manifest.worlds.ensemble).toMatchObject({ hash: spec.ensemble!.hash, members: 3, membersUsed: [0, 1, 2] });
    const checkpoint = JSON.parse(readFileSync(join(one, 'checkpoint.json'), 'utf8'));
    expect(checkpoint.ensemble).toMatchObject({ hash: spec.ensemble!.hash, name: 'three-worlds' });
    // worlds.csv: every candidate in every world, its regret there; the mean is pareto.csv's.
    const [head, ...lines] = readFileSync(join(one, 'worlds.csv'), 'utf8').trim().split('\n');
    expect(head).toBe('candidate,world,variant,replicate,member,turned,turnWeek,regret[coCreationActual]');
    expect(lines.length).toBe(rows!.length * 4);
    for (const r of rows!) {
      const regrets = lines.filter((l) => l.startsWith(`${r.id},`)).map((l) => Number(l.split(',').at(-1)));
      expect(regrets.reduce((a, b) => a + b, 0) / 4).toBeCloseTo(r.regretMean, 9);
      expect(Math.min(...regrets)).toBeGreaterThanOrEqual(0);
    }
    expect(lines.map((l) => l.split(',').at(-4))).toEqual(rows!.flatMap(() => ['2', '0', '1', '2']));
  }, 240_000);

  it('refuses to resume with another ensemble, or with none, naming both', async () => {
    const spec = load(searchFile('search.yaml', 'ensemble: three-worlds.json'));
    const one = join(root, 'one');
    await expect(runSearch({ ...spec, ensemble: readEnsemble(otherFile) }, { out: one, threads: 1, resume: true })).rejects.toThrow(
      /holds a search over ensemble .*three-worlds\.json \(hash [0-9a-f]{16}\), but this run has ensemble .*other-worlds\.json \(hash [0-9a-f]{16}\); resume with the same ensemble file/,
    );
    await expect(runSearch({ ...spec, ensemble: null }, { out: one, threads: 1, resume: true })).rejects.toThrow(
      /but this run has no ensemble/,
    );
  });
});
