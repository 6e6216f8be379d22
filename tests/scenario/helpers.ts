import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { formatError, loadScenario, type ResolvedScenario } from '../../src/scenario/index.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** The formatted errors of a fixture that must fail, with file names relative to the fixtures folder. */
export function errorsOf(name: string): string[] {
  const r = loadScenario(fixture(name));
  if (r.ok) throw new Error(`${name} was expected to have errors`);
  expect(r.errors.length).toBeGreaterThan(0);
  return r.errors.map((e) => formatError(e, FIXTURES));
}

export function loadOk(name: string): ResolvedScenario {
  const r = loadScenario(fixture(name));
  if (!r.ok) throw new Error(`${name} has errors:\n${r.errors.map((e) => formatError(e, FIXTURES)).join('\n')}`);
  return r.scenario;
}
