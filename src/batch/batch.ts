import { join, resolve } from 'node:path';
import { isTempName, removeStaleTemps, writeFileAtomic } from '../io/atomic.js';
import { fsio, removeFile } from '../io/fs.js';
import { fileHashes } from '../io/hash.js';
import { provenance, toolVersion } from '../io/provenance.js';
import { guardStorage, StorageError, storageCode } from '../io/storage.js';
import { type RecordSpec, recordedTableNames } from '../model/index.js';
import { assemble } from './assemble.js';
import { type BatchEnsemble, type ManifestEnsemble, ORDER_RULE } from './ensemble.js';
import { type FolderLock, lockBatchFolder, locksDir } from './lock.js';
import { checkParts, type DamagedPart, ensurePartsDir, partsDir } from './parts.js';
import { type BatchScenario, makePlan, type Plan, shardTasks } from './plan.js';
import { ensurePlanFile, readPlanFile } from './plan-file.js';
import { type Failure, runOnPool } from './pool.js';

export interface BatchOptions {
  readonly out: string;
  readonly threads: number;
  readonly shard: { i: number; n: number } | null;
  readonly resume: boolean;
  readonly onStart?: (total: number, skipped: number) => void;
  readonly onDone?: (done: number, failed: number) => void;
  /** Things worth telling before the run starts (damaged parts set aside, files cleaned up). */
  readonly onNote?: (message: string) => void;
  readonly stopped?: () => boolean;
  /** Agent, tie and initiative records (OUT/records/); a batch keeps one setting across --resume. */
  readonly record?: RecordSpec | undefined;
}

export interface BatchOutcome {
  readonly plan: Plan;
  /** Replicates of this run's slice (the whole plan, or the shard's tasks). */
  readonly total: number;
  /** Replicates finished and saved in this run. */
  readonly ran: number;
  /** Replicates already finished before this run (kept as they were). */
  readonly skipped: number;
  /** Replicates whose latest attempt threw (with no checkpoint). */
  readonly failures: readonly Failure[];
  /** Replicates of the slice with no checkpoint at the end, failed ones included. */
  readonly remaining: number;
  readonly interrupted: boolean;
  /** The storage problem that stopped the batch, if one did (everything finished is kept). */
  readonly storage: StorageError | null;
  /** Damaged parts found at the start, moved to damaged/ and recomputed. */
  readonly damaged: readonly DamagedPart[];
  readonly files: readonly string[];
  readonly missing: readonly string[];
}

/**
 * A run refuses a folder that holds another batch (or this one without --resume), or other files.
 * One listing decides, so a plan.json that a concurrent shard creates meanwhile is seen either
 * as present or not at all, never as "some other file".
 */
function checkFolder(out: string, resume: boolean, planHash: () => string): void {
  if (!fsio.existsSync(out)) return;
  // What a crash or a concurrent start leaves (temporary files, a locks folder) does not count.
  const present = fsio.readdirSync(out).filter((f) => !isTempName(f) && join(out, f) !== locksDir(out));
  if (present.includes('plan.json')) {
    if (resume) return;
    const theirs = readPlanFile(out).hash;
    if (theirs === planHash())
      throw new Error(`${out} already holds this batch (plan ${theirs}); pass --resume to continue it, or choose another --out`);
    throw new Error(
      `${out} already holds another batch (plan ${theirs}; these files and options make plan ${planHash()}); choose another --out`,
    );
  }
  // A folder without a plan must be empty: old parts from another batch would mix into this one.
  if (present.length > 0)
    throw new Error(
      `${out} is not empty and holds no batch (no plan.json, but ${present.slice(0, 3).join(', ')}${present.length > 3 ? ', …' : ''}); choose an empty or new --out folder`,
    );
}

function failuresPath(out: string, shard: { i: number; n: number } | null): string {
  return join(out, shard ? `failures-${shard.i}-of-${shard.n}.json` : 'failures.json');
}

function readFailures(path: string): Failure[] {
  try {
    return JSON.parse(fsio.readFileSync(path).toString('utf8')) as Failure[];
  } catch {
    return []; // none, or unreadable: the replicates without a part are rerun anyway
  }
}

/**
 * What a batch records beyond its indicators is fixed when it starts (OUT/records/spec.json), so a
 * resumed batch cannot end with records for some replicates and not others.
 */
function ensureRecordSetting(out: string, record: RecordSpec | undefined): void {
  const path = join(out, 'records', 'spec.json');
  const wanted = record ? JSON.stringify(record) : null;
  let had: string | null = null;
  try {
    had = JSON.stringify(JSON.parse(fsio.readFileSync(path).toString('utf8')));
  } catch {
    had = null;
  }
  const parts = fsio.existsSync(partsDir(out)) && fsio.readdirSync(partsDir(out)).some((f) => f.endsWith('.part'));
  if (had === wanted) return;
  if (parts) {
    const was = had === null ? 'without --record' : `with --record (${had})`;
    throw new Error(`${out} holds a batch started ${was}; continue it with the same --record and --every, or start a new folder`);
  }
  if (wanted !== null) writeFileAtomic(path, `${wanted}\n`);
  else removeFile(path);
}

export async function runBatch(scenarios: readonly BatchScenario[], opts: BatchOptions): Promise<BatchOutcome> {
  const startedAt = new Date().toISOString(); // clock-ok: manifest metadata
  const { out, shard } = opts;
  checkFolder(out, opts.resume, () => makePlan(scenarios).hash);
  const what = shard ? `shard ${shard.i}/${shard.n} of a batch` : 'a batch';
  const lock = guardStorage(out, () => lockBatchFolder(out, shard, what));
  try {
    return await runLocked(scenarios, opts, lock, startedAt);
  } finally {
    lock.release();
  }
}

