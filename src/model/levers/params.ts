/**
 * Magnitudes of the levers at intensity 1. A lever at intensity x applies x times these. Like all
 * defaults they are illustrative, not calibrated: the sources give directions, not sizes.
 */
import { type GroupValues, param } from '../params/define.js';

export const leverParams = {
  matrixDegree: param(0.5, [0, 1], 'Matrix degree added by a matrix organisation', '002 S2'),
  matrixResistance: param(0.2, [0, 1], 'Line managers’ extra resistance to lending staff under a matrix', '002 M60-62'),
  projectShare: param(0.05, [0, 0.5], 'Project budget share added by a matrix with budget transfer', '002 S2b'),
  budgetFightRelief: param(0.3, [0, 1], 'Line resistance removed by moving budgets to projects', '002 S2b'),
  portfolioSpread: param(
    0.002,
    [0, 0.1],
    'Weekly probability that a routine spreads to another unit under portfolio management',
    '004 lever 6',
  ),
  reportingCut: param(0.5, [0, 1], 'Reporting load removed by a trust reform', '003 S4'),
  tugboatBrokerTies: param(2, [0, 10], 'Cross-unit ties each tugboat makes as a broker across silos', '002 S13', true),
  topPush: param(0.6, [0, 1], 'Top signal added by a single top push', '002 S14'),
  documentsShift: param(0.6, [0, 1], 'Share of the distance to pure NPG that documents move at a top push', '002 VF-1'),
  planReporting: param(0.1, [0, 1], 'Reporting load added by more plans and strategies', '002 VF-1, S1'),
  steeringShift: param(0.3, [0, 1], 'Share of the distance to NPG steering covered by a trust reform', '003 S4'),
  austeritySteering: param(0.2, [0, 1], 'Share of the distance to NPM steering covered by a budget cut', '002 S12'),
  missionDocuments: param(0.2, [0, 1], 'Share of the distance to pure NPG that documents move with missions', '004 lever 5'),
  legalCut: param(0.6, [0, 1], 'Share of internal legal friction removed by a legal room review', '002 S7, 003 S10'),
  onTheJobWeekly: param(0.003, [0, 0.1], 'Weekly competence gain of initiative members with competence on the job', '004 lever 8'),
  automationGain: param(0.15, [0, 1], 'Share of operations demand removed by automation', '002 S19'),
  crossBudgetRelief: param(0.3, [0, 1], 'Line resistance removed by cross-sector budgeting', '003 S12'),
  crossBudgetSilo: param(0.1, [0, 1], 'Silo strength removed by cross-sector budgeting', '003 S12'),
  budgetCut: param(0.5, [0, 1], 'Budget pressure added by a budget cut', '002 S12, 003 S6'),
  remoteSilo: param(0.15, [0, 1], 'Silo strength added by a remote-work shock', '002 S11'),
  rapidChanges: param(4, [0, 20], 'Imposed changes per year added by a rapid pace of change', '003 S5, 004 lever 1'),
  rapidPush: param(0.3, [0, 1], 'Top signal added by a rapid pace of change', '003 §6.2 (Wigan)'),
  slowRelief: param(1, [0, 20], 'Imposed changes per year removed by a deliberately slow pace', '003 S5'),
} as const;
export type LeverParams = GroupValues<typeof leverParams>;
