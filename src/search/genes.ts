/**
 * Decision variables on the optimiser's real-coded genome: every gene lives in [0, 1] and is
 * decoded into a real in [min, max], an integer in {min, …, max} (equal-width intervals of the
 * gene, one per integer) or one of a list of options (likewise). The optimiser only ever sees
 * [0, 1]^d, so SBX and polynomial mutation apply to every kind.
 */
import { checkNames } from '../checks/fields.js';

export type GeneSpec =
  | { readonly kind: 'real'; readonly name: string; readonly min: number; readonly max: number }
  | { readonly kind: 'integer'; readonly name: string; readonly min: number; readonly max: number }
  | { readonly kind: 'categorical'; readonly name: string; readonly options: readonly string[] };

export type GeneValue = number | string;

/** Throws a message naming the gene, the field, the value and what is allowed. */
export function validateGenes(genes: readonly GeneSpec[], path = 'genes'): void {
  checkNames(genes, path, 'genes');
  genes.forEach((g, i) => {
    const at = `${path}[${i}]`;
    if (g.kind === 'categorical') {
      if (!Array.isArray(g.options) || g.options.length === 0) throw new RangeError(`${at}.options: expected a non-empty list`);
      return;
    }
    if (g.kind !== 'real' && g.kind !== 'integer') {
      throw new RangeError(`${at}.kind: found ${JSON.stringify((g as { kind: unknown }).kind)}; allowed: real, integer, categorical`);
    }
    for (const key of ['min', 'max'] as const) {
      const v = g[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || (g.kind === 'integer' && !Number.isInteger(v))) {
        throw new RangeError(`${at}.${key}: found ${v}; allowed: a finite ${g.kind === 'integer' ? 'integer' : 'number'}`);
      }
    }
    if (!(g.max >= g.min)) throw new RangeError(`${at}.max: found ${g.max}; allowed: a number ≥ min (${g.min})`);
  });
}

/** Index of the equal-width interval of [0, 1] that x falls in, out of n (x = 1 belongs to the last). */
function cell(x: number, n: number): number {
  return Math.min(n - 1, Math.max(0, Math.floor(x * n)));
}

/** The value a gene in [0, 1] stands for. */
export function decodeGene(spec: GeneSpec, x: number): GeneValue {
  switch (spec.kind) {
    case 'real':
      return spec.min + x * (spec.max - spec.min);
    case 'integer':
      return spec.min + cell(x, spec.max - spec.min + 1);
    case 'categorical':
      return spec.options[cell(x, spec.options.length)]!;
  }
}

/** A gene that decodes to `value`: exact for reals, the middle of its interval for integers and options. */
export function encodeGene(spec: GeneSpec, value: GeneValue): number {
  switch (spec.kind) {
    case 'real': {
      const v = value as number;
      if (!(v >= spec.min && v <= spec.max)) throw new RangeError(`${spec.name}: found ${v}; allowed: ${spec.min} to ${spec.max}`);
      return spec.max > spec.min ? (v - spec.min) / (spec.max - spec.min) : 0.5;
    }
    case 'integer': {
      const v = value as number;
      if (!Number.isInteger(v) || v < spec.min || v > spec.max)
        throw new RangeError(`${spec.name}: found ${v}; allowed: an integer from ${spec.min} to ${spec.max}`);
      return (v - spec.min + 0.5) / (spec.max - spec.min + 1);
    }
    case 'categorical': {
      const k = spec.options.indexOf(value as string);
      if (k < 0) throw new RangeError(`${spec.name}: found ${JSON.stringify(value)}; allowed: ${spec.options.join(', ')}`);
      return (k + 0.5) / spec.options.length;
    }
  }
}

/** A genome decoded into named values, in the order of `specs`. */
export function decodeGenome(specs: readonly GeneSpec[], genome: readonly number[]): Record<string, GeneValue> {
  if (genome.length !== specs.length) throw new RangeError(`genome has ${genome.length} genes; expected ${specs.length}`);
  const out: Record<string, GeneValue> = {};
  specs.forEach((s, i) => {
    Object.defineProperty(out, s.name, { value: decodeGene(s, genome[i]!), enumerable: true, writable: true, configurable: true });
  });
  return out;
}

/** The genome of named values (every gene must be given). */
export function encodeGenome(specs: readonly GeneSpec[], values: Readonly<Record<string, GeneValue>>): number[] {
  return specs.map((s) => {
    if (!Object.hasOwn(values, s.name)) throw new RangeError(`${s.name}: missing; every gene needs a value`);
    return encodeGene(s, values[s.name]!);
  });
}
