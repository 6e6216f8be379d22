// One process at a time on a batch folder: a whole-batch run excludes everything else, shards of
// one batch exclude only themselves, the message names the holder, and a lock left by a process
// that is gone (a dead pid on this host; untouched for long on another host) is taken over.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FolderBusyError, lockBatchFolder } from '../../src/batch/lock.js';
import { THIS_HOST } from '../../src/io/owner.js';

const work = mkdtempSync(join(tmpdir(), 'tanker-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string): string {
  const d = join(work, name);
  mkdirSync(d);
  return d;
}

function holder(out: string, file: string, host: string, pid: number): string {
  const p = join(out, 'locks', file);
  mkdirSync(join(out, 'locks'), { recursive: true });
  writeFileSync(p, JSON.stringify({ host, pid, since: '2026-01-05T00:00:00.000Z', what: 'a batch' }));
  return p;
}

describe('batch folder locks', () => {
  it('a whole-batch run excludes a second one and every shard, naming the holder', () => {
    const out = folder('all');
    const lock = lockBatchFolder(out, null, 'a batch');
    expect(() => lockBatchFolder(out, null, 'a batch')).toThrow(
      new RegExp(
        `^${out} is in use by tanker process ${process.pid} on host ${THIS_HOST} \\(a batch, since \\S+\\); wait until it has finished or stop it\\.`,
      ),
    );
    expect(() => lockBatchFolder(out, { i: 1, n: 2 }, 'a shard')).toThrow(FolderBusyError);
    lock.release();
    expect(readdirSync(join(out, 'locks'))).toEqual([]);
    lockBatchFolder(out, { i: 1, n: 2 }, 'a shard').release();
  });

  it('shards of one batch share the folder, but not with themselves, and block a whole-batch run', () => {
    const out = folder('shards');
    const one = lockBatchFolder(out, { i: 1, n: 2 }, 'shard 1/2');
    const two = lockBatchFolder(out, { i: 2, n: 2 }, 'shard 2/2');
    expect(() => lockBatchFolder(out, { i: 1, n: 2 }, 'shard 1/2')).toThrow(FolderBusyError);
    expect(() => lockBatchFolder(out, null, 'a batch')).toThrow(/in use by tanker process/);
    // The refused whole-batch run left no lock of its own behind.
    expect(readdirSync(join(out, 'locks')).sort()).toEqual(['shard-1-of-2.lock', 'shard-2-of-2.lock']);
    one.release();
    two.release();
  });

  it('takes over a lock whose process is gone: a dead pid here, or an old lock from another host', () => {
    const out = folder('stale');
    const dead = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
    holder(out, 'all.lock', THIS_HOST, dead);
    lockBatchFolder(out, null, 'a batch').release();
    const old = holder(out, 'all.lock', 'elsewhere', 12);
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(old, hourAgo, hourAgo);
    lockBatchFolder(out, null, 'a batch').release();
    // A fresh lock from another host cannot be checked, so it holds.
    holder(out, 'all.lock', 'elsewhere', 12);
    expect(() => lockBatchFolder(out, null, 'a batch')).toThrow(
      `${out} is in use by tanker process 12 on host elsewhere (a batch, since 2026-01-05T00:00:00.000Z)`,
    );
  });
});
