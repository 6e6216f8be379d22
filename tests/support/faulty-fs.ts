// A file system that fails on purpose, for the fault-injection tests: it wraps the real one (src/io/fs.ts)
// and, under a folder, counts the operations that change files, and can kill the process with
// SIGKILL before the n-th of them, report a full disk (ENOSPC) once a number of bytes has been
// written, refuse every change as a read-only file system (EROFS), or hold at the n-th change until
// the test lets it go on.
// The same plan (plain JSON) is used in the test process and in child processes (faults/child.ts).
import { type FileSystem, nodeFileSystem } from '../../src/io/fs.js';

export interface FaultPlan {
  /** Only operations on paths under this folder count and fail. */
  readonly under: string;
  /** SIGKILL this process just before the n-th changing operation (1-based). */
  readonly killAt?: number;
  /** Every write after this many bytes fails with ENOSPC, until `heal` is called. */
  readonly fullAfterBytes?: number;
  /** Every changing operation fails with EROFS. */
  readonly readOnly?: boolean;
  /** Block before the n-th changing operation until the file `until` exists (at most 60 s). */
  readonly pauseAt?: { readonly op: number; readonly until: string };
}

export interface FaultyFileSystem extends FileSystem {
  /** Changing operations counted so far, and the ones that were part of writing a given file. */
  readonly ops: () => number;
  /** The operation count when the first temporary file of `name` (e.g. "ticks.parquet") was opened, or null. */
  readonly firstOpenOf: (name: string) => number | null;
  /** Space is freed: no more ENOSPC. */
  heal(): void;
}

function errno(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const messages: Record<string, string> = { ENOSPC: 'no space left on device', EROFS: 'read-only file system' };
  const e = new Error(`${code}: ${messages[code] ?? code}, ${syscall} '${path}'`) as NodeJS.ErrnoException;
  e.code = code;
  e.syscall = syscall;
  e.path = path;
  return e;
}

export function faultyFileSystem(plan: FaultPlan, base: FileSystem = nodeFileSystem): FaultyFileSystem {
  let ops = 0;
  let written = 0;
  let healed = false;
  const fdPaths = new Map<number, string>();
  const opened = new Map<string, number>();
  const inside = (p: string) => p.startsWith(plan.under);
  const change = (syscall: string, path: string) => {
    if (!inside(path)) return;
    ops++;
    if (plan.pauseAt && ops === plan.pauseAt.op) {
      // Say that the pause has begun (`until` + ".paused", outside `under`), so a test can act on it
      // rather than guess from the files written so far.
      base.closeSync(base.openSync(`${plan.pauseAt.until}.paused`, 'w'));
      const cell = new Int32Array(new SharedArrayBuffer(4));
      for (let waited = 0; waited < 60_000 && !base.existsSync(plan.pauseAt.until); waited += 20) Atomics.wait(cell, 0, 0, 20);
    }
    if (plan.killAt !== undefined && ops === plan.killAt) process.kill(process.pid, 'SIGKILL');
    if (plan.readOnly) throw errno('EROFS', syscall, path);
  };
  return {
    ...base,
    ops: () => ops,
    firstOpenOf: (name) => {
      for (const [p, n] of opened) if (p.split('/').pop()!.startsWith(`${name}.tmp-`)) return n;
      return null;
    },
    heal() {
      healed = true;
    },
    openSync(p, flags) {
      if (flags !== 'r') change('open', p);
      const fd = base.openSync(p, flags);
      fdPaths.set(fd, p);
      if (inside(p) && !opened.has(p)) opened.set(p, ops);
      return fd;
    },
    writeSync(fd, data, offset, length) {
      const p = fdPaths.get(fd) ?? '';
      change('write', p);
      if (inside(p) && plan.fullAfterBytes !== undefined && !healed) {
        if (written + length > plan.fullAfterBytes) {
          // Like a real full disk: what fits is written, then the call fails.
          const room = Math.max(0, plan.fullAfterBytes - written);
          if (room > 0) written += base.writeSync(fd, data, offset, room);
          throw errno('ENOSPC', 'write', p);
        }
        written += length;
      }
      return base.writeSync(fd, data, offset, length);
    },
    fsyncSync(fd) {
      change('fsync', fdPaths.get(fd) ?? '');
      base.fsyncSync(fd);
    },
    closeSync(fd) {
      fdPaths.delete(fd);
      base.closeSync(fd);
    },
    renameSync(a, b) {
      change('rename', b);
      base.renameSync(a, b);
    },
    linkSync(a, b) {
      change('link', b);
      base.linkSync(a, b);
    },
    unlinkSync(p) {
      change('unlink', p);
      base.unlinkSync(p);
    },
    mkdirSync(p) {
      if (!base.existsSync(p)) change('mkdir', p);
      base.mkdirSync(p);
    },
    utimesSync(p, a, m) {
      change('utime', p);
      base.utimesSync(p, a, m);
    },
  };
}
