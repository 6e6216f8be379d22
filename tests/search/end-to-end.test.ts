import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/batch.js';
import { runTask } from '../../src/batch/worker.js';
import { loadSearch } from '../../src/cli/search-files.js';
import { writeSearch } from '../../src/report/search-files.js';
import { batchScenario } from '../../src/scenario/batch-input.js';
import { formatError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/index.js';
import { paretoCandidates, runSearch } from '../../src/search/driver.js';
import { evaluatePackages, searchWorlds } from '../../src/search/evaluate.js';
import { candidateRows } from '../../src/search/results.js';
import type { SearchSpec } from '../../src/search/spec.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'tanker-search-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tiny(): SearchSpec {
  const r = loadSearch(`${FIXTURES}tiny.yaml`);
  if (!r.ok) throw new Error(r.errors.map((e) => formatError(e)).join('\n'));
  return r.spec;
}

/** Every file under dir (relative path → bytes). */
function tree(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) for (const [k, v] of tree(p, `${prefix}${f}/`)) out.set(k, v);
    else out.set(`${prefix}${f}`, readFileSync(p));
  }
  return out;
}

async function searchInto(spec: SearchSpec, out: string, stopAfter?: number, resume = false) {
  mkdirSync(out, { recursive: true });
  const outcome = await runSearch(spec, { out, threads: 1, resume, ...(stopAfter === undefined ? {} : { stopAfter }) });
  if (!outcome.state.done) return null;
  const rows = candidateRows(spec, outcome.worlds, paretoCandidates(spec, outcome));
  await writeSearch(spec, outcome, rows, out, { threads: 1, seconds: 0 });
  return rows;
}

describe('tanker search on a tiny budget', () => {
  const spec = tiny();
  const whole = join(root, 'whole');
  const split = join(root, 'split');

  it('runs to the end and writes the Pareto set, charts, candidates and manifest', async () => {
    const rows = await searchInto(spec, whole);
    expect(rows!.length).toBeGreaterThan(0);
    const files = [...tree(whole).keys()];
    for (const f of ['pareto.csv', 'parallel.svg', 'tradeoff.png', 'manifest.json', 'checkpoint.json', 'candidates/candidate-01.yaml'])
      expect(files).toContain(f);
    // Every Pareto candidate keeps the budget and the constraint.
    for (const r of rows!) {
      expect(r.candidate.evaluation.effort).toBeLessThanOrEqual(spec.budget!);
      expect(r.candidate.individual.violation).toBe(0);
    }
    const csv = readFileSync(join(whole, 'pareto.csv'), 'utf8').trim().split('\n');
    expect(csv.length).toBe(rows!.length + 1);
  }, 120_000);

  it('stopped after one generation and resumed, it ends with byte-identical files', async () => {
    expect(await searchInto(spec, split, 1)).toBeNull();
    expect(JSON.parse(readFileSync(join(split, 'checkpoint.json'), 'utf8')).state.generation).toBe(1);
    await searchInto(spec, split, undefined, true);
    const a = tree(whole);
    const b = tree(split);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(b.get(name)!.equals(bytes), name).toBe(true);
  }, 120_000);

  it('refuses to overwrite a search without --resume, and to resume another spec', async () => {
    await expect(runSearch(spec, { out: whole, threads: 1, resume: false })).rejects.toThrow(/already holds a search; pass --resume/);
    await expect(runSearch({ ...spec, seed: 'other' }, { out: whole, threads: 1, resume: true })).rejects.toThrow(/another spec/);
  });

  it('evaluates every package in the same worlds: the empty package is the base scenario run by run (common random numbers)', async () => {
    const set = searchWorlds({ ...spec, mechanisms: 'all' });
    expect(set.variants.length).toBe(4);
    const [e] = await evaluatePackages(spec, set, [[]], { threads: 1 });
    set.worlds.forEach((w, i) => {
      const r = runTask({ config: w.config, interventions: [], elections: true, seed: spec.scenario.seed, replicate: w.replicate });
      expect(e!.turnTick[i]).toBe(r.turnTick);
    });
    expect(e!.effort).toBe(0);
    // The same evaluations on two worker threads as in this thread.
    const pkg = [{ kind: 'tugboats', start: 3, end: 30, intensity: 0.7 }];
    const one = await evaluatePackages(spec, set, [[], pkg], { threads: 1 });
    const two = await evaluatePackages(spec, set, [[], pkg], { threads: 2 });
    expect(two).toEqual(one);
    expect(one[1]!.effort).toBeGreaterThan(0);
  }, 120_000);

  it('each candidate file is a scenario that tanker batch runs, its manifest recording the package effort', async () => {
    const dir = join(whole, 'candidates');
    const [head, ...rows] = readFileSync(join(whole, 'pareto.csv'), 'utf8').trim().split('\n');
    const effortColumn = head!.split(',').indexOf('effortMNOK');
    const files = readdirSync(dir).sort();
    expect(files.length).toBe(rows.length);
    for (const [i, f] of files.entries()) {
      const loaded = loadScenario(join(dir, f));
      if (!loaded.ok) throw new Error(loaded.errors.map((e) => formatError(e)).join('\n'));
      // The base scenario has no levers, so the file's effort is the package's, as pareto.csv says.
      expect(loaded.scenario.effort.cost / 1e6).toBeCloseTo(Number(rows[i]!.split(',')[effortColumn]), 4);
      if (i > 0) continue; // one batch is enough to show tanker batch accepts the files
      const out = join(root, `batch-${i}`);
      await runBatch([batchScenario(loaded.scenario, f, 1)], { out, threads: 1, shard: null, resume: false });
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      expect(manifest.scenarios[0].effort.cost).toBeCloseTo(loaded.scenario.effort.cost, 6);
      expect(loaded.scenario.effort.interventions.length).toBe(loaded.scenario.interventions.length);
    }
  }, 120_000);
});
