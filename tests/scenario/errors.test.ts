import { describe, expect, it } from 'vitest';
import { closest, editDistance, formatError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/index.js';
import { errorsOf, FIXTURES, fixture } from './helpers.js';

describe('scenario errors: file:line:col, path, found and allowed', () => {
  it('reports an unknown key at the key, with did-you-mean', () => {
    expect(errorsOf('unknown-key.yaml')).toEqual([
      'unknown-key.yaml:3:3  organisation.siloStrenght: unknown key; did you mean "siloStrength"?',
    ]);
  });

  it('lists the allowed keys when no key is close', () => {
    const [e] = errorsOf('proto.yaml');
    expect(e).toMatch(/^proto\.yaml:2:1 {2}__proto__: unknown key; allowed keys: name, description, description_nb, extends, seed/);
  });

  it('reports a wrong type with the value found and the type allowed', () => {
    expect(errorsOf('wrong-type.yaml')).toEqual([
      'wrong-type.yaml:2:10  horizon: found "260"; allowed: an integer from 1 to 5200',
      'wrong-type.yaml:3:12  elections: found "yes"; allowed: true or false',
    ]);
  });

  it('reports out-of-range numbers with the range', () => {
    expect(errorsOf('out-of-range.yaml')).toEqual([
      'out-of-range.yaml:2:13  replicates: found 0; allowed: an integer from 1 to 100000',
      'out-of-range.yaml:4:15  organisation.population: found 500; allowed: an integer from 1000 to 2000000',
      'out-of-range.yaml:5:17  organisation.demandGrowth: found 0.5; allowed: a number from -0.1 to 0.2',
      'out-of-range.yaml:8:12  parameters.signals.relay: found 1.6; allowed: a number from 0 to 1',
    ]);
  });

  it('reports bad enum values and lever kinds with the allowed values and did-you-mean', () => {
    const errs = errorsOf('bad-enum.yaml');
    expect(errs[0]).toBe('bad-enum.yaml:2:7  size: found "medum"; allowed: one of "small", "medium" or "large"; did you mean "medium"?');
    expect(errs[1]).toBe('bad-enum.yaml:4:9  mechanisms.pace: found "slowly"; allowed: one of "slow-is-fast" or "led-to-ground"');
    expect(errs[2]).toMatch(
      /^bad-enum\.yaml:6:11 {2}interventions\[0\]\.kind: found "trust-reformm"; allowed: one of "matrix", .*"trust-reform".*; did you mean "trust-reform"\?$/,
    );
    expect(errs).toHaveLength(3);
  });

  it('reports malformed YAML as a syntax error with its position', () => {
    const errs = errorsOf('malformed.yaml');
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^malformed\.yaml:3:1 {2}YAML syntax error: Flow sequence/);
  });

  it('reports malformed JSON with its position', () => {
    const r = loadScenario(fixture('ok.json'), { read: () => '{\n  "name": "x",\n  "horizon": 5,,\n}' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(formatError(r.errors[0]!, FIXTURES)).toBe(
        'ok.json:3:16  JSON syntax error: expected a key in double quotes, found "," (JSON has no trailing commas or unquoted keys)',
      );
  });

  it('places errors in JSON files by line and column too', () => {
    expect(errorsOf('scenario.json')).toEqual(['scenario.json:4:66  interventions[0].intensity: found 2; allowed: a number from 0 to 1']);
  });

  it('reports dates outside the horizon, end not after start, and impossible dates', () => {
    const range = 'a date from 2026-01-05 to 2027-01-03, or a week from 0 to 51 (the run has 52 weeks from 2026-01-05)';
    const errs = errorsOf('dates.yaml');
    expect(errs[0]).toBe(`dates.yaml:5:12  interventions[0].start: found "2025-12-01" (before the start 2026-01-05); allowed: ${range}`);
    expect(errs[1]).toBe(`dates.yaml:7:12  interventions[1].start: found "2027-06-01" (week 73); allowed: ${range}`);
    expect(errs[2]).toBe(`dates.yaml:9:12  interventions[2].start: found 52; allowed: ${range}`);
    expect(errs[3]).toMatch(
      /^dates\.yaml:12:10 {2}interventions\[3\]\.end: found "2026-02-02" \(week 4\); allowed: a date or week after the start \(week 8, 2026-03-02\)/,
    );
    expect(errs[4]).toMatch(/^dates\.yaml:15:10 {2}interventions\[4\]\.end: found 10; allowed: a date or week after the start \(week 10, /);
    expect(errs[4]).toContain('must come after the start week');
    expect(errs[5]).toBe(
      'dates.yaml:17:12  interventions[5].start: found "2026-02-30"; allowed: a calendar date written YYYY-MM-DD, or a week index (an integer from 0 to 5200); February 2026 has 28 days',
    );
    expect(errs).toHaveLength(6);
  });

  it('reports intensity out of range, unknown unit names and units on an org-scope lever', () => {
    const errs = errorsOf('interventions.yaml');
    expect(errs[0]).toBe('interventions.yaml:5:16  interventions[0].intensity: found 1.5; allowed: a number from 0 to 1');
    expect(errs[1]).toMatch(
      /^interventions\.yaml:8:13 {2}interventions\[1\]\.units\[0\]: found "helth-care"; allowed: one of the units "health-care", /,
    );
    expect(errs[1]).toMatch(/did you mean "health-care"\?$/);
    expect(errs[2]).toMatch(/^interventions\.yaml:8:34 {2}interventions\[1\]\.units\[2\]: found "nowhere"; allowed: one of the units /);
    expect(errs[2]).not.toContain('did you mean');
    expect(errs[3]).toMatch(
      /^interventions\.yaml:11:5 {2}interventions\[2\]\.units: unknown key; "matrix" acts on the whole organisation and takes no units/,
    );
    expect(errs).toHaveLength(4);
  });

  it('reports a logic mix that does not sum to 1', () => {
    expect(errorsOf('logic.yaml')).toEqual([
      'logic.yaml:5:15  organisation.logic.steering: found a list [0.5,0.5,0.5]; allowed: three shares [OA, NPM, NPG], each from 0 to 1, summing to 1 (these sum to 1.5)',
    ]);
  });

  it('detects cyclic extends and names the chain', () => {
    expect(errorsOf('cycle-a.yaml')).toEqual([
      'cycle-b.yaml:2:10  extends: found "cycle-a.yaml"; allowed: a file that does not extend this one; cycle: cycle-a.yaml → cycle-b.yaml → cycle-a.yaml',
    ]);
  });

  it('reports a missing extends file at the extends key of the child', () => {
    const errs = errorsOf('missing-parent.yaml');
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(
      /^missing-parent\.yaml:2:10 {2}extends: found "does-not-exist\.yaml"; allowed: a path to an existing scenario file.*no such file\)$/,
    );
  });

  it('reports a missing scenario file without a position', () => {
    const r = loadScenario(fixture('nope.yaml'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatError(r.errors[0]!, FIXTURES)).toBe('nope.yaml  cannot read the scenario file: no such file');
  });

  it("reports errors in a parent with the parent's file and position, after the child's own", () => {
    expect(errorsOf('child-of-bad.yaml')).toEqual([
      'child-of-bad.yaml:3:13  replicates: found -3; allowed: an integer from 1 to 100000',
      // the horizon (100 weeks) is inherited from the parent
      'child-of-bad.yaml:6:12  interventions[0].start: found 150; allowed: a date from 2026-01-05 to 2027-12-05, or a week from 0 to 99 (the run has 100 weeks from 2026-01-05)',
      'bad-parent.yaml:4:19  organisation.centralisation: found 2; allowed: a number from 0 to 1',
    ]);
  });

  it('reports several errors of different kinds together', () => {
    expect(errorsOf('many.yaml')).toEqual([
      'many.yaml:2:7  size: found "huge"; allowed: one of "small", "medium" or "large"',
      'many.yaml:3:7  seed: found a list [1]; allowed: a text of 1 to 100 characters on one line, or an integer from -9007199254740991 to 9007199254740991',
      'many.yaml:5:3  organisation.populaton: unknown key; did you mean "population"?',
      'many.yaml:6:10  organisation.blocs: found 2.5; allowed: an integer from 1 to 10',
      'many.yaml:9:12  interventions[0].start: found 9999; allowed: a date from 2026-01-05 to 2030-12-29, or a week from 0 to 259 (the run has 260 weeks from 2026-01-05)',
      'many.yaml:12:16  interventions[1].intensity: found -1; allowed: a number from 0 to 1',
    ]);
  });

  it('reports a missing required name', () => {
    const r = loadScenario(fixture('x.yaml'), { read: () => 'seed: 3\n' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(formatError(r.errors[0]!, FIXTURES)).toBe('x.yaml:1:1  name: missing; allowed: a text of 1 to 100 characters on one line');
  });

  it('reports a file that is not a mapping', () => {
    const r = loadScenario(fixture('x.yaml'), { read: () => '- a\n- b\n' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(formatError(r.errors[0]!, FIXTURES)).toBe(
        'x.yaml:1:1  found a list of 2 items, not a mapping of fields; allowed: a scenario: a mapping with at least name',
      );
  });
});

describe('a scenario file can never execute code', () => {
  it('rejects custom YAML tags such as !!js/function and never evaluates them', () => {
    const g = globalThis as { __tankerPwned?: boolean };
    delete g.__tankerPwned;
    expect(errorsOf('tags.yaml')).toEqual([
      'tags.yaml:1:7  YAML tag !!js/function is not allowed: a scenario holds plain values only',
      'tags.yaml:2:14  YAML tag !!js/function is not allowed: a scenario holds plain values only',
      'tags.yaml:3:7  YAML tag !custom is not allowed: a scenario holds plain values only',
    ]);
    expect(g.__tankerPwned).toBeUndefined();
  });

  it('rejects alias expansion bombs', () => {
    const errs = errorsOf('bomb.yaml');
    expect(errs).toHaveLength(1);
    expect(errs[0]).toBe('bomb.yaml:3:8  YAML aliases (*name) expand to more than 50 copies in this file; allowed: at most 50');
  });

  it('does not let __proto__ or constructor keys reach any prototype', () => {
    errorsOf('proto.yaml');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('treats JavaScript-looking text as plain strings', () => {
    const code = ['$', '{process.exit(1)}'].join('');
    const r = loadScenario(fixture('x.yaml'), {
      read: () => `name: "${code}"\ndescription: "\`$\{globalThis.__x = 1}\`"\nseed: (() => 1)()\n`,
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.name).toBe(code);
      expect(r.scenario.seed).toBe('(() => 1)()');
    }
    expect((globalThis as { __x?: number }).__x).toBeUndefined();
  });
});

describe('did-you-mean', () => {
  it('uses edit distance with transpositions, case-insensitively', () => {
    expect(editDistance('siloStrenght', 'siloStrength')).toBe(1);
    expect(editDistance('matrx', 'matrix')).toBe(1);
    expect(editDistance('ABC', 'abc')).toBe(0);
  });

  it('suggests only close candidates, or a unique prefix', () => {
    expect(closest('relai', ['relay', 'relaySpread'])).toBe('relay');
    expect(closest('health', ['health-care', 'schools'])).toBe('health-care');
    expect(closest('zzzz', ['relay', 'schools'])).toBeUndefined();
  });
});
