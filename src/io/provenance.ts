/** Where a result came from: tool version, git commit, Node version. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * The commit of the working tree, with "-dirty" when it has uncommitted changes; "unknown" outside
 * a clone. An installed package (node_modules/tanker) has no .git of its own: asking git there
 * would report the commit of whatever repository it is installed in.
 */
export function gitCommit(): string {
  if (!existsSync(`${root}.git`)) return 'unknown';
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

export function provenance(): { tool: string; version: string; modelVersion: string; gitCommit: string; node: string } {
  const version = toolVersion();
  return { tool: 'tanker', version, modelVersion: MODEL_VERSION, gitCommit: gitCommit(), node: process.version };
}

/** Bumped whenever a change alters simulated numbers for the same scenario and seed. */
export const MODEL_VERSION = '0.2.1';
