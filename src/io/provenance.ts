/**
 * Where a result came from: tool and model version, git commit, Node version, and the installed
 * versions of the dependencies that can change the numbers or the bytes of result files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
  return pkg.version;
}

let commit: string | undefined;

/**
 * The commit of the working tree, with "-dirty" when it has uncommitted changes; "unknown" outside
 * a clone. An installed package (node_modules/tanker) has no .git of its own: asking git there
 * would report the commit of whatever repository it is installed in. Asked once per process.
 */
export function gitCommit(): string {
  commit ??= existsSync(`${root}.git`) ? askGit() : 'unknown';
  return commit;
}

function askGit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    return dirty ? `${head}-dirty` : head;
  } catch {
    return 'unknown';
  }
}

export interface Provenance {
  readonly tool: string;
  readonly version: string;
  readonly modelVersion: string;
  readonly gitCommit: string;
  readonly node: string;
  readonly dependencies: Record<string, string>;
}

export function provenance(): Provenance {
  const version = toolVersion();
  return {
    tool: 'tanker',
    version,
    modelVersion: MODEL_VERSION,
    gitCommit: gitCommit(),
    node: process.version,
    dependencies: dataDependencies(),
  };
}

/**
 * Dependencies in the data path: seedrandom draws every random number, simple-statistics computes
 * the aggregate statistics, hyparquet-writer writes the Parquet bytes, yaml and zod read scenario
 * values. A different version of any of them may change a number or a byte.
 */
export const DATA_DEPENDENCIES = ['seedrandom', 'simple-statistics', 'hyparquet-writer', 'yaml', 'zod'] as const;

const require = createRequire(import.meta.url);

/** The installed version of a package (from its package.json), or "unknown". */
export function installedVersion(pkg: string): string {
  try {
    let dir = dirname(require.resolve(pkg));
    for (;;) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (json.name === pkg && json.version) return json.version;
      }
      const up = dirname(dir);
      if (up === dir) return 'unknown';
      dir = up;
    }
  } catch {
    return 'unknown';
  }
}

let deps: Record<(typeof DATA_DEPENDENCIES)[number], string> | undefined;

export function dataDependencies(): Record<(typeof DATA_DEPENDENCIES)[number], string> {
  deps ??= Object.fromEntries(DATA_DEPENDENCIES.map((p) => [p, installedVersion(p)])) as Record<(typeof DATA_DEPENDENCIES)[number], string>;
  return { ...deps };
}

/** Bumped whenever a change alters simulated numbers for the same scenario and seed. */
export const MODEL_VERSION = '0.3.3';
