/**
 * The scenario file format: the single source of its types, defaults, validation and JSON Schema.
 * Parameter and lever-option fields are generated from PARAM_GROUPS and LEVERS, so a new parameter
 * or lever is accepted (and documented in editors) without touching this file.
 */
import { z } from 'zod';
import {
  CHOICES,
  type ChoiceSpec,
  LEVERS,
  type LeverKind,
  type LeverSpec,
  type MechanismChoice,
  type ModelParams,
  type OptionSpec,
  type OrgConfig,
  PARAM_GROUPS,
  presetOrg,
  SIZE_PRESETS,
  type SizePreset,
  WORK_KINDS,
} from '../model/index.js';
import { quoteList } from './errors.js';
import {
  boolField,
  dateOrWeekField,
  enumField,
  mondayField,
  NB_TEXT_ALLOWED,
  nameField,
  nbTextField,
  numberField,
  seedField,
  strictObject,
  textField,
} from './fields.js';
import { LIMITS } from './limits.js';
import { SweepSchema } from './sweep.js';

export const DEFAULT_SEED = 'tanker';
export const DEFAULT_START = '2026-01-05';
export const DEFAULT_HORIZON = 260;
export const DEFAULT_REPLICATES = 100;
export const LOGIC_TOLERANCE = 1e-6;
const DESCRIPTION_NB_NEEDS_EN = `${NB_TEXT_ALLOWED}, given together with \`description\` in the same file (it translates it)`;

// ---------------------------------------------------------------- organisation

/** "(presets: small 10000, medium 60000, large 200000)" for an OrgConfig field. */
function presetNote(key: keyof OrgConfig): string {
  const v = (s: SizePreset) => JSON.stringify(presetOrg(s)[key]);
  const [a, b, c] = SIZE_PRESETS.map(v);
  return a === b && b === c ? `(preset default ${a})` : `(preset defaults: small ${a}, medium ${b}, large ${c})`;
}

const share = () => numberField(0, 1);

type OrgScalarKey = Exclude<keyof OrgConfig, 'units' | 'logic'>;

/** One entry per scalar OrgConfig field: a missing or extra field is a compile error. */
const ORG_SCALARS = {
  population: [numberField(1000, 2_000_000, { integer: true }), 'Inhabitants of the municipality'],
  citizenSample: [numberField(100, 100_000, { integer: true }), 'Citizens simulated as a weighted sample of the population'],
  staffPerThousand: [numberField(10, 300), 'Municipal employees per 1,000 inhabitants (every employee is an agent)'],
  politicians: [numberField(5, 200, { integer: true }), 'Members of the municipal council'],
  blocs: [numberField(1, 10, { integer: true }), 'Political blocs in the council'],
  partners: [numberField(0, 1000, { integer: true }), 'Partner organisations (voluntary, business, state) available for co-creation'],
  siloStrength: [share(), 'How rarely ties and projects cross units, 0..1'],
  matrixDegree: [share(), 'Share of development work run across units rather than in the line, 0..1'],
  projectBudgetShare: [share(), 'Share of the budget held for cross-unit projects rather than sector budgets, 0..1'],
  reportingLoad: [share(), 'Reporting and documentation load on staff, 0..1'],
  centralisation: [share(), 'Centralisation of decisions at the top, 0..1'],
  interface: [enumField(['hourglass', 'cogwheel']), 'Politics-administration interface: hourglass (separated) or cogwheel (interacting)'],
  topSignal: [share(), "Strength of top management's push toward co-creation at the start, 0..1"],
  enthusiastShare: [share(), 'Share of staff who are enthusiasts ("ildsjeler")'],
  budgetPressure: [share(), 'Budget pressure at the start, 0..1'],
  demandGrowth: [numberField(-0.1, 0.2), 'Yearly growth of demand for services'],
  politicalBacking: [share(), 'Mean political backing of the transformation at the start, 0..1'],
  backingBreadth: [share(), 'How evenly that backing is spread over blocs: 1 = all blocs equally, 0 = one bloc only'],
} as const satisfies Record<OrgScalarKey, readonly [z.ZodType, string]>;

type OrgScalarShape = { [K in OrgScalarKey]: z.ZodOptional<(typeof ORG_SCALARS)[K][0]> };

const orgScalarShape = Object.fromEntries(
  Object.entries(ORG_SCALARS).map(([k, [schema, doc]]) => [k, schema.optional().describe(`${doc} ${presetNote(k as OrgScalarKey)}`)]),
) as OrgScalarShape;

