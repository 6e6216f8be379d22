// Atomic, durable writes and the clean-up of what killed processes leave: a file appears complete
// or not at all, its content and its folder are flushed to disk before the write returns, a failed
// write leaves no temporary file, and stale temporary files are recognised by their owner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleTemps, tempOwner, tempPath, writeFileAtomic } from '../../src/io/atomic.js';
import { type FileSystem, nodeFileSystem, useFileSystem } from '../../src/io/fs.js';
import { THIS_HOST } from '../../src/io/owner.js';
import { faultyFileSystem } from '../support/faulty-fs.js';

const work = mkdtempSync(join(tmpdir(), 'tanker-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
}

describe('writeFileAtomic', () => {
  it('flushes the file before renaming it, and the folder after', () => {
    const calls: string[] = [];
    const fds = new Map<number, string>();
    const spy: FileSystem = {
      ...nodeFileSystem,
      openSync: (p, f) => {
        const fd = nodeFileSystem.openSync(p, f);
        fds.set(fd, p);
        calls.push(`open ${p.startsWith(join(work, 'a.txt.tmp-')) ? 'tmp' : p === work ? 'folder' : p} ${f}`);
        return fd;
      },
      fsyncSync: (fd) => {
        calls.push(`fsync ${fds.get(fd) === work ? 'folder' : 'tmp'}`);
        nodeFileSystem.fsyncSync(fd);
      },
      renameSync: (a, b) => {
        calls.push(`rename to ${b}`);
        nodeFileSystem.renameSync(a, b);
      },
    };
    const restore = useFileSystem(spy);
    try {
      writeFileAtomic(join(work, 'a.txt'), 'hello');
    } finally {
      restore();
    }
    expect(calls).toEqual(['open tmp wx', 'fsync tmp', `rename to ${join(work, 'a.txt')}`, 'open folder r', 'fsync folder']);
    expect(readFileSync(join(work, 'a.txt'), 'utf8')).toBe('hello');
  });

  it('a failed write (a full disk) leaves neither the file nor its temporary file', () => {
    const restore = useFileSystem(faultyFileSystem({ under: work, fullAfterBytes: 3 }));
    try {
      expect(() => writeFileAtomic(join(work, 'b.txt'), 'too long for the disk')).toThrow(/ENOSPC/);
    } finally {
      restore();
    }
    expect(readdirSync(work).filter((f) => f.startsWith('b.txt'))).toEqual([]);
  });
});

describe('stale temporary files', () => {
  it('names carry host and pid, and are recognised', () => {
    const t = tempPath(join(work, 'c.json'));
    expect(tempOwner(t.split('/').pop()!)).toEqual({ host: THIS_HOST, pid: process.pid });
    expect(tempOwner('c.json.tmp-some.host-name-42-6f1c1b8e-2f3a-4b5c-8d9e-0a1b2c3d4e5f-7')).toEqual({ host: 'some.host-name', pid: 42 });
  });

  it('removes those of dead processes and old ones from other hosts; keeps live ones; with the folder locked, all go', () => {
    const dir = join(work, 'temps');
    const uuid = '6f1c1b8e-2f3a-4b5c-8d9e-0a1b2c3d4e5f';
    const files = {
      dead: `x.part.tmp-${THIS_HOST}-${deadPid()}-${uuid}-0`,
      mine: `x.part.tmp-${THIS_HOST}-${process.pid}-${uuid}-1`,
      foreignFresh: `x.part.tmp-elsewhere-7-${uuid}-2`,
      foreignOld: `x.part.tmp-elsewhere-8-${uuid}-3`,
    };
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    for (const f of Object.values(files)) writeFileSync(join(dir, f), 'partial');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(join(dir, files.foreignOld), hourAgo, hourAgo);
    expect(removeStaleTemps(dir, false).sort()).toEqual([files.dead, files.foreignOld].sort());
    expect(readdirSync(dir).sort()).toEqual([files.foreignFresh, files.mine].sort());
    expect(removeStaleTemps(dir, true).sort()).toEqual([files.foreignFresh, files.mine].sort());
    expect(existsSync(dir) && readdirSync(dir)).toEqual([]);
  });
});
