/**
 * Which target constrains which parameter: Spearman's rank correlation between each statistic
 * (data target, or check of a pattern target) and each parameter over every candidate the
 * calibration simulated (all generations, accepted or not). A statistic that moves with a
 * parameter (|ρ| large) is what pins that parameter down when the statistic is held near its
 * target. Rank correlation rather than re-running the calibration without each target (the change
 * of posterior width), because it costs no model runs; it sees monotone, one-parameter-at-a-time
 * dependence only, and the later generations' candidates crowd where the distance is small.
 * Pure: no Node APIs.
 */
import { sampleRankCorrelation } from 'simple-statistics';

export interface Sensitivity {
  readonly method: string;
  readonly parameters: readonly string[];
  readonly statistics: readonly string[];
  /** rho[statistic][parameter]; null where fewer than 3 candidates have a finite value, or either side is constant. */
  readonly rho: readonly (readonly (number | null)[])[];
  /** Candidates used. */
  readonly candidates: number;
}

export const SENSITIVITY_METHOD =
  "Spearman's rank correlation between each statistic and each parameter over every simulated candidate (all generations)";

export function sensitivityOf(
  parameters: readonly string[],
  statistics: readonly string[],
  thetas: readonly (readonly number[])[],
  stats: readonly (readonly (number | null)[])[],
): Sensitivity {
  const rho = statistics.map((_, k) =>
    parameters.map((_, p) => {
      const xs: number[] = [];
      const ys: number[] = [];
      thetas.forEach((theta, i) => {
        const y = stats[i]?.[k];
        if (typeof y === 'number' && Number.isFinite(y)) {
          xs.push(theta[p]!);
          ys.push(y);
        }
      });
      if (xs.length < 3) return null;
      const r = sampleRankCorrelation(xs, ys);
      return Number.isFinite(r) ? r : null;
    }),
  );
  return { method: SENSITIVITY_METHOD, parameters, statistics, rho, candidates: thetas.length };
}
