// A synthetic scenario-discovery data set with a known box: failures are likely inside
// B = { 0.2 ≤ x1 ≤ 0.6, x2 ≤ 0.5, mechanism ∈ {a, b} } and rare outside.
import { type Box, categoricalColumn, type Dataset } from '../../src/discovery/index.js';
import { Rng } from '../../src/engine/rng.js';

export const INSIDE = 0.9;
export const OUTSIDE = 0.05;

export function synthetic(rows: number, seed: string): Dataset {
  const rng = new Rng(seed);
  const x = Array.from({ length: 5 }, () => [] as number[]);
  const layers: number[] = [];
  const mech: string[] = [];
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (const col of x) col.push(rng.next());
    layers.push(1 + rng.int(5));
    mech.push(['a', 'b', 'c'][rng.int(3)]!);
    const inside = x[0]![i]! >= 0.2 && x[0]![i]! <= 0.6 && x[1]![i]! <= 0.5 && mech[i] !== 'c';
    y.push(rng.bernoulli(inside ? INSIDE : OUTSIDE) ? 1 : 0);
  }
  return {
    columns: [
      ...x.map((values, k) => ({ kind: 'numeric' as const, name: `x${k + 1}`, values })),
      { kind: 'numeric', name: 'layers', values: layers, integer: true },
      categoricalColumn('mechanism', mech),
    ],
    y,
  };
}

/** The true box on this data's columns. */
export function trueBox(data: Dataset): Box {
  return {
    limits: data.columns.map((c) => {
      if (c.kind === 'categorical') return { kind: 'categorical', levels: c.name === 'mechanism' ? [0, 1] : c.levels.map((_, i) => i) };
      if (c.name === 'x1') return { kind: 'numeric', lo: 0.2, hi: 0.6 };
      if (c.name === 'x2') return { kind: 'numeric', lo: 0, hi: 0.5 };
      return { kind: 'numeric', lo: Math.min(...c.values), hi: Math.max(...c.values) };
    }),
  };
}
