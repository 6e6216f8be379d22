/**
 * Thinning (Lewis and Shedler 1979) for loops in which few agents act in a week: candidates come
 * at a bound on everyone's probability, by geometric gaps (`Rng.gap`), and each is accepted with
 * its own probability divided by the bound. Each agent then acts with its own probability, as with
 * one draw each, at a small share of the draws. A bound that depends on the parameters only (not
 * on the week's state or levers) keeps the candidates of runs that differ in their levers the same
 * until an outcome differs: common random numbers as with one draw each.
 */

/** Above this bound candidates are most of the agents and thinning saves nothing: everyone gets a draw. */
const THIN_BELOW = 0.5;

/** The `logMiss` of `Rng.gap` for a bound: log(1 - bound), or 0 (everyone a candidate) at a high or zero bound. */
export function thinLogMiss(bound: number): number {
  return bound > 0 && bound < THIN_BELOW ? Math.log1p(-bound) : 0;
}
