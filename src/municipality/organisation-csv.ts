/**
 * A municipality's organisation from a CSV it can export from its HR or payroll system: one row per
 * unit with its kind of work, head count and management layers (optionally legal strictness and
 * load). Becomes the `organisation.units` of a scenario; every problem names the file, the line,
 * the column, the value and what is allowed.
 */
import { parseCsv } from '../io/csv.js';
import { WORK_KINDS, type WorkKind } from '../model/index.js';
import { foundAllowed, quoteList, type ScenarioError } from '../scenario/errors.js';
import { readTextFile } from '../scenario/load.js';

export const ORGANISATION_COLUMNS = {
  unit: 'unit name (unique; interventions name units by it)',
  kind: `kind of work: ${WORK_KINDS.join(', ')}`,
  staff: 'employees in the unit (a whole number, at least 1)',
  layers: 'management layers between top management and the frontline, 2 to 5',
  legal_strictness: 'optional: legal strictness of the unit’s field, 0 to 1 (default 0.5)',
  load: 'optional: operational demand relative to staff capacity, 0.1 to 2 (default 0.82)',
} as const;

const REQUIRED = ['unit', 'kind', 'staff', 'layers'] as const;
const MAX_UNITS = 31;

export interface UnitRow {
  readonly name: string;
  readonly kind: WorkKind;
  readonly staff: number;
  readonly layers: number;
  readonly legalStrictness?: number;
  readonly load?: number;
}

export type OrganisationCsv =
  | { readonly ok: true; readonly units: readonly UnitRow[]; readonly staff: number }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

/** Reads and checks the organisation CSV; all problems at once. */
export function readOrganisationCsv(file: string): OrganisationCsv {
  const read = readTextFile(file, 'organisation CSV');
  if (!read.ok) return read;
  const text = read.text;
  return parseOrganisationCsv(text, file);
}

export function parseOrganisationCsv(text: string, file: string): OrganisationCsv {
  const rows = parseCsv(text).filter((r) => r.some((c) => c.trim() !== ''));
  const errors: ScenarioError[] = [];
  const err = (line: number | null, path: string, message: string) => errors.push({ file, line, col: null, path, message });
  if (rows.length === 0) {
    err(null, '', `found an empty file; allowed: a header line with ${quoteList(REQUIRED)} and one line per unit`);
    return { ok: false, errors };
  }
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const known = Object.keys(ORGANISATION_COLUMNS);
  for (const h of header) if (!known.includes(h)) err(1, h, foundAllowed(h, `a column among ${quoteList(known)}`));
  for (const c of REQUIRED) if (!header.includes(c)) err(1, c, `missing column; the header needs ${quoteList(REQUIRED)}`);
  if (errors.length > 0) return { ok: false, errors };
  if (rows.length - 1 > MAX_UNITS)
    err(null, '', `found ${rows.length - 1} units; allowed: 1 to ${MAX_UNITS} units (group small units together)`);
  if (rows.length === 1) err(null, '', 'found no units; allowed: one line per unit after the header');

  const units: UnitRow[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, k) => {
    const line = k + 2;
    const cell = (c: string): string => (cells[header.indexOf(c)] ?? '').trim();
    const num = (c: keyof typeof ORGANISATION_COLUMNS, min: number, max: number, integer: boolean): number | undefined => {
      const raw = cell(c);
      if (raw === '') return undefined;
      const v = Number(raw);
      if (!Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
        err(line, c, foundAllowed(raw, ORGANISATION_COLUMNS[c]));
        return undefined;
      }
      return v;
    };
    const name = cell('unit');
    if (name === '') err(line, 'unit', foundAllowed(name, ORGANISATION_COLUMNS.unit));
    else if (seen.has(name)) err(line, 'unit', foundAllowed(name, 'a unit name not used on an earlier line'));
    seen.add(name);
    const kind = cell('kind');
    if (!(WORK_KINDS as readonly string[]).includes(kind)) err(line, 'kind', foundAllowed(kind, ORGANISATION_COLUMNS.kind));
    const staff = num('staff', 1, 1_000_000, true);
    const layers = num('layers', 2, 5, true);
    if (staff === undefined && cell('staff') === '') err(line, 'staff', foundAllowed('', ORGANISATION_COLUMNS.staff));
    if (layers === undefined && cell('layers') === '') err(line, 'layers', foundAllowed('', ORGANISATION_COLUMNS.layers));
    const legalStrictness = header.includes('legal_strictness') ? num('legal_strictness', 0, 1, false) : undefined;
    const load = header.includes('load') ? num('load', 0.1, 2, false) : undefined;
    if (name !== '' && staff !== undefined && layers !== undefined && (WORK_KINDS as readonly string[]).includes(kind)) {
      units.push({
        name,
        kind: kind as WorkKind,
        staff,
        layers,
        ...(legalStrictness !== undefined ? { legalStrictness } : {}),
        ...(load !== undefined ? { load } : {}),
      });
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, units, staff: units.reduce((s, u) => s + u.staff, 0) };
}
