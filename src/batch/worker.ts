/** Worker thread: runs one replicate and hands its indicator matrix back without copying it. */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import {
  type IndicatorName,
  type InterventionItem,
  type ModelConfig,
  type RecordSpec,
  type RecordTables,
  runReplicate,
  SpinUpCache,
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
  /** Observe only these indicators (SimulationOptions.indicators): the other columns come back NaN. */
  readonly indicators?: readonly IndicatorName[] | undefined;
  /** Another task has the same spin-up (configuration, seed, replicate): keep it (see {@link shareSpinUps}). */
  readonly shareSpinUp?: boolean | undefined;
}

export interface WorkerResult {
  readonly data: Float64Array;
  readonly width: number;
  readonly turnTick: number | null;
  readonly totals: TickFlows;
  readonly records?: RecordTables;
}

// The last spin-ups this thread simulated (model/spin-up-cache.ts); pools hand out tasks replicate
// by replicate (plan.ts dispatchOrder) so that a thread meets the same replicate again soon.
const spunUp = new SpinUpCache(2);

/** Tasks with equal keys start from equal spin-ups. */
export function spinUpKey(t: WorkerTask): string {
  return SpinUpCache.key(t.config, t.seed, t.replicate);
}

/**
 * Marks the tasks whose spin-up another task shares. Only those are kept and copied: a task alone
 * with its spin-up (a calibration's particles, a sweep's points) runs as it is, without the copy.
 */
export function shareSpinUps<T extends WorkerTask>(tasks: readonly T[]): (T & { readonly shareSpinUp?: boolean | undefined })[] {
  const keys = tasks.map(spinUpKey);
  const count = new Map<string, number>();
  for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  return tasks.map((t, i) => (count.get(keys[i]!)! > 1 ? { ...t, shareSpinUp: true } : t));
}

export function runTask(t: WorkerTask): WorkerResult {
  const from = t.shareSpinUp ? spunUp.get(t.config, t.seed, t.replicate) : null;
  // The kept spin-up's configuration equals this task's (same key), and passing that very object
  // spares Simulation a second comparison of the two by value.
  const r = runReplicate(from?.config ?? t.config, t.seed, t.replicate, {
    interventions: t.interventions,
    elections: t.elections,
    ...(from ? { from } : {}),
    ...(t.record ? { record: t.record } : {}),
    ...(t.indicators ? { indicators: t.indicators } : {}),
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
