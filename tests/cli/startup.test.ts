// Start-up: commands load only what they use. `tanker --help` and `tanker validate` never load the
// renderer (vega, resvg) or DuckDB; checked on the import graph and on the modules a real process loads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ImportKind, packageOf, reachable, sourceGraph } from '../support/source-graph.js';

const ROOT = join(import.meta.dirname, '../..');
const TRACER = join(ROOT, 'tests/support/trace-modules.mjs');

/** Packages for drawing and querying: loaded only by the actions that draw or query. */
const RENDER_AND_QUERY = ['vega', 'vega-lite', 'vega-embed', '@resvg/resvg-js', '@duckdb/node-api', '@duckdb/node-bindings'];
/** Packages an action needs for its work (parsing, threads, Parquet, bundling, progress bars): not loaded to declare the commands. */
const WORK = ['zod', 'yaml', 'piscina', 'hyparquet-writer', 'esbuild', 'cli-progress'];

const graph = sourceGraph();

/** The npm packages a file loads at start-up through `kinds` of imports, itself and the files it imports included. */
function packagesFrom(entry: string, kinds: readonly ImportKind[]): string[] {
  const files = reachable([entry], graph.edges, kinds);
  return [
    ...new Set(graph.edges.filter((e) => e.external && kinds.includes(e.kind) && files.has(e.from)).map((e) => packageOf(e.to))),
  ].sort();
}

const work = mkdtempSync(join(tmpdir(), 'tanker-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run the CLI from the sources with the module tracer; the npm packages the process loaded. */
function loadedPackages(name: string, args: readonly string[]): { status: number | null; stdout: string; packages: string[] } {
  const trace = join(work, `${name}.txt`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', TRACER, 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TANKER_TRACE_MODULES: trace },
  });
  const urls = readFileSync(trace, 'utf8').split('\n');
  const packages = new Set<string>();
  for (const u of urls) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
    if (m) packages.add(m[1]!);
  }
  return { status: r.status, stdout: r.stdout, packages: [...packages].sort() };
}

const heavy = (packages: readonly string[], list: readonly string[]) => packages.filter((p) => list.includes(p));

describe('start-up: the import graph', () => {
  it('main.ts and the command declarations import no renderer, DuckDB or work package at the top', () => {
    const atStart = packagesFrom('cli/main.ts', ['static']);
    expect(atStart).toContain('commander');
    expect(heavy(atStart, [...RENDER_AND_QUERY, ...WORK])).toEqual([]);
  });

  it('the actions do reach them, through await import()', () => {
    const all = packagesFrom('cli/main.ts', ['static', 'dynamic']);
    expect(heavy(all, ['vega', '@resvg/resvg-js', 'zod', 'piscina'])).toEqual(['@resvg/resvg-js', 'piscina', 'vega', 'zod']);
  });

  it('the public API (import from "tanker") loads no renderer, DuckDB or bundler', () => {
    expect(graph.files).toContain('api/index.ts');
    expect(heavy(packagesFrom('api/index.ts', ['static']), [...RENDER_AND_QUERY, 'esbuild'])).toEqual([]);
  });
});

describe('start-up: what a real process loads', () => {
  it('tanker --help loads commander and none of the work packages', () => {
    const r = loadedPackages('help', ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Commands:/);
    expect(r.packages).toContain('commander');
    expect(heavy(r.packages, [...RENDER_AND_QUERY, ...WORK])).toEqual([]);
  });

  it('tanker validate loads the scenario parser and validator, but no renderer or DuckDB', () => {
    const r = loadedPackages('validate', ['validate', 'scenarios/baseline.yaml', 'scenarios/sensitivity/baseline-structure.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok {2}scenarios\/baseline\.yaml/m);
    // The tracer sees packages loaded late, through await import(), too.
    expect(r.packages).toEqual(expect.arrayContaining(['commander', 'yaml', 'zod']));
    expect(heavy(r.packages, RENDER_AND_QUERY)).toEqual([]);
  });
});
