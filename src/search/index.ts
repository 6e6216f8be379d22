// Search: NSGA-II with constrained domination, genes, hypervolume and an ε-dominance archive.
export * from './dominance.js';
export * from './epsilon-archive.js';
export * from './genes.js';
export * from './hypervolume.js';
export * from './nsga2.js';
export * from './operators.js';
