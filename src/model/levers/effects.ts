/** Lever kind → its effect on the world. Every kind in the catalogue has exactly one entry. */
import type { LeverKind } from './catalog.js';
import {
  competenceOnTheJob,
  leadershipDevelopment,
  mission,
  paceOfChange,
  portfolio,
  roomToFail,
  strategyPlans,
  topPush,
  trustReform,
  tugboats,
} from './leadership.js';
import { budgetCut, concept, earlyCoCreation, legalReview, methodPush, outreach, politiciansArenas, volunteers } from './participation.js';
import type { LeverEffect } from './shift.js';
import { automation, crossSectorBudgeting, flattenLayers, matrix, matrixBudget, remoteWorkShock } from './structure.js';

const EFFECTS: Record<LeverKind, LeverEffect> = {
  matrix,
  'matrix-budget': matrixBudget,
  portfolio,
  'trust-reform': trustReform,
  'room-to-fail': roomToFail,
  'leadership-development': leadershipDevelopment,
  'flatten-layers': flattenLayers,
  tugboats,
  'top-push': topPush,
  'strategy-plans': strategyPlans,
  mission,
  'living-lab': methodPush('living-lab'),
  'utopia-workshop': methodPush('utopia-workshop'),
  'service-design': methodPush('service-design'),
  'training-lab': methodPush('training-lab'),
  'politicians-arenas': politiciansArenas,
  'early-co-creation': earlyCoCreation,
  'legal-review': legalReview,
  'competence-on-the-job': competenceOnTheJob,
  outreach,
  volunteers,
  'cross-sector-budgeting': crossSectorBudgeting,
  automation,
  concept,
  'budget-cut': budgetCut,
  'remote-work-shock': remoteWorkShock,
  'pace-of-change': paceOfChange,
};

export function leverEffect(kind: LeverKind): LeverEffect {
  return EFFECTS[kind];
}
