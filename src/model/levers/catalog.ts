/**
 * The lever registration (MODEL.md §4): every intervention kind, in the order the scenario format,
 * the documentation and the explorer list them. Each is declared once in its module (lever.ts
 * says how); the scenario schema, the `levers` parameter group, the ODD tables and the explorer's
 * package builder are derived from this list.
 */
import type { GroupValues, ParamGroup, ParamSpec } from '../params/define.js';
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
import type { InterventionItem, LeverSpec } from './lever.js';
import {
  budgetCut,
  concept,
  earlyCoCreation,
  legalReview,
  livingLab,
  outreach,
  politiciansArenas,
  serviceDesign,
  trainingLab,
  utopiaWorkshop,
  volunteers,
} from './participation.js';
import { automation, crossSectorBudgeting, flattenLayers, matrix, matrixBudget, remoteWorkShock } from './structure.js';

export type { Claim, InterventionItem, LeverClaims, LeverSpec, OptionSpec } from './lever.js';

export const LEVERS = [
  matrix,
  matrixBudget,
  portfolio,
  trustReform,
  roomToFail,
  leadershipDevelopment,
  flattenLayers,
  tugboats,
  topPush,
  strategyPlans,
  mission,
  livingLab,
  utopiaWorkshop,
  serviceDesign,
  trainingLab,
  politiciansArenas,
  earlyCoCreation,
  legalReview,
  competenceOnTheJob,
  outreach,
  volunteers,
  crossSectorBudgeting,
  automation,
  concept,
  budgetCut,
  remoteWorkShock,
  paceOfChange,
] as const;

export type LeverKind = (typeof LEVERS)[number]['kind'];
export const LEVER_KINDS: readonly LeverKind[] = LEVERS.map((l) => l.kind);

export function leverSpec(kind: string): LeverSpec | undefined {
  return (LEVERS as readonly LeverSpec[]).find((l) => l.kind === kind);
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** The `levers` parameter group: every lever's magnitudes (names are unique across levers). */
export type LeverParamGroup = UnionToIntersection<(typeof LEVERS)[number]['params']>;
export type LeverParams = LeverParamGroup extends ParamGroup ? GroupValues<LeverParamGroup> : never;

export const leverParams: LeverParamGroup = (() => {
  const out: Record<string, ParamSpec> = {};
  for (const l of LEVERS as readonly LeverSpec[]) {
    for (const [name, spec] of Object.entries(l.params)) {
      if (name in out) throw new Error(`lever parameter levers.${name} is declared twice (second time by ${l.kind})`);
      out[name] = spec;
    }
  }
  return out as LeverParamGroup;
})();

export type { InterventionItem as Intervention };
