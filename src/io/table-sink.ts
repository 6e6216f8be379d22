/**
 * A table written as Parquet and, optionally, CSV at the same time, row by row, flushed in
 * chunks: memory stays bounded by the chunk size. Both files appear atomically at finish();
 * abort() leaves neither file nor temporary file behind. A DATE cell is a day number (days since
 * 1970-01-01): typed in Parquet, an ISO date (YYYY-MM-DD) in CSV.
 */
import { formatIsoDate } from '../engine/calendar.js';
import { AtomicFile } from './atomic.js';
import { type ColumnDef, ParquetTableWriter } from './parquet.js';
import { formatNumber } from './tables.js';

export type Cell = string | number | null;

export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return formatNumber(v);
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A whole small CSV text: one line per row (the header is a row), cells as csvCell writes them. */
export function csvText(rows: readonly (readonly Cell[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

const encoder = new TextEncoder();

export class TableSink {
  /** Buffered values, one array per column: a row is spread over them as it arrives. */
  private columns: Cell[][];
  private rows = 0;
  private readonly pq: ParquetTableWriter;
  private readonly csv: AtomicFile | null = null;
  private readonly dates: readonly boolean[];

  constructor(
    basePath: string,
    private readonly cols: readonly ColumnDef[],
    createdBy: string,
    csv: boolean,
    private readonly chunkRows = 20_000,
  ) {
    this.columns = cols.map(() => []);
    this.dates = cols.map((c) => c.type === 'DATE');
    this.pq = new ParquetTableWriter(`${basePath}.parquet`, cols, createdBy);
    try {
      if (csv) {
        this.csv = new AtomicFile(`${basePath}.csv`);
        this.csv.write(encoder.encode(`${cols.map((c) => c.name).join(',')}\n`));
      }
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  push(row: readonly Cell[]): void {
    const cols = this.columns;
    for (let j = 0; j < cols.length; j++) cols[j]!.push(row[j] ?? null);
    if (++this.rows >= this.chunkRows) this.flush();
  }

  private csvValue(j: number, v: Cell): string {
    return this.dates[j] && typeof v === 'number' && !Number.isNaN(v) ? formatIsoDate(v) : csvCell(v);
  }

  private flush(): void {
    const n = this.rows;
    if (n === 0) return;
    const cols = this.columns;
    this.columns = this.cols.map(() => []);
    this.rows = 0;
    if (this.csv) {
      const lines: string[] = new Array(n);
      for (let i = 0; i < n; i++) {
        let line = this.csvValue(0, cols[0]![i]!);
        for (let j = 1; j < cols.length; j++) line += `,${this.csvValue(j, cols[j]![i]!)}`;
        lines[i] = line;
      }
      this.csv.write(encoder.encode(`${lines.join('\n')}\n`));
    }
    this.pq.append(cols, n);
  }

  finish(): void {
    this.flush();
    this.pq.finish();
    this.csv?.commit();
  }

  /** Give up: neither file appears and no temporary file is left. */
  abort(): void {
    this.pq.abort();
    this.csv?.abort();
  }
}
