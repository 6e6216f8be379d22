/**
 * Docking suite: six small classic models run on Tanker's engine, each with a check of its
 * published result (docs/docking.md). `dockingTable` runs every check; `tanker dock` prints it.
 * Separate from the municipal model: nothing here reads or writes src/model.
 */

import { dockBass } from './bass.js';
import { type DockingCheck, type DockOptions, replicatesOf } from './common.js';
import { dockDeffuant } from './deffuant.js';
import { dockFangLeeSchilling } from './fang-lee-schilling.js';
import { dockGranovetter } from './granovetter.js';
import { dockLazerFriedman } from './lazer-friedman.js';
import { dockMarch } from './march.js';

export * from './bass.js';
export * from './common.js';
export * from './deffuant.js';
export * from './fang-lee-schilling.js';
export * from './granovetter.js';
export * from './lazer-friedman.js';
export * from './march.js';

export interface DockingModel {
  readonly id: string;
  readonly check: (opts: DockOptions) => DockingCheck;
}

/** The six docking checks, in the order of docs/docking.md. */
export const DOCKING_MODELS: readonly DockingModel[] = [
  { id: 'march', check: dockMarch },
  { id: 'lazer-friedman', check: dockLazerFriedman },
  { id: 'fang-lee-schilling', check: dockFangLeeSchilling },
  { id: 'granovetter', check: dockGranovetter },
  { id: 'deffuant', check: dockDeffuant },
  { id: 'bass', check: dockBass },
];

export interface DockingTableOptions extends DockOptions {
  /** Run only these check ids (default all). */
  only?: readonly string[];
  /** Called before each check starts (for progress output). */
  onStart?: (id: string, index: number, total: number) => void;
}

/**
 * Runs the docking checks and returns one row per model. With `replicates`, every check uses
 * that many replicates per condition (the Bass check averages that many curves); otherwise each
 * uses its default. Deterministic for a given seed.
 */
export function dockingTable(opts: DockingTableOptions = {}): DockingCheck[] {
  if (opts.replicates !== undefined) replicatesOf(opts, 1);
  const models = opts.only ? DOCKING_MODELS.filter((m) => opts.only!.includes(m.id)) : DOCKING_MODELS;
  if (opts.only) {
    const unknown = opts.only.filter((id) => !DOCKING_MODELS.some((m) => m.id === id));
    if (unknown.length > 0)
      throw new RangeError(`unknown docking model(s): ${unknown.join(', ')} (known: ${DOCKING_MODELS.map((m) => m.id).join(', ')})`);
  }
  const dock: DockOptions = {};
  if (opts.replicates !== undefined) dock.replicates = opts.replicates;
  if (opts.seed !== undefined) dock.seed = opts.seed;
  return models.map((m, i) => {
    opts.onStart?.(m.id, i, models.length);
    return m.check(dock);
  });
}

/** Greedy word wrap to `width` columns (long words are cut). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter((w) => w.length > 0)) {
    while (word.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

const COLUMNS = [
  { title: 'model', width: 26 },
  { title: 'published result', width: 40 },
  { title: 'measured effect', width: 58 },
  { title: 'result', width: 6 },
] as const;

/** Plain-text table of the rows: model, published result, measured effect, pass/fail (wrapped cells). */
export function formatDockingTable(rows: readonly DockingCheck[]): string {
  const rule = COLUMNS.map((c) => '-'.repeat(c.width)).join('-+-');
  const out = [COLUMNS.map((c) => c.title.padEnd(c.width)).join(' | '), rule];
  for (const r of rows) {
    const cells = [r.model, r.published, r.measured, r.pass ? 'PASS' : 'FAIL'].map((text, i) => wrapText(text, COLUMNS[i]!.width));
    const height = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < height; k++)
      out.push(
        cells
          .map((c, i) => (c[k] ?? '').padEnd(COLUMNS[i]!.width))
          .join(' | ')
          .trimEnd(),
      );
    out.push(rule);
  }
  const passed = rows.filter((r) => r.pass).length;
  out.push(`${passed} of ${rows.length} docking checks passed.`);
  return out.join('\n');
}
