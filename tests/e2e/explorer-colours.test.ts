// The explorer draws a library scenario in the colour the report and the notebooks give it.
import { describe, expect, it } from 'vitest';
import { scenarioColours } from '../../src/report/palette.js';
import { defaultPageState } from '../../src/web/config.js';
import { createExplorer, newHook } from '../../src/web/state.js';
import { slotColours } from '../../src/web/view.js';

const explorer = (a: string, b: string) => {
  const page = { ...defaultPageState(a), compare: true };
  page.b = { ...page.b, base: b };
  return createExplorer(page, {} as never, newHook());
};

describe('slot colours', () => {
  it('are the report’s colours of the library scenarios shown as they are', () => {
    const x = explorer('baseline', 'packages/matrix-budget-leadership');
    (x.summaries as Record<string, { name: string }>).A = { name: 'baseline' };
    (x.summaries as Record<string, { name: string }>).B = { name: 'matrix-budget-leadership' };
    const want = scenarioColours(['baseline', 'matrix-budget-leadership']);
    expect(slotColours(x)).toEqual({ A: want.get('baseline'), B: want.get('matrix-budget-leadership') });
  });

  it('stay apart when both slots start from the same scenario and one is edited', () => {
    const x = explorer('baseline', 'baseline');
    x.page.b.silo = 0.3;
    const c = slotColours(x);
    expect(c.A).not.toBe(c.B);
  });
});
