/**
 * A municipality file: how a municipality describes itself to Tanker (YAML or JSON). It names its
 * organisation CSV, its measurements (staff survey, co-creation projects, citizens' survey) and the
 * size preset whose behaviour defaults it starts from. `tanker municipality FILE` turns it into a
 * scenario and a calibration file (build.ts). Paths are relative to the file.
 */
import { dirname } from 'node:path';
import { z } from 'zod';
import { SIZE_PRESETS } from '../model/index.js';
import type { Issue, ScenarioError } from '../scenario/errors.js';
import { boolField, enumField, nameField, numberField, strictObject, textField } from '../scenario/fields.js';
import { readSourceFile } from '../scenario/load.js';
import { placeIssues } from '../scenario/parse.js';
import { OrganisationSchema } from '../scenario/schema.js';
import { checkSchema } from '../scenario/validate.js';

const likert = strictObject(
  {
    mean: numberField(-1000, 1000),
    scale: z.tuple([numberField(-1000, 1000), numberField(-1000, 1000)], { error: 'a list [lowest, highest] of the answer scale' }),
    sd: numberField(0, 1000),
    n: numberField(1, 10_000_000, { integer: true }),
    national: numberField(-1000, 1000)
      .optional()
      .describe('The national mean of the same question, when known: the target is then anchored on the model'),
  },
  { what: 'a mapping with mean, scale [lowest, highest], sd, n and optionally national' },
).superRefine((v, ctx) => {
  const [lo, hi] = v.scale;
  if (!(lo < hi))
    ctx.addIssue({ code: 'custom', path: ['scale'], message: 'a list [lowest, highest] with lowest below highest', input: v.scale });
  else if (v.mean < lo || v.mean > hi)
    ctx.addIssue({ code: 'custom', path: ['mean'], message: `a mean on the scale, from ${lo} to ${hi}`, input: v.mean });
});

// Organisation fields the CSV and population set; the rest may be given as in a scenario.
const { units: _units, layers: _layers, population: _population, staffPerThousand: _spt, ...orgRest } = OrganisationSchema.shape;

export const MunicipalitySchema = strictObject(
  {
    name: nameField().describe('Name of the municipality; names the scenario and calibration files written'),
    description: textField().optional(),
    invented: boolField().default(false).describe('True for an invented example (said in every file written)'),
    size: enumField(SIZE_PRESETS).default('medium').describe('Size preset whose behaviour defaults the municipality starts from'),
    population: numberField(500, 2_000_000, { integer: true }).describe('Inhabitants'),
    organisation: textField().describe('Path of the organisation CSV: unit, kind, staff, layers[, legal_strictness, load]'),
    settings: strictObject(orgRest, { what: 'a mapping of organisation fields (as in a scenario)' })
      .optional()
      .describe('Other organisation fields, as in a scenario’s organisation block (silo strength, reporting load, …)'),
    staffSurvey: textField().optional().describe('Path of 10-FAKTOR results: unit (or all), factor, mean, sd, n'),
    projects: strictObject(
      {
        running: numberField(0, 100_000, { integer: true }).describe('Co-creation projects running in the survey year'),
        countedShare: numberField(0, 1, { exclusiveMin: true })
          .default(1)
          .describe("Share of the model's initiatives the municipality would register as a project (assumption)"),
      },
      { what: 'a mapping with running and optionally countedShare' },
    ).optional(),
    citizenTrust: likert.optional().describe("Citizens' survey: trust in the municipality (mean, scale, sd, n)"),
    mappingSd: numberField(0, 0.5)
      .default(0.1)
      .describe('Uncertainty of reading a survey mean as a model score, added to the sampling error (assumption)'),
    calibration: strictObject(
      {
        particles: numberField(4, 100_000, { integer: true }).default(40),
        generations: numberField(1, 100, { integer: true }).default(4),
        replicates: numberField(1, 100, { integer: true }).default(1),
        seed: textField().default('municipality'),
      },
      { what: 'a mapping with particles, generations, replicates and seed' },
    )
      .prefault({})
      .describe('Method settings of the calibration file written'),
  },
  { what: 'a municipality file: a mapping with name, population, organisation and measurements' },
);

export type Municipality = z.output<typeof MunicipalitySchema> & { readonly file: string; readonly dir: string };

export type MunicipalityLoad =
  | { readonly ok: true; readonly spec: Municipality }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

export function loadMunicipality(path: string): MunicipalityLoad {
  const read = readSourceFile(path, 'municipality file');
  if (!read.ok) return read;
  const { file, src } = read;
  const checked = checkSchema(MunicipalitySchema, src.data);
  if (!checked.ok) return { ok: false, errors: placeIssues(src, checked.issues as Issue[]) };
  if (!checked.value.staffSurvey && !checked.value.projects && !checked.value.citizenTrust) {
    return {
      ok: false,
      errors: placeIssues(src, [
        { path: [], message: 'found no measurements; allowed: at least one of staffSurvey, projects, citizenTrust' },
      ]),
    };
  }
  return { ok: true, spec: { ...checked.value, file, dir: dirname(file) } };
}
