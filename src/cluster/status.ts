/**
 * Progress of a sharded batch, read from its results folder only (works for Slurm, Kubernetes or
 * shards started by hand): plan.json gives the tasks, parts/ the finished replicates,
 * shard-i-of-n.json the shards that ran to their end, failures-i-of-n.json the replicates that
 * threw, manifest.json whether the folder was merged.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { existingParts } from '../batch/parts.js';
import { shardTasks } from '../batch/plan.js';
import { readPlanFile } from '../batch/plan-file.js';
import { readJobRecord } from './slurm.js';

export interface ShardStatus {
  readonly shard: number;
  readonly of: number;
  readonly tasks: number;
  readonly done: number;
  /** shard-i-of-n.json is present: the shard ran to its end (possibly with failures). */
  readonly finished: boolean;
  readonly failed: number;
  readonly endedAt: string | null;
}

export interface BatchStatus {
  readonly dir: string;
  readonly plan: string;
  readonly scenarios: number;
  readonly tasks: number;
  readonly done: number;
  /** Number of shards, or null when it cannot be told (no --shards, no job.json, no shard files). */
  readonly shards: number | null;
  readonly perShard: readonly ShardStatus[];
  /** Failed replicates recorded by an unsharded run (failures.json). */
  readonly failedUnsharded: number;
  readonly merged: { readonly kind: string; readonly endedAt: string | null; readonly missing: number; readonly stale: boolean } | null;
  readonly jobs: readonly { readonly array: string; readonly merge: string; readonly at: string }[];
}

const SHARD_FILE = /^(shard|failures)-(\d+)-of-(\d+)\.json$/;

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Shard counts n seen in shard-*-of-n.json and failures-*-of-n.json names. */
function shardCountsInFolder(names: readonly string[]): Set<number> {
  const ns = new Set<number>();
  for (const f of names) {
    const m = SHARD_FILE.exec(f);
    if (m) ns.add(Number(m[3]));
  }
  return ns;
}

export function batchStatus(dir: string, shards?: number): BatchStatus {
  const plan = readPlanFile(dir);
  const have = existingParts(dir);
  const names = existsSync(dir) ? readdirSync(dir) : [];
  const record = readJobRecord(dir);
  const jobs = record && record.plan === plan.hash ? record.submitted : [];
  let n: number | null = shards ?? null;
  if (n === null && record && record.plan === plan.hash) n = record.shards;
  if (n === null) {
    const seen = shardCountsInFolder(names);
    if (seen.size === 1) n = [...seen][0]!;
  }
  const perShard: ShardStatus[] = [];
  if (n !== null) {
    for (let i = 1; i <= n; i++) {
      const mine = shardTasks(plan.tasks, { i, n });
      const shardFile = readJson(join(dir, `shard-${i}-of-${n}.json`)) as { plan?: string; endedAt?: string } | null;
      const failures = readJson(join(dir, `failures-${i}-of-${n}.json`));
      const finished = shardFile !== null && shardFile.plan === plan.hash;
      perShard.push({
        shard: i,
        of: n,
        tasks: mine.length,
        done: mine.filter((t) => have.has(t.key)).length,
        finished,
        failed: Array.isArray(failures) ? failures.length : 0,
        endedAt: finished ? (shardFile.endedAt ?? null) : null,
      });
    }
  }
  const unsharded = readJson(join(dir, 'failures.json'));
  const manifest = readJson(join(dir, 'manifest.json')) as {
    kind?: string;
    plan?: string;
    endedAt?: string;
    missing?: unknown;
    tasks?: number;
    failed?: number;
  } | null;
  const done = plan.tasks.filter((t) => have.has(t.key)).length;
  let merged: BatchStatus['merged'] = null;
  if (manifest && manifest.plan === plan.hash) {
    const missing = Array.isArray(manifest.missing) ? manifest.missing.length : 0;
    // The results cover tasks - missing replicates; more parts now means they are out of date.
    merged = { kind: manifest.kind ?? 'unknown', endedAt: manifest.endedAt ?? null, missing, stale: plan.tasks.length - missing < done };
  }
  return {
    dir,
    plan: plan.hash,
    scenarios: plan.scenarios.length,
    tasks: plan.tasks.length,
    done,
    shards: n,
    perShard,
    failedUnsharded: Array.isArray(unsharded) ? unsharded.length : 0,
    merged,
    jobs,
  };
}

function pct(a: number, b: number): string {
  return b === 0 ? '100%' : `${Math.floor((100 * a) / b)}%`;
}

export function formatStatus(s: BatchStatus): string {
  const lines = [
    `batch ${s.plan} in ${s.dir}: ${s.scenarios} scenario(s), ${s.tasks} replicates, ${s.done} done (${pct(s.done, s.tasks)})`,
  ];
  if (s.shards === null) lines.push('  shards: unknown (pass --shards N to see each shard)');
  for (const sh of s.perShard) {
    const state = sh.finished
      ? sh.done === sh.tasks
        ? 'finished'
        : 'ended incomplete (re-run this shard)'
      : sh.done === sh.tasks
        ? 'replicates done, shard not ended'
        : sh.done > 0
          ? 'running or stopped'
          : 'not started';
    const failed = sh.failed > 0 ? `, ${sh.failed} failed (failures-${sh.shard}-of-${sh.of}.json)` : '';
    lines.push(`  shard ${sh.shard}/${sh.of}: ${sh.done}/${sh.tasks} done, ${state}${failed}`);
  }
  if (s.failedUnsharded > 0) lines.push(`  ${s.failedUnsharded} failed in an unsharded run (failures.json)`);
  if (s.merged === null) lines.push('  merged: not yet');
  else
    lines.push(
      `  merged: ${s.merged.kind} at ${s.merged.endedAt ?? '?'}${s.merged.missing > 0 ? `, ${s.merged.missing} replicates missing` : ''}${s.merged.stale ? ' (out of date: more replicates finished since; merge again)' : ''}`,
    );
  for (const j of s.jobs)
    lines.push(`  slurm: job array ${j.array}, merge job ${j.merge} (submitted ${j.at}; squeue -j ${j.array},${j.merge})`);
  return lines.join('\n');
}
