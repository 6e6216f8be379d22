// Scenario discovery: PRIM and CART boxes over a table of inputs and an outcome of interest.
export * from './box.js';
export * from './cart.js';
export * from './data.js';
export * from './prim.js';
