/**
 * Reads scenario text (YAML, or strict JSON checked first and then read by the same parser) into
 * plain data while keeping the document, so any field path can be traced back to a line and
 * column. Nothing in a file is ever evaluated: only the YAML core schema is used, every parser
 * warning (such as an unresolved `!!js/function` tag) is an error, explicit tags other than the
 * core ones are rejected, alias expansion is capped against "billion laughs" documents, and
 * nesting is capped so that no reader runs out of stack. Every message is worded for the user
 * (no parser jargon, no echo of the file's content).
 */
import { type Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import { formatPath, type Issue, type PathSegment, type ScenarioError } from './errors.js';
import { jsonProblem } from './json.js';
import { LIMITS } from './limits.js';

/** Aliases a document may expand to; ordinary reuse stays far below this, expansion bombs far above. */
export const MAX_ALIAS_COUNT = 50;

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

export interface ParsedSource {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** Plain data (undefined when the text could not be read safely). */
  readonly data: unknown;
  /** Syntax errors, warnings, rejected tags and alias problems, placed in the file. */
  readonly errors: readonly ScenarioError[];
}

function read(text: string, lines: LineCounter): Document.Parsed {
  return parseDocument(text, { schema: 'core', lineCounter: lines, prettyErrors: true, uniqueKeys: true, merge: false, logLevel: 'error' });
}

export function parseSource(text: string, file: string): ParsedSource {
  if (/\.json$/i.test(file)) {
    const problem = jsonProblem(text);
    if (problem) {
      const lines = new LineCounter();
      const doc = read('', lines);
      const before = text.slice(0, problem.offset);
      const line = before.split('\n').length;
      const col = problem.offset - before.lastIndexOf('\n');
      return {
        file,
        doc,
        lines,
        data: undefined,
        errors: [{ file, line, col, path: '', message: `JSON syntax error: ${problem.message}` }],
      };
    }
    // Strict JSON has no raw tab inside a string, so every tab is white space; YAML would refuse
    // tabs before a line's content, so they become spaces (offsets, lines and columns unchanged).
    text = text.replace(/\t/g, ' ');
  }
  const lines = new LineCounter();
  const doc = read(text, lines);
  const errors: ScenarioError[] = [];
  const at = (offset: number) => lines.linePos(offset);
  const place = (offset: number, message: string, path: readonly PathSegment[] = []) => {
    const p = at(offset);
    errors.push({ file, line: p.line, col: p.col, path: formatPath(path), message });
  };
  // Too deep for the parser itself: one message at the outermost place it gave up.
  const exhausted = doc.errors.filter((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted.length > 0) {
    place(Math.min(...exhausted.map((e) => e.pos[0])), nestingMessage());
    return { file, doc, lines, data: undefined, errors };
  }
  const shape = inspect(doc);
  if (shape.tooDeep) {
    place(shape.tooDeep.offset, nestingMessage(), shape.tooDeep.path);
    return { file, doc, lines, data: undefined, errors };
  }
  for (const d of shape.duplicates)
    place(
      d.offset,
      `duplicate key ${JSON.stringify(d.key)}; allowed: each key once in a mapping (the first is on line ${at(d.first).line})`,
      d.path,
    );
  // The yaml package places unresolved-tag warnings at the tag itself; prefer that position.
  const tagAt = new Map<number, { line: number; col: number }>();
  for (const w of doc.warnings) {
    const p = at(w.pos[0]);
    if (w.code === 'TAG_RESOLVE_FAILED' && !tagAt.has(p.line)) tagAt.set(p.line, p);
  }
  const tagLines = new Set<number>();
  visit(doc, {
    Node(_key, node) {
      const tag = (node as { tag?: string }).tag;
      if (tag === undefined || CORE_TAGS.has(tag) || !node.range) return;
      const v = at(node.range[0]);
      const p = tagAt.get(v.line) ?? v;
      const shown = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag;
      tagLines.add(p.line);
      errors.push({
        file,
        line: p.line,
        col: p.col,
        path: '',
        message: `YAML tag ${shown} is not allowed: a scenario holds plain values only`,
      });
    },
  });
  for (const e of [...doc.errors, ...doc.warnings]) {
    const p = at(e.pos[0]);
    if (e.code === 'TAG_RESOLVE_FAILED' && tagLines.has(p.line)) continue; // reported above, in plainer words
    if (e.code === 'DUPLICATE_KEY') continue; // reported above with the key and its path
    if (e.code === 'MULTIPLE_DOCS') {
      place(e.pos[0], 'a second YAML document starts here (after a line "---"); allowed: one scenario per file');
      continue;
    }
    const kind = e.name === 'YAMLWarning' ? 'problem' : 'syntax error';
    errors.push({ file, line: p.line, col: p.col, path: '', message: `YAML ${kind}: ${firstLine(e.message)}` });
  }
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const excessive = e instanceof Error && /alias count/i.test(e.message);
      place(
        firstAliasOffset(doc) ?? 0,
        excessive
          ? `YAML aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies in this file; allowed: at most ${MAX_ALIAS_COUNT}`
          : `YAML aliases (*name) cannot be expanded: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  return { file, doc, lines, data: errors.length === 0 ? data : undefined, errors };
}

function nestingMessage(): string {
  return `lists and mappings are nested too deeply; allowed: at most ${LIMITS.depth} levels`;
}

interface Shape {
  duplicates: { path: PathSegment[]; key: string; offset: number; first: number }[];
  tooDeep: { path: PathSegment[]; offset: number } | null;
}

/** Duplicate keys (with their paths) and the first node nested deeper than LIMITS.depth. */
function inspect(doc: Document.Parsed): Shape {
  const shape: Shape = { duplicates: [], tooDeep: null };
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (shape.tooDeep || !(isMap(node) || isSeq(node))) return;
    if (path.length >= LIMITS.depth) {
      shape.tooDeep = { path, offset: node.range?.[0] ?? 0 };
      return;
    }
    if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, [...path, i]);
      });
      return;
    }
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      const key = keyText(pair.key);
      if (key === undefined) continue;
      const offset = isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, offset);
      else shape.duplicates.push({ path: [...path, key], key, offset, first });
      walk(pair.value, [...path, key]);
    }
  };
  walk(doc.contents, []);
  return shape;
}

/** The yaml package appends " at line L, column C:" and a code excerpt; the position is given separately. */
function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function firstAliasOffset(doc: Document.Parsed): number | undefined {
  let off: number | undefined;
  visit(doc, {
    Alias(_k, a) {
      off = a.range?.[0];
      return visit.BREAK;
    },
  });
  return off;
}

/**
 * Line and column of the node at `path` (its key when `atKey`); a path that does not exist in the
 * document (a missing field) gives the position of the deepest existing ancestor.
 */
export function locate(src: ParsedSource, path: readonly PathSegment[], atKey = false): { line: number; col: number } {
  const { doc } = src;
  let node: unknown = doc.contents;
  let offset = isNode(node) && node.range ? node.range[0] : 0;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const seg = path[i]!;
    let next: unknown;
    let keyNode: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (pair) {
        keyNode = pair.key;
        next = pair.value ?? pair.key;
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg];
    }
    if (next === undefined) break;
    const last = i === path.length - 1;
    const target = last && atKey && keyNode !== undefined ? keyNode : next;
    const r = isNode(target) ? (target as Node).range : undefined;
    if (r) offset = r[0];
    node = next;
  }
  return src.lines.linePos(offset);
}

function keyText(k: unknown): string | undefined {
  if (isScalar(k)) return String(k.value);
  return typeof k === 'string' ? k : undefined;
}

/** Place path-level issues in a parsed file. */
export function placeIssues(src: ParsedSource, issues: readonly Issue[]): ScenarioError[] {
  return issues.map((iss) => {
    const p = locate(src, iss.path, iss.atKey ?? false);
    return { file: src.file, line: p.line, col: p.col, path: formatPath(iss.path), message: iss.message };
  });
}
