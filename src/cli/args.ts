/** Shared argument parsers for the command line. */
import { InvalidArgumentError } from 'commander';
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
