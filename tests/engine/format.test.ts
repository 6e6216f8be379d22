// Text for people: the one number formatter, p-values, percentages, escaping and the text table.
import { describe, expect, it } from 'vitest';
import { decimalsFor, escapeXml, exactDecimals, fmt, pct, pText, pValue, textTable, wrapText } from '../../src/engine/format.js';

describe('numbers', () => {
  it('show about three significant digits unless told how many decimals', () => {
    expect([0.0438123, 4.38123, 438.123, 43812.3].map((v) => fmt(v))).toEqual(['0.0438', '4.38', '438', '43812']);
    expect(fmt(0.5, 2)).toBe('0.50');
    expect(fmt(2.5, 0)).toBe('3');
    expect([0.0438, 0.438, 4.38, 438, 0].map(decimalsFor)).toEqual([4, 3, 2, 0, 0]);
    expect(decimalsFor(1e-9)).toBe(6);
  });

  it('write the decimal comma for Norwegian, the minus sign, no negative zero, and mark missing and infinite values', () => {
    const nb = { decimal: ',' } as const;
    expect(fmt(-0.0224, undefined, nb)).toBe('−0,0224');
    expect(fmt(-0.0001, 2)).toBe('0.00');
    expect(fmt(Number.NaN)).toBe('–');
    expect(fmt(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(fmt(Number.NEGATIVE_INFINITY)).toBe('−∞');
  });

  it('switch to exponent notation only when asked, for values the decimals would hide or that are huge', () => {
    const sci = { exponent: true };
    expect(fmt(0.00001234, 4, sci)).toBe('1.23e−5');
    expect(fmt(0.0001234, 4, sci)).toBe('0.0001');
    expect(fmt(123456, 4, sci)).toBe('1.23e+5');
    expect(fmt(0, 4, sci)).toBe('0.0000');
    expect(fmt(0.00001234, 4)).toBe('0.0000');
    expect(fmt(-0.00001234, 4, { ...sci, decimal: ',' })).toBe('−1,23e−5');
  });

  it('give percentages and p-values the same way', () => {
    expect(pct(0.305)).toBe('31 %');
    expect(pct(0.3051, 1, { decimal: ',' })).toBe('30,5 %');
    expect(pct(Number.NaN)).toBe('–');
    expect([0.0004, 0.001, 0.0517].map((p) => pValue(p))).toEqual(['< 0.001', '0.001', '0.052']);
    expect(pValue(0.0004, { decimal: ',' })).toBe('< 0,001');
    expect(pText(0.0004)).toBe('p < 0.001');
    expect(pText(0.0517)).toBe('p = 0.052');
  });

  it('label axis ticks with the decimals a step needs, without padding', () => {
    expect([0.25, 0.5, 5, 0.025, 2.5].map(exactDecimals)).toEqual([2, 1, 0, 3, 1]);
  });
});

describe('text', () => {
  it('escapes the XML and HTML specials', () => {
    expect(escapeXml('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });

  it('wraps words to a width and cuts longer words', () => {
    expect(wrapText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('', 4)).toEqual(['']);
  });

  it('prints a table with aligned columns, a rule under the header and no trailing spaces', () => {
    const text = textTable(
      [{ title: 'parameter' }, { title: 'μ*', right: true }, { title: 'note' }],
      [
        ['a', '0.5', ''],
        ['longer.name', '−12.25', 'x'],
      ],
    );
    expect(text.split('\n')).toEqual([
      'parameter        μ*  note',
      '-----------  ------  ----',
      'a               0.5',
      'longer.name  −12.25  x',
    ]);
  });

  it('wraps cells to fixed widths, with a rule after every row when asked', () => {
    const text = textTable(
      [
        { title: 'model', width: 6 },
        { title: 'result', width: 6 },
      ],
      [['March 1991', 'PASS']],
      { gap: ' | ', rowRules: true },
    );
    expect(text.split('\n')).toEqual(['model  | result', '-------+-------', 'March  | PASS', '1991   |', '-------+-------']);
  });
});
