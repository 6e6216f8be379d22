// The layer rule of docs/architecture.md ("Layers and dependencies"), checked on the import graph of
// every file under src: layer order, the genuine imports within a layer, no import cycles, and the
// purity of the code that runs in browsers and worker threads.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cyclicComponents,
  folderOf,
  type ImportEdge,
  importsOf,
  impurities,
  isBuiltin,
  reachable,
  SRC,
  sourceGraph,
  stripComments,
} from '../support/source-graph.js';

/** Lowest first. A file may import its own folder, any folder of a lower layer, and SAME_LAYER folders; never a higher layer. */
const LAYERS: readonly (readonly string[])[] = [
  ['engine'],
  ['model'],
  ['scenario', 'batch', 'analysis', 'validation', 'docking', 'io', 'calibration', 'search', 'discovery', 'checks', 'municipality'],
  ['report', 'cli', 'web', 'cluster', 'bench', 'api'],
];

/** Imports between folders of one layer, each a genuine dependency that docs/architecture.md names. */
const SAME_LAYER: Readonly<Record<string, readonly string[]>> = {
  scenario: ['batch', 'io'], // batch/sweep.ts: sweep names and expansion
  batch: ['analysis', 'io', 'scenario'], // analysis/describe.ts: the aggregate's statistics; scenario/limits.ts (sizes) and resolveScenarioData (rerun)
  analysis: ['scenario', 'batch', 'io', 'calibration', 'validation'], // sensitivity and calibration files are scenario-like; run on batch/replicates.ts; calibration-run.ts drives calibration/abc-smc.ts and runs the stylised facts of validation/facts.ts as pattern targets
  validation: ['analysis', 'batch', 'io'], // analysis/ttest.ts; runs on batch/replicates.ts
  docking: ['analysis'], // analysis/ttest.ts only (see ONLY below)
  io: [],
  calibration: ['scenario', 'batch', 'analysis', 'io', 'checks'], // checks/fields.ts: the field checks of the algorithm libraries
  search: ['scenario', 'batch', 'analysis', 'io', 'checks'],
  discovery: ['scenario', 'batch', 'analysis', 'io', 'checks'],
  checks: [],
  municipality: ['scenario', 'io'], // a municipality's data become a scenario (scenario's fields and errors) read with io/csv.ts
  report: [],
  cli: ['report', 'web', 'cluster'], // the command line drives everything
  web: ['report'], // report/names.ts: the one source of indicator and lever names in nb and en (pure)
  cluster: [],
  bench: ['cli', 'web'], // times what the commands do, with their scenario loader, and the explorer it builds
  api: ['report'], // reads batch folders with report/batch-data.ts (no renderer: tests/cli/startup.test.ts)
};

/** Folders that may import only these (besides themselves), narrower than their layer allows. */
const ONLY: Readonly<Record<string, readonly string[]>> = {
  // The classic models run on the engine alone, and are checked with the shared t-test.
  docking: ['engine', 'analysis'],
};

/**
 * Imports into a higher layer that exist today, each with who removes it. The test fails on any
 * other, and on an entry that no longer exists (delete it then).
 */
const KNOWN_LAYER_EXCEPTIONS: readonly string[] = [];

/**
 * Every import (from → to) that lies on an import cycle today. Type-only imports count: they tie
 * the modules together for the reader and the compiler even though they vanish at run time.
 * The test fails on a new import that closes a cycle, and on an entry that no longer lies on one
 * (delete it then), so this list only shrinks; it is meant to end empty.
 */
const KNOWN_CYCLE_EDGES: Readonly<Record<string, readonly string[]>> = {};

/** Browser code: the explorer's page and worker. Node builtins are not there, except node:path, which the web build replaces. */
const BROWSER_ENTRIES = ['web/main.ts', 'web/worker.ts'];
const BROWSER_BUILTINS = ['node:path'];

/** Code that runs in browsers and worker threads: no Node APIs, clock or Math.random (scanned token by token). */
const PURE_FOLDERS = ['engine', 'model', 'docking', 'calibration', 'search', 'discovery', 'checks'];

