/**
 * Build-time (Node): the scenario library for the explorer. Every scenarios/**\/*.yaml (and .yml,
 * .json) file is checked with the CLI's own loader; files that load are flattened (their `extends`
 * chain merged, exactly as the loader merges it) and bundled; files with errors are skipped and
 * reported.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { formatErrors, loadChain, loadScenario, mergeChain } from '../scenario/index.js';
import type { LibraryEntry } from './protocol.js';

export interface LibraryBuild {
  readonly entries: readonly LibraryEntry[];
  /** Files left out, with the loader's errors. */
  readonly skipped: readonly { readonly id: string; readonly errors: string }[];
}

function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else if (/\.(ya?ml|json)$/i.test(n)) out.push(p);
  }
  return out;
}

/** Ids sort with top-level files first (baseline.yaml leads), then by folder and name. */
function byId(a: LibraryEntry, b: LibraryEntry): number {
  const da = a.id.includes('/') ? 1 : 0;
  const db = b.id.includes('/') ? 1 : 0;
  return da - db || a.id.localeCompare(b.id);
}

export function buildLibrary(scenariosDir: string): LibraryBuild {
  const entries: LibraryEntry[] = [];
  const skipped: { id: string; errors: string }[] = [];
  for (const file of listFiles(scenariosDir)) {
    const id = relative(scenariosDir, file).split(sep).join('/');
    // Sensitivity, calibration, search and discover set-ups live beside the scenarios but are not scenarios.
    if (['sensitivity/', 'calibration/', 'search/'].some((d) => id.startsWith(d))) continue;
    const r = loadScenario(file);
    if (!r.ok) {
      skipped.push({ id, errors: formatErrors(r.errors) });
      continue;
    }
    const merged = mergeChain(loadChain(file).files).data;
    delete merged.extends;
    delete merged.$schema;
    entries.push({
      id,
      name: r.scenario.name,
      description: (r.scenario.description ?? '').trim(),
      text: readFileSync(file, 'utf8'),
      data: JSON.parse(JSON.stringify(merged)) as Record<string, unknown>,
    });
  }
  return { entries: entries.sort(byId), skipped };
}
