/**
 * Errors of the storage itself (a full disk, a quota, a read-only or forbidden folder, a failing
 * device), as opposed to errors of a computation: they stop a batch at once, because every later
 * write would fail the same way, and they are reported once, naming the folder and what to do.
 */

const REASONS: Readonly<Record<string, { what: string; todo: string }>> = {
  ENOSPC: { what: 'no space is left on the device', todo: 'free some space on it (or choose another --out)' },
  EDQUOT: { what: 'your disk quota is used up', todo: 'free some space within your quota (or choose another --out)' },
  EFBIG: { what: 'a file grew beyond what the file system allows', todo: 'choose an --out folder on another file system' },
  EROFS: { what: 'the folder is on a read-only file system', todo: 'choose an --out folder you can write to' },
  EACCES: { what: 'you may not write there (permission denied)', todo: 'choose an --out folder you can write to, or fix its permissions' },
  EPERM: { what: 'the operation is not permitted there', todo: 'choose an --out folder you can write to, or fix its permissions' },
  EIO: { what: 'the device reported an input/output error', todo: 'check the disk, then continue' },
};

/** The error code of a storage problem, or null for any other error. */
export function storageCode(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code in REASONS ? code : null;
}

/** A storage problem while writing into `folder`; the message says what happened and what to do. */
export class StorageError extends Error {
  readonly code: string;
  readonly folder: string;

  constructor(folder: string, cause: unknown, then = 'then run the same command again') {
    const code = storageCode(cause) ?? 'EIO';
    const r = REASONS[code]!;
    super(`cannot write to ${folder}: ${r.what} (${code}). ${capitalise(r.todo)}, ${then}.`);
    this.name = 'StorageError';
    this.code = code;
    this.folder = folder;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Run `f`, turning a storage problem into a StorageError that names the folder. */
export function guardStorage<T>(folder: string, f: () => T, then?: string): T {
  try {
    return f();
  } catch (e) {
    if (storageCode(e) !== null && !(e instanceof StorageError)) throw new StorageError(folder, e, then);
    throw e;
  }
}
