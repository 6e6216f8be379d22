import { describe, expect, it } from 'vitest';
import { CsvTable, parseCsv } from '../../src/io/csv.js';
import { csvCell } from '../../src/io/table-sink.js';

describe('CSV reader', () => {
  it('reads what the table sink writes: quotes only around commas, quotes and newlines', () => {
    const cells = ['plain', 'with, comma', 'say "hi"', 'two\nlines', '', '0.5'];
    const text = `a,b,c,d,e,f\n${cells.map(csvCell).join(',')}\n`;
    expect(parseCsv(text)).toEqual([['a', 'b', 'c', 'd', 'e', 'f'], cells]);
  });

  it('handles CRLF, a byte-order mark, no final newline and empty trailing cells', () => {
    expect(parseCsv('\ufeffx,y\r\n1,\r\n2,3')).toEqual([
      ['x', 'y'],
      ['1', ''],
      ['2', '3'],
    ]);
  });

  it('gives typed cells by column name; empty is NaN; errors name the problem', () => {
    const t = CsvTable.parse('scenario,turnTick,final_x\nbase,,0.25\n"a,b",12,1e-3\n');
    expect(t.rows).toHaveLength(2);
    expect(t.str(1, 'scenario')).toBe('a,b');
    expect(t.num(0, 'turnTick')).toBeNaN();
    expect(t.num(1, 'turnTick')).toBe(12);
    expect(t.num(1, 'final_x')).toBe(0.001);
    expect(t.has('final_y')).toBe(false);
    expect(() => t.col('final_y')).toThrow(/no column "final_y"/);
    expect(() => CsvTable.parse('a,b\n1\n', 'x.csv')).toThrow(/x\.csv: line 2 has 1 cells, the header has 2/);
    expect(() => parseCsv('a,"b\n')).toThrow(/not closed/);
    expect(() => CsvTable.parse('')).toThrow(/empty/);
  });
});
