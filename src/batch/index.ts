export { type BatchOptions, type BatchOutcome, runBatch } from './batch.js';
export { mergeBatches } from './merge.js';
export { type BatchScenario, makePlan, type Plan, parseShard, shardTasks } from './plan.js';
export { ensurePlanFile, readPlanFile } from './plan-file.js';
export { defaultThreads, type Failure } from './pool.js';
export { expandSweep, latinHypercube, type SweepPoint, type SweepSpec, sweepableNames } from './sweep.js';
