// A tiny ensemble file as `tanker calibrate` writes it (only the fields readEnsemble reads, plus
// format and provenance), for tests of the commands that run over an ensemble.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENSEMBLE_FORMAT } from '../../src/batch/ensemble.js';

/** Writes `name` into dir with one member per values entry (equal weights) and the given order; returns its path. */
export function writeTinyEnsemble(
  dir: string,
  name: string,
  values: readonly Readonly<Record<string, number>>[],
  order: readonly number[] = values.map((_, i) => i),
): string {
  const file = join(dir, name);
  const ensemble = {
    format: ENSEMBLE_FORMAT,
    name: name.replace(/\.json$/, ''),
    description: null,
    parameters: Object.keys(values[0]!).map((n) => ({ name: n, min: 0, max: 1 })),
    members: values.map((v) => ({ weight: 1 / values.length, distance: 0, values: v })),
    order,
    rule: 'written by a test',
    provenance: {},
  };
  writeFileSync(file, `${JSON.stringify(ensemble, null, 2)}\n`);
  return file;
}
