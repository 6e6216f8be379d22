/**
 * `tanker merge`: join the folders of shards (or of any partial runs of the same plan) into one
 * batch folder and assemble it; the result equals that of a single run.
 */
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { tempPath, writeFileAtomic } from '../io/atomic.js';
import { provenance } from '../io/provenance.js';
import { assemble } from './assemble.js';
import { writeManifest } from './batch.js';
import { ensurePartsDir, existingParts, partPath } from './parts.js';
import type { Plan } from './plan.js';
import { planFilePath, readPlanFile } from './plan-file.js';

export function mergeBatches(dirs: readonly string[], out: string): { plan: Plan; files: readonly string[]; missing: readonly string[] } {
  if (dirs.length === 0) throw new Error('merge needs at least one batch folder');
  const plans = dirs.map((d) => readPlanFile(d));
  const plan = plans[0]!;
  plans.forEach((p, k) => {
    if (p.hash !== plan.hash)
      throw new Error(`${dirs[k]} holds plan ${p.hash}, but ${dirs[0]} holds ${plan.hash}: only shards of one batch can be merged`);
  });
  if (existsSync(planFilePath(out)) && readPlanFile(out).hash !== plan.hash) throw new Error(`${out} already holds another batch`);
  writeFileAtomic(planFilePath(out), readFileSync(planFilePath(dirs[0]!), 'utf8'));
  ensurePartsDir(out);
  const have = existingParts(out);
  for (const d of dirs) {
    if (d === out) continue;
    for (const key of existingParts(d)) {
      if (have.has(key)) continue;
      const tmp = tempPath(partPath(out, key));
      copyFileSync(partPath(d, key), tmp);
      renameSync(tmp, partPath(out, key));
      have.add(key);
    }
  }
  const missing = plan.tasks.filter((t) => !have.has(t.key)).map((t) => t.key);
  const result = assemble(plan, out, `tanker ${provenance().version}`);
  writeManifest(plan, out, result.files, { kind: 'merge', mergedFrom: dirs, missing });
  return { plan, files: result.files, missing };
}
