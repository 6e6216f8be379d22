/**
 * A small CSV reader for the tables Tanker writes (see table-sink.ts): comma-separated, a header
 * line, strings quoted only when they hold a comma, quote or newline ("" escapes a quote), empty
 * cells for NaN or null. Also reads CRLF line ends and a UTF-8 byte-order mark.
 */
import { readFileSync } from 'node:fs';

/** Splits CSV text into rows of cells. A final newline does not make an empty row. */
export function parseCsv(text: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  let quoted = false;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new Error('CSV: a quoted cell is not closed before the end of the text');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A CSV table: column names and rows of raw cells, with typed accessors by column name. */
export class CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  private readonly index: ReadonlyMap<string, number>;

  constructor(columns: readonly string[], rows: readonly (readonly string[])[]) {
    this.columns = columns;
    this.rows = rows;
    this.index = new Map(columns.map((c, i) => [c, i]));
  }

  static parse(text: string, source = 'CSV'): CsvTable {
    const all = parseCsv(text);
    const header = all[0];
    if (!header) throw new Error(`${source}: empty file, expected a header line`);
    const rows = all.slice(1);
    rows.forEach((r, k) => {
      if (r.length !== header.length) throw new Error(`${source}: line ${k + 2} has ${r.length} cells, the header has ${header.length}`);
    });
    return new CsvTable(header, rows);
  }

  static read(path: string): CsvTable {
    return CsvTable.parse(readFileSync(path, 'utf8'), path);
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  /** Column position; throws naming the column if it does not exist. */
  col(column: string): number {
    const i = this.index.get(column);
    if (i === undefined) throw new Error(`CSV: no column "${column}" (columns: ${this.columns.slice(0, 12).join(', ')}…)`);
    return i;
  }

  /** A cell as text. */
  str(row: number, column: string): string {
    return this.rows[row]![this.col(column)]!;
  }

  /** A cell as a number: empty is NaN. */
  num(row: number, column: string): number {
    return toNumber(this.rows[row]![this.col(column)]!);
  }
}

/** Empty → NaN; otherwise Number(text) (NaN for text that is not a number). */
export function toNumber(cell: string): number {
  return cell === '' ? Number.NaN : Number(cell);
}
