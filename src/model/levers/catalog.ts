/**
 * The catalogue of intervention levers (MODEL.md §4): for each kind its name, what it changes,
 * its source, whether it can target units, and its kind-specific options. The scenario schema is
 * built from this list, and each lever's effect is implemented in the module named in `module`.
 */

export type OptionSpec =
  | { readonly type: 'number'; readonly min: number; readonly max: number; readonly default: number; readonly doc: string }
  | { readonly type: 'integer'; readonly min: number; readonly max: number; readonly default: number; readonly doc: string }
  | { readonly type: 'boolean'; readonly default: boolean; readonly doc: string }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly default: string; readonly doc: string };

export interface LeverSpec {
  readonly kind: string;
  readonly title: string;
  /** What state or parameters it changes, in one line (also in docs/model.md). */
  readonly changes: string;
  readonly source: string;
  /** `unit` levers accept `units: [...]` to act on some units only; `org` levers act on the whole organisation. */
  readonly scope: 'org' | 'unit';
  /** Does `end` undo the lever (true), or is its effect structural and kept (false)? */
  readonly reversible: boolean;
  readonly options: Readonly<Record<string, OptionSpec>>;
}

const none = {} as const;

export const LEVERS = [
  {
    kind: 'matrix',
    title: 'Matrix organisation',
    changes: 'matrix degree up (cross-unit teams that create ties); role ambiguity; line managers more attached to own budget',
    source: '002 S2, 003 Asker',
    scope: 'org',
    reversible: true,
    options: none,
  },
  {
    kind: 'matrix-budget',
    title: 'Matrix with budget transfer',
    changes: 'matrix degree and project budget share up, budget transfer to projects; fewer resource fights',
    source: '002 S2b',
    scope: 'org',
    reversible: true,
    options: none,
  },
  {
    kind: 'portfolio',
    title: 'Portfolio management',
    changes: 'stops proposals without value, coordinates (more attention capacity), supports take-over, spreads routines across units',
    source: '004 levers 4, 6',
    scope: 'org',
    reversible: true,
    options: none,
  },
  {
    kind: 'trust-reform',
    title: 'Trust reform',
    changes:
      'reporting load down, autonomy up, steering toward trust (NPG); autonomy speeds work only with clear mandates and slows it without',
    source: '003 S4, 003 SF-19',
    scope: 'org',
    reversible: true,
    options: {
      clearMandates: { type: 'boolean', default: true, doc: 'whether mandates are clarified along with the reform' },
    },
  },
  {
    kind: 'room-to-fail',
    title: 'Room to fail',
    changes: 'failures raise fear and cost trust less and produce learning; more proposals',
    source: '002 §2.5.5, 003',
    scope: 'org',
    reversible: true,
    options: none,
  },
  {
    kind: 'leadership-development',
    title: 'Leadership development',
    changes: 'middle managers move weekly toward coach/facilitator style; relay probability up; insecurity down',
    source: '002 S5, 004 (adaptive leadership)',
    scope: 'unit',
    reversible: false,
    options: {
      rate: {
        type: 'number',
        min: 0,
        max: 0.2,
        default: 0.01,
        doc: 'weekly share of the distance to full coaching covered at intensity 1',
      },
    },
  },
  {
    kind: 'flatten-layers',
    title: 'Flatten layers',
    changes: 'removes management layers (down to 2): the layer above the first line is merged into the one above it',
    source: '002 S3',
    scope: 'unit',
    reversible: false,
    options: {
      layers: { type: 'integer', min: 1, max: 3, default: 1, doc: 'layers removed from each targeted unit' },
    },
  },
  {
    kind: 'tugboats',
    title: 'Tugboats (change agents)',
    changes: 'makes a share of staff distributed change agents who pass the direction to their ties, bypassing layers',
    source: '002 S13',
    scope: 'unit',
    reversible: true,
    options: {
      share: { type: 'number', min: 0, max: 0.2, default: 0.03, doc: 'share of staff made tugboats at intensity 1' },
    },
  },
  {
    kind: 'top-push',
    title: 'Single top push',
    changes: 'top signal strength up; documents turn toward NPG at once',
    source: '002 S14',
    scope: 'org',
    reversible: true,
    options: none,
  },
  {
    kind: 'strategy-plans',
    title: 'More plans and strategies',
    changes: 'documents turn toward NPG and plans add reporting load; no signal, resources or design ("paper NPG")',
    source: '002 VF-1, S1',
    scope: 'org',
    reversible: true,
    options: none,
  },
  {
    kind: 'mission',
    title: 'Mission orientation',
    changes: 'shared missions start aligned, cross-unit, politically anchored initiatives',
    source: '004 lever 5',
    scope: 'org',
    reversible: true,
    options: {
      perYear: { type: 'number', min: 0, max: 52, default: 12, doc: 'mission initiatives started per year at intensity 1' },
    },
  },
  {
    kind: 'living-lab',
    title: 'Living lab',
    changes: 'top management starts radical-partnership initiatives drawing many citizens and partners',
    source: '002 §2.4.3, §4.2',
    scope: 'org',
    reversible: true,
    options: { perYear: { type: 'number', min: 0, max: 52, default: 6, doc: 'initiatives per year at intensity 1' } },
  },
  {
    kind: 'utopia-workshop',
    title: 'Utopia workshop',
    changes: 'top management starts radical-problem initiatives drawing many citizens',
    source: '002 §2.4.4, §4.2',
    scope: 'org',
    reversible: true,
    options: { perYear: { type: 'number', min: 0, max: 52, default: 6, doc: 'initiatives per year at intensity 1' } },
  },
  {
    kind: 'service-design',
    title: 'Service design',
    changes: 'top management starts user-involving service initiatives',
    source: '002 §2.4.2, §4.2',
    scope: 'org',
    reversible: true,
    options: { perYear: { type: 'number', min: 0, max: 52, default: 6, doc: 'initiatives per year at intensity 1' } },
  },
  {
    kind: 'training-lab',
    title: 'Training lab',
    changes: 'top management starts initiatives whose members gain extra competence',
    source: '002 §4.2',
    scope: 'org',
    reversible: true,
    options: { perYear: { type: 'number', min: 0, max: 52, default: 6, doc: 'initiatives per year at intensity 1' } },
  },
  {
    kind: 'politicians-arenas',
    title: 'Politicians in arenas (cogwheel)',
    changes: 'cogwheel interface: politicians learn what co-creation is, take an interactive role; override falls',
    source: '002 S8, 003 S9',
    scope: 'org',
    reversible: true,
    options: none,
  },
  {
    kind: 'early-co-creation',
    title: 'Co-creation before the resolution',
    changes: 'the political gate moves after co-creation: lower override',
    source: '002 S10',
    scope: 'org',
    reversible: true,
    options: none,
  },
  {
    kind: 'legal-review',
    title: 'Legal room review',
    changes: 'internal (interpretive) legal strictness down; the state part stays',
    source: '002 S7, 003 S10',
    scope: 'unit',
    reversible: true,
    options: none,
  },
  {
    kind: 'competence-on-the-job',
    title: 'Competence on the job',
    changes: 'competence grows through practice in initiatives, not courses',
    source: '004 lever 8',
    scope: 'org',
    reversible: true,
    options: none,
  },
  {
    kind: 'outreach',
    title: 'Targeted outreach and anchor institutions',
    changes: 'participation of hard-to-reach segments up; with anchor institutions, families and youth through schools and kindergartens',
    source: '003 S8, §6',
    scope: 'org',
    reversible: true,
    options: {
      anchorInstitutions: { type: 'boolean', default: true, doc: 'engage anchor institutions (schools, kindergartens) as partners' },
    },
  },
  {
    kind: 'volunteers',
    title: 'Volunteers as relief',
    changes: 'operations tasks shifted to volunteers (more free time); voluntary partners strain and can burn out',
    source: '003 S7 (Wigan)',
    scope: 'org',
    reversible: true,
    options: none,
  },
  {
    kind: 'cross-sector-budgeting',
    title: 'Cross-sector (climate) budgeting',
    changes: 'weakens sector-budget silos: less attachment to own budget, lower silo strength, spending gate eased',
    source: '003 S12',
    scope: 'org',
    reversible: true,
    options: none,
  },
  {
    kind: 'automation',
    title: 'Automation',
    changes: 'operations demand down, free time up',
    source: '002 S19',
    scope: 'unit',
    reversible: true,
    options: none,
  },
  {
    kind: 'concept',
    title: 'Concept broadening vs clarity',
    changes: 'broadening labels more work as co-creation (reported up, actual unchanged); clarity the opposite',
    source: '002 S6, VF-5',
    scope: 'org',
    reversible: true,
    options: {
      direction: { type: 'enum', values: ['broaden', 'clarify'], default: 'broaden', doc: 'broaden the concept or make it clear' },
    },
  },
  {
    kind: 'budget-cut',
    title: 'Budget cut (austerity)',
    changes: 'budget pressure up; steering tightens toward NPM control',
    source: '002 S12, 003 S6',
    scope: 'org',
    reversible: true,
    options: none,
  },
  {
    kind: 'remote-work-shock',
    title: 'Remote-work shock',
    changes: 'silo strength up for a period ("a party for silo builders")',
    source: '002 S11, §4.3.5',
    scope: 'org',
    reversible: true,
    options: none,
  },
  {
    kind: 'pace-of-change',
    title: 'Pace of change',
    changes: 'rapid: many imposed changes (strain, time) with a stronger push; slow: fewer imposed changes ("work slowly to work fast")',
    source: '003 S5, 004 lever 1',
    scope: 'org',
    reversible: true,
    options: {
      mode: { type: 'enum', values: ['rapid', 'slow'], default: 'rapid', doc: 'many rapid imposed changes, or deliberately slow' },
    },
  },
] as const satisfies readonly LeverSpec[];

export type LeverKind = (typeof LEVERS)[number]['kind'];
export const LEVER_KINDS: readonly LeverKind[] = LEVERS.map((l) => l.kind);

export function leverSpec(kind: string): LeverSpec | undefined {
  return LEVERS.find((l) => l.kind === kind);
}

/** One scheduled intervention, resolved: ticks, unit indices, options with defaults filled in. */
export interface InterventionItem {
  readonly kind: LeverKind;
  readonly start: number;
  /** Exclusive end tick, or null for "until the end of the run". */
  readonly end: number | null;
  readonly intensity: number;
  /** Unit indices, or null for all units. */
  readonly units: readonly number[] | null;
  readonly options: Readonly<Record<string, number | boolean | string>>;
}
