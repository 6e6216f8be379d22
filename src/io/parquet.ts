/**
 * Streaming Parquet writer over hyparquet-writer (pure JS, no native code): rows arrive in chunks
 * of columns and are written as row groups, so a batch never holds all its rows in memory. Bytes
 * go through the file-system layer into an AtomicFile (flushed to disk and renamed when complete).
 * Columns are typed: text, 32-bit integers (counts, indices), doubles, and dates (DATE: days since
 * 1970-01-01, the calendar's own day numbers).
 */
import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { AtomicFile } from './atomic.js';

export type ColumnType = 'STRING' | 'INT32' | 'DOUBLE' | 'DATE';
export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
}
/** Values of one chunk, one array per column in schema order; NaN is written as null (in place). */
export type Chunk = (string | number | null)[][];

function schemaElement(c: ColumnDef): SchemaElement {
  switch (c.type) {
    case 'STRING':
      return { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' };
    case 'DATE':
      return { name: c.name, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' }, repetition_type: 'OPTIONAL' };
    default:
      return { name: c.name, type: c.type, repetition_type: 'OPTIONAL' };
  }
}

/** hyparquet-writer's buffer, flushed to an AtomicFile every megabyte. */
class AtomicFileWriter extends ByteWriter {
  constructor(private readonly file: AtomicFile) {
    super();
  }

  override ensure(size: number): void {
    if (this.index > 1_000_000) this.flush();
    super.ensure(size);
  }

  flush(): void {
    this.file.write(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }

  override finish(): void {
    this.flush();
  }
}

export class ParquetTableWriter {
  private readonly file: AtomicFile;
  private readonly writer: ParquetWriter;
  private done = false;

  constructor(
    path: string,
    private readonly columns: readonly ColumnDef[],
    createdBy: string,
  ) {
    this.file = new AtomicFile(path);
    const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.map(schemaElement)];
    this.writer = new ParquetWriter({ writer: new AtomicFileWriter(this.file), schema, createdBy, codec: 'SNAPPY' });
  }

  /** Write one row group. The column arrays are taken over (NaN replaced by null in place). */
  append(chunk: Chunk, rows: number): void {
    if (rows === 0) return;
    const columnData = this.columns.map((c, j) => {
      const data = chunk[j]!;
      if (data.length !== rows) throw new Error(`column ${c.name}: ${data.length} values for ${rows} rows`);
      const integral = c.type === 'INT32' || c.type === 'DATE';
      for (let i = 0; i < rows; i++) {
        const v = data[i];
        if (typeof v === 'number' && Number.isNaN(v)) data[i] = null;
        else if (integral && v !== null && !Number.isInteger(v)) throw new Error(`column ${c.name}: ${String(v)} is not an integer`);
      }
      return { name: c.name, data };
    });
    void this.writer.write({ columnData, rowGroupSize: rows });
  }

  finish(): void {
    if (this.done) return;
    // Not done until committed: if the last write or the commit fails (a full disk), abort() still
    // removes the temporary file.
    void this.writer.finish();
    this.file.commit();
    this.done = true;
  }

  /** Give up (an error elsewhere): no file appears and the temporary file is removed. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    this.file.abort();
  }
}
