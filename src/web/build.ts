/**
 * Builds the explorer into a static folder (default dist-web/): index.html, style.css and app.js,
 * with the worker, the model, the scenario code and the scenario library bundled inside app.js.
 * Nothing is loaded from the network, and the folder works from disk (file://) and from any
 * static host. Run it with `npx tsx src/web/build.ts [outDir]`.
 *
 * Browser-only adjustments, made here and nowhere else: `node:path` (imported by
 * src/scenario/errors.ts for file names in CLI messages) becomes a tiny stand-in, and seedrandom's
 * optional `require('crypto')` is dropped through its package.json "browser" field.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildLibrary, type LibraryBuild } from './library.js';

export interface BuildOptions {
  /** Output folder (created if missing). */
  readonly outDir: string;
  /** Project root (holds package.json, src/web and scenarios); found from this file by default. */
  readonly root?: string;
  /** Scenario library folder; default `<root>/scenarios`. */
  readonly scenariosDir?: string;
  /** Minify the bundle (default true). */
  readonly minify?: boolean;
}

export interface BuildResult {
  readonly outDir: string;
  readonly files: readonly string[];
  readonly library: LibraryBuild;
  /** Bytes of app.js. */
  readonly bytes: number;
  readonly ms: number;
}

/** The folder holding package.json above this module (src/web or dist/web). */
export function projectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'web', 'main.ts'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the project root (package.json with src/web/main.ts) above ${from}`);
    dir = up;
  }
}

type Esbuild = typeof import('esbuild');

async function loadEsbuild(): Promise<Esbuild> {
  try {
    return await import('esbuild');
  } catch (e) {
    throw new Error(
      `building the explorer needs the esbuild package (a dev dependency): install the project with its dev dependencies (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}

const PATH_SHIM = `
export const sep = '/';
export function isAbsolute(p) { return p.startsWith('/'); }
export function relative(from, to) { return to; }
export function dirname(p) { const i = p.lastIndexOf('/'); return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i); }
export function join(...parts) { return parts.join('/').replace(/\\/+/g, '/'); }
export function resolve(...parts) { return join(...parts); }
export default { sep, isAbsolute, relative, dirname, join, resolve };
`;

/** Virtual modules: the placeholders library-data.ts, library-index.ts and worker-source.ts get their build-time content. */
function virtualPlugin(name: string, modules: Readonly<Record<string, string>>): import('esbuild').Plugin {
  return {
    name,
    setup(b) {
      b.onResolve({ filter: /^node:path$|^path$/ }, () => ({ path: 'node-path', namespace: 'tanker-shim' }));
      b.onLoad({ filter: /.*/, namespace: 'tanker-shim' }, () => ({ contents: PATH_SHIM, loader: 'js' }));
      b.onResolve({ filter: /^\.\/(library-data|library-index|worker-source)\.js$/ }, (args) => {
        const key = args.path.slice(2, -3);
        return key in modules ? { path: key, namespace: 'tanker-virtual' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'tanker-virtual' }, (args) => ({ contents: modules[args.path] ?? '', loader: 'js' }));
      b.onResolve({ filter: /^node:/ }, (args) => ({
        errors: [{ text: `${args.path} cannot run in a browser (imported by ${args.importer}); keep Node-only modules out of src/web` }],
      }));
    },
  };
}

export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  const t0 = performance.now(); // clock-ok: build time
  const esbuild = await loadEsbuild();
  const root = opts.root ?? projectRoot();
  const web = join(root, 'src', 'web');
  const outDir = resolve(opts.outDir);
  const library = buildLibrary(opts.scenariosDir ?? join(root, 'scenarios'));
  const minify = opts.minify ?? true;
  const common = {
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    absWorkingDir: root,
    define: { 'process.env.NODE_ENV': '"production"' },
  } as const;
  const worker = await esbuild.build({
    ...common,
    entryPoints: [join(web, 'worker.ts')],
    plugins: [virtualPlugin('tanker-worker', { 'library-data': `export const LIBRARY = ${JSON.stringify(library.entries)};` })],
  });
  const workerCode = worker.outputFiles[0]!.text;
  const index = library.entries.map((e) => ({ id: e.id, name: e.name, description: e.description }));
  const app = await esbuild.build({
    ...common,
    entryPoints: [join(web, 'main.ts')],
    plugins: [
      virtualPlugin('tanker-page', {
        'library-index': `export const LIBRARY_INDEX = ${JSON.stringify(index)};`,
        'worker-source': `export const WORKER_SOURCE = ${JSON.stringify(workerCode)};`,
      }),
    ],
  });
  const appCode = app.outputFiles[0]!.text;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'app.js'), appCode);
  copyFileSync(join(web, 'style.css'), join(outDir, 'style.css'));
  writeFileSync(join(outDir, 'index.html'), readFileSync(join(web, 'index.html'), 'utf8'));
  return {
    outDir,
    files: ['index.html', 'style.css', 'app.js'],
    library,
    bytes: Buffer.byteLength(appCode),
    ms: performance.now() - t0, // clock-ok
  };
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? join(projectRoot(), 'dist-web');
  const r = await buildSite({ outDir: out });
  for (const s of r.library.skipped) console.error(`explorer: left out scenarios/${s.id}: ${s.errors.split('\n')[0]}`);
  console.log(
    `built the explorer in ${Math.round(r.ms)} ms: ${r.outDir} (${r.files.join(', ')}; app.js ${(r.bytes / 1024).toFixed(0)} KiB; ${r.library.entries.length} library scenarios)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(`explorer build: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
