/**
 * A table written as Parquet and, optionally, CSV at the same time, row by row, flushed in
 * chunks: memory stays bounded by the chunk size. Both files appear atomically at finish().
 */
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { type ColumnDef, ParquetTableWriter } from './parquet.js';
import { formatNumber } from './tables.js';

export type Cell = string | number | null;

export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return formatNumber(v);
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

let counter = 0;

export class TableSink {
  private rows: Cell[][] = [];
  private readonly pq: ParquetTableWriter;
  private readonly csvTmp: string | null;

  constructor(
    private readonly basePath: string,
    private readonly cols: readonly ColumnDef[],
    createdBy: string,
    csv: boolean,
    private readonly chunkRows = 50_000,
  ) {
    this.pq = new ParquetTableWriter(`${basePath}.parquet`, cols, createdBy);
    this.csvTmp = csv ? `${basePath}.csv.tmp-${process.pid}-${counter++}` : null;
    if (this.csvTmp) writeFileSync(this.csvTmp, `${cols.map((c) => c.name).join(',')}\n`);
  }

  push(row: Cell[]): void {
    this.rows.push(row);
    if (this.rows.length >= this.chunkRows) this.flush();
  }

  private flush(): void {
    const rows = this.rows;
    if (rows.length === 0) return;
    this.rows = [];
    const chunk = Object.fromEntries(this.cols.map((c, j) => [c.name, rows.map((r) => r[j] ?? null)]));
    this.pq.append(chunk, rows.length);
    if (this.csvTmp) appendFileSync(this.csvTmp, `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
  }

  finish(): void {
    this.flush();
    this.pq.finish();
    if (this.csvTmp) renameSync(this.csvTmp, `${this.basePath}.csv`);
  }
}
