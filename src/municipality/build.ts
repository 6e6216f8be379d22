/**
 * A municipality file → a scenario (its organisation on a size preset's behaviour) and a calibration
 * file (its measurements as targets in year 1, the parameters that set those levels varied over
 * a factor of three around their defaults). Both are plain text to write; the caller validates the scenario and gives
 * the model's own year-1 levels, against which survey results with a national comparison are read.
 */
import { basename, resolve } from 'node:path';
import { stringify } from 'yaml';
import { INDICATORS, type IndicatorName, type ModelConfig, PARAM_GROUPS, runReplicate } from '../model/index.js';
import type { ScenarioError } from '../scenario/errors.js';
import { readOrganisationCsv, type UnitRow } from './organisation-csv.js';
import type { Municipality } from './spec.js';
import { citizenTrustTarget, type DataTarget, LEVEL_PARAMETER, projectTarget, readStaffSurvey, staffSurveyTargets } from './survey.js';

export interface ScenarioText {
  readonly name: string;
  readonly text: string;
  readonly staff: number;
  readonly units: readonly string[];
}

export interface CalibrationText {
  readonly name: string;
  readonly text: string;
  readonly targets: readonly DataTarget[];
  /** Factors measured but not used, each with the reason. */
  readonly unused: readonly string[];
}

type Built<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly ScenarioError[] };

const invented = (m: Municipality): string => (m.invented ? 'AN INVENTED MUNICIPALITY (an example, not real data). ' : '');
const header = (m: Municipality, what: string): string =>
  `# ${invented(m)}${what} written by \`tanker municipality ${basename(m.file)}\`.\n# Edit the municipality file and write it again rather than editing this file.\n`;

/** Staff shares rounded to 4 decimals (the model normalises them again). */
function unitsBlock(units: readonly UnitRow[], staff: number) {
  return units.map((u) => ({
    name: u.name,
    kind: u.kind,
    staffShare: Math.max(1e-4, Math.round((u.staff / staff) * 1e4) / 1e4),
    layers: u.layers,
    ...(u.legalStrictness !== undefined ? { legalStrictness: u.legalStrictness } : {}),
    ...(u.load !== undefined ? { load: u.load } : {}),
  }));
}

/** The scenario: the organisation CSV and settings on the chosen size preset. */
export function municipalityScenario(m: Municipality): Built<ScenarioText> {
  const org = readOrganisationCsv(resolve(m.dir, m.organisation));
  if (!org.ok) return { ok: false, errors: org.errors };
  const staffPerThousand = Math.round((org.staff / m.population) * 1000 * 100) / 100;
  if (staffPerThousand < 10 || staffPerThousand > 300) {
    const message = `gives ${staffPerThousand} employees per 1,000 inhabitants (${org.staff} staff in ${m.organisation}); allowed: 10 to 300 (check population and the staff column)`;
    return { ok: false, errors: [{ file: m.file, line: null, col: null, path: 'population', message }] };
  }
  const scenario = {
    name: m.name,
    description: `${invented(m)}${m.description ?? `${m.name}: ${org.units.length} units, ${org.staff} staff, ${m.population} inhabitants`}`,
    size: m.size,
    organisation: { ...(m.settings ?? {}), population: m.population, staffPerThousand, units: unitsBlock(org.units, org.staff) },
  };
  return {
    ok: true,
    value: {
      name: m.name,
      text: header(m, 'Scenario') + stringify(scenario, { lineWidth: 100 }),
      staff: org.staff,
      units: org.units.map((u) => u.name),
    },
  };
}

/** Year-1 mean of each indicator in the base scenario over a few replicates: the model's own level. */
export function yearOneLevels(cfg: ModelConfig, seed: string, replicates: number): (indicator: IndicatorName) => number {
  const oneYear = { ...cfg, ticks: 52 };
  const runs = Array.from({ length: replicates }, (_, r) => runReplicate(oneYear, seed, r));
  return (indicator) => {
    const k = INDICATORS.indexOf(indicator);
    let sum = 0;
    for (const run of runs) for (let t = 0; t < 52; t++) sum += run.data[t * INDICATORS.length + k]!;
    return sum / (52 * runs.length);
  };
}

/**
 * A factor of three either side of the default, inside the registry's range (assumption): the
 * registry's ranges are what the equations allow (a proposal rate up to 0.1 a week against a
 * default of 0.004), far wider than what a municipality's levels call for.
 */
export function priorRange(name: string): [number, number] {
  const [g, k] = name.split('.') as [string, string];
  const spec = (PARAM_GROUPS as Record<string, Record<string, { default: number; min: number; max: number }>>)[g]![k]!;
  const round = (x: number) => Number(x.toPrecision(3));
  return [round(Math.max(spec.min, spec.default / 3)), round(Math.min(spec.max, spec.default * 3))];
}

/** The calibration file: the measurements as year-1 targets, the parameters that set their levels. */
export function municipalityCalibration(
  m: Municipality,
  scenarioFile: string,
  units: readonly string[],
  level: (indicator: IndicatorName) => number,
): Built<CalibrationText> {
  const targets: DataTarget[] = [];
  let unused: string[] = [];
  if (m.staffSurvey) {
    const s = readStaffSurvey(resolve(m.dir, m.staffSurvey), units);
    if (!s.ok) return { ok: false, errors: s.errors };
    const t = staffSurveyTargets(s.rows, m.mappingSd, level);
    targets.push(...t.targets);
    unused = t.unused;
  }
  if (m.projects) targets.push(projectTarget(m.projects.running, m.projects.countedShare, level));
  if (m.citizenTrust) targets.push(citizenTrustTarget(m.citizenTrust, m.mappingSd, level));
  const parameters = Object.fromEntries(
    [...new Set(targets.map((t) => LEVEL_PARAMETER[t.indicator]).filter((p): p is string => p !== undefined))].map((p) => [
      p,
      priorRange(p),
    ]),
  );
  const name = `${m.name}-calibration`;
  const calibration = {
    name,
    description: `${invented(m)}${m.name} calibrated to its own measurements in year 1: ${targets.map((t) => t.indicator).join(', ')}.`,
    scenario: basename(scenarioFile),
    horizon: 52,
    parameters,
    targets: targets.map(({ indicator, year, value, sd }) => ({ indicator, year, value, sd })),
    method: { ...m.calibration },
  };
  const notes = targets.map((t) => `#   ${t.indicator}: ${t.note}`).join('\n');
  const skipped = unused.length > 0 ? `# Measured but not used:\n${unused.map((u) => `#   ${u}`).join('\n')}\n` : '';
  const text = `${header(m, 'Calibration file')}# Targets (docs/municipality-data.md explains each mapping):\n${notes}\n${skipped}${stringify(calibration, { lineWidth: 100 })}`;
  return { ok: true, value: { name, text, targets, unused } };
}
