/**
 * Every lever's claims over paired replicates (common random numbers) on the default preset: its
 * primary channel moves in the declared direction, and at least one claimed outcome does, each with
 * a paired t-test at alpha 0.05. Fixed seed, so the verdict is stable; `tanker levers` runs the
 * same check with more replicates and writes docs/levers.md.
 */
import { describe, expect, it } from 'vitest';
import { LEVERS } from '../../src/model/index.js';
import { type LeverEffect, leverEffects } from '../../src/validation/lever-effects.js';

const REPLICATES = 16;

describe('lever claims (medium preset, paired replicates)', () => {
  let effects: LeverEffect[] = [];
  it('runs every lever against its comparison', { timeout: 600_000 }, async () => {
    effects = await leverEffects({ size: 'medium', replicates: REPLICATES, seed: 'claims', threads: 2, start: 8, alpha: 0.05 });
    expect(effects.map((e) => e.kind)).toEqual(LEVERS.map((l) => l.kind));
  });

  for (const l of LEVERS) {
    it(`${l.kind}: ${l.claims.channel.join(' ')}, and one of ${l.claims.outcomes.map((c) => c.join(' ')).join(', ') || '(none claimed)'}`, () => {
      const e = effects.find((x) => x.kind === l.kind);
      expect(e, 'the run above failed').toBeDefined();
      const c = e!.channel.result;
      expect(e!.channel.holds, `channel ${e!.channel.indicator}: effect ${c.diff} [${c.ciLow}, ${c.ciHigh}], p = ${c.p}`).toBe(true);
      if (e!.outcomes.length > 0) {
        const seen = e!.outcomes.map((o) => `${o.indicator} ${o.result.diff} (p = ${o.result.p})`).join('; ');
        expect(
          e!.outcomes.some((o) => o.holds),
          `no claimed outcome moved as claimed: ${seen}`,
        ).toBe(true);
      }
    });
  }

  it('a lever with no claimed outcome says why', () => {
    for (const l of LEVERS) if (l.claims.outcomes.length === 0) expect(l.claims.note?.length ?? 0, l.kind).toBeGreaterThan(20);
  });
});
