/**
 * Docking suite: six small classic models run on Tanker's engine, each with a check of its
 * published result (docs/docking.md). `dockingTable` runs every check; `tanker dock` prints it.
 * Separate from the municipal model: nothing here reads or writes src/model.
 */

import { textTable } from '../engine/format.js';
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

const COLUMNS = [
  { title: 'model', width: 26 },
  { title: 'published result', width: 40 },
  { title: 'measured effect', width: 58 },
  { title: 'result', width: 6 },
] as const;

/** Plain-text table of the rows: model, published result, measured effect, pass/fail (wrapped cells). */
export function formatDockingTable(rows: readonly DockingCheck[]): string {
  const cells = rows.map((r) => [r.model, r.published, r.measured, r.pass ? 'PASS' : 'FAIL']);
  const passed = rows.filter((r) => r.pass).length;
  return `${textTable(COLUMNS, cells, { gap: ' | ', rowRules: true })}\n${passed} of ${rows.length} docking checks passed.`;
}
