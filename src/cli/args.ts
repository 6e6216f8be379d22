/** Shared argument parsers for the command line. */
import { InvalidArgumentError } from 'commander';
import { RECORDABLE, type Recordable, type RecordSpec } from '../model/index.js';
import { isShortText, LIMITS } from '../scenario/limits.js';

export function parseIntArg(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be an integer in [${min}, ${max}], got "${v}".`);
    return n;
  };
}

/**
 * --seed: a text the scenario format would accept as a seed (it names output folders). A plain
 * Error, not commander's InvalidArgumentError, so that the value is not echoed in full.
 */
export function parseSeedArg(v: string): string {
  if (!isShortText(v)) {
    const shown = v.length > 40 ? `${JSON.stringify(v.slice(0, 40))}… (${v.length} characters)` : JSON.stringify(v);
    throw new Error(`--seed must be a text of 1 to ${LIMITS.nameLength} characters on one line, got ${shown}`);
  }
  return v;
}

/** --replicates, with the scenario format's limit. */
export const parseReplicatesArg = parseIntArg('--replicates', 1, LIMITS.replicates);

/** --record: a comma-separated list of what to record beyond the indicators. */
export function parseRecordArg(v: string): Recordable[] {
  const items = v.split(',').map((s) => s.trim());
  for (const it of items)
    if (!(RECORDABLE as readonly string[]).includes(it))
      throw new InvalidArgumentError(`--record takes a comma-separated list of ${RECORDABLE.join(', ')}; "${it}" is none of them.`);
  return [...new Set(items)] as Recordable[];
}

/** The record specification of --record and --every, or undefined when nothing is recorded. */
export function recordSpec(record: readonly Recordable[] | undefined, every: number): RecordSpec | undefined {
  if (!record || record.length === 0) return undefined;
  return { agents: record.includes('agents'), initiatives: record.includes('initiatives'), ties: record.includes('ties'), every };
}
