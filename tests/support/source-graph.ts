// The import graph of src/, read from the sources (no dependency): every import and export-from
// statement, `import type`, dynamic `import()` and type-level `import('…')`, resolved to files.
// Used by the layer test (tests/architecture/layers.test.ts) and the start-up test (tests/cli/startup.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative } from 'node:path';

/** How an import is used: loaded with its importer, loaded later by `import()`, or erased (types only). */
export type ImportKind = 'static' | 'dynamic' | 'type';

export interface ImportRef {
  readonly specifier: string;
  readonly kind: ImportKind;
  readonly line: number;
}

/** One import of a project file; `to` is a path under src for project files, else the bare specifier. */
export interface ImportEdge extends ImportRef {
  readonly from: string;
  readonly to: string;
  readonly external: boolean;
}

/** Comments blanked out (newlines kept, so lines still count); strings, templates and regex literals left as they are. */
export function stripComments(code: string): string {
  let out = '';
  let i = 0;
  // A slash starts a regex literal (not a division) after these, or at the start.
  const regexAfter = /[(,=:[!&|?{};+\-*%<>~^]$|(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|await|yield)$/;
  let lastCode = '';
  const templateDepth: number[] = [];
  let braces = 0;
  while (i < code.length) {
    const c = code[i]!;
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      while (i < code.length && code[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end < 0 ? code.length : end + 2;
      out += code.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < code.length && code[j] !== c && code[j] !== '\n') j += code[j] === '\\' ? 2 : 1;
      out += code.slice(i, j + 1);
      lastCode = 'x';
      i = j + 1;
      continue;
    }
    if (c === '`' || (c === '}' && templateDepth.length > 0 && templateDepth[templateDepth.length - 1] === braces)) {
      if (c === '}') templateDepth.pop();
      // Template text up to its end or to the next ${ (whose code is scanned as code).
      let j = i + 1;
      while (j < code.length && code[j] !== '`' && !(code[j] === '$' && code[j + 1] === '{')) j += code[j] === '\\' ? 2 : 1;
      if (code[j] === '$') {
        templateDepth.push(braces);
        out += code.slice(i, j + 2);
        i = j + 2;
      } else {
        out += code.slice(i, j + 1);
        i = j + 1;
      }
      lastCode = 'x';
      continue;
    }
    if (c === '/' && regexAfter.test(lastCode.trimEnd() || '(')) {
      let j = i + 1;
      let inClass = false;
      while (j < code.length && code[j] !== '\n' && (inClass || code[j] !== '/')) {
        if (code[j] === '\\') j++;
        else if (code[j] === '[') inClass = true;
        else if (code[j] === ']') inClass = false;
        j++;
      }
      out += code.slice(i, j + 1);
      lastCode = 'x';
      i = j + 1;
      continue;
    }
    if (c === '{') braces++;
    if (c === '}') braces--;
    out += c;
    if (!/\s/.test(c)) lastCode = (lastCode + c).slice(-12);
    else lastCode += c;
    i++;
  }
  return out;
}

const STATEMENT = /\b(import|export)\s+(type\s+)?(?:[\w$*{}\s,]*?\bfrom\s*)?(['"])([^'"\n]+)\3/g;
const CALL = /(typeof\s+)?\bimport\s*\(\s*(['"])([^'"\n]+)\2\s*\)(\s*\.\s*([\w$]+))?/g;

/** Every import of a source text: static statements, `import type`, `export … from`, dynamic and type-level `import()`. */
export function importsOf(code: string): ImportRef[] {
  const clean = stripComments(code);
  const lineAt = (index: number) => clean.slice(0, index).split('\n').length;
  const refs: ImportRef[] = [];
  for (const m of clean.matchAll(STATEMENT)) {
    // `export const x = 'a'` and the like have no `from`: only statements that name a module count.
    const text = m[0];
    if (m[1] === 'export' && !/\bfrom\s*['"]/.test(text)) continue;
    if (m[1] === 'import' && !/\bfrom\s*['"]/.test(text) && !/^import\s*['"]/.test(text)) continue;
    refs.push({ specifier: m[4]!, kind: m[2] ? 'type' : 'static', line: lineAt(m.index) });
  }
  for (const m of clean.matchAll(CALL)) {
    // `typeof import('x')` and `import('x').Name` are types; `import('x').then(…)` is a load.
    const member = m[5];
    const typeLevel = m[1] !== undefined || (member !== undefined && !['then', 'catch', 'finally'].includes(member));
    refs.push({ specifier: m[3]!, kind: typeLevel ? 'type' : 'dynamic', line: lineAt(m.index) });
  }
  return refs.sort((a, b) => a.line - b.line);
}

const BUILTINS = new Set(builtinModules);

/** True for `node:x` and bare Node builtin names (`fs`, `path/posix`). */
export function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]!);
}

/** The npm package a bare specifier names (`@scope/name` or `name`). */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export const SRC = join(import.meta.dirname, '../../src');

/** The .ts files of a folder (recursively), relative to it, in a stable order. */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.split('\\').join('/'))
    .sort();
}

export interface SourceGraph {
  /** Files under src, relative to it (`model/state.ts`). */
  readonly files: readonly string[];
  readonly edges: readonly ImportEdge[];
  /** Relative imports that name no file under src. */
  readonly unresolved: readonly ImportEdge[];
}

/** The import graph of every .ts file under `root` (default src/). */
export function sourceGraph(root: string = SRC): SourceGraph {
  const files = tsFiles(root);
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  const unresolved: ImportEdge[] = [];
  for (const from of files) {
    for (const ref of importsOf(readFileSync(join(root, from), 'utf8'))) {
      if (!ref.specifier.startsWith('.')) {
        edges.push({ ...ref, from, to: ref.specifier, external: true });
        continue;
      }
      // NodeNext: relative imports name the emitted .js file; the source is the .ts beside it.
      const target = relative(root, normalize(join(root, dirname(from), ref.specifier)))
        .split('\\')
        .join('/')
        .replace(/\.js$/, '.ts');
      const edge = { ...ref, from, to: target, external: false };
      if (known.has(target)) edges.push(edge);
      else if (!/\.(css|html|json)$/.test(target)) unresolved.push(edge);
    }
  }
  return { files, edges, unresolved };
}

/** The top folder of a file under src (`model/mechanisms/x.ts` → `model`). */
export function folderOf(file: string): string {
  return file.split('/')[0]!;
}

/** Strongly connected components with more than one file, or a file importing itself: where cycles are. */
export function cyclicComponents(files: readonly string[], edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) if (!e.external) next.get(e.from)!.push(e.to);
  // Tarjan's algorithm, iterative so deep chains cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  for (const start of files) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const succ = next.get(top.node)!;
      if (top.i < succ.length) {
        const w = succ[top.i++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.node);
        if (comp.length > 1 || succ.includes(top.node)) out.push(comp.sort());
      }
    }
  }
  return out;
}

/** Files reachable from `entries` through the given kinds of edges (the entries included). */
export function reachable(entries: readonly string[], edges: readonly ImportEdge[], kinds: readonly ImportKind[]): Set<string> {
  const seen = new Set(entries);
  const todo = [...entries];
  while (todo.length > 0) {
    const f = todo.pop()!;
    for (const e of edges) {
      if (e.from !== f || !kinds.includes(e.kind) || seen.has(e.to)) continue;
      seen.add(e.to);
      if (!e.external) todo.push(e.to);
    }
  }
  return seen;
}

/** Code that must run in browsers and worker threads: no Node APIs, wall clock or global RNG. */
export const FORBIDDEN: readonly [string, RegExp][] = [
  ['node: import', /from\s+['"]node:/],
  ['Node builtin import', /from\s+['"](fs|path|os|crypto|worker_threads|child_process)['"]/],
  ['Buffer', /\bBuffer\b/],
  ['process', /\bprocess\./],
  ['Date', /\bDate\b/],
  ['Math.random', /Math\.random/],
  ['performance', /\bperformance\./],
  ['require', /\brequire\(/],
];

/** The names of the forbidden things a file uses; comments are stripped so explanations do not count. */
export function impurities(file: string, extra: readonly [string, RegExp][] = []): string[] {
  const code = stripComments(readFileSync(file, 'utf8'));
  return [...FORBIDDEN, ...extra].filter(([, re]) => re.test(code)).map(([what]) => what);
}
