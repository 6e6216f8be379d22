/** A loaded scenario as one input of a batch: the same for `tanker batch` and the public API's runBatch. */
import type { BatchEnsemble } from '../batch/ensemble.js';
import type { BatchScenario } from '../batch/plan.js';
import type { ResolvedScenario } from './resolve.js';

/** `source` is what the manifest names (the path as given); `replicates` overrides the scenario's count; `ensemble` gives replicate r member r's parameters. */
export function batchScenario(s: ResolvedScenario, source: string, replicates?: number, ensemble?: BatchEnsemble): BatchScenario {
  return {
    name: s.name,
    source,
    seed: s.seed,
    replicates: replicates ?? s.replicates,
    elections: s.elections,
    config: s.config,
    interventions: s.interventions,
    points: s.points,
    // The manifest records what ran: a replicates override replaces the file's value.
    resolved: replicates === undefined ? s.resolved : { ...s.resolved, replicates },
    origin: s.origin,
    ...(ensemble ? { ensemble } : {}),
    effort: s.effort,
  };
}
