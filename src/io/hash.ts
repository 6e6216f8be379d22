/** Content hashes of result files, as every manifest records them. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The hex SHA-256 of each named file in `dir`, keyed by name in the order given. */
export function fileHashes(dir: string, files: readonly string[]): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const f of files)
    hashes[f] = createHash('sha256')
      .update(readFileSync(join(dir, f)))
      .digest('hex');
  return hashes;
}
