/**
 * The effort of a run's interventions (issue 16): staff hours and money from the levers' declared
 * costs (LeverSpec.effort, overridable per scenario in `costs`), added into one figure in NOK with
 * an hourly rate. A deterministic function of the interventions, the units and the horizon, kept
 * outside the model: the model never sees costs.
 *
 * Per intervention: weeks = from its start to its end (or the end of the run), within the run;
 * weekly staff hours and money × weeks × intensity × scope, plus the set-up money once if it runs
 * at all (× scope). Scope is 1 for organisation levers and for unit levers on every unit, else the
 * targeted units' share of staff. A method push's weekly costs scale with its initiatives per year
 * relative to the default of its `perYear` option.
 */

import type { InterventionItem } from '../model/index.js';
import { LEVERS, type LeverSpec, type OrgConfig } from '../model/index.js';
import { type CostsOverrides, DEFAULT_HOURLY_RATE } from './schema.js';

export interface LeverCost {
  readonly staffHoursPerWeek: number;
  readonly moneyPerWeek: number;
  readonly setupCost: number;
}

export interface CostTable {
  /** NOK per staff hour. */
  readonly hourlyRate: number;
  readonly levers: Readonly<Record<string, LeverCost>>;
}

export interface InterventionEffort {
  readonly kind: string;
  /** Weeks it runs within the run. */
  readonly weeks: number;
  /** Share of the organisation it acts on (targeted staff share for unit levers). */
  readonly scope: number;
  readonly staffHours: number;
  /** NOK: weekly money and set-up. */
  readonly money: number;
  /** NOK: money plus staff hours at the hourly rate. */
  readonly cost: number;
}

export interface RunEffort {
  readonly hourlyRate: number;
  readonly staffHours: number;
  readonly money: number;
  /** NOK: the effort figure searches budget and minimise. */
  readonly cost: number;
  readonly interventions: readonly InterventionEffort[];
}

/** The declared costs with a scenario's overrides applied. */
export function costTable(overrides?: CostsOverrides): CostTable {
  const levers: Record<string, LeverCost> = {};
  for (const l of LEVERS as readonly LeverSpec[]) {
    const o = overrides?.levers?.[l.kind as keyof NonNullable<CostsOverrides['levers']>];
    levers[l.kind] = {
      staffHoursPerWeek: o?.staffHoursPerWeek ?? l.effort.staffHoursPerWeek,
      moneyPerWeek: o?.moneyPerWeek ?? l.effort.moneyPerWeek,
      setupCost: o?.setupCost ?? l.effort.setupCost,
    };
  }
  return { hourlyRate: overrides?.hourlyRate ?? DEFAULT_HOURLY_RATE, levers };
}

/** Weekly-cost factor from a lever's options (a method push's initiatives per year against its default). */
function optionFactor(kind: string, options: Readonly<Record<string, number | boolean | string>>): number {
  const spec = (LEVERS as readonly LeverSpec[]).find((l) => l.kind === kind)?.options.perYear;
  if (spec?.type !== 'number' || spec.default === 0) return 1;
  const v = options.perYear;
  return typeof v === 'number' ? v / spec.default : 1;
}

function unitScope(it: InterventionItem, staffShares: readonly number[]): number {
  if (it.units === null) return 1;
  const total = staffShares.reduce((a, v) => a + v, 0);
  const mine = it.units.reduce((a, u) => a + (staffShares[u] ?? 0), 0);
  return total > 0 ? mine / total : 0;
}

/** One intervention's effort; `staffShares` are the units' staff shares (for unit levers on some units). */
export function interventionEffort(
  it: InterventionItem,
  staffShares: readonly number[],
  ticks: number,
  costs: CostTable,
): InterventionEffort {
  const c = costs.levers[it.kind];
  if (!c) throw new Error(`no cost declared for lever kind "${it.kind}"`);
  const weeks = Math.max(0, Math.min(it.end ?? ticks, ticks) - it.start);
  const scope = unitScope(it, staffShares);
  const weekly = weeks * it.intensity * scope * optionFactor(it.kind, it.options);
  const staffHours = c.staffHoursPerWeek * weekly;
  const money = c.moneyPerWeek * weekly + (weeks > 0 && it.intensity > 0 ? c.setupCost * scope : 0);
  return { kind: it.kind, weeks, scope, staffHours, money, cost: money + staffHours * costs.hourlyRate };
}

/** The cumulative effort of a run's interventions over `ticks` weeks. */
export function runEffort(items: readonly InterventionItem[], org: OrgConfig, ticks: number, costs: CostTable): RunEffort {
  const shares = org.units.map((u) => u.staffShare);
  const per = items.map((it) => interventionEffort(it, shares, ticks, costs));
  const sum = (f: (e: InterventionEffort) => number) => per.reduce((a, e) => a + f(e), 0);
  return {
    hourlyRate: costs.hourlyRate,
    staffHours: sum((e) => e.staffHours),
    money: sum((e) => e.money),
    cost: sum((e) => e.cost),
    interventions: per,
  };
}

/** NOK in millions with one decimal (tables of costs). */
export function millions(nok: number): string {
  return (nok / 1e6).toFixed(2);
}

/** docs/lever-costs.md: the declared costs of every lever, generated from the declarations. */
export function costsMarkdown(ticks = 260): string {
  const table = costTable();
  const rows = (LEVERS as readonly LeverSpec[]).map((l) => {
    const c = table.levers[l.kind]!;
    const it: InterventionItem = { kind: l.kind, start: 0, end: null, intensity: 1, units: null, options: {} };
    const e = interventionEffort(it, [], ticks, table);
    return `| \`${l.kind}\` | ${l.scope} | ${c.staffHoursPerWeek} | ${c.moneyPerWeek.toLocaleString('en')} | ${c.setupCost.toLocaleString('en')} | ${millions(e.cost)} | ${l.effort.basis} |`;
  });
  return [
    '# Lever costs',
    '',
    'Generated from the levers’ declarations (`effort` in src/model/levers) by `npm run docs:costs`; do not edit by hand.',
    '',
    `Each lever declares what it costs a municipality of the medium preset (about 60,000 inhabitants) at intensity 1: staff hours and money (NOK) every week it runs, and a one-off set-up cost when it starts. Weekly costs scale with intensity; the set-up does not. A unit lever on some units only costs the targeted units’ share of staff; a method push’s weekly costs scale with its initiatives per year (\`perYear\`) against the default 12. The effort of a run adds money and staff hours at ${DEFAULT_HOURLY_RATE} NOK an hour (about NOK 600,000 a year in salary plus social costs and pension over about 1,650 working hours, plus premises and IT). The figures are order-of-magnitude assumptions for comparing packages, not budgets: override them for your municipality in a scenario's \`costs\` section, e.g.`,
    '',
    '```yaml',
    'costs:',
    '  hourlyRate: 700',
    '  levers:',
    '    automation: { setupCost: 5000000 }',
    '```',
    '',
    `The last column is the effort of the lever alone at intensity 1 from week 0 to the end of a ${ticks}-week run, in million NOK (money plus staff hours at the default rate). \`tanker batch\` writes each scenario's effort in its manifest (\`scenarios[].effort\`), and \`tanker search\` budgets and minimises it.`,
    '',
    `| Lever | Scope | Staff hours / week | NOK / week | Set-up NOK | ${ticks} weeks, M NOK | Basis |`,
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
