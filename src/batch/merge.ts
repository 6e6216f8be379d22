/**
 * `tanker merge`: join the folders of shards (or of any partial runs of the same plan) into one
 * batch folder and assemble it; the result equals that of a single run. The output folder is
 * locked like a whole-batch run; parts are checked (checksums) as they are copied, and a damaged
 * one is left out and reported, so it counts as missing until its shard is run again.
 */
import { removeStaleTemps, writeFileAtomic } from '../io/atomic.js';
import { fsio } from '../io/fs.js';
import { toolVersion } from '../io/provenance.js';
import { guardStorage } from '../io/storage.js';
import { assemble } from './assemble.js';
import { writeManifest } from './batch.js';
import { lockBatchFolder } from './lock.js';
import { checkParts, type DamagedPart, DamagedPartError, decodePart, ensurePartsDir, existingParts, partPath, partsDir } from './parts.js';
import type { Plan } from './plan.js';
import { planFilePath, readPlanFile } from './plan-file.js';

export interface MergeResult {
  readonly plan: Plan;
  readonly files: readonly string[];
  readonly missing: readonly string[];
  /** Damaged parts of the output folder, moved to damaged/. */
  readonly damaged: readonly DamagedPart[];
  /** Damaged parts of the source folders, left where they are and not copied (their replicates are missing). */
  readonly leftOut: readonly { readonly path: string; readonly reason: string }[];
}

export function mergeBatches(dirs: readonly string[], out: string): MergeResult {
  if (dirs.length === 0) throw new Error('merge needs at least one batch folder');
  const plans = dirs.map((d) => readPlanFile(d));
  const plan = plans[0]!;
  plans.forEach((p, k) => {
    if (p.hash !== plan.hash)
      throw new Error(`${dirs[k]} holds plan ${p.hash}, but ${dirs[0]} holds ${plan.hash}: only shards of one batch can be merged`);
  });
  if (fsio.existsSync(planFilePath(out)) && readPlanFile(out).hash !== plan.hash) throw new Error(`${out} already holds another batch`);
  const lock = guardStorage(out, () => lockBatchFolder(out, null, 'a merge'));
  try {
    return guardStorage(out, () => mergeLocked(dirs, out, plan, () => lock.touch()));
  } finally {
    lock.release();
  }
}

function mergeLocked(dirs: readonly string[], out: string, plan: Plan, touch: () => void): MergeResult {
  removeStaleTemps(out, true);
  removeStaleTemps(partsDir(out), true);
  if (!fsio.existsSync(planFilePath(out))) writeFileAtomic(planFilePath(out), fsio.readFileSync(planFilePath(dirs[0]!)));
  ensurePartsDir(out);
  const { sound: have, damaged } = checkParts(out);
  const leftOut: { path: string; reason: string }[] = [];
  for (const d of dirs) {
    if (d === out) continue;
    for (const key of existingParts(d)) {
      if (have.has(key)) continue;
      touch();
      const source = partPath(d, key);
      const bytes = fsio.readFileSync(source);
      try {
        decodePart(source, bytes, key);
      } catch (e) {
        if (!(e instanceof DamagedPartError)) throw e;
        leftOut.push({ path: source, reason: e.reason });
        continue;
      }
      writeFileAtomic(partPath(out, key), bytes);
      have.add(key);
    }
  }
  const missing = plan.tasks.filter((t) => !have.has(t.key)).map((t) => t.key);
  const result = assemble(plan, out, `tanker ${toolVersion()}`, touch);
  writeManifest(plan, out, result.files, { kind: 'merge', mergedFrom: dirs, missing });
  return { plan, files: result.files, missing, damaged, leftOut };
}
