/**
 * The data scenario discovery works on: one row per world (or run), input columns that are
 * numeric (possibly integer) or categorical, and an outcome y in [0, 1] per row: 1 for a case of
 * interest (a failure), 0 otherwise, or a share (e.g. the share of a world's replicates that
 * failed). Columns are stored as arrays; categorical columns as integer codes into `levels`.
 */
import { checkNames } from '../checks/fields.js';

export type Column =
  | { readonly kind: 'numeric'; readonly name: string; readonly values: readonly number[]; readonly integer?: boolean }
  | { readonly kind: 'categorical'; readonly name: string; readonly values: readonly number[]; readonly levels: readonly string[] };

export interface Dataset {
  readonly columns: readonly Column[];
  /** Outcome per row in [0, 1]; 1 marks a case of interest. */
  readonly y: readonly number[];
}

/** A categorical column from strings; levels are the distinct strings in sorted order. */
export function categoricalColumn(name: string, values: readonly string[]): Column {
  const levels = [...new Set(values)].sort();
  const code = new Map(levels.map((l, i) => [l, i]));
  return { kind: 'categorical', name, levels, values: values.map((v) => code.get(v)!) };
}

/** Throws a message naming the field path, the value and what is allowed for the first problem. */
export function validateDataset(data: Dataset, path = 'data'): void {
  const n = data.y.length;
  if (n === 0) throw new RangeError(`${path}.y: found no rows; allowed: at least one row`);
  data.y.forEach((v, i) => {
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${path}.y[${i}]: found ${v}; allowed: a number in [0, 1]`);
  });
  checkNames(data.columns, `${path}.columns`, 'input columns');
  data.columns.forEach((c, j) => {
    const at = `${path}.columns[${j}]`;
    if (c.values.length !== n) throw new RangeError(`${at}.values: found ${c.values.length} values; allowed: one per row (${n})`);
    c.values.forEach((v, i) => {
      const ok =
        c.kind === 'numeric'
          ? Number.isFinite(v) && (!c.integer || Number.isInteger(v))
          : Number.isInteger(v) && v >= 0 && v < c.levels.length;
      if (!ok) {
        const allowed =
          c.kind === 'numeric' ? (c.integer ? 'an integer' : 'a finite number') : `a level code from 0 to ${c.levels.length - 1}`;
        throw new RangeError(`${at}.values[${i}] (${c.name}): found ${v}; allowed: ${allowed}`);
      }
    });
  });
}
