/** Reading search files from disk: the file and its base scenario (relative to it), checked by search/spec.ts. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { loadScenario } from '../scenario/index.js';
import { parseSearch, type SearchLoad } from '../search/spec.js';

export function loadSearch(path: string): SearchLoad {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : String(e);
    return { ok: false, errors: [{ file, line: null, col: null, path: '', message: `cannot read the search file: ${reason}` }] };
  }
  return parseSearch(text, file, basename(file, extname(file)), (written) => {
    const scenarioFile = resolve(dirname(file), written);
    return { file: scenarioFile, exists: existsSync(scenarioFile) && statSync(scenarioFile).isFile(), result: loadScenario(scenarioFile) };
  });
}