export const LOGIC_ALLOWED = 'three shares [OA, NPM, NPG], each from 0 to 1, summing to 1';

function logicMix(level: keyof OrgConfig['logic'], doc: string) {
  return z
    .tuple([share(), share(), share()], { error: LOGIC_ALLOWED })
    .refine((m) => Math.abs(m[0] + m[1] + m[2] - 1) <= LOGIC_TOLERANCE, {
      error: (iss) => {
        const m = iss.input as number[];
        return `${LOGIC_ALLOWED} (these sum to ${Number(m.reduce((a, b) => a + b, 0).toFixed(9))})`;
      },
    })
    .optional()
    .describe(
      `${doc}: shares of [bureaucracy (OA), NPM, NPG] summing to 1 (preset default ${JSON.stringify(presetOrg('medium').logic[level])})`,
    );
}

export const UnitSchema = strictObject(
  {
    name: textField().describe('Unit name, used by interventions to target it'),
    kind: enumField(WORK_KINDS).describe('Kind of work: authority work (planning, building) is where co-creation helps least'),
    staffShare: numberField(0, 1, { exclusiveMin: true }).describe(
      'Share of municipal staff in this unit (shares are normalised to sum 1)',
    ),
    layers: numberField(2, 5, { integer: true })
      .optional()
      .describe('Management layers between top management and the frontline (default: the size preset’s layers, or organisation.layers)'),
    legalStrictness: numberField(0, 1).default(0.5).describe("Legal strictness of the unit's field, 0..1"),
    load: numberField(0.1, 2).default(0.82).describe('Operational demand relative to staff capacity at the start (0.9 = 10 % slack)'),
  },
  { what: 'a unit: a mapping with name, kind, staffShare and optionally layers, legalStrictness, load' },
);

const UNITS_ALLOWED = 'a list of 1 to 31 units';

const UnitsSchema = z
  .array(UnitSchema, { error: UNITS_ALLOWED })
  .min(1)
  .max(31)
  .superRefine((units, ctx) => {
    const seen = new Set<string>();
    units.forEach((u, i) => {
      if (typeof u?.name !== 'string') return;
      if (seen.has(u.name))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'a unit name not used by another unit', input: u.name });
      seen.add(u.name);
    });
  });

export const OrganisationSchema = strictObject(
  {
    ...orgScalarShape,
    logic: strictObject(
      {
        documents: logicMix('documents', 'Governance logics in strategy documents'),
        steering: logicMix('steering', 'Governance logics in steering and management systems'),
        practice: logicMix('practice', 'Governance logics in everyday practice'),
      },
      { what: 'a mapping with documents, steering and/or practice' },
    )
      .optional()
      .describe('Governance logic mix by level (logics layer, they do not replace each other); levels not given keep the preset'),
    layers: numberField(2, 5, { integer: true })
      .optional()
      .describe("Shorthand: set every unit's management layers (presets: small 3, medium 4, large 5)"),
    units: UnitsSchema.optional().describe("Replaces the preset's units entirely (1..31 units with unique names)"),
  },
  { what: 'a mapping of organisation fields' },
).describe('Overrides of the size preset’s organisation; fields not given keep the preset value');

// ---------------------------------------------------------------- parameters

export type ParamsInput = { [G in keyof ModelParams]?: { [K in keyof ModelParams[G]]?: number } };

export const ParametersSchema = strictObject(
  Object.fromEntries(
    Object.entries(PARAM_GROUPS).map(([group, specs]) => [
      group,
      strictObject(
        Object.fromEntries(
          Object.entries(specs).map(([name, s]) => [
            name,
            numberField(s.min, s.max, { integer: s.integer ?? false })
              .default(s.default)
              .describe(`${s.doc} (source: ${s.source})`),
          ]),
        ),
        { what: `a mapping of ${group} parameters` },
      )
        .prefault({})
        .describe(`Parameters of the ${group} mechanism`),
    ]),
  ),
  { what: 'a mapping of parameter groups' },
)
  .prefault({})
  .describe('Model parameters by group (defaults are modelling assumptions, not calibrations)') as unknown as z.ZodType<
  ModelParams,
  ParamsInput
>;

// ---------------------------------------------------------------- interventions

export type OptionValue = number | boolean | string;

