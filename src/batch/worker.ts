/** Worker thread: runs one replicate and hands its indicator matrix back without copying it. */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { type InterventionItem, type ModelConfig, runReplicate, type TickFlows } from '../model/index.js';

export interface WorkerTask {
  readonly config: ModelConfig;
  readonly interventions: readonly InterventionItem[];
  readonly elections: boolean;
  readonly seed: string | number;
  readonly replicate: number;
}

export interface WorkerResult {
  readonly data: Float64Array;
  readonly width: number;
  readonly turnTick: number | null;
  readonly totals: TickFlows;
}

export function runTask(t: WorkerTask): WorkerResult {
  const r = runReplicate(t.config, t.seed, t.replicate, { interventions: t.interventions, elections: t.elections });
  return { data: r.data, width: r.indicators.length, turnTick: r.turnTick, totals: r.totals };
}

export default function (t: WorkerTask): WorkerResult {
  const r = runTask(t);
  return move({
    get [transferableSymbol]() {
      return [r.data.buffer];
    },
    get [valueSymbol]() {
      return r;
    },
  }) as unknown as WorkerResult;
}
