/**
 * Field checks shared by the algorithm libraries (calibration, search, discovery): each failure
 * is one line naming the field path, the value found and what is allowed, the house style of
 * every error. Pure (no Node APIs), like the libraries.
 */

/** Throws `path: found v; allowed: …` unless v is a number that satisfies `ok`. */
export function checkNumber(path: string, v: unknown, ok: (x: number) => boolean, allowed: string): void {
  if (typeof v !== 'number' || !ok(v)) throw new RangeError(`${path}: found ${String(v)}; allowed: ${allowed}`);
}

/** Checks that a list is non-empty and that every item has a non-empty name used only once. */
export function checkNames(items: readonly { readonly name: unknown }[], path: string, what: string): void {
  if (!Array.isArray(items) || items.length === 0) throw new RangeError(`${path}: expected a non-empty list of ${what}`);
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    const at = `${path}[${i}].name`;
    if (typeof item.name !== 'string' || item.name === '')
      throw new RangeError(`${at}: found ${JSON.stringify(item.name)}; allowed: a non-empty string`);
    if (seen.has(item.name)) throw new RangeError(`${at}: "${item.name}" appears twice; allowed: each name once`);
    seen.add(item.name);
  });
}
