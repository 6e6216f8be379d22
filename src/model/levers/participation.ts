/** Levers on politics, law, methods and participation. */
import { param } from '../params/define.js';
import { METHODS } from '../state.js';
import { add, indexed, type LeverClaims, type LeverEffort, lever, set, targetUnits } from './lever.js';

/** Politicians in arenas with the administration: the cogwheel interface (002 S8, 003 S9). */
export const politiciansArenas = lever({
  kind: 'politicians-arenas',
  title: 'Politicians in arenas (cogwheel)',
  titleNb: 'Politikere på arenaer (tannhjul)',
  changes: 'cogwheel interface: politicians learn what co-creation is, take an interactive role; override falls',
  source: '002 S8, 003 S9',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 10,
    moneyPerWeek: 5000,
    setupCost: 50_000,
    basis: 'assumption: secretariat for the arenas and their meetings',
  },
  claims: {
    channel: ['politicalOverride', 'down'],
    outcomes: [
      ['initiativesSucceeded', 'up'],
      ['publicValue', 'up'],
      ['transformationIndex', 'up'],
      ['politicalBacking', 'up'],
    ],
    context: {
      levers: ['mission'],
      org: { politicalBacking: 0.2 },
      why: 'politics binds: missions need a council decision, and backing is low',
    },
  },
  options: {},
  params: {},
  modifiers: (_w, it) => [add('cogwheel', it.intensity)],
});

/** Co-creation before the political resolution (002 S10). */
export const earlyCoCreation = lever({
  kind: 'early-co-creation',
  title: 'Co-creation before the resolution',
  titleNb: 'Samskaping før vedtaket',
  changes: 'the political gate moves after co-creation: lower override',
  source: '002 S10',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 20,
    moneyPerWeek: 0,
    setupCost: 50_000,
    basis: 'assumption: case officers prepare political cases after co-creation instead of before it',
  },
  claims: {
    channel: ['politicalOverride', 'down'],
    outcomes: [
      ['initiativesSucceeded', 'up'],
      ['publicValue', 'up'],
      ['politicalBacking', 'up'],
    ],
    context: {
      levers: ['mission'],
      org: { politicalBacking: 0.2 },
      why: 'politics binds: missions need a council decision, and backing is low',
    },
  },
  options: {},
  params: {},
  modifiers: (_w, it) => [add('earlyCoCreation', it.intensity)],
});

/** Legal room review (002 S7, 003 S10): lowers the internal, interpretive part of legal friction. */
export const legalReview = lever({
  kind: 'legal-review',
  title: 'Legal room review',
  titleNb: 'Gjennomgang av juridisk handlingsrom',
  changes: 'internal (interpretive) legal strictness down; the state part stays',
  source: '002 S7, 003 S10',
  scope: 'unit',
  reversible: true,
  effort: {
    staffHoursPerWeek: 20,
    moneyPerWeek: 0,
    setupCost: 150_000,
    basis: 'assumption: lawyers’ time reviewing internal interpretations; set-up is the first review',
  },
  claims: {
    channel: ['fearOfError', 'down'],
    outcomes: [
      ['publicValue', 'up'],
      ['coCreationActual', 'up'],
    ],
    // Public value +6 [2, 10] against a pair-to-pair sd of about 15 (64 pairs, seed `claims`, model
    // 0.3.1): 16 pairs see it roughly one time in three, 64 about nine times in ten.
    replicateFactor: 4,
  },
  options: {},
  params: { legalCut: param(0.6, [0, 1], 'Share of internal legal friction removed by a legal room review', '002 S7, 003 S10') },
  modifiers: (w, it, { p }) => targetUnits(w, it).map((u) => indexed('internalLegal', u, 'mul', 1 - p.legalCut * it.intensity)),
});

/** Targeted outreach and anchor institutions (003 S8, §6). */
export const outreach = lever({
  kind: 'outreach',
  title: 'Targeted outreach and anchor institutions',
  titleNb: 'Oppsøkende arbeid og ankerinstitusjoner',
  changes: 'participation of hard-to-reach segments up; with anchor institutions, families and youth through schools and kindergartens',
  source: '003 S8, §6',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 60,
    moneyPerWeek: 15_000,
    setupCost: 150_000,
    basis: 'assumption: outreach workers with schools, kindergartens and anchor institutions, and their materials',
  },
  claims: {
    channel: ['shareHardToReach', 'up'],
    outcomes: [
      ['publicValue', 'up'],
      ['trustCitizens', 'up'],
    ],
  },
  options: {
    anchorInstitutions: { type: 'boolean', default: true, doc: 'engage anchor institutions (schools, kindergartens) as partners' },
  },
  params: {},
  modifiers: (_w, it) =>
    it.options.anchorInstitutions === false
      ? [add('outreach', it.intensity)]
      : [add('outreach', it.intensity), add('anchor', it.intensity)],
});

/** Volunteers as relief (003 S7, Wigan). */
export const volunteers = lever({
  kind: 'volunteers',
  title: 'Volunteers as relief',
  titleNb: 'Frivillige som avlastning',
  changes: 'operations tasks shifted to volunteers (more free time); voluntary partners strain and can burn out',
  source: '003 S7 (Wigan)',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 20,
    moneyPerWeek: 5000,
    setupCost: 100_000,
    basis: 'assumption: a volunteer coordinator half-time and expenses for volunteers',
  },
  claims: {
    channel: ['workload', 'down'],
    outcomes: [
      ['burnout', 'down'],
      ['coCreationActual', 'up'],
    ],
  },
  options: {},
  params: {},
  modifiers: (_w, it) => [add('volunteerRelief', it.intensity)],
});

