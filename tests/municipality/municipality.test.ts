// A municipality's own data → scenario and calibration targets: precise errors, the survey mapping's
// arithmetic, and the invented example end to end.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { IndicatorName } from '../../src/model/index.js';
import { municipalityCalibration, municipalityScenario } from '../../src/municipality/build.js';
import { parseOrganisationCsv } from '../../src/municipality/organisation-csv.js';
import { loadMunicipality } from '../../src/municipality/spec.js';
import { citizenTrustTarget, parseStaffSurvey, staffSurveyTargets } from '../../src/municipality/survey.js';
import { loadScenario } from '../../src/scenario/index.js';

const EXAMPLE = resolve('examples/municipality/fjordvik.yaml');
const flat = (v: number) => (_: IndicatorName) => v;

describe('organisation CSV', () => {
  it('reads units and their head counts', () => {
    const r = parseOrganisationCsv('unit,kind,staff,layers\nA,service,30,3\nB,authority,10,2\n', 'org.csv');
    expect(r.ok && r.staff).toBe(40);
    expect(r.ok && r.units.map((u) => u.kind)).toEqual(['service', 'authority']);
  });

  it('names the line, the column, the value and what is allowed, for every problem at once', () => {
    const r = parseOrganisationCsv('unit,kind,staff,layers\nA,servise,30,3\nA,service,2.5,6\n', 'org.csv');
    expect(r.ok).toBe(false);
    const msgs = r.ok ? [] : r.errors.map((e) => `${e.line} ${e.path}: ${e.message}`);
    expect(msgs).toEqual([
      expect.stringMatching(/^2 kind: found "servise"; allowed: kind of work: service, authority, community-development/),
      expect.stringMatching(/^3 unit: found "A"; allowed: a unit name not used on an earlier line/),
      expect.stringMatching(/^3 staff: found "2.5"/),
      expect.stringMatching(/^3 layers: found "6"; allowed: management layers between top management and the frontline, 2 to 5/),
    ]);
  });

  it('rejects a header without the required columns', () => {
    const r = parseOrganisationCsv('unit,kind,staff\nA,service,3\n', 'org.csv');
    expect(!r.ok && r.errors[0]!.path).toBe('layers');
  });
});

describe('staff survey (10-FAKTOR)', () => {
  const csv =
    'unit,factor,mean,sd,n\nall,oppgavemotivasjon,4.2,0.8,400\nall,selvstendighet,4,0.7,400\nnorge,oppgavemotivasjon,4.4,0.6,100000\n';

  it('anchors a factor with a national comparison on the model’s own level', () => {
    const s = parseStaffSurvey(csv, 's.csv', ['A']);
    expect(s.ok).toBe(true);
    const { targets, unused } = staffSurveyTargets(s.ok ? s.rows : [], 0.1, flat(0.5));
    expect(targets).toHaveLength(1);
    const t = targets[0]!;
    expect(t.indicator).toBe('motivation');
    expect(t.value).toBeCloseTo(0.5 - 0.2 / 4, 3);
    // sampling error of the mean (0.8/sqrt(400) on a 4-point scale) added to the mapping's 0.1
    expect(t.sd).toBeCloseTo(Math.sqrt((0.8 / 20 / 4) ** 2 + 0.01), 3);
    expect(unused).toEqual([expect.stringMatching(/^selvstendighet/)]);
  });

  it('reads a factor at face value when there is no comparison, and pools units by respondents', () => {
    const s = parseStaffSurvey('unit,factor,mean,sd,n\nA,fleksibilitetsvilje,5,0,100\nB,fleksibilitetsvilje,3,0,300\n', 's.csv', [
      'A',
      'B',
    ]);
    const { targets } = staffSurveyTargets(s.ok ? s.rows : [], 0, flat(0.5));
    expect(targets[0]!.value).toBeCloseTo((3.5 - 1) / 4, 3);
    expect(targets[0]!.note).toMatch(/face value/);
  });

  it('names unknown factors and units', () => {
    const s = parseStaffSurvey('unit,factor,mean,sd,n\nX,motivasjon,4,0.5,10\n', 's.csv', ['A']);
    const msgs = s.ok ? [] : s.errors.map((e) => `${e.path}: ${e.message}`);
    expect(msgs[0]).toMatch(/^unit: found "X"; allowed: "all", "norge"/);
    expect(msgs[1]).toMatch(/^factor: found "motivasjon"; allowed: a 10-FAKTOR factor/);
  });

  it('anchors citizens’ trust on the scale’s width', () => {
    const t = citizenTrustTarget({ mean: 4.5, scale: [1, 6], sd: 1, n: 400, national: 4 }, 0, flat(0.4));
    expect(t.value).toBeCloseTo(0.4 + 0.5 / 5, 3);
    expect(t.sd).toBeCloseTo(1 / 20 / 5, 3);
  });
});

describe('municipality file', () => {
  it('is refused with a placed error when it has no measurements or a mean off its scale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'muni-'));
    const f = join(dir, 'm.yaml');
    writeFileSync(f, 'name: m\npopulation: 5000\norganisation: org.csv\n');
    const r = loadMunicipality(f);
    expect(!r.ok && r.errors[0]!.message).toMatch(/at least one of staffSurvey, projects, citizenTrust/);
    writeFileSync(f, 'name: m\npopulation: 5000\norganisation: org.csv\ncitizenTrust: { mean: 7, scale: [1, 6], sd: 1, n: 10 }\n');
    const r2 = loadMunicipality(f);
    expect(!r2.ok && `${r2.errors[0]!.path} ${r2.errors[0]!.line}`).toBe('citizenTrust.mean 4');
  });

  it('the invented example becomes a valid scenario and a calibration file with its targets', () => {
    const m = loadMunicipality(EXAMPLE);
    if (!m.ok) throw new Error(JSON.stringify(m.errors));
    const sc = municipalityScenario(m.spec);
    if (!sc.ok) throw new Error(JSON.stringify(sc.errors));
    expect(sc.value.text).toMatch(/^# AN INVENTED MUNICIPALITY/);
    const file = join(tmpdir(), 'fjordvik.yaml');
    const loaded = loadScenario(file, { read: () => sc.value.text });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.config.org.units.map((u) => u.name)).toEqual(sc.value.units);
    expect(loaded.scenario.config.org.population).toBe(11_800);
    const cal = municipalityCalibration(m.spec, file, sc.value.units, flat(0.3));
    if (!cal.ok) throw new Error(JSON.stringify(cal.errors));
    const doc = parse(cal.value.text);
    expect(doc.scenario).toBe('fjordvik.yaml');
    expect(doc.targets.map((t: { indicator: string }) => t.indicator)).toEqual([
      'motivation',
      'competence',
      'coachingStyle',
      'openness',
      'initiativesActive',
      'trustCitizens',
    ]);
    expect(Object.keys(doc.parameters)).toContain('init.openness');
  });
});
