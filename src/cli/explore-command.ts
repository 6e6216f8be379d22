/** `tanker explore`: build the classroom explorer and serve it on 127.0.0.1. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { buildSite, projectRoot } from '../web/build.js';
import { serveStatic } from '../web/serve.js';

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

export async function exploreCommand(opts: ExploreOptions): Promise<void> {
  const out = resolve(opts.out ?? resolve(projectRoot(), 'dist-web'));
  if (!opts.force) checkSiteFolder(out);
  const r = await buildSite({ outDir: out });
  for (const s of r.library.skipped) console.error(`explore: left out scenarios/${s.id} (it has errors; see tanker validate)`);
  console.log(`built the explorer in ${Math.round(r.ms)} ms: ${r.outDir} (${r.library.entries.length} library scenarios)`);
  if (opts.buildOnly) {
    console.log(`open ${resolve(r.outDir, 'index.html')} in a browser, or put the folder on any static web host`);
    return;
  }
  const server = await serveStatic(r.outDir, opts.port);
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
