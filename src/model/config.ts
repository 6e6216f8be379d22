/**
 * The complete configuration of one run: the municipality (organisation.ts), the parameter values
 * of every group and the chosen alternative of every contested mechanism (registry.ts).
 */
import type { OrgConfig, SizePreset } from './organisation.js';
import type { MechanismChoice, ModelParams } from './registry.js';

export type { LogicMix, OrgConfig, PoliticsInterface, SizePreset, UnitConfig, WorkKind } from './organisation.js';
export { WORK_KINDS } from './organisation.js';
export type { MechanismChoice, ModelParams } from './registry.js';

export interface ModelConfig {
  readonly preset: SizePreset;
  readonly startDate: string;
  readonly ticks: number;
  readonly org: OrgConfig;
  readonly params: ModelParams;
  readonly mechanisms: MechanismChoice;
}
