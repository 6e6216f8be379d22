/**
 * The explorer's package builder, exported scenarios and lessons, without a browser: the builder
 * offers exactly the lever catalogue (src/model/levers) with each lever's options and ranges; an
 * exported scenario passes the scenario loader (what `tanker validate` runs) and its description
 * lists every intervention it holds; each lesson runs exactly its scenario files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LEVER_KINDS, LEVERS } from '../../src/model/index.js';
import { formatErrors, loadScenario } from '../../src/scenario/index.js';
import { decodeHash, defaultPageState, defaultSlot, encodeHash, scenarioData } from '../../src/web/config.js';
import { LESSONS, lessonSlot } from '../../src/web/lessons.js';
import { GROUP_NAMES, LEVER_CHANGES_NB, LEVER_GROUP_OF, OPTION_DOCS_NB } from '../../src/web/lever-text.js';
import {
  actsOnUnits,
  choiceIntervention,
  decodeChoice,
  encodeChoice,
  groupName,
  LEVER_GROUPS,
  leverDescription,
  newChoice,
  optionDoc,
  setOption,
  setUnits,
} from '../../src/web/levers.js';
import { buildLibrary } from '../../src/web/library.js';
import { exportYaml, resolveData } from '../../src/web/scenario.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SCENARIOS = join(ROOT, 'scenarios');
const tmp = mkdtempSync(join(tmpdir(), 'tanker-explorer-builder-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const library = buildLibrary(SCENARIOS).entries;
const entry = (id: string) => {
  const e = library.find((x) => x.id === id);
  if (!e) throw new Error(`scenarios/${id} is not in the explorer's library`);
  return e;
};

describe('the package builder offers the lever catalogue', () => {
  it('lists every lever of LEVERS once, in catalogue order within its group', () => {
    const offered = LEVER_GROUPS.flatMap((g) => g.levers.map((l) => l.kind));
    expect([...offered].sort()).toEqual([...LEVER_KINDS].sort());
    expect(new Set(offered).size).toBe(offered.length);
    for (const g of LEVER_GROUPS) {
      const order = g.levers.map((l) => LEVER_KINDS.indexOf(l.kind as (typeof LEVER_KINDS)[number]));
      expect(order, g.id).toEqual([...order].sort((a, b) => a - b));
      for (const lang of ['en', 'nb'] as const) expect(groupName(lang, g.id), `${lang} ${g.id}`).not.toBe(g.id);
    }
  });

  it('a lever the explorer has no text for still appears, with the declaration’s English line', () => {
    // Every key of the explorer's lever texts names a lever of the catalogue (none left behind by a rename).
    for (const k of [...Object.keys(LEVER_CHANGES_NB), ...Object.keys(LEVER_GROUP_OF)]) expect(LEVER_KINDS, k).toContain(k);
    for (const k of Object.keys(OPTION_DOCS_NB)) {
      const [kind = '', option = ''] = k.split('.');
      expect(LEVERS.find((l) => l.kind === kind)?.options, k).toHaveProperty(option);
    }
    expect(Object.keys(GROUP_NAMES)).toContain('other');
    // The fallbacks: a kind without a Norwegian line shows the English one, an option without one its doc.
    for (const l of LEVERS) {
      expect(leverDescription('en', l.kind)).toBe(l.changes);
      expect(leverDescription('nb', l.kind)).toBe(LEVER_CHANGES_NB[l.kind] ?? l.changes);
      for (const [name, o] of Object.entries(l.options))
        expect(optionDoc('nb', l.kind, name)).toBe(OPTION_DOCS_NB[`${l.kind}.${name}`] ?? o.doc);
    }
  });

  it('every lever, at its own weeks and intensity and with every option at its limits, makes a valid scenario', () => {
    const levers = LEVERS.flatMap((l, i) => {
      const lo = newChoice(l.kind, i);
      const hi = { ...newChoice(l.kind, 100 + i), end: 200 + i, intensity: 0.25 };
      for (const [name, o] of Object.entries(l.options)) {
        const [a, b] = o.type === 'boolean' ? [true, false] : o.type === 'enum' ? [o.values[0], o.values.at(-1)] : [o.min - 1, o.max + 1];
        setOption(lo, name, a);
        setOption(hi, name, b);
      }
      return [lo, hi];
    });
    const r = resolveData(scenarioData({ name: 'all' }, { ...defaultSlot('built-in'), levers }));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.value.interventions).toHaveLength(2 * LEVERS.length);
    // (the resolved schedule is ordered by week, so each intervention is matched to its lever by kind and start)
    for (const c of levers) {
      const it = r.value.interventions.find((i) => i.kind === c.kind && i.start === c.start);
      expect([it?.end, it?.intensity], `${c.kind}@${c.start}`).toEqual([c.end, c.intensity]);
      // Out-of-range numbers were clamped into the declared range; defaults are left implicit.
      for (const [name, o] of Object.entries(LEVERS.find((l) => l.kind === c.kind)!.options)) {
        const v = it?.options[name];
        if (o.type === 'number' || o.type === 'integer') expect([o.min, o.max], `${c.kind}.${name}`).toContain(v);
        expect(v, `${c.kind}.${name}`).toBe(c.options[name] ?? o.default);
      }
    }
  });

  it('clamps weeks into the run: the end comes after the start, an end at the horizon means "to the end"', () => {
    expect(choiceIntervention({ ...newChoice('matrix', 300), end: 10 }, 52, 'x')).toMatchObject({ start: 51 });
    expect(choiceIntervention({ ...newChoice('matrix', 300), end: 10 }, 52, 'x')).not.toHaveProperty('end');
    expect(choiceIntervention({ ...newChoice('matrix', 20), end: 10 }, 52, 'x')).toMatchObject({ start: 20, end: 21 });
    expect(choiceIntervention({ ...newChoice('matrix', 20), end: 52 }, 52, 'x')).not.toHaveProperty('end');
  });

  it('opens links made before the builder with the same levers', () => {
    const st = decodeHash('#a.base=baseline.yaml&a.push=both&a.trust=1&a.cut=1&a.from=20', 'baseline.yaml', []);
    expect(st.a.levers.map((c) => `${c.kind}@${c.start}`)).toEqual(['top-push@20', 'tugboats@20', 'trust-reform@20', 'budget-cut@20']);
    expect(decodeHash('#a.paper=1', 'x', []).a.levers.map((c) => `${c.kind}@${c.start}`)).toEqual(['strategy-plans@8']);
  });
});

describe('the unit picker places unit levers on chosen units', () => {
  const UNIT_LEVERS = LEVERS.filter((l) => l.scope === 'unit').map((l) => l.kind);
  const baseline = () => entry('baseline.yaml').data;
  const unitsOf = (data: Record<string, unknown>) => {
    const r = resolveData(data);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.value;
  };

  it('offers it for exactly the levers declared with unit scope', () => {
    expect(UNIT_LEVERS.length).toBeGreaterThan(0);
    for (const l of LEVERS) expect(actsOnUnits(l.kind), l.kind).toBe(l.scope === 'unit');
  });

  it('each unit lever, placed on one chosen unit, acts on that unit only in the resolved scenario', () => {
    const names = unitsOf(baseline()).config.org.units.map((u) => u.name);
    const levers = UNIT_LEVERS.map((kind, i) => {
      const c = newChoice(kind, 10 + i);
      setUnits(c, [names[i % names.length]!], names);
      return c;
    });
    const s = unitsOf(scenarioData(baseline(), { ...defaultSlot('baseline.yaml'), levers }));
    UNIT_LEVERS.forEach((kind, i) => {
      const it = s.interventions.find((x) => x.kind === kind && x.start === 10 + i);
      expect(it?.units, kind).toEqual([i % names.length]);
    });
  });

  it('all units ticked, none known, or a lever of the whole organisation: no units (every unit)', () => {
    const names = ['a', 'b', 'c'];
    const c = newChoice('tugboats');
    setUnits(c, ['c', 'a'], names);
    expect(c.units).toEqual(['a', 'c']); // in the base's order
    setUnits(c, ['a', 'b', 'c'], names);
    expect(c.units).toBeNull();
    setUnits(c, ['x'], names);
    expect(c.units).toBeNull();
    const org = newChoice('trust-reform');
    setUnits(org, ['a'], names);
    expect(org.units).toBeNull();
    expect(choiceIntervention({ ...org, units: ['a'] }, 52, 'x')).not.toHaveProperty('units');
    expect(choiceIntervention({ ...c, units: ['a'] }, 52, 'x')).toMatchObject({ units: ['a'] });
  });

  it('a link keeps the units, whatever their names hold, and old links still open', () => {
    const odd = ['helse, omsorg', 'skole:grunn', 'a=b', 'æøå %'];
    const c = { ...newChoice('automation', 12), units: odd, options: {} };
    expect(decodeChoice(encodeChoice(c))).toEqual(c);
    const withOption = { ...newChoice('flatten-layers', 3), units: ['schools'] };
    setOption(withOption, 'layers', 2);
    expect(decodeChoice(encodeChoice(withOption))).toEqual(withOption);
    // Through the whole page hash.
    const st = defaultPageState('baseline.yaml');
    st.a.levers = [c, withOption];
    expect(decodeHash(`#${encodeHash(st)}`, 'baseline.yaml', []).a.levers).toEqual([c, withOption]);
    // A link from before the picker: every unit.
    expect(decodeChoice('tugboats:8::1')?.units).toBeNull();
    expect(decodeChoice('tugboats:8::1::%E0%A4')?.units).toBeNull(); // a broken escape drops the list
  });
});

describe('an exported scenario', () => {
  const exportAndLoad = (baseId: string, levers: ReturnType<typeof newChoice>[]) => {
    const e = entry(baseId);
    const out = exportYaml(e.data, `scenarios/${baseId}`, { ...defaultSlot(baseId), levers }, '');
    const file = join(tmp, out.fileName);
    writeFileSync(file, out.yaml);
    const loaded = loadScenario(file);
    if (!loaded.ok) throw new Error(formatErrors(loaded.errors));
    return loaded.scenario;
  };

  it('passes the scenario loader and its description lists the trust reform it holds', () => {
    const trust = { ...newChoice('trust-reform', 10), end: 120, intensity: 0.5, options: { clearMandates: false } };
    const s = exportAndLoad('baseline.yaml', [trust]);
    expect(s.interventions.map((i) => [i.kind, i.start, i.end, i.intensity, i.options.clearMandates])).toEqual([
      ['trust-reform', 10, 120, 0.5, false],
    ]);
    const d = s.description ?? '';
    expect(d).toMatch(
      /^Made in the Tanker explorer from scenarios\/baseline\.yaml\. Interventions: Trust reform \(trust-reform\) from week 10 to week 120, intensity 0\.5, clearMandates false\./,
    );
    // The base's own description (which says "no interventions" of the base) comes last, named as the base's.
    expect(d.indexOf('no interventions')).toBeGreaterThan(d.indexOf('The base scenario (scenarios/baseline.yaml):'));
  });

  it('keeps the units a unit lever was placed on, and names them in its description', () => {
    const c = newChoice('tugboats', 10);
    setUnits(
      c,
      ['welfare', 'schools'],
      ['health-care', 'schools', 'kindergartens', 'welfare', 'culture', 'technical-planning', 'staff-functions'],
    );
    const s = exportAndLoad('baseline.yaml', [c]);
    expect(s.interventions.map((i) => [i.kind, i.units])).toEqual([['tugboats', [1, 3]]]);
    expect(s.description).toContain(
      'Interventions: Tugboats (change agents) (tugboats) in schools, welfare from week 10 to the end of the run, intensity 1.',
    );
  });

  it('lists the base scenario’s own interventions and the added ones, and says "none" when there are none', () => {
    const s = exportAndLoad('teaching/practice-change.yaml', [newChoice('automation')]);
    const d = s.description ?? '';
    const listed = /Interventions: (.*?)\.(?: Also| The base|$)/.exec(d)?.[1]?.split('; ') ?? [];
    expect(listed.map((x) => /\(([a-z-]+)\)/.exec(x)?.[1])).toEqual(s.interventions.map((i) => i.kind));
    expect(listed[0]).toBe('More plans and strategies (strategy-plans) from 2026-03-02 to the end of the run, intensity 1');
    expect(listed.at(-1)).toBe('Automation (automation) from week 8 to the end of the run, intensity 1');
    expect(exportAndLoad('baseline.yaml', []).description).toContain('Interventions: none.');
  });
});

describe('lessons', () => {
  it('each lesson runs exactly its scenario files (the CLI loader’s model inputs)', () => {
    for (const l of LESSONS)
      for (const s of ['A', 'B'] as const) {
        const id = s === 'A' ? l.a : l.b;
        const cli = loadScenario(join(SCENARIOS, id));
        if (!cli.ok) throw new Error(formatErrors(cli.errors));
        const web = resolveData(scenarioData(entry(id).data, lessonSlot(l, s)));
        if (!web.ok) throw new Error(`${l.id} ${s}: ${web.errors.join('\n')}`);
        expect(web.value.config, `${l.id} ${s}`).toEqual(cli.scenario.config);
        expect(web.value.interventions, `${l.id} ${s}`).toEqual(cli.scenario.interventions);
        expect(String(web.value.seed)).toBe(String(cli.scenario.seed));
        expect(web.value.elections).toBe(cli.scenario.elections);
      }
  });

  it('the two files of a lesson share seed, start and horizon, and differ', () => {
    for (const l of LESSONS) {
      const [a, b] = [l.a, l.b].map((id) => loadScenario(join(SCENARIOS, id)));
      if (!a?.ok || !b?.ok) throw new Error(l.id);
      expect(String(a.scenario.seed)).toBe(String(b.scenario.seed));
      expect(a.scenario.config.startDate).toBe(b.scenario.config.startDate);
      expect(a.scenario.config.ticks).toBe(b.scenario.config.ticks);
      expect([a.scenario.config, a.scenario.interventions, a.scenario.elections]).not.toEqual([
        b.scenario.config,
        b.scenario.interventions,
        b.scenario.elections,
      ]);
    }
  });
});
