/**
 * Atomic, durable writes: data goes to a temporary file in the same folder, is flushed to the disk
 * (fsync), renamed over the target, and the folder is flushed too, so after a crash or a power cut
 * a file is either complete or absent. A failed write removes its temporary file at once; files
 * left by a killed process are recognised by their names and removed at the next start
 * (`removeStaleTemps`).
 */
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fsio, removeFile, syncFolder, writeAll } from './fs.js';
import { type Owner, ownerGone, THIS_HOST } from './owner.js';

// Temporary names must not collide across hosts sharing a file system (pids repeat, in
// containers often 1), so they carry the host name, the pid and a random UUID.
const unique = `${THIS_HOST}-${process.pid}-${randomUUID()}`;
let counter = 0;

/** A temporary name beside `path` that no other process on any host will use. */
export function tempPath(path: string): string {
  return `${path}.tmp-${unique}-${counter++}`;
}

/** Every temporary file name contains this; a finished file never does. */
export const TEMP_MARK = '.tmp-';

export function isTempName(name: string): boolean {
  return name.includes(TEMP_MARK);
}

const TEMP_NAME = /\.tmp-(.+)-(\d+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:-\d+)?$/;

/** Host and pid of the process that made a temporary file, or null for a name we did not make. */
export function tempOwner(name: string): Owner | null {
  const m = TEMP_NAME.exec(name);
  return m ? { host: m[1]!, pid: Number(m[2]) } : null;
}

/**
 * Remove temporary files left in `dir` (not recursive) by processes that are gone. With
 * `everyone`, the caller holds the folder exclusively and every temporary file goes; otherwise
 * only those whose writer is gone (see `ownerGone`). Returns the names removed.
 */
export function removeStaleTemps(dir: string, everyone: boolean): string[] {
  if (!fsio.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of fsio.readdirSync(dir)) {
    if (!isTempName(name)) continue;
    const path = join(dir, name);
    if (!everyone) {
      const owner = tempOwner(name);
      let mtimeMs: number;
      try {
        mtimeMs = fsio.statSync(path).mtimeMs;
      } catch {
        continue; // gone meanwhile
      }
      if (owner && !ownerGone(owner, mtimeMs)) continue;
    }
    removeFile(path);
    removed.push(name);
  }
  return removed;
}

/**
 * A file written in pieces under a temporary name and made visible by `commit` (fsync, rename,
 * folder fsync); `abort` removes the temporary file. Used for every result file.
 */
export class AtomicFile {
  readonly tmp: string;
  private fd: number | null;

  constructor(readonly path: string) {
    fsio.mkdirSync(dirname(path));
    this.tmp = tempPath(path);
    this.fd = fsio.openSync(this.tmp, 'wx');
  }

  write(data: Uint8Array): void {
    if (this.fd === null) throw new Error(`${this.path}: write after commit or abort`);
    writeAll(this.fd, data);
  }

  /** Flush the content to the disk and close it (the temporary name stays). */
  flush(): void {
    if (this.fd === null) throw new Error(`${this.path}: flush after commit or abort`);
    const fd = this.fd;
    this.fd = null;
    try {
      fsio.fsyncSync(fd);
    } finally {
      fsio.closeSync(fd);
    }
  }

  commit(): void {
    this.flush();
    fsio.renameSync(this.tmp, this.path);
    syncFolder(dirname(this.path));
  }

  /** Give up: close and remove the temporary file (never throws). */
  abort(): void {
    if (this.fd !== null) {
      try {
        fsio.closeSync(this.fd);
      } catch {
        // already closed or unusable; removing the name is what matters
      }
      this.fd = null;
    }
    try {
      removeFile(this.tmp);
    } catch {
      // a read-only folder: the next start with write access removes it
    }
  }
}

const encoder = new TextEncoder();
const bytesOf = (data: string | Uint8Array) => (typeof data === 'string' ? encoder.encode(data) : data);

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const file = new AtomicFile(path);
  try {
    file.write(bytesOf(data));
    file.commit();
  } catch (e) {
    file.abort();
    throw e;
  }
}

/**
 * Create `path` with this content unless it exists: of several processes (on several hosts sharing
 * a file system) calling this at once, exactly one creates it. The content is complete and on disk
 * before the name appears (a hard link from a flushed temporary file; a rename where the file
 * system has no hard links). Returns true if this call created the file.
 */
export function createFileOnce(path: string, data: string | Uint8Array): boolean {
  const file = new AtomicFile(path);
  try {
    file.write(bytesOf(data));
    file.flush();
    try {
      fsio.linkSync(file.tmp, path); // EEXIST if another process created it first
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
      if (fsio.existsSync(path)) return false;
      fsio.renameSync(file.tmp, path);
    }
    syncFolder(dirname(path));
    return true;
  } finally {
    file.abort();
  }
}
