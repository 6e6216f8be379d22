// Re-runnable manifests (issue 12 item 8): `tanker rerun MANIFEST` reproduces a run and a batch
// byte-identically from the manifest alone (the scenario files are deleted first); the resolved
// block of a manifest is itself a valid scenario file; the manifest records the versions of the
// dependencies that can change numbers or bytes; a manifest of another model version, or one whose
// recorded checksums no longer match, is refused or reported, never silently "reproduced".
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runBatch } from '../../src/batch/index.js';
import { rerunCommand } from '../../src/cli/rerun.js';
import { resolveRunSpec } from '../../src/cli/resolve.js';
import { runToFolder } from '../../src/cli/run.js';
import { loadBatchScenarios } from '../../src/cli/scenarios.js';
import { dataDependencies, MODEL_VERSION } from '../../src/io/provenance.js';
import { formatError, loadScenario } from '../../src/scenario/index.js';
import { expectSameFiles, fixture, RESULT_FILES, scratch } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;

/** Run `f` with console output captured; returns what was printed on stdout and stderr. */
async function quietly(f: () => Promise<void> | void): Promise<{ out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s).trimEnd());
    return true;
  });
  try {
    await f();
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
  return { out: out.join('\n'), err: err.join('\n') };
}

const options = (out: string) => ({ out, threads: 1, resume: false, quiet: true, yes: false });

beforeAll(async () => {
  ({ dir, cleanup } = await scratch('rerun'));
});
afterAll(() => cleanup());

describe('tanker rerun', () => {
  it('a run: from the manifest alone (its scenario files deleted), the same bytes, with a sweep point and overrides', async () => {
    // A scenario that extends another, run at one sweep point with --seed and --ticks overrides.
    const parent = join(dir, 'parent.yaml');
    const child = join(dir, 'child.yaml');
    copyFileSync(fixture('small.yaml'), parent);
    writeFileSync(
      child,
      'extends: parent.yaml\nname: child\nsweep:\n  grid:\n    signals.relay: [0.5, 0.7]\ninterventions:\n  - kind: trust-reform\n    start: 2026-02-04\n    end: 20\n',
    );
    const spec = resolveRunSpec(child, { preset: 'medium', seed: 'cli-seed', replicate: 3, ticks: 12, point: 1, elections: false });
    const first = runToFolder(spec, join(dir, 'runs'), ['csv', 'json']);
    rmSync(parent);
    rmSync(child);
    const manifest = join(first.dir, 'manifest.json');
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    expect(m).toMatchObject({ kind: 'run', seed: 'cli-seed', replicate: 3, point: 1, overrides: { seed: 'cli-seed', horizon: 12 } });
    expect(m.dependencies).toEqual(dataDependencies());
    expect(Object.keys(m.dependencies)).toEqual(['seedrandom', 'simple-statistics', 'hyparquet-writer', 'yaml', 'zod']);
    const printed = await quietly(() => rerunCommand(manifest, options(join(dir, 'rerun-run'))));
    expect(printed.out).toContain('identical to');
    expect(process.exitCode ?? 0).toBe(0);
    const again = join(dir, 'rerun-run', first.dir.split('/').pop()!);
    expectSameFiles(first.dir, again, ['indicators.csv', 'indicators.json']);
    // The rerun's own manifest reruns too: the resolved block is stable.
    expect(JSON.parse(readFileSync(join(again, 'manifest.json'), 'utf8')).resolved).toEqual(m.resolved);
  });

  it('a batch: from the manifest alone, the same bytes in every data file', async () => {
    const files = [join(dir, 'b-small.yaml'), join(dir, 'b-lhs.yaml')];
    copyFileSync(fixture('small.yaml'), files[0]!);
    writeFileSync(files[1]!, readFileSync(fixture('lhs.yaml'), 'utf8').replace('extends: small.yaml', 'extends: b-small.yaml'));
    const out = join(dir, 'batch');
    await runBatch(loadBatchScenarios(files, { replicates: 3, seed: 'batch-seed' }), { out, threads: 2, shard: null, resume: false });
    for (const f of files) rmSync(f);
    const again = join(dir, 'rerun-batch');
    const printed = await quietly(() => rerunCommand(join(out, 'manifest.json'), options(again)));
    expect(printed.out).toMatch(
      /^identical to .*manifest\.json: ticks\.parquet, summary\.parquet, summary\.csv, aggregate\.parquet, aggregate\.csv, points\.csv$/m,
    );
    expectSameFiles(out, again, [...RESULT_FILES, 'points.csv']);
    const a = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(again, 'manifest.json'), 'utf8'));
    expect(b.plan).toBe(a.plan);
    expect(b.files).toEqual(a.files);
  });

  it('the resolved block of a manifest is a valid scenario file: tanker validate accepts it as it is', async () => {
    const out = join(dir, 'validate');
    await runBatch(loadBatchScenarios([fixture('sweep.yaml'), fixture('reform.yaml')], {}), {
      out,
      threads: 1,
      shard: null,
      resume: false,
    });
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    for (const [k, s] of (m.scenarios as { resolved: unknown }[]).entries()) {
      const file = join(dir, `resolved-${k}.json`);
      writeFileSync(file, `${JSON.stringify(s.resolved, null, 2)}\n`);
      const r = loadScenario(file);
      expect(r.ok ? [] : r.errors.map((e) => formatError(e))).toEqual([]);
      if (r.ok) expect(r.scenario.resolved).toEqual(s.resolved);
    }
  });

  it('refuses a manifest of another model version, naming the commit that made it', async () => {
    const m = JSON.parse(readFileSync(join(dir, 'validate', 'manifest.json'), 'utf8'));
    const path = join(dir, 'old-manifest.json');
    writeFileSync(path, JSON.stringify({ ...m, modelVersion: '0.0.1', gitCommit: 'abc123' }));
    await expect(rerunCommand(path, options(join(dir, 'never')))).rejects.toThrow(
      `was made with model version 0.0.1, this tanker has model version ${MODEL_VERSION}: its numbers would differ. To reproduce it, use tanker ${m.version} at git commit abc123.`,
    );
  });

  it('says which files differ from the manifest, with exit code 1 (here: a checksum edited by hand)', async () => {
    const m = JSON.parse(readFileSync(join(dir, 'validate', 'manifest.json'), 'utf8'));
    const path = join(dir, 'edited-manifest.json');
    writeFileSync(path, JSON.stringify({ ...m, files: { ...m.files, 'summary.csv': '0'.repeat(64) } }));
    const printed = await quietly(() => rerunCommand(path, options(join(dir, 'edited'))));
    expect(printed.err).toContain('rerun: summary.csv differs from');
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
  });

  it('an invalid resolved block is reported with its path in the manifest, and nothing runs', async () => {
    const m = JSON.parse(readFileSync(join(dir, 'validate', 'manifest.json'), 'utf8'));
    m.scenarios[1].resolved.horizon = 0;
    const path = join(dir, 'broken-manifest.json');
    writeFileSync(path, JSON.stringify(m));
    await expect(rerunCommand(path, options(join(dir, 'broken')))).rejects.toThrow(
      /the resolved scenario at scenarios\[1\]\.resolved is not a valid scenario \(1 error\(s\)\); nothing was run\.\n {2}scenarios\[1\]\.resolved\.horizon: found 0; allowed: an integer from 1 to 5200$/,
    );
  });
});