const graph = sourceGraph();
const internal = graph.edges.filter((e) => !e.external);
const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));
const show = (e: ImportEdge) => `${e.from}:${e.line} -> ${e.to} (${e.kind})`;
const pair = (e: ImportEdge) => `${e.from} -> ${e.to}`;

/** Why an import breaks the layer rule, or null if it keeps it. */
function violation(e: ImportEdge): string | null {
  const a = folderOf(e.from);
  const b = folderOf(e.to);
  if (a === b) return null;
  const only = ONLY[a];
  if (only && !only.includes(b)) return `${a} may import only ${only.join(', ')}`;
  const la = layerOf.get(a)!;
  const lb = layerOf.get(b)!;
  if (lb > la) return `${b} is a higher layer than ${a}`;
  if (lb === la && !(SAME_LAYER[a] ?? []).includes(b))
    return `${a} and ${b} are one layer; ${a} may import only ${SAME_LAYER[a]?.join(', ') || 'lower layers'} there`;
  return null;
}

/** A shortest import path from `from` back to itself through `first`, for the message. */
function cycleThrough(first: ImportEdge): string {
  const prev = new Map<string, string>([[first.to, '']]);
  const queue = [first.to];
  while (queue.length > 0) {
    const f = queue.shift()!;
    if (f === first.from) break;
    for (const e of internal) {
      if (e.from !== f || prev.has(e.to)) continue;
      prev.set(e.to, f);
      queue.push(e.to);
    }
  }
  if (!prev.has(first.from)) return `${first.from} -> ${first.to} -> …`;
  const path = [first.from];
  for (let f = first.from; f !== first.to; f = prev.get(f)!) path.unshift(prev.get(f)!);
  return [first.from, ...path].join(' -> ');
}

describe('import scanner', () => {
  it('reads every form of import, with its kind and line', () => {
    const code = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      'import {',
      '  c,',
      "  type C } from './c.js';",
      "import './side.js';",
      "export { d } from './d.js';",
      "export type { E } from './e.js';",
      "export * from './f.js';",
      "const g = await import('./g.js');",
      "type H = typeof import('./h.js');",
      "let i: import('./i.js').I;",
      "import('./j.js').then((m) => m);",
      "export const k = 'from ./not-an-import.js';",
    ].join('\n');
    expect(importsOf(code).map((r) => `${r.line} ${r.kind} ${r.specifier}`)).toEqual([
      '1 static ./a.js',
      '2 type ./b.js',
      '3 static ./c.js',
      '6 static ./side.js',
      '7 static ./d.js',
      '8 type ./e.js',
      '9 static ./f.js',
      '10 dynamic ./g.js',
      '11 type ./h.js',
      '12 type ./i.js',
      '13 dynamic ./j.js',
    ]);
  });

  it('ignores imports in comments but not in code after strings, templates and regex literals that look like comments', () => {
    const $ = '$';
    const code = [
      "// import { x } from './commented.js';",
      "/* import { y } from './block.js'; */",
      "const glob = 'scenarios/**/*.yaml'; const url = 'https://example.org';",
      `const re = /["'/]*/g; const t = \`${$}{glob} /* ${$}{\`nested\`} */\`;`,
      "import { z } from './real.js';",
    ].join('\n');
    expect(importsOf(code).map((r) => r.specifier)).toEqual(['./real.js']);
    expect(stripComments('a // b\nc /* d\ne */ f').split('\n')).toHaveLength(3);
  });

  it('finds the graph of src: every relative import names a file, and every kind of import occurs', () => {
    expect(graph.unresolved.map(show)).toEqual([]);
    expect(graph.files.length).toBeGreaterThan(100);
    for (const kind of ['static', 'type', 'dynamic'] as const)
      expect(internal.filter((e) => e.kind === kind).length, kind).toBeGreaterThan(5);
  });
});

