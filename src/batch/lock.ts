/**
 * One process at a time on a batch folder: a run of the whole batch (or a merge) holds
 * `locks/all.lock`; a shard run holds `locks/shard-i-of-n.lock`, so shards of one batch may share a
 * folder (the cluster case) but the same shard twice may not, and nothing runs beside a whole-batch
 * run. A lock names its holder (host, pid, since when); the holder touches it regularly, so a lock
 * left by a killed process is recognised (dead pid on this host, untouched for FOREIGN_AGE_MS from
 * another host) and taken over.
 */
import { join } from 'node:path';
// Node's timers (not the global ones): Deno, which runs the notebooks, has unref() only on these.
import { clearInterval, setInterval } from 'node:timers';
import { createFileOnce } from '../io/atomic.js';
import { fsio, removeFile } from '../io/fs.js';
import { FOREIGN_AGE_MS, type Owner, ownerGone, THIS_HOST } from '../io/owner.js';

export interface FolderLock {
  /** The lock file. */
  readonly path: string;
  /** Show that the holder is alive (rate-limited; call it from long loops). */
  touch(): void;
  release(): void;
}

interface Holder extends Owner {
  readonly since: string;
  readonly what: string;
}

export function locksDir(out: string): string {
  return join(out, 'locks');
}

function lockName(shard: { i: number; n: number } | null): string {
  return shard ? `shard-${shard.i}-of-${shard.n}.lock` : 'all.lock';
}

/** A lock that could not be taken; the message says who holds it and what to do. */
export class FolderBusyError extends Error {
  constructor(out: string, lockPath: string, holder: Holder | null) {
    const who = holder
      ? `tanker process ${holder.pid} on host ${holder.host} (${holder.what}, since ${holder.since})`
      : 'another tanker process';
    super(
      `${out} is in use by ${who}; wait until it has finished or stop it. If that process no longer runs (its machine crashed), delete ${lockPath} and run the command again.`,
    );
    this.name = 'FolderBusyError';
  }
}

function readHolder(path: string): { holder: Holder | null; mtimeMs: number } | null {
  try {
    const mtimeMs = fsio.statSync(path).mtimeMs;
    let holder: Holder | null = null;
    try {
      holder = JSON.parse(fsio.readFileSync(path).toString('utf8')) as Holder;
    } catch {
      // unreadable: treated as held, and as abandoned once old enough
    }
    return { holder, mtimeMs };
  } catch {
    return null; // released meanwhile
  }
}

/** The lock at `path` is held by a live process (a missing one is not). */
function held(path: string): Holder | null | false {
  const h = readHolder(path);
  if (h === null) return false;
  const owner = h.holder ?? { host: '', pid: 0 };
  return ownerGone(owner, h.mtimeMs) ? false : h.holder;
}

/**
 * Take the lock for a whole-batch run (shard null) or one shard of `out`; throws FolderBusyError
 * if another live process holds it or a conflicting one. Abandoned locks are taken over.
 */
export function lockBatchFolder(out: string, shard: { i: number; n: number } | null, what: string): FolderLock {
  const dir = locksDir(out);
  fsio.mkdirSync(dir);
  const path = join(dir, lockName(shard));
  const me: Holder = { host: THIS_HOST, pid: process.pid, since: new Date().toISOString(), what }; // clock-ok: lock metadata
  for (let attempt = 0; ; attempt++) {
    if (createFileOnce(path, `${JSON.stringify(me)}\n`)) break;
    const h = held(path);
    if (h !== false || attempt > 0) throw new FolderBusyError(out, path, h || readHolder(path)?.holder || null);
    removeFile(path); // abandoned by a process that is gone
  }
  let last = Date.now(); // clock-ok: heartbeat
  const lock: FolderLock = {
    path,
    touch() {
      const now = Date.now(); // clock-ok: heartbeat
      if (now - last < 10_000) return;
      last = now;
      try {
        fsio.utimesSync(path, new Date(now), new Date(now)); // clock-ok
      } catch {
        // a lost heartbeat only makes the lock look abandoned sooner on other hosts
      }
    },
    release() {
      clearInterval(timer);
      process.off('exit', onExit);
      try {
        removeFile(path);
      } catch {
        // a read-only folder: the lock is recognised as abandoned later
      }
    },
  };
  const timer = setInterval(() => lock.touch(), Math.min(60_000, FOREIGN_AGE_MS / 4));
  timer.unref();
  // process.exit (a second Ctrl-C) skips finally blocks; the lock goes with the process anyway.
  const onExit = () => lock.release();
  process.once('exit', onExit);
  // Conflicts between a whole-batch run and shard runs: the later one gives way.
  const others = fsio.readdirSync(dir).filter((f) => f.endsWith('.lock') && join(dir, f) !== path);
  const conflicting = shard === null ? others : others.filter((f) => f === lockName(null));
  for (const f of conflicting) {
    const h = held(join(dir, f));
    if (h === false) continue;
    lock.release();
    throw new FolderBusyError(out, join(dir, f), h);
  }
  return lock;
}
