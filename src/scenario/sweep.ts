/**
 * The `sweep` section of a scenario: a grid over named values, or a Latin hypercube over ranges.
 * Names are "group.parameter" (model parameters) or "organisation.field"; they and their values
 * are checked here against the parameter registry and the organisation schema.
 */
import { z } from 'zod';
import { type SweepSpec, sweepableNames } from '../batch/sweep.js';
import { PARAM_GROUPS } from '../model/index.js';
import { didYouMean, foundAllowed, type Issue, quoteList } from './errors.js';
import { numberField, seedField, strictObject } from './fields.js';
import { LIMITS } from './limits.js';

const NUMBER_LIST = 'a list of numbers';
const RANGE = 'two numbers [low, high] with low < high';

export const SweepSchema = strictObject(
  {
    grid: z
      .record(z.string(), z.array(z.number({ error: NUMBER_LIST }), { error: NUMBER_LIST }).min(1, { error: 'at least one value' }), {
        error: 'a mapping from parameter names (e.g. signals.relay) to lists of values',
      })
      .optional()
      .describe('Full grid: every combination of the listed values is a sweep point'),
    latinHypercube: strictObject(
      {
        samples: numberField(1, LIMITS.sweepPoints, { integer: true }).describe('Number of sweep points'),
        seed: seedField().default('lhs').describe('Seed of the sample (independent of the scenario seed)'),
        ranges: z
          .record(z.string(), z.tuple([z.number(), z.number()], { error: RANGE }), {
            error: 'a mapping from parameter names (e.g. signals.relay) to [low, high]',
          })
          .describe('Range of each varied parameter'),
      },
      { what: 'a mapping with samples, ranges and optionally seed' },
    )
      .optional()
      .describe('Latin hypercube sample over ranges'),
  },
  { what: 'a mapping with either grid or latinHypercube' },
).describe('Parameter sweep: each point is run with the scenario’s replicates (common random numbers across points)');

export type SweepInput = z.output<typeof SweepSchema>;

/** Bounds of a sweepable name, and a check of one value against them. */
function bounds(name: string, orgField: (field: string) => z.ZodType | undefined): { check: (v: number) => string | null } | null {
  const [group, field] = name.split('.', 2) as [string, string];
  if (group === 'organisation') {
    const schema = orgField(field);
    if (!schema) return null;
    // The field's own wording says what it allows ("an integer from 0 to 1000", …).
    return {
      check: (v) => {
        const r = schema.safeParse(v);
        return r.success ? null : (r.error.issues[0]?.message ?? 'a value this organisation field accepts');
      },
    };
  }
  const spec = (PARAM_GROUPS as Record<string, Record<string, { min: number; max: number; integer?: boolean }>>)[group]?.[field];
  if (!spec) return null;
  return {
    check: (v) =>
      v < spec.min || v > spec.max ? `a number from ${spec.min} to ${spec.max}${spec.integer ? ' (rounded to an integer)' : ''}` : null,
  };
}

export function resolveSweep(
  s: SweepInput | undefined,
  orgField: (field: string) => z.ZodType | undefined,
): { spec: SweepSpec | null; issues: Issue[] } {
  if (!s) return { spec: null, issues: [] };
  const issues: Issue[] = [];
  const names = sweepableNames();
  if ((s.grid === undefined) === (s.latinHypercube === undefined)) {
    issues.push({ path: ['sweep'], message: 'found both or neither of grid and latinHypercube; allowed: exactly one of them' });
    return { spec: null, issues };
  }
  const checkName = (path: (string | number)[], name: string) => {
    const b = bounds(name, orgField);
    if (!b)
      issues.push({
        path,
        atKey: true,
        message: foundAllowed(
          name,
          `a model parameter "group.name" or "organisation.field", e.g. ${quoteList(names.slice(0, 3))}`,
          didYouMean(name, names),
        ),
      });
    return b;
  };
  if (s.grid) {
    for (const [name, values] of Object.entries(s.grid)) {
      const b = checkName(['sweep', 'grid', name], name);
      if (!b) continue;
      values.forEach((v, i) => {
        const bad = b.check(v);
        if (bad) issues.push({ path: ['sweep', 'grid', name, i], message: foundAllowed(v, bad) });
      });
    }
    return { spec: issues.length ? null : { grid: s.grid }, issues };
  }
  const lhs = s.latinHypercube!;
  for (const [name, [lo, hi]] of Object.entries(lhs.ranges)) {
    const b = checkName(['sweep', 'latinHypercube', 'ranges', name], name);
    if (!b) continue;
    if (!(lo < hi)) issues.push({ path: ['sweep', 'latinHypercube', 'ranges', name], message: foundAllowed([lo, hi], RANGE) });
    for (const [i, v] of [lo, hi].entries()) {
      const bad = b.check(v);
      if (bad) issues.push({ path: ['sweep', 'latinHypercube', 'ranges', name, i], message: foundAllowed(v, bad) });
    }
  }
  if (Object.keys(lhs.ranges).length === 0)
    issues.push({ path: ['sweep', 'latinHypercube', 'ranges'], message: 'found no ranges; allowed: at least one parameter range' });
  return { spec: issues.length ? null : { latinHypercube: { samples: lhs.samples, seed: lhs.seed, ranges: lhs.ranges } }, issues };
}
