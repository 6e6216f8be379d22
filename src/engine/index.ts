export * from './calendar.js';
export * from './format.js';
export * from './graph.js';
export * from './loop.js';
export * from './recorder.js';
export * from './rng.js';
export * from './sorted-order.js';
export * from './stats.js';
