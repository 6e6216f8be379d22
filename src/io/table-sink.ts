/**
 * A table written as Parquet and, optionally, CSV at the same time, row by row, flushed in
 * chunks: memory stays bounded by the chunk size. Both files appear atomically at finish().
 */
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { tempPath } from './atomic.js';
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

export class TableSink {
  /** Buffered values, one array per column: a row is spread over them as it arrives. */
  private columns: Cell[][];
  private rows = 0;
  private readonly pq: ParquetTableWriter;
  private readonly csvTmp: string | null;

  constructor(
    private readonly basePath: string,
    private readonly cols: readonly ColumnDef[],
    createdBy: string,
    csv: boolean,
    private readonly chunkRows = 20_000,
  ) {
    this.pq = new ParquetTableWriter(`${basePath}.parquet`, cols, createdBy);
    this.columns = cols.map(() => []);
    this.csvTmp = csv ? tempPath(`${basePath}.csv`) : null;
    if (this.csvTmp) writeFileSync(this.csvTmp, `${cols.map((c) => c.name).join(',')}\n`);
  }

  push(row: readonly Cell[]): void {
    const cols = this.columns;
    for (let j = 0; j < cols.length; j++) cols[j]!.push(row[j] ?? null);
    if (++this.rows >= this.chunkRows) this.flush();
  }

  private flush(): void {
    const n = this.rows;
    if (n === 0) return;
    const cols = this.columns;
    this.columns = this.cols.map(() => []);
    this.rows = 0;
    if (this.csvTmp) {
      const lines: string[] = new Array(n);
      for (let i = 0; i < n; i++) {
        let line = csvCell(cols[0]![i]!);
        for (let j = 1; j < cols.length; j++) line += `,${csvCell(cols[j]![i]!)}`;
        lines[i] = line;
      }
      appendFileSync(this.csvTmp, `${lines.join('\n')}\n`);
    }
    this.pq.append(cols, n);
  }

  finish(): void {
    this.flush();
    this.pq.finish();
    if (this.csvTmp) renameSync(this.csvTmp, `${this.basePath}.csv`);
  }
}
