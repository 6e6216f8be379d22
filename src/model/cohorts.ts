/**
 * Staggered updates of slow personal states. Practice, openness, fear, competence, burnout and
 * motivation move by a few per cent of their distance a week (time constants of 50–200 weeks), so
 * culture and turnover update each person every `every` weeks, a 1/`every` share of the staff each
 * week, each update worth `every` weeks. Cohorts are runs of {@link COHORT_RUN} consecutive staff
 * (person i is in cohort ⌊i / COHORT_RUN⌋ mod `every`): a run fills a cache line of each attribute,
 * where a stride of `every` would load a line for every person, and a unit's staff (consecutive)
 * still fall into every cohort alike. A weekly linear
 * pull x ← x + Δ with x ← x + (1 − keep)(x* − x) compounds over k weeks of the same inputs to
 * x + Δ · (1 + keep + … + keep^(k−1)). With `every` = 1 every function here is the identity on
 * the weekly numbers (a factor of exactly 1), so the weekly model is the special case.
 */

/** Consecutive staff in one cohort: 8 numbers of 8 bytes, one cache line. */
export const COHORT_RUN = 8;

/** The cohort that updates in week `tick` (ticks of the spin-up are negative). */
export function cohortOf(tick: number, every: number): number {
  return ((tick % every) + every) % every;
}

/**
 * 1 + keep + … + keep^(every − 1): the factor that turns one week's increment of a linear pull with
 * weekly retention `keep` into `every` weeks' worth (keep is held in [0, 1]). Exactly 1 when every = 1.
 */
export function weeksOf(keep: number, every: number): number {
  const k = keep < 0 ? 0 : keep > 1 ? 1 : keep;
  let sum = 1;
  let power = 1;
  for (let s = 1; s < every; s++) {
    power *= k;
    sum += power;
  }
  return sum;
}

/** The probability of at least one event in `every` weeks at weekly probability p (p itself when every = 1). */
export function overWeeks(p: number, every: number): number {
  return every === 1 ? p : 1 - (1 - p) ** every;
}
