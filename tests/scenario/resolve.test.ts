import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/model/index.js';
import { presetConfig, presetOrg } from '../../src/model/presets.js';
import { deepMerge, loadScenario } from '../../src/scenario/index.js';
import { fixture, loadOk } from './helpers.js';

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('resolution: defaults', () => {
  it('a minimal file (name only) is the medium preset with every default filled in', () => {
    const s = loadOk('minimal.yaml');
    expect(s.name).toBe('minimal');
    expect(s.description).toBeNull();
    expect(s.source).toBe(fixture('minimal.yaml'));
    expect(s.seed).toBe('tanker');
    expect(s.replicates).toBe(100);
    expect(s.elections).toBe(true);
    expect(s.interventions).toEqual([]);
    expect(plain(s.config)).toEqual(plain(presetConfig('medium')));
    expect(s.resolved).toMatchObject({
      name: 'minimal',
      size: 'medium',
      start: '2026-01-05',
      horizon: 260,
      seed: 'tanker',
      replicates: 100,
    });
    expect(s.resolved.mechanisms).toEqual({ matrixEffect: 'structure-first', pace: 'slow-is-fast' });
    expect(s.resolved.parameters).toEqual(defaultParams());
    expect(s.resolved.organisation).toEqual(plain(presetOrg('medium')));
    expect(s.origin.files).toEqual([fixture('minimal.yaml')]);
  });

  it('the canonical scenarios/baseline.yaml equals the medium preset', () => {
    const r = loadScenario('scenarios/baseline.yaml');
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    expect(r.scenario.name).toBe('baseline');
    expect(r.scenario.interventions).toEqual([]);
    expect(plain(r.scenario.config)).toEqual(plain(presetConfig('medium')));
  });
});

describe('resolution: overrides', () => {
  const s = loadOk('full.yaml');

  it('applies run settings, mechanisms, organisation and parameter overrides over the preset', () => {
    expect(s.seed).toBe(7);
    expect(s.replicates).toBe(20);
    expect(s.elections).toBe(false);
    expect(s.config.preset).toBe('small');
    expect(s.config.ticks).toBe(104);
    expect(s.config.startDate).toBe('2026-01-05');
    expect(s.config.mechanisms).toEqual({ matrixEffect: 'structure-first', pace: 'led-to-ground' });
    const small = presetOrg('small');
    expect(s.config.org).toEqual({
      ...small,
      population: 12000,
      siloStrength: 0.5,
      interface: 'cogwheel',
      logic: { ...small.logic, practice: [0.4, 0.3, 0.3] },
    });
    const p = defaultParams();
    expect(s.config.params).toEqual({ ...p, signals: { ...p.signals, relay: 0.6 }, trust: { ...p.trust, asymmetry: 4 } });
  });

  it('turns dates and weeks into ticks (2026-01-05 is week 0, 2026-01-12 week 1), unit names into indices, and fills option defaults', () => {
    const names = presetOrg('small').units.map((u) => u.name);
    // sorted stably by start: the two week-0 items keep their file order, then the week-1 items
    expect(s.interventions).toEqual([
      {
        kind: 'leadership-development',
        start: 0,
        end: 8,
        intensity: 0.5,
        units: [names.indexOf('welfare'), names.indexOf('health-care')],
        options: { rate: 0.01 },
      },
      { kind: 'matrix', start: 0, end: null, intensity: 1, units: null, options: {} },
      { kind: 'trust-reform', start: 1, end: 60, intensity: 1, units: null, options: { clearMandates: true } },
      { kind: 'tugboats', start: 1, end: null, intensity: 1, units: [names.indexOf('schools')], options: { share: 0.1 } },
    ]);
  });

  it('records the resolved interventions as written, with every default filled in and nothing unset', () => {
    expect(s.resolved.interventions[2]).toEqual({
      kind: 'trust-reform',
      label: 'late reform',
      start: '2026-01-12',
      end: 60,
      intensity: 1,
      options: { clearMandates: true },
    });
    expect(s.resolved.interventions[1]).toEqual({ kind: 'matrix', start: 0, intensity: 1, options: {} });
    expect(s.resolved.interventions[0]!.units).toEqual(['welfare', 'health-care']);
    expect(JSON.parse(JSON.stringify(s.resolved))).toEqual(s.resolved);
  });

  it('applies the seed and horizon overrides of the command line', () => {
    const r = loadScenario(fixture('full.yaml'), { overrides: { seed: 'cli', horizon: 1 } });
    if (!r.ok) throw new Error('expected ok');
    expect(r.scenario.seed).toBe('cli');
    expect(r.scenario.config.ticks).toBe(1);
    expect(r.scenario.origin.overrides).toEqual({ seed: 'cli', horizon: 1 });
    // What ran: one week, and only the interventions that act in it.
    expect(r.scenario.resolved).toMatchObject({ seed: 'cli', horizon: 1 });
    expect(r.scenario.resolved.interventions.map((i) => i.kind)).toEqual(['leadership-development', 'matrix']);
    expect(r.scenario.resolved.interventions[0]).not.toHaveProperty('end'); // week 8 never comes in a one-week run
    expect(r.scenario.notes).toEqual([
      'interventions[2].start: 2026-01-14 is a Wednesday; its week starts on Monday 2026-01-12; it takes effect from that week (week 1)',
      '2 intervention(s) start at or after week 1, the end of this shortened run, and never take effect: late reform, tugboats',
    ]);
  });
});

