/**
 * Parameter registry. Every number in the model is declared once, in the module of the mechanism
 * that uses it, with its default, allowed range, meaning and source. Defaults are modelling
 * assumptions: the sources give signs and conditions, not magnitudes (shared/MODEL.md), so
 * nothing here is calibrated. The same declarations feed validation and the ODD parameter tables.
 */
export interface ParamSpec {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** What the parameter means, in one line. */
  readonly doc: string;
  /** Seed file / digest code the mechanism rests on (see docs/sources.md), or "assumption". */
  readonly source: string;
}

export type ParamGroup = Readonly<Record<string, ParamSpec>>;
export type GroupValues<G extends ParamGroup> = { -readonly [K in keyof G]: number };

export function param(def: number, range: readonly [number, number], doc: string, source: string, integer = false): ParamSpec {
  if (def < range[0] || def > range[1]) throw new Error(`default ${def} outside [${range[0]}, ${range[1]}]`);
  return integer
    ? { default: def, min: range[0], max: range[1], doc, source, integer }
    : { default: def, min: range[0], max: range[1], doc, source };
}

export function groupDefaults<G extends ParamGroup>(g: G): GroupValues<G> {
  return Object.fromEntries(Object.entries(g).map(([k, s]) => [k, s.default])) as GroupValues<G>;
}

/** Parameter values of a world, by group then name (typed per group where a mechanism reads them). */
export type ParamValues = Readonly<Record<string, Readonly<Record<string, number>>>>;