describe('layers', () => {
  it('every folder under src has a layer', () => {
    const folders = [...new Set(graph.files.map(folderOf))];
    expect(folders.filter((f) => !layerOf.has(f))).toEqual([]);
  });

  it('no import reaches a higher layer or an undeclared folder of its own layer', () => {
    const bad = internal
      .filter((e) => !KNOWN_LAYER_EXCEPTIONS.includes(pair(e)))
      .map((e) => [e, violation(e)] as const)
      .filter(([, why]) => why !== null)
      .map(([e, why]) => `${show(e)}: ${why}`);
    expect(bad).toEqual([]);
  });

  it('the known exceptions still exist and still break the rule (delete an entry once it is gone)', () => {
    const stale = KNOWN_LAYER_EXCEPTIONS.filter((p) => !internal.some((e) => pair(e) === p && violation(e) !== null));
    expect(stale).toEqual([]);
  });

  it('the explorer page and worker reach no Node builtin but node:path, which the web build replaces', () => {
    const closure = reachable(BROWSER_ENTRIES, graph.edges, ['static', 'dynamic']);
    const builtins = graph.edges.filter((e) => e.external && e.kind !== 'type' && closure.has(e.from) && isBuiltin(e.to));
    expect(builtins.filter((e) => !BROWSER_BUILTINS.includes(e.to)).map(show)).toEqual([]);
  });

  it.each(PURE_FOLDERS.flatMap((folder) => graph.files.filter((f) => folderOf(f) === folder)))(
    '%s uses no Node APIs, clocks or Math.random',
    (f) => {
      expect(impurities(join(SRC, f)), f).toEqual([]);
    },
  );
});

describe('import cycles', () => {
  const cyclic = cyclicComponents(graph.files, internal);
  const componentOf = new Map(cyclic.flatMap((c, i) => c.map((f) => [f, i] as const)));
  const onCycle = internal.filter((e) => componentOf.has(e.from) && componentOf.get(e.from) === componentOf.get(e.to));
  const known = new Set(Object.entries(KNOWN_CYCLE_EDGES).flatMap(([from, tos]) => tos.map((to) => `${from} -> ${to}`)));

  it('no import closes a cycle other than the known ones', () => {
    const fresh = onCycle.filter((e) => !known.has(pair(e)));
    const today = new Map<string, Set<string>>();
    for (const e of onCycle) today.set(e.from, (today.get(e.from) ?? new Set()).add(e.to));
    const listing = [...today]
      .sort()
      .map(
        ([from, tos]) =>
          `  '${from}': [${[...tos]
            .sort()
            .map((t) => `'${t}'`)
            .join(', ')}],`,
      )
      .join('\n');
    const hint = `imports that close a new cycle: remove one; only if the cycle is known and accepted, KNOWN_CYCLE_EDGES is now:\n{\n${listing}\n}`;
    expect(
      fresh.map((e) => `${show(e)} closes ${cycleThrough(e)}`),
      hint,
    ).toEqual([]);
  });

  it('every known cycle import still lies on a cycle (delete the entry once it does not)', () => {
    const still = new Set(onCycle.map(pair));
    expect([...known].filter((p) => !still.has(p))).toEqual([]);
  });

  it('finds a cycle where there is one', () => {
    const e = (from: string, to: string): ImportEdge => ({ from, to, specifier: to, kind: 'type', line: 1, external: false });
    const files = ['a.ts', 'b.ts', 'c.ts', 'd.ts'];
    expect(cyclicComponents(files, [e('a.ts', 'b.ts'), e('b.ts', 'c.ts'), e('c.ts', 'a.ts'), e('c.ts', 'd.ts')])).toEqual([
      ['a.ts', 'b.ts', 'c.ts'],
    ]);
    expect(cyclicComponents(files, [e('a.ts', 'a.ts')])).toEqual([['a.ts']]);
    expect(cyclicComponents(files, [e('a.ts', 'b.ts'), e('a.ts', 'c.ts'), e('b.ts', 'd.ts'), e('c.ts', 'd.ts')])).toEqual([]);
  });
});
