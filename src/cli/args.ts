/** Shared argument parsers for the command line. */
import { InvalidArgumentError } from 'commander';

export function parseIntArg(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be an integer in [${min}, ${max}], got "${v}".`);
    return n;
  };
}
