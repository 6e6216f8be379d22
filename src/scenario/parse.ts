/**
 * Reads scenario text (YAML, or JSON through the same parser) into plain data while keeping the
 * document, so any field path can be traced back to a line and column. Nothing in a file is ever
 * evaluated: only the YAML core schema is used, every parser warning (such as an unresolved
 * `!!js/function` tag) is an error, explicit tags other than the core ones are rejected, and alias
 * expansion is capped against "billion laughs" documents.
 */
import { type Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import { formatPath, type Issue, type PathSegment, type ScenarioError } from './errors.js';

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

export function parseSource(text: string, file: string): ParsedSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter: lines, prettyErrors: true, uniqueKeys: true, merge: false });
  const errors: ScenarioError[] = [];
  const at = (offset: number) => lines.linePos(offset);
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
    const kind = e.name === 'YAMLWarning' ? 'problem' : 'syntax error';
    errors.push({ file, line: p.line, col: p.col, path: '', message: `YAML ${kind}: ${firstLine(e.message)}` });
  }
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const p = at(firstAliasOffset(doc) ?? 0);
      errors.push({
        file,
        line: p.line,
        col: p.col,
        path: '',
        message: `YAML aliases rejected: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  return { file, doc, lines, data: errors.length === 0 ? data : undefined, errors };
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
