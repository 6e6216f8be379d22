/** Reading search and discover files from disk: the file and its scenario (relative to it), checked by search/spec.ts and discovery/spec.ts. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { type DiscoverLoad, parseDiscover } from '../discovery/spec.js';
import type { ScenarioError } from '../scenario/errors.js';
import { loadScenario } from '../scenario/index.js';
import { type LoadBase, parseSearch, type SearchLoad } from '../search/spec.js';

type Parse<T> = (text: string, file: string, name: string, loadBase: LoadBase) => T;

function loadWith<T>(path: string, what: string, parse: Parse<T>): T | { ok: false; errors: ScenarioError[] } {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : String(e);
    return { ok: false, errors: [{ file, line: null, col: null, path: '', message: `cannot read the ${what} file: ${reason}` }] };
  }
  return parse(text, file, basename(file, extname(file)), (written) => {
    const scenarioFile = resolve(dirname(file), written);
    return { file: scenarioFile, exists: existsSync(scenarioFile) && statSync(scenarioFile).isFile(), result: loadScenario(scenarioFile) };
  });
}

export function loadSearch(path: string): SearchLoad {
  return loadWith(path, 'search', parseSearch);
}

export function loadDiscover(path: string): DiscoverLoad {
  return loadWith(path, 'discover', parseDiscover);
}
