// Helpers for batch tests: fixtures, scratch folders, result files and a small CSV reader.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { BatchScenario } from '../../src/batch/index.js';
import { loadBatchScenarios } from '../../src/cli/scenarios.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** Scenario fixtures as batch inputs (validated like `tanker batch` does). */
export function scenarios(...names: string[]): BatchScenario[] {
  return loadBatchScenarios(names.map(fixture), {});
}

/** The result tables every complete batch writes (points.csv only with a sweep). */
export const RESULT_FILES = ['ticks.parquet', 'summary.parquet', 'summary.csv', 'aggregate.parquet', 'aggregate.csv'] as const;

/** A scratch folder under the system temp dir, removed by the returned cleanup. */
export async function scratch(label: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `tanker-batch-${label}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Every listed file is byte-identical in both folders. */
export function expectSameFiles(a: string, b: string, files: readonly string[]): void {
  for (const f of files) {
    const x = readFileSync(join(a, f));
    const y = readFileSync(join(b, f));
    expect(x.length, `${f}: size`).toBeGreaterThan(0);
    expect(x.equals(y), `${f} differs between ${a} and ${b}`).toBe(true);
  }
}

/** Parse a CSV written by the batch (quotes only around text with commas, quotes or newlines). */
export function readCsv(path: string): { header: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const header = split(lines[0]!);
  const rows = lines.slice(1).map((l) => {
    const cells = split(l);
    expect(cells.length, `row "${l.slice(0, 60)}..." has the header's width`).toBe(header.length);
    return Object.fromEntries(header.map((h, j) => [h, cells[j]!]));
  });
  return { header, rows };
}
