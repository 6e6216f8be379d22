/** Reading search and discover files from disk, with the scenario and ensemble each names (relative to it), for the pure checkers. */
import { basename, extname } from 'node:path';
import { type DiscoverLoad, parseDiscover } from '../discovery/spec.js';
import { readTextFile } from '../scenario/load.js';
import { baseFromDisk, ensembleFromDisk, type LoadBase, type LoadEnsemble } from '../scenario/spec-file.js';
import { parseSearch, type SearchLoad } from '../search/spec.js';

type Parse<T> = (text: string, file: string, name: string, loadBase: LoadBase, loadEnsemble: LoadEnsemble) => T;

function loadWith<T>(path: string, what: string, parse: Parse<T>) {
  const read = readTextFile(path, `${what} file`);
  return read.ok
    ? parse(read.text, read.file, basename(read.file, extname(read.file)), baseFromDisk(read.file), ensembleFromDisk(read.file))
    : read;
}

export function loadSearch(path: string): SearchLoad {
  return loadWith(path, 'search', parseSearch);
}

export function loadDiscover(path: string): DiscoverLoad {
  return loadWith(path, 'discover', parseDiscover);
}
