/**
 * `description_nb` and `label_nb`: the Norwegian texts of a scenario file (issue 15). Validated
 * precisely, inherited together with the English description, and carried into the resolved scenario.
 */
import { describe, expect, it } from 'vitest';
import { formatError, loadScenario, type ResolvedScenario } from '../../src/scenario/index.js';
import { FIXTURES, fixture } from './helpers.js';

function load(files: Record<string, string>, name = 'x.yaml') {
  return loadScenario(fixture(name), {
    read: (p) => {
      const t = files[p.slice(FIXTURES.length)];
      if (t === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return t;
    },
  });
}

function errors(files: Record<string, string>): string[] {
  const r = load(files);
  return r.ok ? [] : r.errors.map((e) => formatError(e, FIXTURES));
}

function resolved(files: Record<string, string>): ResolvedScenario {
  const r = load(files);
  if (!r.ok) throw new Error(r.errors.map((e) => formatError(e, FIXTURES)).join('\n'));
  return r.scenario;
}

const ALLOWED = 'a text in Norwegian (bokmål) that is not empty or only spaces';

describe('description_nb', () => {
  it('is accepted beside description and written to the resolved scenario', () => {
    const s = resolved({ 'x.yaml': 'name: x\ndescription: Plans alone.\ndescription_nb: Bare planer.\n' });
    expect(s.resolved.description).toBe('Plans alone.');
    expect(s.resolved.description_nb).toBe('Bare planer.');
  });

  it('is left out of the resolved scenario when the file has none', () => {
    expect(Object.hasOwn(resolved({ 'x.yaml': 'name: x\ndescription: Plans alone.\n' }).resolved, 'description_nb')).toBe(false);
  });

  it.each([
    ['a number', '42', 'found 42'],
    ['an empty text', '""', 'found ""'],
    ['only spaces', '"   "', 'found "   "'],
    ['a list', '[a, b]', 'found a list ["a","b"]'],
  ])('refuses %s with the file, line, path, value and what is allowed', (_, value, found) => {
    expect(errors({ 'x.yaml': `name: x\ndescription: Plans alone.\ndescription_nb: ${value}\n` })).toEqual([
      `x.yaml:3:17  description_nb: ${found}; allowed: ${ALLOWED}`,
    ]);
  });

  it('needs the English description in the same file', () => {
    expect(errors({ 'x.yaml': 'name: x\ndescription_nb: Bare planer.\n' })).toEqual([
      `x.yaml:2:17  description_nb: found "Bare planer."; allowed: ${ALLOWED}, given together with \`description\` in the same file (it translates it)`,
    ]);
  });

  it('a misspelt key gets a suggestion', () => {
    expect(errors({ 'x.yaml': 'name: x\ndescription: Plans.\ndescription_no: Planer.\n' })[0]).toMatch(
      /^x\.yaml:3:1 {2}description_no: unknown key; did you mean "description_nb"\?/,
    );
  });

  it('is inherited together with description, and never beside a child’s own English text', () => {
    const parent = 'name: parent\ndescription: The parent.\ndescription_nb: Forelderen.\n';
    const inherits = resolved({ 'x.yaml': 'name: x\nextends: p.yaml\n', 'p.yaml': parent });
    expect([inherits.resolved.description, inherits.resolved.description_nb]).toEqual(['The parent.', 'Forelderen.']);
    const own = resolved({ 'x.yaml': 'name: x\nextends: p.yaml\ndescription: The child.\n', 'p.yaml': parent });
    expect(own.resolved.description).toBe('The child.');
    expect(own.resolved.description_nb).toBeUndefined();
    // A child that translates but has no English text of its own is refused, in the child's file.
    expect(errors({ 'x.yaml': 'name: x\nextends: p.yaml\ndescription_nb: Barnet.\n', 'p.yaml': parent })).toEqual([
      expect.stringMatching(/^x\.yaml:3:17 {2}description_nb: found "Barnet\."; allowed: .*given together with `description`/),
    ]);
  });
});

describe('label_nb', () => {
  const file = (extra: string) =>
    `name: x\ninterventions:\n  - kind: top-push\n    start: 8\n    label: one push\n${extra ? `    label_nb: ${extra}\n` : ''}`;

  it('is kept in the resolved intervention', () => {
    expect(resolved({ 'x.yaml': file('ett dytt') }).resolved.interventions[0]).toMatchObject({ label: 'one push', label_nb: 'ett dytt' });
    expect(Object.hasOwn(resolved({ 'x.yaml': file('') }).resolved.interventions[0]!, 'label_nb')).toBe(false);
  });

  it('refuses an empty text at its path', () => {
    expect(errors({ 'x.yaml': file('""') })).toEqual([`x.yaml:6:15  interventions[0].label_nb: found ""; allowed: ${ALLOWED}`]);
  });
});
