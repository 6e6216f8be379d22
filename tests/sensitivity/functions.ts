/** Test functions with known sensitivity, on the unit cube. */

/** Ishigami function, a = 7, b = 0.1, with x in [-π, π]^3 mapped from [0, 1]^3. */
export function ishigami(x: Float64Array): number {
  const u = (v: number) => -Math.PI + 2 * Math.PI * v;
  const [x1, x2, x3] = [u(x[0]!), u(x[1]!), u(x[2]!)];
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}

/** Sobol' g-function: the smaller a_i, the more important x_i (a_i = 0 very, a_i = 99 hardly). */
export const G_A = [0, 1, 4.5, 9, 99, 99];
export function gFunction(x: Float64Array): number {
  let p = 1;
  for (let i = 0; i < G_A.length; i++) p *= (Math.abs(4 * x[i]! - 2) + G_A[i]!) / (1 + G_A[i]!);
  return p;
}
