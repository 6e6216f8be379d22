import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSearch } from '../../src/cli/search-files.js';
import { formatError } from '../../src/scenario/errors.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const errorsOf = (name: string) => {
  const r = loadSearch(`${FIXTURES}${name}`);
  if (r.ok) throw new Error(`${name} was expected to have errors`);
  return r.errors.map((e) => formatError(e, FIXTURES));
};

describe('search files', () => {
  it('reports every problem at once with line, column, path, value and what is allowed', () => {
    const errs = errorsOf('bad.yaml');
    expect(errs[0]).toBe('bad.yaml:2:13  population: found 5; allowed: an even integer from 4 to 1000');
    expect(errs[1]).toMatch(
      /^bad\.yaml:4:11 {2}levers\[0\]\.kind: found "leadership-developmnt"; allowed: one of .*did you mean "leadership-development"\?$/,
    );
    expect(errs.slice(2)).toEqual([
      "bad.yaml:8:16  levers[1].start[1]: found 60; allowed: a start week before the scenario's horizon (at most 39)",
      'bad.yaml:12:15  levers[2].duration: found a list [20,10]; allowed: two numbers [low, high] with low ≤ high',
      'bad.yaml:13:11  levers[3].kind: found "tugboats"; allowed: each lever kind once in the candidate list',
      'bad.yaml:18:5  objectives[1]: found "burnot"; allowed: turn (probability of turning by turnBy), effort (million NOK) or an indicator name, e.g. "coCreationActual", "burnout" or "trustCitizens"; did you mean "burnout"?',
      'bad.yaml:20:16  objectives[2].direction: found "up"; allowed: one of "max" or "min"',
      'bad.yaml:22:5  constraints[0]: found no min or max; allowed: a constraint with min, max or both',
    ]);
  });

  it('names a missing base scenario at the field that points to it', () => {
    expect(errorsOf('bad-scenario.yaml')[0]).toMatch(
      /^bad-scenario\.yaml:1:11 {2}scenario: found "missing-base\.yaml"; allowed: a path to a scenario file, relative to this file; no file at .*missing-base\.yaml$/,
    );
  });

  it('fills in directions from the indicators and weeks from turnBy', () => {
    const r = loadSearch(`${FIXTURES}tiny.yaml`);
    if (!r.ok) throw new Error(r.errors.map((e) => formatError(e)).join('\n'));
    expect(r.spec.objectives).toEqual([
      { name: 'coCreationActual', week: 40, direction: 'max' },
      { name: 'effort', week: 40, direction: 'min' },
    ]);
    expect(r.spec.constraints).toEqual([{ name: 'burnout', week: 40, min: null, max: 0.9 }]);
    expect(r.spec.levers[1]).toEqual({ kind: 'tugboats', start: [0, 20], duration: [5, 40], intensity: [0.5, 1], optional: true });
  });
});
