/** Structural levers: matrix, budgets across sectors, layers, automation, remote-work shock. */
import { param } from '../params/define.js';
import { add, indexed, lever, leverParams, targetUnits } from './lever.js';

const matrixParams = {
  matrixDegree: param(0.5, [0, 1], 'Matrix degree added by a matrix organisation', '002 S2'),
  matrixResistance: param(0.2, [0, 1], 'Line managers’ extra resistance to lending staff under a matrix', '002 M60-62'),
} as const;

/** Matrix organisation (002 S2, 003 Asker): cross-unit teams; line managers resist lending staff. */
export const matrix = lever({
  kind: 'matrix',
  title: 'Matrix organisation',
  titleNb: 'Matriseorganisering',
  changes: 'matrix degree up (cross-unit teams that create ties); role ambiguity; line managers more attached to own budget',
  source: '002 S2, 003 Asker',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 60,
    moneyPerWeek: 0,
    setupCost: 1_500_000,
    basis:
      'assumption: about 1.5 full-time posts of extra coordination between line and project managers in a medium municipality (~4,800 staff); set-up is a reorganisation process with external support',
  },
  claims: {
    channel: ['crossUnitTieShare', 'up'],
    outcomes: [
      ['crossSiloCoCreation', 'up'],
      ['transformationIndex', 'up'],
    ],
  },
  options: {},
  params: matrixParams,
  modifiers: (_w, it, { p }) => [
    add('matrixDegree', p.matrixDegree * it.intensity),
    add('lineResistance', p.matrixResistance * it.intensity),
  ],
});

/** Matrix with budget transfer (002 S2b): money follows the projects, so fewer resource fights. */
export const matrixBudget = lever({
  kind: 'matrix-budget',
  title: 'Matrix with budget transfer',
  titleNb: 'Matrise med budsjettoverføring',
  changes: 'matrix degree and project budget share up, budget transfer to projects; fewer resource fights',
  source: '002 S2b',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 80,
    moneyPerWeek: 20_000,
    setupCost: 2_000_000,
    basis:
      'assumption: as matrix, plus finance staff who move budgets to projects every week and a budget-model change (set-up) with the finance system',
  },
  claims: {
    channel: ['crossSiloCoCreation', 'up'],
    outcomes: [
      ['transformationIndex', 'up'],
      ['practiceNPG', 'up'],
      ['publicValue', 'up'],
    ],
  },
  options: {},
  params: {
    projectShare: param(0.05, [0, 0.5], 'Project budget share added by a matrix with budget transfer', '002 S2b'),
    budgetFightRelief: param(0.3, [0, 1], 'Line resistance removed by moving budgets to projects', '002 S2b'),
  },
  modifiers: (w, it, { p }) => [
    add('matrixDegree', leverParams(w, matrixParams).matrixDegree * it.intensity),
    add('projectBudgetShare', p.projectShare * it.intensity),
    add('budgetTransfer', it.intensity),
    add('lineResistance', -p.budgetFightRelief * it.intensity),
  ],
});

/** Cross-sector (climate) budgeting (003 S12): weakens the sector budgets that silos rest on. */
export const crossSectorBudgeting = lever({
  kind: 'cross-sector-budgeting',
  title: 'Cross-sector (climate) budgeting',
  titleNb: 'Sektorovergripende (klima)budsjett',
  changes: 'weakens sector-budget silos: less attachment to own budget, lower silo strength, spending gate eased',
  source: '003 S12',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 20,
    moneyPerWeek: 0,
    setupCost: 500_000,
    basis: 'assumption: finance staff keep the cross-sector budget; set-up changes the budget model',
  },
  claims: {
    channel: ['blockedSpending', 'down'],
    outcomes: [
      ['publicValue', 'up'],
      ['transformationIndex', 'up'],
    ],
  },
  options: {},
  params: {
    crossBudgetRelief: param(0.3, [0, 1], 'Line resistance removed by cross-sector budgeting', '003 S12'),
    crossBudgetSilo: param(0.1, [0, 1], 'Silo strength removed by cross-sector budgeting', '003 S12'),
  },
  modifiers: (_w, it, { p }) => [
    add('crossBudget', it.intensity),
    add('lineResistance', -p.crossBudgetRelief * it.intensity),
    add('siloStrength', -p.crossBudgetSilo * it.intensity),
  ],
});