async function runLocked(
  scenarios: readonly BatchScenario[],
  opts: BatchOptions,
  lock: FolderLock,
  startedAt: string,
): Promise<BatchOutcome> {
  const { out, shard } = opts;
  const { plan, damaged } = guardStorage(out, () => {
    // With the whole folder locked every temporary file is stale; beside other shards only those of dead processes.
    const cleaned = [...removeStaleTemps(out, !shard), ...removeStaleTemps(partsDir(out), !shard)];
    if (cleaned.length > 0) opts.onNote?.(`removed ${cleaned.length} temporary file(s) left by an interrupted run`);
    const ensured = ensurePlanFile(out, scenarios);
    ensureRecordSetting(out, opts.record);
    ensurePartsDir(out);
    // Shards check only their own parts, so two shards never move the same file.
    const mineKeys = new Set(shardTasks(ensured.plan.tasks, shard).map((t) => t.key));
    return { plan: ensured.plan, damaged: checkParts(out, shard ? mineKeys : null) };
  });
  for (const d of damaged.damaged)
    opts.onNote?.(`parts/${d.key}.part is damaged (${d.reason}); moved to damaged/${d.movedTo.split('/').pop()} and recomputed`);
  const have = damaged.sound;
  const mine = shardTasks(plan.tasks, shard);
  const todo = mine.filter((t) => !have.has(t.key));
  const skipped = mine.length - todo.length;
  opts.onStart?.(mine.length, skipped);
  const pool = await runOnPool(plan, todo, {
    out,
    threads: opts.threads,
    ...(opts.onDone ? { onDone: opts.onDone } : {}),
    ...(opts.stopped ? { stopped: opts.stopped } : {}),
    record: opts.record,
  });
  const interrupted = (opts.stopped?.() ?? false) && pool.storage === null;
  // Failures of this run, plus earlier ones this run did not get to retry.
  const failPath = failuresPath(out, shard);
  const attempted = new Set(todo.slice(0, pool.started).map((t) => t.key));
  const failures = [...pool.failures, ...readFailures(failPath).filter((f) => !have.has(f.key) && !attempted.has(f.key))].sort((a, b) =>
    a.key.localeCompare(b.key, 'en', { numeric: true }),
  );
  const base = {
    plan,
    total: mine.length,
    ran: pool.written,
    skipped,
    failures,
    remaining: mine.length - skipped - pool.written,
    interrupted,
    damaged: damaged.damaged,
  };
  let storage = pool.storage;
  try {
    if (failures.length > 0) writeFileAtomic(failPath, `${JSON.stringify(failures, null, 2)}\n`);
    else removeFile(failPath);
  } catch (e) {
    if (storageCode(e) === null) throw e;
    storage ??= new StorageError(out, e);
    // Better no list than a wrong one: the replicates without a part are rerun by --resume anyway.
    try {
      removeFile(failPath);
    } catch {
      // a read-only folder keeps its old list
    }
  }
  if (storage || interrupted || shard) {
    if (shard && !interrupted && !storage) {
      writeFileAtomic(
        join(out, `shard-${shard.i}-of-${shard.n}.json`),
        `${JSON.stringify({ ...provenance(), kind: 'shard', plan: plan.hash, shard, tasks: mine.length, failed: failures.length, startedAt, endedAt: new Date().toISOString() }, null, 2)}\n`, // clock-ok
      );
    }
    return { ...base, storage, files: [], missing: [] };
  }
  try {
    const result = assemble(plan, out, `tanker ${toolVersion()}`, () => lock.touch());
    writeManifest(plan, out, result.files, {
      kind: 'batch',
      threads: opts.threads,
      startedAt,
      failed: failures.length,
      missing: result.missing,
      ...(opts.record
        ? { record: opts.record, records: `records/<table>/<task>.parquet: ${recordedTableNames(opts.record).join(', ')}` }
        : {}),
    });
    return { ...base, storage: null, files: result.files, missing: result.missing };
  } catch (e) {
    if (storageCode(e) === null) throw e;
    const then = 'then run the same command with --resume: every replicate is saved, only the result tables remain to be written';
    return { ...base, storage: new StorageError(out, e, then), files: [], missing: [] };
  }
}

/** What a manifest records of an ensemble: enough for `tanker rerun` to find and check it again. */
export function ensembleEntry(e: BatchEnsemble): ManifestEnsemble {
  return { source: resolve(e.source), hash: e.hash, name: e.name, members: e.members.length, rule: ORDER_RULE };
}

export function writeManifest(plan: Plan, out: string, files: readonly string[], extra: Record<string, unknown>): void {
  const hashes = fileHashes(out, files);
  const manifest = {
    ...provenance(),
    ...extra,
    endedAt: new Date().toISOString(), // clock-ok
    plan: plan.hash,
    tasks: plan.tasks.length,
    scenarios: plan.scenarios.map((s) => ({
      name: s.name,
      source: s.source,
      ...(s.origin === undefined ? {} : { origin: s.origin }),
      seed: s.seed,
      replicates: s.replicates,
      points: s.points,
      replicateSeeds: `RngStreams("${s.seed}", r) for r = 0..${s.replicates - 1}; identical across scenarios with the same seed (common random numbers)`,
      ...(s.ensemble ? { ensemble: ensembleEntry(s.ensemble) } : {}),
      resolved: s.resolved,
      ...(s.effort === undefined ? {} : { effort: s.effort }),
    })),
    files: hashes,
  };
  writeFileAtomic(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
