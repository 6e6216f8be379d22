/**
 * The one colour of each scenario, wherever it is drawn (report, notebooks, explorer): a function
 * of the scenario's name, not of its position in a list, so that the same scenario has the same
 * colour in every output. Pure TypeScript without Node APIs: the explorer can bundle it.
 *
 * A name's colour is its preferred colour: black for "baseline", a fixed colour for the demo's
 * scenarios, else a hash of the name into the palette. When scenarios shown together would share
 * a colour, `scenarioColours` moves the later of them (in name order) to the next free colour, so
 * the result depends only on the set of names shown, never on their order.
 */

/** Okabe & Ito (2008), ordered for white backgrounds: black first (the baseline), yellow last. */
export const OKABE_ITO = ['#000000', '#E69F00', '#0072B2', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442'] as const;

/**
 * Colours for scenarios: Okabe–Ito without black (the baseline's) and yellow (too faint on white),
 * then Paul Tol's "muted" colours that stay apart from them (wine, green, teal, olive, purple,
 * indigo), for batches with more than six scenarios.
 */
export const SCENARIO_PALETTE = [
  '#E69F00',
  '#0072B2',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#882255',
  '#117733',
  '#44AA99',
  '#999933',
  '#AA4499',
  '#332288',
] as const;

export const BASELINE_COLOUR = '#000000';

/** Names with a fixed colour: the baseline, and the demo's scenarios in the colours they always had. */
const PINNED: Readonly<Record<string, string>> = {
  baseline: BASELINE_COLOUR,
  'single-top-push': '#E69F00',
  tugboats: '#0072B2',
  'matrix-budget-leadership': '#009E73',
};

/** FNV-1a (32 bit) of the name's UTF-16 code units: a stable, platform-independent hash. */
function hash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The colour a scenario gets when no other scenario shown with it has the same one. */
export function scenarioColour(name: string): string {
  return PINNED[name] ?? SCENARIO_PALETTE[hash(name) % SCENARIO_PALETTE.length]!;
}

/**
 * The colours of scenarios shown together: each its own `scenarioColour`, except that where two
 * would share one, the later name (in code-unit order) takes the next colour of the palette not
 * yet taken. Depends only on the set of names. Past the palette's twelve colours, colours repeat.
 */
export function scenarioColours(names: readonly string[]): Map<string, string> {
  const sorted = [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const taken = new Set<string>();
  const out = new Map<string, string>();
  // Pinned names first, so that a hashed name never takes the baseline's black or a demo colour from them.
  const order = [...sorted.filter((n) => PINNED[n] !== undefined), ...sorted.filter((n) => PINNED[n] === undefined)];
  for (const name of order) {
    let colour = scenarioColour(name);
    if (taken.has(colour)) {
      const start = Math.max(0, SCENARIO_PALETTE.indexOf(colour as (typeof SCENARIO_PALETTE)[number]));
      for (let k = 1; k <= SCENARIO_PALETTE.length; k++) {
        const next = SCENARIO_PALETTE[(start + k) % SCENARIO_PALETTE.length]!;
        if (!taken.has(next)) {
          colour = next;
          break;
        }
      }
    }
    taken.add(colour);
    out.set(name, colour);
  }
  return out;
}
