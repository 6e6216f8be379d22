/**
 * Recorded tables (agent and tie snapshots, the initiative event log; model/recording.ts) as typed
 * Parquet files: integers INT32, reals DOUBLE, categorical codes as their names (STRING), and a
 * DATE column beside every `week`. A batch writes one file per table and replicate under
 * `records/<table>/`, each with the scenario, point and replicate as columns, so a glob
 * (`records/agents_staff/*.parquet`) reads a whole table.
 */
import { join } from 'node:path';
import type { Calendar } from '../engine/calendar.js';
import type { RecordTable, RecordTables } from '../model/index.js';
import { type Chunk, type ColumnDef, ParquetTableWriter } from './parquet.js';

/** Which run a batch file belongs to: written as leading columns. */
export interface RecordKey {
  readonly scenario: string;
  readonly point: number;
  readonly replicate: number;
}

function tableColumns(table: RecordTable, key: RecordKey | null): { defs: ColumnDef[]; chunk: Chunk; rows: number } {
  const rows = table[0]?.data.length ?? 0;
  const defs: ColumnDef[] = [];
  const chunk: Chunk = [];
  if (key) {
    defs.push({ name: 'scenario', type: 'STRING' }, { name: 'point', type: 'INT32' }, { name: 'replicate', type: 'INT32' });
    chunk.push(new Array(rows).fill(key.scenario), new Array(rows).fill(key.point), new Array(rows).fill(key.replicate));
  }
  return { defs, chunk, rows };
}

/** Write one table to `path` (.parquet), atomically. */
export function writeRecordTable(path: string, table: RecordTable, cal: Calendar, key: RecordKey | null, createdBy: string): void {
  const { defs, chunk, rows } = tableColumns(table, key);
  for (const c of table) {
    if (c.names) {
      const names = c.names;
      defs.push({ name: c.name, type: 'STRING' });
      chunk.push(Array.from(c.data, (v) => names[v] ?? String(v)));
    } else {
      defs.push({ name: c.name, type: c.type === 'int' ? 'INT32' : 'DOUBLE' });
      chunk.push(Array.from(c.data));
    }
    if (c.name === 'week') {
      defs.push({ name: 'date', type: 'DATE' });
      chunk.push(Array.from(c.data, (t) => cal.dayOf(t)));
    }
  }
  const w = new ParquetTableWriter(path, defs, createdBy);
  try {
    w.append(chunk, rows);
    w.finish();
  } catch (e) {
    w.abort();
    throw e;
  }
}

/** A run's tables into `dir` as `<table>.parquet`; returns the file names. */
export function writeRunRecords(dir: string, tables: RecordTables, cal: Calendar, createdBy: string): string[] {
  return Object.entries(tables).map(([name, table]) => {
    writeRecordTable(join(dir, `${name}.parquet`), table, cal, null, createdBy);
    return `${name}.parquet`;
  });
}

/** A batch replicate's tables as `records/<table>/<taskKey>.parquet` under `out`. */
export function writeBatchRecords(
  out: string,
  taskKey: string,
  key: RecordKey,
  tables: RecordTables,
  cal: Calendar,
  createdBy: string,
): void {
  for (const [name, table] of Object.entries(tables))
    writeRecordTable(join(out, 'records', name, `${taskKey}.parquet`), table, cal, key, createdBy);
}
