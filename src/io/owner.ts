/**
 * Which process made a file (a temporary file, a lock), and whether it is gone: on this host the
 * pid tells; on another host sharing the file system it cannot be checked, so a file its owner has
 * not touched for FOREIGN_AGE_MS counts as abandoned.
 */
import { hostname } from 'node:os';

/** This host's name as it appears in file names (letters, digits, dots and dashes). */
export const THIS_HOST = hostname().replace(/[^A-Za-z0-9.-]/g, '_') || 'host';

export interface Owner {
  readonly host: string;
  readonly pid: number;
}

/** Untouched this long, a file from another host has no live owner (owners touch theirs more often). */
export const FOREIGN_AGE_MS = 10 * 60_000;

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The owner of a file last modified at `mtimeMs` is gone (never this process). */
export function ownerGone(
  owner: Owner,
  mtimeMs: number,
  now = Date.now(), // clock-ok: the age of a file on disk, never model data
): boolean {
  if (owner.host === THIS_HOST) return owner.pid !== process.pid && !processAlive(owner.pid);
  return now - mtimeMs >= FOREIGN_AGE_MS;
}
