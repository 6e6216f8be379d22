/**
 * Streaming Parquet writer over hyparquet-writer (pure JS, no native code): rows arrive in chunks
 * of columns and are written as row groups, so a batch never holds all its rows in memory. The
 * file is written under a temporary name and renamed when complete (atomic).
 */
import { renameSync } from 'node:fs';
import { type ColumnSource, fileWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { tempPath } from './atomic.js';

export type ColumnType = 'STRING' | 'INT32' | 'DOUBLE';
export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
}
/** Values of one chunk, one array per column in schema order; NaN is written as null (in place). */
export type Chunk = (string | number | null)[][];

export class ParquetTableWriter {
  private readonly tmp: string;
  private readonly writer: ParquetWriter;
  private finished = false;

  constructor(
    private readonly path: string,
    private readonly columns: readonly ColumnDef[],
    createdBy: string,
  ) {
    this.tmp = tempPath(path);
    const schema: SchemaElement[] = [
      { name: 'root', num_children: columns.length },
      ...columns.map((c): SchemaElement => {
        if (c.type === 'STRING') return { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' };
        return { name: c.name, type: c.type, repetition_type: 'OPTIONAL' };
      }),
    ];
    this.writer = new ParquetWriter({ writer: fileWriter(this.tmp), schema, createdBy, codec: 'SNAPPY' });
  }

  /** Write one row group. The column arrays are taken over (NaN replaced by null in place). */
  append(chunk: Chunk, rows: number): void {
    if (rows === 0) return;
    const columnData: ColumnSource[] = this.columns.map((c, j) => {
      const data = chunk[j]!;
      if (data.length !== rows) throw new Error(`column ${c.name}: ${data.length} values for ${rows} rows`);
      for (let i = 0; i < rows; i++) {
        const v = data[i];
        if (typeof v === 'number' && Number.isNaN(v)) data[i] = null;
      }
      return { name: c.name, data, type: c.type };
    });
    void this.writer.write({ columnData, rowGroupSize: rows });
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    void this.writer.finish();
    renameSync(this.tmp, this.path);
  }
}
