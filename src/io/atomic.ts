/** Atomic writes: write to a temporary file in the same folder, then rename over the target. */

import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

// Temporary names must not collide across hosts sharing a file system (pids repeat, in
// containers often 1), so they carry the host name and a random UUID as well.
const unique = `${hostname()}-${process.pid}-${randomUUID()}`;
let counter = 0;

/** A temporary name beside `path` that no other process on any host will use. */
export function tempPath(path: string): string {
  return `${path}.tmp-${unique}-${counter++}`;
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
