/**
 * Strict JSON (RFC 8259) for `.json` scenario files: YAML, which reads the rest of the format,
 * would also accept comments, trailing commas, unquoted keys and hexadecimal numbers in a file
 * that claims to be JSON. This checker finds the first place where the text is not JSON and says
 * why, without echoing the file; the text is then read like YAML (a JSON document is one) to keep
 * line and column for every field.
 */
import { LIMITS } from './limits.js';

export interface JsonProblem {
  /** Offset of the problem in the text (UTF-16 code units). */
  readonly offset: number;
  readonly message: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);

class Problem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The first syntax problem of `text` as JSON, or null when it is strict JSON. */
export function jsonProblem(text: string): JsonProblem | null {
  let i = 0;
  const n = text.length;
  const fail = (message: string, at = i): never => {
    throw new Problem(at, message);
  };
  const skip = () => {
    while (i < n && WS.has(text[i]!)) i++;
    if (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) fail('comments are not allowed in JSON');
  };
  const shown = (c: string | undefined) => (c === undefined ? 'the end of the file' : JSON.stringify(c));
  const string = () => {
    const start = i++;
    for (;;) {
      if (i >= n) fail('a string is not closed', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('a line break or control character inside a string must be escaped (\\n, \\t, …)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u must be followed by four hexadecimal digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`${shown(`\\${e ?? ''}`)} is not a JSON escape`);
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || /^[0-9a-zA-Z.]/.test(text[i + m[0].length] ?? ''))
      fail('numbers are written in decimal, like 12, -0.5 or 1e3 (no hexadecimal, no leading zeros or +)');
    i += m![0].length;
  };
  const value = (depth: number) => {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= LIMITS.depth) fail(`lists and mappings are nested more than ${LIMITS.depth} levels deep`);
      const close = c === '{' ? '}' : ']';
      i++;
      skip();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          skip();
          if (text[i] !== '"')
            fail(`expected a key in double quotes, found ${shown(text[i])} (JSON has no trailing commas or unquoted keys)`);
          string();
          skip();
          if (text[i] !== ':') fail(`expected ":" after the key, found ${shown(text[i])}`);
          i++;
        }
        value(depth + 1);
        skip();
        if (text[i] === ',') {
          i++;
          if (c === '[') {
            skip();
            if (text[i] === ']') fail('a list may not end with a comma in JSON');
          }
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        fail(`expected "," or "${close}", found ${shown(text[i])}`);
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(`expected a value (a mapping, list, "text", number, true, false or null), found ${shown(c)}`);
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value(0);
    skip();
    if (i < n) fail(`unexpected ${shown(text[i])} after the end of the JSON value`);
    return null;
  } catch (e) {
    if (e instanceof Problem) return { offset: e.offset, message: e.message };
    throw e;
  }
}
