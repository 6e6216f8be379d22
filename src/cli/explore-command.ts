/** `tanker explore`: build the classroom explorer (or take the one an installed package ships) and serve it on 127.0.0.1. */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Command, InvalidArgumentError } from 'commander';

export interface ExploreOptions {
  port: number;
  buildOnly: boolean;
  out?: string;
  force?: boolean;
}

const SITE_FILES = ['index.html', 'app.js', 'style.css'];

/**
 * The site may go into a new or empty folder, or over an earlier build of the explorer (its
 * index.html has the explorer's title); anything else would be overwritten, so it is refused.
 */
export function checkSiteFolder(out: string): void {
  if (!existsSync(out)) return;
  const present = readdirSync(out);
  if (present.length === 0) return;
  const index = join(out, 'index.html');
  if (existsSync(index) && readFileSync(index, 'utf8').includes('<title>Tanker explorer')) return;
  const clash = present.filter((f) => SITE_FILES.includes(f));
  throw new Error(
    `${out} is not empty and holds no earlier build of the explorer${clash.length > 0 ? ` (${clash.join(', ')} would be overwritten)` : ''}; choose a new or empty folder, or pass --force to write into it anyway`,
  );
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`--port must be an integer in [0, 65535], got "${v}".`);
  return n;
}

/** The project folder (src/cli or dist/cli alike): holds src/web in a clone, and the prebuilt dist-web in an installed package. */
const root = fileURLToPath(new URL('../../', import.meta.url));

export async function exploreCommand(opts: ExploreOptions): Promise<void> {
  const site = existsSync(join(root, 'src', 'web', 'main.ts'))
    ? await buildExplorer(opts.out, opts.force === true)
    : prebuiltExplorer(opts.out, opts.force === true);
  if (opts.buildOnly) {
    console.log(`open ${resolve(site, 'index.html')} in a browser, or put the folder on any static web host`);
    return;
  }
  const { serveStatic } = await import('../web/serve.js');
  const server = await serveStatic(site, opts.port);
  console.log(`explorer: ${server.url}`);
  console.log('press Ctrl+C to stop');
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerExplore(program: Command): void {
  program
    .command('explore')
    .description('Build the classroom explorer ("turning the tanker" in a browser) and serve it on 127.0.0.1.')
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', parsePort, 8080)
    .option('--build-only', 'only build the static folder; do not serve it', false)
    .option('--out <dir>', 'output folder for the static site (default: dist-web in the project)')
    .option('--force', 'write into --out even if it holds other files (index.html, app.js and style.css are replaced)', false)
    .action((opts: ExploreOptions) => exploreCommand(opts));
}

/** In a clone: bundle the explorer from its sources (with the scenario library as it is now). */
async function buildExplorer(out: string | undefined, force: boolean): Promise<string> {
  const { buildSite } = await import('../web/build.js');
  const outDir = resolve(out ?? join(root, 'dist-web'));
  if (!force) checkSiteFolder(outDir);
  const r = await buildSite({ outDir, root });
  for (const s of r.library.skipped) console.error(`explore: left out scenarios/${s.id} (it has errors; see tanker validate)`);
  console.log(`built the explorer in ${Math.round(r.ms)} ms: ${r.outDir} (${r.library.entries.length} library scenarios)`);
  return r.outDir;
}

/** In an installed package: the explorer built when the package was packed (npm pack runs the build); copied if --out is given. */
function prebuiltExplorer(out: string | undefined, force: boolean): string {
  const site = join(root, 'dist-web');
  if (!existsSync(join(site, 'index.html')))
    throw new Error(`this installation has neither the explorer's sources (${join(root, 'src', 'web')}) nor a built explorer (${site})`);
  if (out === undefined) {
    console.log(`the explorer of this installation: ${site}`);
    return site;
  }
  if (!force) checkSiteFolder(resolve(out));
  cpSync(site, resolve(out), { recursive: true });
  console.log(`copied the explorer of this installation to ${resolve(out)}`);
  return resolve(out);
}
