// Calibration: approximate Bayesian computation by sequential Monte Carlo and weighted statistics.
export * from './abc-smc.js';
export { cholesky, multiplyLower, solveLower } from './cholesky.js';
export { fitKernel, kernelSampler, MIN_INTEGER_SD, mixtureLogDensities, type PerturbationKernel } from './kernel.js';
export { inPrior, type ParameterSpec, samplePrior, validateParameters } from './prior.js';
export * from './weighted.js';