/** One intervention as written, with defaults filled in (dates and unit names not yet resolved). */
export interface InterventionSpec {
  readonly kind: LeverKind;
  readonly label?: string | undefined;
  readonly label_nb?: string | undefined;
  readonly start: string | number;
  readonly end?: string | number | undefined;
  readonly intensity: number;
  readonly units?: readonly string[] | undefined;
  readonly options: Readonly<Record<string, OptionValue>>;
}

export interface InterventionSpecInput {
  kind: LeverKind;
  label?: string;
  label_nb?: string;
  start: string | number;
  end?: string | number;
  intensity?: number;
  units?: string[];
  options?: Record<string, OptionValue>;
}

function optionField(o: OptionSpec) {
  switch (o.type) {
    case 'number':
      return numberField(o.min, o.max).default(o.default).describe(o.doc);
    case 'integer':
      return numberField(o.min, o.max, { integer: true }).default(o.default).describe(o.doc);
    case 'boolean':
      return boolField().default(o.default).describe(o.doc);
    case 'enum':
      return enumField(o.values as [string, ...string[]])
        .default(o.default)
        .describe(o.doc);
  }
}

export const UNIT_LEVERS: readonly LeverKind[] = LEVERS.filter((l) => l.scope === 'unit').map((l) => l.kind);

function interventionVariant(l: LeverSpec) {
  const optionKeys = Object.keys(l.options);
  const base = {
    kind: z.literal(l.kind).describe(`${l.title}: ${l.changes} (${l.source})`),
    label: z.string({ error: 'a text' }).optional().describe('Free label shown in outputs'),
    label_nb: nbTextField().describe('The label in Norwegian (bokmål), for outputs in --lang nb (default: the lever’s Norwegian name)'),
    start: dateOrWeekField().describe('When the lever begins: a date YYYY-MM-DD or a 0-based week index'),
    end: dateOrWeekField()
      .optional()
      .describe(
        l.reversible
          ? 'When it ends and its changes are undone (after start; default: the end of the run)'
          : 'When it stops acting; what it changed is kept (after start; default: the end of the run)',
      ),
    intensity: numberField(0, 1).default(1).describe('Strength of the lever, 0..1'),
    options: strictObject(Object.fromEntries(Object.entries(l.options).map(([k, o]) => [k, optionField(o)])), {
      what: optionKeys.length ? `a mapping of options (${optionKeys.join(', ')})` : 'an empty mapping (this lever has no options)',
      unknownKey: optionKeys.length ? undefined : () => `unknown key; "${l.kind}" has no options`,
    })
      .prefault({})
      .describe(optionKeys.length ? `Options of ${l.kind}` : `${l.kind} has no options`),
  };
  const what = `an intervention: a mapping with kind, start and optionally label, end, intensity${l.scope === 'unit' ? ', units' : ''}, options`;
  if (l.scope === 'unit') {
    const units = z
      .array(textField(), { error: 'a list of unit names' })
      .min(1)
      .optional()
      .describe('Names of the units it acts on (default: all units)');
    return strictObject({ ...base, units }, { what });
  }
  return strictObject(base, {
    what,
    unknownKey: (k) =>
      k === 'units'
        ? `unknown key; "${l.kind}" acts on the whole organisation and takes no units (levers that do: ${UNIT_LEVERS.join(', ')})`
        : undefined,
  });
}

const variants = LEVERS.map((l) => interventionVariant(l));

export const InterventionSchema = z.discriminatedUnion('kind', variants as unknown as [(typeof variants)[number], ...typeof variants], {
  error: `an intervention: a mapping with a kind (one of the lever kinds)`,
}) as unknown as z.ZodType<InterventionSpec, InterventionSpecInput>;

// ---------------------------------------------------------------- lever costs

/** Default price of one staff hour (NOK), used to add staff time and money into one effort figure. */
export const DEFAULT_HOURLY_RATE = 600;

const nok = (doc: string) => numberField(0, 1e10).optional().describe(doc);

function leverCostSchema(l: LeverSpec) {
  const e = l.effort;
  return strictObject(
    {
      staffHoursPerWeek: numberField(0, 100_000)
        .optional()
        .describe(`Staff hours per week while it runs, at intensity 1 (declared: ${e.staffHoursPerWeek})`),
      moneyPerWeek: nok(`Money (NOK) per week while it runs, at intensity 1 (declared: ${e.moneyPerWeek})`),
      setupCost: nok(`One-off money (NOK) when it starts (declared: ${e.setupCost})`),
    },
    { what: 'a mapping with staffHoursPerWeek, moneyPerWeek and/or setupCost' },
  ).describe(`Cost of ${l.kind} (declared basis: ${e.basis})`);
}

