/**
 * The file-system layer that every write of results goes through (batch folders, run folders,
 * manifests, locks): the few synchronous node:fs calls Tanker needs, behind one object. Tests
 * replace it with `useFileSystem` to inject faults (a full disk, a read-only folder, a crash at the
 * n-th write) on any machine, without a special file system or root rights.
 */
import * as nodeFs from 'node:fs';

export interface FileSystem {
  openSync(path: string, flags: string): number;
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, newPath: string): void;
  unlinkSync(path: string): void;
  mkdirSync(path: string): void;
  readFileSync(path: string): Buffer;
  readdirSync(path: string): string[];
  statSync(path: string): nodeFs.Stats;
  existsSync(path: string): boolean;
  utimesSync(path: string, atime: Date, mtime: Date): void;
}

/** The real file system. */
export const nodeFileSystem: FileSystem = {
  openSync: (p, flags) => nodeFs.openSync(p, flags),
  writeSync: (fd, data, offset, length) => nodeFs.writeSync(fd, data, offset, length),
  fsyncSync: (fd) => nodeFs.fsyncSync(fd),
  closeSync: (fd) => nodeFs.closeSync(fd),
  renameSync: (a, b) => nodeFs.renameSync(a, b),
  linkSync: (a, b) => nodeFs.linkSync(a, b),
  unlinkSync: (p) => nodeFs.unlinkSync(p),
  mkdirSync: (p) => {
    nodeFs.mkdirSync(p, { recursive: true });
  },
  readFileSync: (p) => nodeFs.readFileSync(p),
  readdirSync: (p) => nodeFs.readdirSync(p),
  statSync: (p) => nodeFs.statSync(p),
  existsSync: (p) => nodeFs.existsSync(p),
  utimesSync: (p, a, m) => nodeFs.utimesSync(p, a, m),
};

let current: FileSystem = nodeFileSystem;

/** The file system in use: call through this object, never hold on to one of its methods. */
export const fsio: FileSystem = Object.fromEntries(
  (Object.keys(nodeFileSystem) as (keyof FileSystem)[]).map((k) => [
    k,
    (...args: unknown[]) => (current[k] as (...a: unknown[]) => unknown)(...args),
  ]),
) as unknown as FileSystem;

/** Replace the file system (tests); returns a function that restores the previous one. */
export function useFileSystem(fs: FileSystem): () => void {
  const previous = current;
  current = fs;
  return () => {
    current = previous;
  };
}

/** Write all of `data` at the file position (writeSync may write less than asked). */
export function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += fsio.writeSync(fd, data, off, data.length - off);
}

/** Remove a file if it exists; other errors are thrown. */
export function removeFile(path: string): void {
  try {
    fsio.unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/** Make a folder durable after files in it were created or renamed (where the platform allows it). */
export function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = fsio.openSync(dir, 'r');
  } catch {
    return; // platforms that cannot open folders (Windows) have no folder fsync
  }
  try {
    fsio.fsyncSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF') throw e;
  } finally {
    fsio.closeSync(fd);
  }
}