describe('resolution: organisation units', () => {
  it('the layers shorthand sets every preset unit', () => {
    const r = loadScenario(fixture('x.yaml'), { read: () => 'name: x\norganisation: { layers: 2 }\n' });
    if (!r.ok) throw new Error('expected ok');
    expect(r.scenario.config.org.units.map((u) => u.layers)).toEqual(presetOrg('medium').units.map(() => 2));
  });

  it('units replace the preset units; unit defaults are filled and the shorthand wins', () => {
    const s = loadOk('units.yaml');
    expect(s.config.org.units).toEqual([
      { name: 'care', kind: 'service', staffShare: 0.7, layers: 2, legalStrictness: 0.5, load: 0.82 },
      { name: 'planning', kind: 'authority', staffShare: 0.3, layers: 2, legalStrictness: 0.9, load: 1.1 },
    ]);
    expect(s.interventions[0]!.units).toEqual([1]);
  });

  it('units without layers take the size preset layers when there is no shorthand', () => {
    const r = loadScenario(fixture('x.yaml'), {
      read: () => 'name: x\nsize: large\norganisation:\n  units: [{ name: a, kind: service, staffShare: 1 }]\n',
    });
    if (!r.ok) throw new Error('expected ok');
    expect(r.scenario.config.org.units[0]!.layers).toBe(5);
  });

  it('rejects duplicate unit names', () => {
    const r = loadScenario(fixture('x.yaml'), {
      read: () =>
        'name: x\norganisation:\n  units:\n    - { name: a, kind: service, staffShare: 0.5 }\n    - { name: a, kind: service, staffShare: 0.5 }\n',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ line: 5, col: 15, path: 'organisation.units[1].name' });
      expect(r.errors[0]!.message).toBe('found "a"; allowed: a unit name not used by another unit');
    }
  });
});

describe('resolution: extends', () => {
  const s = loadOk('child.yaml');

  it('deep-merges the parent (child wins), replaces lists, never inherits the name', () => {
    expect(s.name).toBe('child');
    expect(s.description).toBe('the parent');
    expect(s.seed).toBe('parent-seed');
    expect(s.config.ticks).toBe(200);
    expect(s.config.org.population).toBe(80000);
    expect(s.config.org.siloStrength).toBe(0.4);
    expect(s.config.org.logic).toEqual({
      documents: [0.1, 0.1, 0.8],
      steering: presetOrg('medium').logic.steering,
      practice: [0.4, 0.4, 0.2],
    });
    expect(s.config.org.units.every((u) => u.layers === 3)).toBe(true);
    expect(s.config.params.signals).toMatchObject({ relay: 0.9, heardRate: 0.1 });
    expect(s.origin.files).toEqual([fixture('child.yaml'), fixture('parent.yaml')]);
  });

  it("appends the child's interventions to the parent's, then sorts by start", () => {
    expect(s.interventions.map((i) => [i.kind, i.start])).toEqual([
      ['top-push', 5],
      ['leadership-development', 8],
      ['matrix', 10],
    ]);
  });

  it('works from JSON files too', () => {
    const j = loadOk('ok.json');
    expect(j.name).toBe('json-ok');
    expect(j.interventions.map((i) => i.kind)).toEqual(['budget-cut', 'leadership-development', 'matrix']);
  });

  it('deepMerge: objects merge, lists and scalars replace', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, d: 2 })).toEqual({ a: { b: 1, c: [3] }, d: 2 });
  });
});
