/**
 * The quantiles across replicates that a batch records (aggregate tables) and that every chart of
 * replicates draws: the median as the line, the middle 50 % and the middle 90 % as bands. The
 * report draws both bands; the explorer, with fewer replicates, the outer one. No imports, so the
 * explorer bundles it for the browser.
 */

/** Field name → quantile level. */
export const QUANTILES = { q05: 0.05, q25: 0.25, q50: 0.5, q75: 0.75, q95: 0.95 } as const;
export type QuantileField = keyof typeof QUANTILES;

export interface Band {
  readonly lo: QuantileField;
  readonly hi: QuantileField;
}

export const MEDIAN: QuantileField = 'q50';
/** The middle 50 % of replicates. */
export const INNER_BAND: Band = { lo: 'q25', hi: 'q75' };
/** The middle 90 % of replicates. */
export const OUTER_BAND: Band = { lo: 'q05', hi: 'q95' };
