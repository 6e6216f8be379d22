/**
 * Global sensitivity analysis of the simulator (`tanker sensitivity FILE`): a sensitivity file names
 * a scenario, parameter ranges and an output. The work is split by responsibility:
 *
 * - sensitivity-spec.ts: the file format and reading a file into a `SensitivitySpec`;
 * - sensitivity-design.ts: the Morris and Saltelli designs (morris.ts, sobol.ts) and their cost;
 * - sensitivity-evaluate.ts: running every design point on the worker pool, and the indices;
 * - sensitivity-output.ts: ranked rows, text tables, CSV, charts (sensitivity-chart.ts), manifest.
 *
 * This module is their public face: import from here.
 */
export * from './sensitivity-design.js';
export * from './sensitivity-evaluate.js';
export * from './sensitivity-output.js';
export * from './sensitivity-spec.js';
