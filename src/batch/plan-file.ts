/**
 * plan.json, the plan of a batch folder, created exactly once: with an exclusive hard link, so of
 * concurrent creators (shards of one batch on several hosts sharing a network file system) one
 * wins and the others read it, and a different batch started into the same folder is refused
 * rather than mixing its parts with the first one's. Temporary names carry host, pid and a UUID.
 */
import { join } from 'node:path';
import { createFileOnce } from '../io/atomic.js';
import { fsio } from '../io/fs.js';
import { type BatchScenario, makePlan, type Plan } from './plan.js';

export function planFilePath(out: string): string {
  return join(out, 'plan.json');
}

export function readPlanFile(out: string): Plan {
  const path = planFilePath(out);
  if (!fsio.existsSync(path)) throw new Error(`${out}: no plan.json here; is this a batch folder?`);
  let pf: { hash: string; scenarios: BatchScenario[] };
  try {
    pf = JSON.parse(fsio.readFileSync(path).toString('utf8')) as { hash: string; scenarios: BatchScenario[] };
  } catch (e) {
    throw new Error(`${path} is damaged (${e instanceof Error ? e.message : String(e)}); a batch folder cannot be used without its plan`);
  }
  const plan = makePlan(pf.scenarios);
  if (plan.hash !== pf.hash) throw new Error(`${path}: the plan does not match its hash (edited by hand?)`);
  return plan;
}

/** Exactly the bytes `runBatch` writes for this plan. */
export function planFileText(plan: Plan): string {
  return `${JSON.stringify({ hash: plan.hash, scenarios: plan.scenarios })}\n`;
}

export interface EnsuredPlan {
  readonly plan: Plan;
  /** true if this call created plan.json, false if the same plan was there already. */
  readonly created: boolean;
}

/**
 * Make sure `out/plan.json` holds the plan of these scenarios: create it if missing (exclusively:
 * of concurrent callers exactly one creates it, the others read it), and throw if the folder holds
 * a different batch or a plan.json edited by hand.
 */
export function ensurePlanFile(out: string, scenarios: readonly BatchScenario[]): EnsuredPlan {
  const plan = makePlan(scenarios);
  const path = planFilePath(out);
  // Exclusive creation: of concurrent creators exactly one writes the file, the others read it.
  const created = !fsio.existsSync(path) && createFileOnce(path, planFileText(plan));
  const existing = readPlanFile(out);
  if (existing.hash !== plan.hash)
    throw new Error(
      `${out} holds a different batch (plan ${existing.hash}; these files and options make plan ${plan.hash}): continuing a batch needs the same files, --replicates and --seed; to run these, choose another --out`,
    );
  return { plan, created };
}