/** Remote-work shock (002 S11, §4.3.5): silos rise for a period; ties thin through tie dynamics. */
export const remoteWorkShock = lever({
  kind: 'remote-work-shock',
  title: 'Remote-work shock',
  titleNb: 'Hjemmekontorsjokk',
  changes: 'silo strength up for a period ("a party for silo builders")',
  source: '002 S11, §4.3.5',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 0,
    moneyPerWeek: 0,
    setupCost: 0,
    basis: 'an external shock, not an intervention the municipality pays for',
  },
  claims: {
    channel: ['crossUnitTieShare', 'down'],
    outcomes: [
      ['crossSiloCoCreation', 'down'],
      ['transformationIndex', 'down'],
    ],
  },
  options: {},
  params: { remoteSilo: param(0.15, [0, 1], 'Silo strength added by a remote-work shock', '002 S11') },
  modifiers: (_w, it, { p }) => [add('siloStrength', p.remoteSilo * it.intensity)],
});

/** Automation (002 S19): less operations demand in the targeted units, hence more free time. */
export const automation = lever({
  kind: 'automation',
  title: 'Automation',
  titleNb: 'Automatisering',
  changes: 'operations demand down, free time up',
  source: '002 S19',
  scope: 'unit',
  reversible: true,
  effort: {
    staffHoursPerWeek: 10,
    moneyPerWeek: 40_000,
    setupCost: 3_000_000,
    basis: 'assumption: licences and operation of the systems, and their procurement and introduction (set-up)',
  },
  claims: {
    channel: ['workload', 'down'],
    outcomes: [
      ['burnout', 'down'],
      ['coCreationActual', 'up'],
    ],
  },
  options: {},
  params: { automationGain: param(0.15, [0, 1], 'Share of operations demand removed by automation', '002 S19') },
  modifiers: (w, it, { p }) => targetUnits(w, it).map((u) => indexed('demand', u, 'mul', 1 - p.automationGain * it.intensity)),
});

/**
 * Flatten layers (002 S3): in each targeted unit with more than two layers, the layer just above
 * the first line is removed and the first-line managers report to the layer above it. Structural:
 * `end` does not restore removed layers.
 */
export const flattenLayers = lever({
  kind: 'flatten-layers',
  title: 'Flatten layers',
  titleNb: 'Færre ledernivåer',
  changes: 'removes management layers (down to 2): the layer above the first line is merged into the one above it',
  source: '002 S3',
  scope: 'unit',
  reversible: false,
  effort: {
    staffHoursPerWeek: 20,
    moneyPerWeek: 0,
    setupCost: 1_000_000,
    basis:
      'assumption: a reorganisation (set-up with external support) and transition work while it runs; salaries saved from removed posts are not counted',
  },
  claims: {
    channel: ['signalReach', 'up'],
    outcomes: [
      ['coCreationActual', 'up'],
      ['practiceNPG', 'up'],
      ['transformationIndex', 'up'],
    ],
    context: { levers: ['top-push'], why: 'a push from the top for the layers to relay (002 S3 with S14)' },
  },
  options: {
    layers: { type: 'integer', min: 1, max: 3, default: 1, doc: 'layers removed from each targeted unit' },
  },
  params: {},
  begin(w, it) {
    const m = w.managers;
    const times = Number(it.options.layers ?? 1);
    for (const u of targetUnits(w, it)) {
      for (let k = 0; k < times && w.units.layers[u]! > 2; k++) {
        const first = w.units.layers[u]!; // layer number of first-line managers stays their label
        for (let j = 0; j < m.n; j++) {
          if (m.unit[j] !== u || m.removed[j] === 1 || m.staffCount[j] === 0) continue;
          const parent = m.parent[j]!;
          if (parent < 0 || m.layer[parent] === 1) continue;
          m.removed[parent] = 1;
          m.on[parent] = 0;
          m.parent[j] = m.parent[parent]!;
        }
        w.units.layers[u] = first - 1;
      }
    }
  },
});
