/**
 * plan.json, the plan of a batch folder, created exactly once: with an exclusive hard link, so of
 * concurrent creators (shards of one batch on several hosts sharing a network file system) one
 * wins and the others read it, and a different batch started into the same folder is refused
 * rather than mixing its parts with the first one's. Temporary names carry host, pid and a UUID.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { type BatchScenario, makePlan, type Plan } from './plan.js';

export function planFilePath(out: string): string {
  return join(out, 'plan.json');
}

export function readPlanFile(out: string): Plan {
  const path = planFilePath(out);
  if (!existsSync(path)) throw new Error(`${out}: no plan.json here; is this a batch folder?`);
  const pf = JSON.parse(readFileSync(path, 'utf8')) as { hash: string; scenarios: BatchScenario[] };
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
  let created = false;
  if (!existsSync(path)) {
    mkdirSync(out, { recursive: true });
    const tmp = `${path}.tmp-${hostname()}-${process.pid}-${randomUUID()}`;
    writeFileSync(tmp, planFileText(plan));
    try {
      linkSync(tmp, path); // fails with EEXIST if another process created it first
      created = true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        // someone else won; their plan is checked below
      } else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
        // A file system without hard links: fall back to the atomic rename of runBatch.
        if (!existsSync(path)) {
          renameSync(tmp, path);
          created = true;
        }
      } else throw e;
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  const existing = readPlanFile(out);
  if (existing.hash !== plan.hash)
    throw new Error(
      `${out} holds a different batch (plan ${existing.hash}, this one ${plan.hash}); --resume needs the same files and options, or use another --out`,
    );
  return { plan, created };
}
