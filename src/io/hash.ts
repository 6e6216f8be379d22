/** Content hashes of result files, as every manifest records them. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fsio } from './fs.js';

/** The hex SHA-256 of each named file in `dir`, keyed by name in the order given. */
export function fileHashes(dir: string, files: readonly string[]): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const f of files)
    hashes[f] = createHash('sha256')
      .update(fsio.readFileSync(join(dir, f)))
      .digest('hex');
  return hashes;
}

/** The first 16 hex digits of the SHA-256 of a text: a short name for what decides a result. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
