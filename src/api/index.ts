/**
 * The public API of the tanker package: `import { … } from 'tanker'`. Scenario files, one
 * replicate, a step-level simulation, batches and comparisons, with their types. Importing it
 * loads no renderer (charts are the CLI's `tanker report`).
 */
export {
  type ArmSummary,
  type CompareOptions,
  type ComparisonRow,
  commonRandomNumbers,
  compareScenarios,
  KEY_INDICATORS,
  type ReplicateRecord,
  summariseArm,
  TIME_TO_TURN,
} from '../analysis/compare.js';
export type { BatchOutcome } from '../batch/batch.js';
export { MODEL_VERSION } from '../io/provenance.js';
export {
  INDICATOR_SPECS,
  INDICATORS,
  type IndicatorName,
  type ModelConfig,
  presetConfig,
  type ReplicateResult,
  type Reporter,
  runReplicate,
  SIZE_PRESETS,
  type SimulationOptions as ReplicateOptions,
  type SizePreset,
  type World,
} from '../model/index.js';
export { type BatchResults, loadBatch } from '../report/batch-data.js';
export { formatErrors, type LoadOptions, type LoadResult, loadScenario, type ScenarioError } from '../scenario/index.js';
export type { ResolvedScenario } from '../scenario/resolve.js';
export { compareBatch, type RunBatchOptions, runBatch } from './batch.js';
export { SCENARIO_LIBRARY } from './library.js';
export {
  AGENT_POPULATIONS,
  type AgentPopulation,
  type AgentTable,
  createSimulation,
  type Simulation,
  type SimulationOptions,
} from './simulation.js';
