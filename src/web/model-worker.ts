/// <reference lib="dom" />
/**
 * The page's client of the model worker (worker.ts): starts it from the bundled source as a Blob
 * (so the page also works from file://) and turns its messages into promises, one per request.
 */
import type { Series } from './charts.js';
import type { BaseRef, SlotConfig } from './config.js';
import type { BaseSummary, Request, Response, Slot } from './protocol.js';
import { WORKER_SOURCE } from './worker-source.js';

export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: readonly string[] };

/** The replicates of one slot's run, as the worker sent them. */
export interface SlotResult {
  readonly ticks: number;
  readonly startDate: string;
  readonly indicators: readonly string[];
  /** One row-major ticks × indicators matrix per replicate. */
  readonly reps: Float64Array[];
  readonly turnTicks: (number | null)[];
  /** Browser time of each replicate (for display). */
  readonly ms: number[];
  /** Series already computed from `reps`, by indicator (series.ts). */
  readonly cache: Map<string, Series>;
}

/** Returns true when the request is answered (its listener is then dropped). */
type Listener = (msg: Response) => boolean;

export class ModelWorker {
  private readonly worker: Worker;
  private next = 1;
  private readonly listeners = new Map<number, Listener>();

  constructor(onFatal: (message: string) => void) {
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    this.worker = new Worker(url);
    this.worker.onmessage = (e: MessageEvent<Response>) => {
      const l = this.listeners.get(e.data.id);
      if (l?.(e.data)) this.listeners.delete(e.data.id);
    };
    this.worker.onerror = (e) => onFatal(e.message || 'worker error');
  }

  private send(req: Request, listener: Listener): void {
    this.listeners.set(req.id, listener);
    this.worker.postMessage(req);
  }

  /** What the page needs to know about a base scenario (or why it cannot be used). */
  inspect(base: BaseRef): Promise<Outcome<BaseSummary>> {
    return new Promise((resolve) => {
      this.send({ type: 'inspect', id: this.next++, base }, (m) => {
        if (m.type === 'inspected') resolve({ ok: true, value: m.summary });
        else if (m.type === 'failed') resolve({ ok: false, errors: m.errors });
        return true;
      });
    });
  }

  /** Run `replicates` replicates of a slot's configuration. */
  run(slot: Slot, base: BaseRef, cfg: SlotConfig, replicates: number): Promise<Outcome<SlotResult>> {
    return new Promise((resolve) => {
      const reps: Float64Array[] = [];
      const turnTicks: (number | null)[] = [];
      const ms: number[] = [];
      let meta: { ticks: number; startDate: string; indicators: readonly string[] } | null = null;
      this.send({ type: 'run', id: this.next++, slot, base, cfg, replicates }, (m) => {
        if (m.type === 'replicate') {
          reps[m.rep] = m.data;
          turnTicks[m.rep] = m.turnTick;
          ms[m.rep] = m.ms;
          meta = { ticks: m.ticks, startDate: m.startDate, indicators: m.indicators };
          return false;
        }
        if (m.type === 'done' && meta) resolve({ ok: true, value: { ...meta, reps, turnTicks, ms, cache: new Map() } });
        else if (m.type === 'failed') resolve({ ok: false, errors: m.errors });
        else resolve({ ok: false, errors: ['no result'] });
        return true;
      });
    });
  }

  /** A slot's configuration as a scenario file (YAML) and its file name. */
  exportYaml(base: BaseRef, cfg: SlotConfig, note: string): Promise<Outcome<{ yaml: string; fileName: string }>> {
    return new Promise((resolve) => {
      this.send({ type: 'export', id: this.next++, base, cfg, note }, (m) => {
        if (m.type === 'exported') resolve({ ok: true, value: { yaml: m.yaml, fileName: m.fileName } });
        else if (m.type === 'failed') resolve({ ok: false, errors: m.errors });
        return true;
      });
    });
  }
}
