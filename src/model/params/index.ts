/**
 * All model parameters, grouped by the mechanism that uses them. A group's declarations (default,
 * range, meaning, source) live in its mechanism module; this file only gathers them.
 */
import { indexParams } from '../indicators.js';
import { initParams } from '../init.js';
import { leverParams } from '../levers/params.js';
import { cultureParams } from '../mechanisms/culture.js';
import { gatesParams } from '../mechanisms/gates.js';
import { generationParams } from '../mechanisms/generation.js';
import { institutionsParams } from '../mechanisms/institutions.js';
import { operationsParams } from '../mechanisms/operations.js';
import { outcomesParams } from '../mechanisms/outcomes.js';
import { politicsParams } from '../mechanisms/politics.js';
import { progressParams } from '../mechanisms/progress.js';
import { signalsParams } from '../mechanisms/signals.js';
import { teamsParams } from '../mechanisms/teams.js';
import { tiesParams } from '../mechanisms/ties.js';
import { trustParams } from '../mechanisms/trust.js';
import { turnoverParams } from '../mechanisms/turnover.js';
import { type GroupValues, groupDefaults, type ParamGroup } from './define.js';

/** Every parameter group, in process order. */
export const PARAM_GROUPS = {
  init: initParams,
  politics: politicsParams,
  operations: operationsParams,
  signals: signalsParams,
  generation: generationParams,
  teams: teamsParams,
  progress: progressParams,
  gates: gatesParams,
  outcomes: outcomesParams,
  institutions: institutionsParams,
  culture: cultureParams,
  ties: tiesParams,
  trust: trustParams,
  turnover: turnoverParams,
  index: indexParams,
  levers: leverParams,
} as const satisfies Record<string, ParamGroup>;

export type ParamGroupName = keyof typeof PARAM_GROUPS;
export type ModelParams = { [G in ParamGroupName]: GroupValues<(typeof PARAM_GROUPS)[G]> };

export function defaultParams(): ModelParams {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, group] of Object.entries(PARAM_GROUPS)) out[name] = groupDefaults(group);
  return out as ModelParams;
}
