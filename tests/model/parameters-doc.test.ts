import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oddMarkdown } from '../../src/cli/odd-command.js';
import { PARAM_GROUPS } from '../../src/model/index.js';
import { presetConfig } from '../../src/model/presets.js';

describe('docs/parameters.md', () => {
  it('is the current parameter registry (regenerate: npm run docs:params)', () => {
    const c = presetConfig('medium');
    const text = oddMarkdown('defaults (medium preset)', 'built-in', 'tanker', c, [], true, false);
    expect(readFileSync('docs/parameters.md', 'utf8')).toBe(text);
  });

  it('every parameter has a meaning, a source and a default inside its range', () => {
    for (const [group, specs] of Object.entries(PARAM_GROUPS)) {
      for (const [name, s] of Object.entries(specs)) {
        expect(s.doc.length, `${group}.${name}`).toBeGreaterThan(10);
        expect(s.source.length, `${group}.${name}`).toBeGreaterThanOrEqual(3);
        expect(s.default >= s.min && s.default <= s.max, `${group}.${name}`).toBe(true);
      }
    }
  });
});
