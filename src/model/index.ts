/**
 * The model's public surface: everything code outside src/model uses comes from here, so the
 * files inside can be rearranged without touching the rest of the project.
 */
export type {
  LogicMix,
  MechanismChoice,
  ModelConfig,
  ModelParams,
  OrgConfig,
  PoliticsInterface,
  SizePreset,
  UnitConfig,
  WorkKind,
} from './config.js';
export { WORK_KINDS } from './config.js';
export { AGENT, AGENT_KINDS, EVENT, EVENTS, EventLog, type EventName, GATES } from './events.js';
export {
  type InterventionItem,
  LEVER_KINDS,
  LEVERS,
  type LeverClaims,
  type LeverKind,
  type LeverSpec,
  leverSpec,
  type OptionSpec,
} from './levers/catalog.js';
export { runLevers } from './levers/runner.js';
export type { ChoiceSpec, IndicatorSpec, IndicatorUnit, MechanismSpec, ProcessName } from './mechanism.js';
export { PROCESSES } from './mechanism.js';
export { trustDown, trustUp } from './mechanisms/trust.js';
export { ORG_BOUNDS } from './modifiers.js';
export { choiceRows, indicatorsMarkdown, paramTablesMarkdown, scheduleMarkdown } from './odd-tables.js';
export { type GroupValues, type ParamGroup, type ParamSpec, param } from './params/define.js';
export { presetConfig, presetOrg, SIZE_PRESETS } from './presets.js';
export {
  EVENT_DETAIL,
  RECORDABLE,
  type Recordable,
  type RecordColumn,
  type RecordSpec,
  type RecordTable,
  type RecordTables,
  recordedTableNames,
} from './recording.js';
export {
  type AnyMechanism,
  CHOICES,
  defaultChoices,
  defaultParams,
  FLOWS,
  type FlowName,
  INDICATOR_SPECS,
  INDICATORS,
  type IndicatorName,
  MECHANISMS,
  PARAM_GROUPS,
  type ParamGroupName,
  SCHEDULE,
  streamOf,
  type TickFlows,
  zeroFlows,
} from './registry.js';
export {
  type ReplicateResult,
  type Reporter,
  runMechanism,
  runReplicate,
  type ScheduledAction,
  Simulation,
  type SimulationOptions,
  type SpunUp,
  simulateWorld,
  spinUp,
} from './simulate.js';
export { agentColumns, type ColumnSpec, POPULATION_NAMES, POPULATIONS, type Population, tieList } from './snapshots.js';
export { SpinUpCache } from './spin-up-cache.js';
export { METHODS, NPG, NPM, OA, OUTCOME, PARTNER_TYPES, PHASE, PROBLEM, SEGMENTS, type World } from './state.js';
export { createWorld } from './world.js';
