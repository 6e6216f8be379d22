/**
 * Before a run or batch starts: what it will cost (computing time, memory per worker, disk), from
 * the plan's sizes alone, and warnings when that is far above normal, so that nobody waits a day
 * or fills a disk by accident. The time model comes from `npm run bench` on the 2-core reference
 * machine: about 9 ns per agent or tie and week up to ~100,000 of them, rising to about 30 ns for
 * the largest organisations (their state no longer fits the processor's caches). Estimates are
 * rough (within a factor of about two); they only decide whether to ask for --yes.
 */
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { INDICATORS } from '../model/index.js';
import { agentCount, largestOrg, thousands } from '../scenario/limits.js';
import type { BatchScenario } from './plan.js';

/** Above these a run is "far above normal" (the presets take 0.03–0.3 s per replicate). */
export const NORMAL = {
  /** Seconds of computing for one replicate. */
  replicateSeconds: 60,
  /** Wall-clock seconds for a whole batch on the threads given. */
  batchSeconds: 24 * 3600,
  /** Share of the machine's memory that the workers may take. */
  memoryShare: 0.5,
} as const;

export interface Estimate {
  readonly replicates: number;
  /** Agents of the largest replicate. */
  readonly agents: number;
  /** Seconds of computing of the slowest replicate, and of all of them. */
  readonly replicateSeconds: number;
  readonly totalSeconds: number;
  /** Bytes of state of the largest replicate (one per worker thread). */
  readonly replicateBytes: number;
  /** Bytes the batch will write: checkpoints plus result tables. */
  readonly diskBytes: number;
}

const TIES_PER_STAFF = 6; // measured: 25,400 ties for 4,200 staff (medium), 85,100 for 14,000 (large)

function nsPerItem(items: number): number {
  return 9 + 21 * Math.min(1, Math.max(0, (items - 100_000) / 300_000));
}

/** The cost of running `replicates` replicates of each scenario (or of the given count per scenario). */
export function estimate(
  scenarios: readonly BatchScenario[],
  replicatesOf: (s: BatchScenario) => number = (s) => s.replicates * s.points.length,
): Estimate {
  let replicates = 0;
  let agents = 0;
  let replicateSeconds = 0;
  let totalSeconds = 0;
  let replicateBytes = 0;
  let diskBytes = 0;
  for (const s of scenarios) {
    const a = agentCount(largestOrg(s.config.org, s.points), s.config.params);
    const ticks = s.config.ticks;
    const items = a.total + TIES_PER_STAFF * a.staff;
    const seconds = (items * ticks * nsPerItem(items)) / 1e9;
    const n = replicatesOf(s);
    const matrix = ticks * INDICATORS.length * 8;
    replicates += n;
    agents = Math.max(agents, a.total);
    replicateSeconds = Math.max(replicateSeconds, seconds);
    totalSeconds += n * seconds;
    // About 180 bytes per agent, the tie slots, and the indicator matrix (measured by npm run bench).
    replicateBytes = Math.max(replicateBytes, 180 * a.total + 4 * s.config.params.init.tieCapacity * a.staff + matrix);
    // A checkpoint per replicate, and about as much again for the tables (ticks.parquet is most of it).
    diskBytes += n * 2 * (matrix + 1024);
  }
  return { replicates, agents, replicateSeconds, totalSeconds, replicateBytes, diskBytes };
}

export function duration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} minutes`;
  if (seconds < 2 * 86400) return `${(seconds / 3600).toFixed(1)} hours`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

export function bytes(n: number): string {
  if (n < 1024 ** 2) return `${Math.max(1, Math.round(n / 1024))} KB`;
  if (n < 1024 ** 3) return `${Math.round(n / 1024 ** 2)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

/** Free bytes on the file system that holds `path` (or its nearest existing parent); null if unknown. */
export function freeSpace(path: string): number | null {
  for (let p = path; ; p = dirname(p)) {
    try {
      const s = statfsSync(p);
      return s.bavail * s.bsize;
    } catch {
      if (dirname(p) === p) return null;
    }
  }
}

export interface Machine {
  readonly threads: number;
  readonly memory: number;
  /** Free bytes where the results go, or null if unknown. */
  readonly free: number | null;
}

/** One line describing the cost, e.g. "300 replicates of about 7,145 agents: about 25 s of computing". */
export function describeCost(e: Estimate): string {
  return `${thousands(e.replicates)} replicate${e.replicates === 1 ? '' : 's'} of up to about ${thousands(e.agents)} agents: about ${duration(e.totalSeconds)} of computing, ${bytes(e.diskBytes)} on disk`;
}

/** Why this run is far above normal (empty when it is not); each reason says what to expect. */
export function warnings(e: Estimate, m: Machine): string[] {
  const out: string[] = [];
  if (e.replicateSeconds > NORMAL.replicateSeconds)
    out.push(`one replicate takes about ${duration(e.replicateSeconds)} (the presets take well under a second)`);
  const wall = e.totalSeconds / Math.max(1, Math.min(m.threads, e.replicates));
  if (wall > NORMAL.batchSeconds) out.push(`the whole run takes about ${duration(wall)} on ${m.threads} thread(s)`);
  const memory = e.replicateBytes * Math.max(1, Math.min(m.threads, e.replicates));
  if (memory > NORMAL.memoryShare * m.memory)
    out.push(`the workers need about ${bytes(memory)} of memory, ${bytes(m.memory)} is installed`);
  if (m.free !== null && e.diskBytes > m.free) out.push(`it writes about ${bytes(e.diskBytes)}, only ${bytes(m.free)} is free there`);
  return out;
}
