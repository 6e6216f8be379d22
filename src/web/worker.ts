/**
 * The explorer's Web Worker: the same model as the CLI (runReplicate from src/model), fed by the
 * same scenario schema and resolution (src/scenario). The page never computes the model itself, so
 * it stays responsive; each replicate is computed whole here and sent back as one transferred array.
 */
import { runReplicate, SpinUpCache } from '../model/index.js';
import type { BaseRef } from './config.js';
import { MAX_REPLICATES, scenarioData } from './config.js';
import { LIBRARY } from './library-data.js';
import type { Request, Response } from './protocol.js';
import { baseData, exportYaml, resolveData, summarize } from './scenario.js';

interface WorkerScope {
  onmessage: ((e: { data: Request }) => void) | null;
  postMessage(msg: Response, transfer?: Transferable[]): void;
}
type Transferable = ArrayBuffer;

const scope = globalThis as unknown as WorkerScope;

function post(msg: Response, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

function baseLabel(ref: BaseRef): string {
  return 'text' in ref ? ref.fileName : `scenarios/${ref.library}`;
}

// The spin-ups of the last runs: a change of a lever (or of B's levers in compare mode) keeps the
// configuration, so its runs start from a copy of the everyday state instead of simulating it.
const spunUp = new SpinUpCache(2 * MAX_REPLICATES);

function handle(req: Request): void {
  const base = baseData(req.base, LIBRARY);
  if (!base.ok) {
    post({ type: 'failed', id: req.id, errors: base.errors });
    return;
  }
  switch (req.type) {
    case 'inspect': {
      const r = resolveData(base.value);
      if (!r.ok) post({ type: 'failed', id: req.id, errors: r.errors });
      else post({ type: 'inspected', id: req.id, summary: summarize(base.value, r.value) });
      return;
    }
    case 'export': {
      const r = exportYaml(base.value, baseLabel(req.base), req.cfg, req.note);
      post({ type: 'exported', id: req.id, yaml: r.yaml, fileName: r.fileName });
      return;
    }
    case 'run': {
      const r = resolveData(scenarioData(base.value, req.cfg));
      if (!r.ok) {
        post({ type: 'failed', id: req.id, errors: r.errors });
        return;
      }
      const s = r.value;
      let total = 0;
      for (let rep = 0; rep < req.replicates; rep++) {
        const t0 = performance.now(); // clock-ok: run time shown to the user
        const from = spunUp.get(s.config, s.seed, rep);
        const res = runReplicate(from.config, s.seed, rep, { interventions: s.interventions, elections: s.elections, from });
        const ms = performance.now() - t0; // clock-ok
        total += ms;
        const data = new Float64Array(res.data);
        post(
          {
            type: 'replicate',
            id: req.id,
            slot: req.slot,
            rep,
            ticks: res.ticks,
            startDate: s.config.startDate,
            indicators: res.indicators,
            data,
            turnTick: res.turnTick,
            ms,
          },
          [data.buffer],
        );
      }
      post({ type: 'done', id: req.id, slot: req.slot, replicates: req.replicates, ms: total });
      return;
    }
  }
}

scope.onmessage = (e) => {
  try {
    handle(e.data);
  } catch (err) {
    post({ type: 'failed', id: e.data.id, errors: [err instanceof Error ? err.message : String(err)] });
  }
};
