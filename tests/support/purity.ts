// Code that must run in browsers and worker threads: no Node APIs, wall clock or global RNG.
import { readdirSync, readFileSync } from 'node:fs';

export const FORBIDDEN: readonly [string, RegExp][] = [
  ['node: import', /from\s+['"]node:/],
  ['Node builtin import', /from\s+['"](fs|path|os|crypto|worker_threads|child_process)['"]/],
  ['Buffer', /\bBuffer\b/],
  ['process', /\bprocess\./],
  ['Date', /\bDate\b/],
  ['Math.random', /Math\.random/],
  ['performance', /\bperformance\./],
  ['require', /\brequire\(/],
];

/** The .ts files of a folder (recursively), relative to it. */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
}

/** The names of the forbidden things a file uses; comments are stripped so explanations do not count. */
export function impurities(file: string, extra: readonly [string, RegExp][] = []): string[] {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  return [...FORBIDDEN, ...extra].filter(([, re]) => re.test(code)).map(([what]) => what);
}
