/** Worker thread: runs one replicate and hands its indicator matrix back without copying it. */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import {
  type InterventionItem,
  type ModelConfig,
  type RecordSpec,
  type RecordTables,
  runReplicate,
  type TickFlows,
} from '../model/index.js';

export interface WorkerTask {
  readonly config: ModelConfig;
  readonly interventions: readonly InterventionItem[];
  readonly elections: boolean;
  readonly seed: string | number;
  readonly replicate: number;
  /** Agent, tie and initiative records to keep (tanker batch --record). */
  readonly record?: RecordSpec | undefined;
}

export interface WorkerResult {
  readonly data: Float64Array;
  readonly width: number;
  readonly turnTick: number | null;
  readonly totals: TickFlows;
  readonly records?: RecordTables;
}

export function runTask(t: WorkerTask): WorkerResult {
  const r = runReplicate(t.config, t.seed, t.replicate, {
    interventions: t.interventions,
    elections: t.elections,
    ...(t.record ? { record: t.record } : {}),
  });
  return { data: r.data, width: r.indicators.length, turnTick: r.turnTick, totals: r.totals, ...(r.records ? { records: r.records } : {}) };
}

export default function (t: WorkerTask): WorkerResult {
  const r = runTask(t);
  return move({
    get [transferableSymbol]() {
      const buffers = new Set<ArrayBuffer>([r.data.buffer as ArrayBuffer]);
      for (const table of Object.values(r.records ?? {})) for (const c of table) buffers.add(c.data.buffer as ArrayBuffer);
      return [...buffers];
    },
    get [valueSymbol]() {
      return r;
    },
  }) as unknown as WorkerResult;
}
