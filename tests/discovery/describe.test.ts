// Plain-language box descriptions: only restricted columns, integer columns on whole numbers, any language.
import { describe, expect, it } from 'vitest';
import {
  type Box,
  type BoxStats,
  type BoxWords,
  categoricalColumn,
  type Dataset,
  describeBox,
  englishBoxWords,
} from '../../src/discovery/index.js';
import { limitText } from '../../src/discovery/summary.js';

const data: Dataset = {
  columns: [
    { kind: 'numeric', name: 'politicalBacking', values: [0, 0.2, 0.5, 0.9, 1] },
    { kind: 'numeric', name: 'layers', values: [1, 2, 3, 4, 5], integer: true },
    categoricalColumn('matrixEffect', ['culture-first', 'structure-first', 'culture-first', 'structure-first', 'culture-first']),
  ],
  y: [1, 1, 0, 0, 1],
};
const stats: BoxStats = { n: 3, interest: 2, coverage: 0.78, density: 0.64, mass: 0.6 };
const percent = (x: number) => `${Math.round(100 * x)} %`;
const number = (x: number) => String(Number(x.toFixed(2)));

describe('describeBox', () => {
  it('states the restricted columns and the coverage and density', () => {
    const box: Box = {
      limits: [
        { kind: 'numeric', lo: 0, hi: 0.4 },
        { kind: 'numeric', lo: 4.5, hi: 5 },
        { kind: 'categorical', levels: [0, 1] },
      ],
    };
    expect(describeBox(data, box, stats, { words: englishBoxWords('failures'), number, share: percent })).toBe(
      'politicalBacking ≤ 0.4 and layers = 5: 78 % of failures, density 64 %',
    );
  });

  it('uses between, at least and one level, and reads integer limits on whole numbers', () => {
    const box: Box = {
      limits: [
        { kind: 'numeric', lo: 0.1, hi: 0.7 },
        { kind: 'numeric', lo: 2.5, hi: 5 },
        { kind: 'categorical', levels: [1] },
      ],
    };
    expect(describeBox(data, box, stats, { words: englishBoxWords(), number, share: percent })).toBe(
      '0.1 ≤ politicalBacking ≤ 0.7 and layers ≥ 3 and matrixEffect = structure-first: 78 % of cases, density 64 %',
    );
  });

  it('takes the words of another language and says so when nothing is restricted', () => {
    const norsk: BoxWords = {
      and: ' og ',
      atLeast: (n, v) => `${n} ≥ ${v}`,
      atMost: (n, v) => `${n} ≤ ${v}`,
      between: (n, lo, hi) => `${n} mellom ${lo} og ${hi}`,
      equals: (n, v) => `${n} = ${v}`,
      oneOf: (n, vs) => `${n} er ${vs.join(' eller ')}`,
      summary: (c, cov, dens) => `${c}: ${cov} av feilene, tetthet ${dens}`,
      anywhere: 'overalt',
    };
    const comma = (x: number) => number(x).replace('.', ',');
    const box: Box = {
      limits: [
        { kind: 'numeric', lo: 0.1, hi: 0.7 },
        { kind: 'numeric', lo: 1, hi: 5 },
        { kind: 'categorical', levels: [0, 1] },
      ],
    };
    expect(describeBox(data, box, stats, { words: norsk, number: comma, share: percent })).toBe(
      'politicalBacking mellom 0,1 og 0,7: 78 % av feilene, tetthet 64 %',
    );
    const all: Box = {
      limits: [
        { kind: 'numeric', lo: 0, hi: 1 },
        { kind: 'numeric', lo: 1, hi: 5 },
        { kind: 'categorical', levels: [0, 1] },
      ],
    };
    expect(describeBox(data, all, stats, { words: norsk, number: comma, share: percent })).toBe('overalt: 78 % av feilene, tetthet 64 %');
  });
});

describe('limitText (the numbers of tanker discover findings)', () => {
  it('writes integers whole, shares with two decimals and small parameters with three significant digits', () => {
    const [backing, layers] = data.columns;
    expect(limitText(4.4, layers!)).toBe('4');
    expect(limitText(0.8567, backing!)).toBe('0.86');
    expect(limitText(0, backing!)).toBe('0.00');
    expect(limitText(0.003943, backing!)).toBe('0.00394');
    expect(limitText(-0.0451, backing!)).toBe('−0.0451');
  });
});