export const CostsSchema = strictObject(
  {
    hourlyRate: numberField(0, 100_000)
      .optional()
      .describe(`Price of one staff hour in NOK, to add staff time to money (default ${DEFAULT_HOURLY_RATE})`),
    levers: strictObject(Object.fromEntries(LEVERS.map((l) => [l.kind, leverCostSchema(l).optional()])), {
      what: 'a mapping from lever kinds to cost overrides',
    })
      .optional()
      .describe('Cost overrides per lever kind; fields not given keep the declared value'),
  },
  { what: 'a mapping with hourlyRate and/or levers' },
).describe("Overrides of the levers' declared costs (docs/lever-costs.md) for this municipality");

export type CostsOverrides = z.output<typeof CostsSchema>;

// ---------------------------------------------------------------- the scenario

export const ScenarioSchema = strictObject(
  {
    $schema: z
      .string({ error: 'a text (the JSON Schema location, for editors)' })
      .optional()
      .describe('JSON Schema location for editors; ignored'),
    name: nameField().describe(`Scenario name (required in every file; never inherited; at most ${LIMITS.nameLength} characters)`),
    description: z.string({ error: 'a text' }).optional().describe('What the scenario explores (inherited if not given)'),
    description_nb: nbTextField().describe(
      'The description in Norwegian (bokmål), for reports in --lang nb; needs `description` in the same file and is inherited with it',
    ),
    extends: z
      .string({ error: 'a path to a .yaml, .yml or .json scenario file' })
      .regex(/\.(ya?ml|json)$/i)
      .optional()
      .describe('Parent scenario, relative to this file: objects merge (this file wins), lists replace, interventions append'),
    seed: seedField().default(DEFAULT_SEED).describe('Master seed; replicate k uses a stream derived from it'),
    replicates: numberField(1, LIMITS.replicates, { integer: true }).default(DEFAULT_REPLICATES).describe('Replicates in a batch'),
    size: enumField(SIZE_PRESETS).default('medium').describe('Size preset: small (~10k inhabitants), medium (~60k), large (~200k)'),
    start: mondayField().default(DEFAULT_START).describe('Date of week 0, a Monday (YYYY-MM-DD)'),
    horizon: numberField(1, LIMITS.horizon, { integer: true }).default(DEFAULT_HORIZON).describe('Weeks to simulate'),
    elections: boolField().default(true).describe('Hold the four-yearly municipal election'),
    mechanisms: strictObject(
      Object.fromEntries(
        Object.entries(CHOICES as Readonly<Record<string, ChoiceSpec>>).map(([name, c]) => [
          name,
          enumField(c.values as readonly [string, ...string[]])
            .default(c.default)
            .describe(`${c.doc}: ${c.values.map((v) => `${v} (${c.meaning[v]})`).join('; ')} (source: ${c.source})`),
        ]),
      ) as unknown as { [K in keyof MechanismChoice]: z.ZodDefault<z.ZodType<MechanismChoice[K], MechanismChoice[K]>> },
      { what: `a mapping with ${quoteList(Object.keys(CHOICES))}` },
    )
      .prefault({})
      .describe('Where the sources disagree, the mechanism variant to use'),
    organisation: OrganisationSchema.optional(),
    parameters: ParametersSchema,
    sweep: SweepSchema.optional(),
    costs: CostsSchema.optional(),
    interventions: z
      .array(InterventionSchema, { error: 'a list of interventions' })
      .default([])
      .describe(`Scheduled levers (when extending, appended to the parent's). Kinds: ${quoteList(LEVERS.map((l) => l.kind))}`),
  },
  { what: 'a scenario: a mapping with at least name' },
)
  .superRefine((s, ctx) => {
    // The Norwegian text translates the English one: it never stands alone (extends.ts inherits the two together).
    if (s.description_nb !== undefined && s.description === undefined)
      ctx.addIssue({ code: 'custom', path: ['description_nb'], message: DESCRIPTION_NB_NEEDS_EN, input: s.description_nb });
  })
  .describe('A Tanker scenario: a municipality, a run set-up and a schedule of interventions');

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type OrganisationOverrides = z.output<typeof OrganisationSchema>;
