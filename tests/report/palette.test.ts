/**
 * One colour per scenario (issue 15): palette.ts gives a scenario its colour by name, the same in
 * the report, the notebooks and the explorer, whatever the order or the other scenarios shown.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { BASELINE_COLOUR, SCENARIO_PALETTE, scenarioColour, scenarioColours } from '../../src/report/palette.js';

const LIBRARY_LIKE = [
  'baseline',
  'single-top-push',
  'tugboats',
  'matrix-budget-leadership',
  'layers-2',
  'layers-5',
  'paper-strategy',
  'practice-change',
];

describe('scenarioColour', () => {
  it('is fixed for the baseline and the demo’s scenarios, and a stable hash for others (these values must not drift between releases)', () => {
    expect(scenarioColour('baseline')).toBe(BASELINE_COLOUR);
    expect(scenarioColour('single-top-push')).toBe('#E69F00');
    expect(scenarioColour('tugboats')).toBe('#0072B2');
    expect(scenarioColour('matrix-budget-leadership')).toBe('#009E73');
    // FNV-1a of the name into the palette: literal values, so a change of hash or palette fails here.
    expect(scenarioColour('layers-2')).toBe('#CC79A7');
    expect(scenarioColour('layers-5')).toBe('#56B4E9');
    expect(scenarioColour('paper-strategy')).toBe('#0072B2');
    expect(scenarioColour('practice-change')).toBe('#D55E00');
  });

  it('gives every name a palette colour, never the baseline’s black', () => {
    const rng = new Rng('palette');
    for (let i = 0; i < 500; i++) {
      const name = `scenario-${Math.floor(rng.next() * 1e9)}`;
      expect(SCENARIO_PALETTE).toContain(scenarioColour(name));
    }
  });
});

describe('scenarioColours (scenarios shown together)', () => {
  it('keeps each name’s own colour when they do not collide', () => {
    const m = scenarioColours(['baseline', 'layers-2', 'layers-5', 'paper-strategy', 'practice-change']);
    for (const [name, colour] of m) expect(colour).toBe(scenarioColour(name));
  });

  it('depends only on the set of names, not on their order', () => {
    const rng = new Rng('order');
    const reference = scenarioColours(LIBRARY_LIKE);
    for (let i = 0; i < 30; i++) {
      const shuffled = [...LIBRARY_LIKE];
      for (let k = shuffled.length - 1; k > 0; k--) {
        const j = Math.floor(rng.next() * (k + 1));
        [shuffled[k], shuffled[j]] = [shuffled[j]!, shuffled[k]!];
      }
      expect(scenarioColours(shuffled)).toEqual(reference);
    }
  });

  it('gives distinct colours to up to twelve scenarios besides the baseline, the baseline black and pinned names theirs', () => {
    const names = ['baseline', 'single-top-push', ...Array.from({ length: 11 }, (_, i) => `variant-${i}`)];
    const m = scenarioColours(names);
    expect(new Set(m.values()).size).toBe(names.length);
    expect(m.get('baseline')).toBe(BASELINE_COLOUR);
    expect(m.get('single-top-push')).toBe('#E69F00');
  });

  it('a collision moves only the later name (in name order) to the next free colour', () => {
    // paper-strategy hashes to tugboats' pinned blue: tugboats keeps it, paper-strategy moves on.
    const m = scenarioColours(['paper-strategy', 'tugboats']);
    expect(m.get('tugboats')).toBe('#0072B2');
    expect(m.get('paper-strategy')).toBe('#009E73');
    expect(scenarioColours(['paper-strategy']).get('paper-strategy')).toBe('#0072B2');
  });
});
