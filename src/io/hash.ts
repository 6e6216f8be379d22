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