/** Concept broadening vs clarity (002 S6, VF-5). */
export const concept = lever({
  kind: 'concept',
  title: 'Concept broadening vs clarity',
  titleNb: 'Begrepsutvidelse eller -klarhet',
  changes: 'broadening labels more work as co-creation (reported up, actual unchanged); clarity the opposite',
  source: '002 S6, VF-5',
  scope: 'org',
  reversible: true,
  effort: { staffHoursPerWeek: 2, moneyPerWeek: 0, setupCost: 20_000, basis: 'assumption: communication about what counts as co-creation' },
  claims: {
    channel: ['coCreationReported', 'up'],
    outcomes: [],
    note: 'a label, not a practice: reported co-creation moves and actual co-creation does not (002 VF-5)',
  },
  options: {
    direction: { type: 'enum', values: ['broaden', 'clarify'], default: 'broaden', doc: 'broaden the concept or make it clear' },
  },
  params: {},
  modifiers: (_w, it) => [set('conceptBreadth', (it.options.direction === 'clarify' ? -1 : 1) * it.intensity)],
});

/** Budget cut (002 S12, 003 S6): budget pressure up, and steering tightens toward NPM control. */
export const budgetCut = lever({
  kind: 'budget-cut',
  title: 'Budget cut (austerity)',
  titleNb: 'Budsjettkutt (innstramming)',
  changes: 'budget pressure up, so top management tightens steering toward NPM control and fears cost more at its budget decisions',
  source: '002 S12, 003 S6',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 0,
    moneyPerWeek: 0,
    setupCost: 0,
    basis: 'an external condition, not an intervention the municipality pays for (money saved is not counted)',
  },
  claims: {
    channel: ['workload', 'up'],
    outcomes: [
      ['burnout', 'up'],
      ['publicValue', 'down'],
      ['trustCitizens', 'down'],
    ],
  },
  options: {},
  params: {
    budgetCut: param(0.5, [0, 1], 'Budget pressure added by a budget cut', '002 S12, 003 S6'),
  },
  modifiers: (_w, it, { p }) => [add('budgetPressure', p.budgetCut * it.intensity)],
});

/** Method pushes (002 §2.4, §4.2): top management starts initiatives of one method. */
function methodPush(
  method: (typeof METHODS)[number],
  title: string,
  titleNb: string,
  changes: string,
  source: string,
  claims: LeverClaims,
  effort: LeverEffort,
) {
  const m = METHODS.indexOf(method);
  return lever({
    kind: method,
    title,
    titleNb,
    changes,
    source,
    scope: 'org',
    reversible: true,
    claims,
    effort,
    options: { perYear: { type: 'number', min: 0, max: 52, default: 12, doc: 'initiatives per year at intensity 1' } },
    params: {},
    modifiers: (_w, it) => [indexed('methodPush', m, 'add', (Number(it.options.perYear) / 52) * it.intensity)],
  });
}

export const livingLab = methodPush(
  'living-lab',
  'Living lab',
  'Levende laboratorium',
  'top management starts radical-partnership initiatives drawing many citizens and partners',
  '002 §2.4.3, §4.2',
  {
    channel: ['initiativesStarted', 'up'],
    outcomes: [
      ['coCreationActual', 'up'],
      ['publicValue', 'up'],
    ],
  },
  {
    staffHoursPerWeek: 80,
    moneyPerWeek: 30_000,
    setupCost: 500_000,
    basis: 'assumption, at the default 12 initiatives a year: facilitators, premises and partner meetings; set-up is the lab',
  },
);
export const utopiaWorkshop = methodPush(
  'utopia-workshop',
  'Utopia workshop',
  'Utopiverksted',
  'top management starts radical-problem initiatives drawing many citizens',
  '002 §2.4.4, §4.2',
  {
    channel: ['initiativesStarted', 'up'],
    outcomes: [
      ['coCreationActual', 'up'],
      ['publicValue', 'up'],
    ],
  },
  {
    staffHoursPerWeek: 40,
    moneyPerWeek: 10_000,
    setupCost: 100_000,
    basis: 'assumption, at the default 12 initiatives a year: facilitators and workshop costs',
  },
);
export const serviceDesign = methodPush(
  'service-design',
  'Service design',
  'Tjenestedesign',
  'top management starts user-involving service initiatives',
  '002 §2.4.2, §4.2',
  {
    channel: ['initiativesStarted', 'up'],
    outcomes: [
      ['coCreationActual', 'up'],
      ['publicValue', 'up'],
    ],
  },
  {
    staffHoursPerWeek: 60,
    moneyPerWeek: 15_000,
    setupCost: 200_000,
    basis: 'assumption, at the default 12 initiatives a year: designers (own or bought) and user research',
  },
);
export const trainingLab = methodPush(
  'training-lab',
  'Training lab',
  'Treningslab',
  'top management starts initiatives whose members gain extra competence',
  '002 §4.2',
  {
    channel: ['competence', 'up'],
    outcomes: [
      ['coCreationActual', 'up'],
      ['publicValue', 'up'],
    ],
  },
  {
    staffHoursPerWeek: 60,
    moneyPerWeek: 15_000,
    setupCost: 200_000,
    basis: 'assumption, at the default 12 initiatives a year: trainers and participants’ extra time',
  },
);
