// The public package: `npm pack` gives a tarball that installs into a folder outside the project
// and runs `tanker` there, and whose API (types included) works from an installed copy. The
// README's API example is type-checked and run against it.
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBuiltin, packageOf, sourceGraph } from '../support/source-graph.js';

const ROOT = join(import.meta.dirname, '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** What `npm pack` needs from the project: the package's files and the build's inputs. */
const PACK_INPUTS = [
  'package.json',
  'README.md',
  'tsconfig.json',
  'tsconfig.build.json',
  'scenario.schema.json',
  'src',
  'scenarios',
  'ensembles',
  'calibrations',
  'docs',
];

const work = mkdtempSync(join(tmpdir(), 'tanker-pack-'));
const consumer = join(work, 'consumer');
let tarball = '';
let packed: { path: string; size: number }[] = [];
let tarballBytes = 0;

/** npm and node without the npm_* variables of the `npm test` that runs us (so the child npm reads its own config). */
function run(cmd: string, args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  const opts: SpawnSyncOptions = { cwd, encoding: 'utf8', env: { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false' } };
  const r = spawnSync(cmd, args, opts);
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

function ok(r: { status: number | null; stdout: string; stderr: string }, what: string): string {
  expect(r.status, `${what} failed:\n${r.stderr}\n${r.stdout}`).toBe(0);
  return r.stdout;
}

const tanker = (...args: string[]) => run(process.execPath, [join(consumer, 'node_modules/.bin/tanker'), ...args], consumer);

beforeAll(() => {
  // Pack a copy, so the build (prepack) never rewrites this project's dist/ under other tests.
  const copy = join(work, 'project');
  for (const f of PACK_INPUTS) cpSync(join(ROOT, f), join(copy, f), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const out = ok(run('npm', ['pack', '--json', '--pack-destination', work], copy), 'npm pack');
  // The prepack build prints to stdout too; the JSON report is the last thing there.
  const report = (
    JSON.parse(out.slice(out.search(/^\[/m))) as { filename: string; size: number; files: { path: string; size: number }[] }[]
  )[0]!;
  tarball = join(work, report.filename);
  packed = report.files;
  tarballBytes = report.size;

  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' })}\n`);
  ok(run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], consumer), 'npm install of the tarball');
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('holds the build with its types, the scenario library and the built explorer; no tests, sources or source maps', () => {
    const paths = packed.map((f) => f.path);
    for (const f of [
      'dist/cli/main.js',
      'dist/api/index.js',
      'dist/api/index.d.ts',
      'dist/batch/worker.js',
      'scenarios/baseline.yaml',
      'ensembles/default.json', // tanker demo runs over it
      'calibrations/facts.yaml',
      'dist-web/index.html',
      'dist-web/app.js',
    ])
      expect(paths, f).toContain(f);
    expect(paths.filter((p) => /^(tests|src|notebooks|output)\/|\.map$|^dist\/bench\//.test(p))).toEqual([]);
    console.log(`tarball ${(tarballBytes / 1024).toFixed(0)} KiB, ${packed.length} files`);
  });

  it('lists as dependencies every package the installed code loads (esbuild only builds the explorer from sources)', () => {
    const g = sourceGraph();
    const used = g.edges
      .filter((e) => e.external && e.kind !== 'type' && !e.from.startsWith('bench/') && !isBuiltin(e.to))
      .map((e) => packageOf(e.to));
    const missing = [...new Set(used)].filter((p) => !(p in PKG.dependencies) && p !== 'esbuild');
    expect(missing).toEqual([]);
    expect(PKG.devDependencies).toHaveProperty('esbuild');
  });
});

describe('the installed package', () => {
  it('runs tanker from a folder outside the project', () => {
    expect(ok(tanker('--help'), 'tanker --help')).toMatch(/Usage: tanker[\s\S]*run \[options\] \[scenario\]/);
    expect(ok(tanker('--version'), 'tanker --version').trim()).toBe(PKG.version);
    expect(ok(run('npx', ['--no-install', 'tanker', '--version'], consumer), 'npx tanker').trim()).toBe(PKG.version);
    expect(ok(tanker('run', '--preset', 'small', '--ticks', '20', '--out', 'runs'), 'tanker run')).toMatch(
      /default-small: seed tanker, replicate 0, 20 weeks/,
    );
    const manifest = JSON.parse(readFileSync(join(consumer, 'runs/default-small-seedtanker-rep0/manifest.json'), 'utf8'));
    expect([manifest.version, manifest.gitCommit]).toEqual([PKG.version, 'unknown']);
  });

  it('validates and runs the scenario library it ships, and copies its built explorer', () => {
    const library = join(consumer, 'node_modules/tanker/scenarios');
    expect(ok(tanker('validate', `${library}/baseline.yaml`, `${library}/teaching/tugboats.yaml`), 'tanker validate')).toMatch(
      /^ok {2}.*tugboats\.yaml/m,
    );
    expect(
      ok(tanker('run', `${library}/teaching/tugboats.yaml`, '--ticks', '12', '--format', 'csv', '--out', 'runs'), 'tanker run'),
    ).toMatch(/^tugboats: /);
    ok(tanker('explore', '--build-only', '--out', 'site'), 'tanker explore --build-only');
    expect(readFileSync(join(consumer, 'site/index.html'), 'utf8')).toMatch(/<script/);
    expect(existsSync(join(consumer, 'site/app.js'))).toBe(true);
  });

  it('serves the API to a plain .mjs script', () => {
    writeFileSync(
      join(consumer, 'check.mjs'),
      [
        "import { createSimulation, INDICATORS, presetConfig, runReplicate } from 'tanker';",
        "const config = { ...presetConfig('small'), ticks: 12 };",
        "const sim = createSimulation(config, { seed: 'pack', replicate: 1 });",
        'sim.step(5);',
        "const staff = sim.agents('staff');",
        "const whole = runReplicate(config, 'pack', 1).data;",
        'const same = sim.run().data.every((v, i) => Object.is(v, whole[i]));',
        'console.log(JSON.stringify({ tick: sim.tick, indicators: INDICATORS.length, staff: staff.id.length, same }));',
      ].join('\n'),
    );
    const out = JSON.parse(ok(run(process.execPath, ['check.mjs'], consumer), 'check.mjs'));
    expect(out).toMatchObject({ tick: 12, same: true });
    expect(out.indicators).toBeGreaterThan(40);
    expect(out.staff).toBeGreaterThan(100);
  });

  it('type-checks and runs the README example against the installed package', () => {
    const example = readFileSync(join(ROOT, 'examples/api.ts'), 'utf8');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'README shows examples/api.ts as it is').toContain(example.trim());
    writeFileSync(join(consumer, 'api.ts'), example);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2023',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: true,
          outDir: 'out',
          typeRoots: [join(ROOT, 'node_modules/@types')],
          types: ['node'],
        },
        files: ['api.ts'],
      }),
    );
    ok(run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], consumer), 'tsc on the example');
    const out = ok(run(process.execPath, ['out/api.js'], consumer), 'the example');
    expect(out).toMatch(/^week 52: index 0\.\d{3}, NPG in practice \d+\.\d %$/m);
    expect(out).toMatch(/^openness: tugboats 0\.\d{3}, others 0\.\d{3}$/m);
    expect(out).toMatch(/^single-top-push − baseline: -?\d\.\d{3} \[/m);
    const results = /^batch results in (.+)$/m.exec(out)?.[1];
    expect(results && existsSync(join(results, 'summary.csv'))).toBe(true);
    rmSync(results!, { recursive: true, force: true });
  });
});
