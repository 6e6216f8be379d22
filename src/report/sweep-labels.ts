/**
 * How a sweep point is named for people: by its swept values ("relay-silo-sweep silo strength =
 * 0.6, relay = 0.4"), not by its index. Pure (no Node APIs), so that any output can name points
 * the same way.
 */
import { decimalsFor, exactDecimals, fmt } from '../engine/format.js';
import { type Lang, numberStyle } from './names.js';

/** "siloStrength" → "silo strength". */
function words(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * Readable names of swept parameters: the last part of `group.name` in words ("organisation.siloStrength"
 * → "silo strength"); the full name where two of the names would read the same.
 */
export function sweepParameterNames(keys: readonly string[]): Record<string, string> {
  const short = (k: string) => words(k.slice(k.lastIndexOf('.') + 1));
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = keys.some((o) => o !== k && short(o) === short(k)) ? k : short(k);
  return out;
}

/** A swept value as written in the language: exact for round values (0.6, 60000), about three significant digits otherwise (0.484). */
export function sweepValue(lang: Lang, v: number): string {
  const a = Math.abs(v);
  return fmt(v, Math.min(exactDecimals(a), decimalsFor(a)), numberStyle(lang));
}

/** "silo strength = 0.6, relay = 0.4" (Norwegian: decimal commas, so the pairs are separated by semicolons). */
export function pointLabel(lang: Lang, values: Readonly<Record<string, number>>): string {
  const keys = Object.keys(values);
  const names = sweepParameterNames(keys);
  return keys.map((k) => `${names[k]} = ${sweepValue(lang, values[k]!)}`).join(lang === 'nb' ? '; ' : ', ');
}

/** The name of an arm: the scenario, followed by its swept values when the scenario has several points. */
export function armName(lang: Lang, scenario: string, values: Readonly<Record<string, number>>, points: number): string {
  return points > 1 && Object.keys(values).length > 0 ? `${scenario} ${pointLabel(lang, values)}` : scenario;
}
