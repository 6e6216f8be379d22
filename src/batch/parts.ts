/**
 * Checkpoints: every finished replicate is written at once, atomically, as one small binary file:
 * magic "TNK2", the length of a JSON header, the header, padding to 8 bytes, the tick-major
 * Float64 indicator matrix, and the SHA-256 of everything before it. A batch that is interrupted
 * keeps them; --resume runs only the tasks without a sound one, and assembly reads them in
 * canonical order. A part that is truncated or damaged (a failing disk, a copy cut short) fails
 * its checksum: it is named, moved to damaged/ and recomputed. Parts written by earlier versions
 * ("TNK1", without checksum) are still read.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { isTempName, writeFileAtomic } from '../io/atomic.js';
import { fsio } from '../io/fs.js';
import type { TickFlows } from '../model/index.js';

export interface PartHeader {
  readonly key: string;
  readonly scenario: number;
  readonly point: number;
  readonly replicate: number;
  readonly ticks: number;
  readonly width: number;
  readonly turnTick: number | null;
  readonly totals: TickFlows;
}

export interface Part {
  readonly header: PartHeader;
  readonly data: Float64Array;
}

const MAGIC_V1 = 0x544e4b31; // "TNK1": no checksum
const MAGIC = 0x544e4b32; // "TNK2"
const DIGEST = 32;

export function partsDir(out: string): string {
  return join(out, 'parts');
}

export function partPath(out: string, key: string): string {
  return join(partsDir(out), `${key}.part`);
}

/** Where damaged parts are moved, out of the way of --resume and assembly. */
export function damagedDir(out: string): string {
  return join(out, 'damaged');
}

export function encodePart(header: PartHeader, data: Float64Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headLen = Math.ceil((8 + json.length) / 8) * 8;
  const body = headLen + data.byteLength;
  const buf = new Uint8Array(body + DIGEST);
  const view = new DataView(buf.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, json.length, true);
  buf.set(json, 8);
  buf.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), headLen);
  buf.set(createHash('sha256').update(buf.subarray(0, body)).digest(), body);
  return buf;
}

export function writePart(out: string, header: PartHeader, data: Float64Array): void {
  writeFileAtomic(partPath(out, header.key), encodePart(header, data));
}

/** A part file that cannot be used, and why (for messages: "parts/0-0-3.part: truncated …"). */
export class DamagedPartError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'DamagedPartError';
  }
}

/** Decode and check a part's bytes; throws DamagedPartError naming `path`. */
export function decodePart(path: string, buf: Uint8Array, key?: string): Part {
  const damaged = (reason: string) => new DamagedPartError(path, reason);
  if (buf.byteLength < 8) throw damaged(`truncated (${buf.byteLength} bytes; not even a header)`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const magic = view.getUint32(0, true);
  if (magic !== MAGIC && magic !== MAGIC_V1) throw damaged('not a Tanker result part (wrong magic number)');
  const checked = magic === MAGIC;
  const len = view.getUint32(4, true);
  const headLen = Math.ceil((8 + len) / 8) * 8;
  const end = buf.byteLength - (checked ? DIGEST : 0);
  if (headLen > end) throw damaged(`truncated (${buf.byteLength} bytes, the header alone needs ${headLen})`);
  if (checked) {
    const digest = createHash('sha256').update(buf.subarray(0, end)).digest();
    if (!digest.equals(buf.subarray(end))) throw damaged(`checksum mismatch (${buf.byteLength} bytes): truncated or damaged`);
  }
  let header: PartHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + len))) as PartHeader;
  } catch (e) {
    throw damaged(`unreadable header (${e instanceof Error ? e.message : String(e)})`);
  }
  if (key !== undefined && header.key !== key) throw damaged(`holds replicate ${header.key}, not ${key}`);
  const bytes = end - headLen;
  if (bytes !== header.ticks * header.width * 8)
    throw damaged(`truncated (${bytes} bytes of data, expected ${header.ticks * header.width * 8})`);
  const data = new Float64Array(header.ticks * header.width);
  new Uint8Array(data.buffer).set(buf.subarray(headLen, end));
  return { header, data };
}

export function readPart(out: string, key: string): Part {
  const path = partPath(out, key);
  return decodePart(path, fsio.readFileSync(path), key);
}

/** Keys of the parts present (complete files only: temporary files never carry the .part suffix). */
export function existingParts(out: string): Set<string> {
  const dir = partsDir(out);
  if (!fsio.existsSync(dir)) return new Set();
  return new Set(
    fsio
      .readdirSync(dir)
      .filter((f) => f.endsWith('.part') && !isTempName(f))
      .map((f) => f.slice(0, -'.part'.length)),
  );
}

export function ensurePartsDir(out: string): void {
  fsio.mkdirSync(partsDir(out));
}

export interface DamagedPart {
  readonly key: string;
  readonly reason: string;
  /** Where the file was moved. */
  readonly movedTo: string;
}

/**
 * Read and check every part present (or those of `only`); move the damaged ones to damaged/ (so
 * they are recomputed) and return them, with the keys of the sound ones.
 */
export function checkParts(out: string, only: ReadonlySet<string> | null = null): { sound: Set<string>; damaged: DamagedPart[] } {
  const sound = new Set<string>();
  const damaged: DamagedPart[] = [];
  for (const key of existingParts(out)) {
    if (only && !only.has(key)) continue;
    try {
      readPart(out, key);
      sound.add(key);
    } catch (e) {
      if (!(e instanceof DamagedPartError)) throw e;
      damaged.push({ key, reason: e.reason, movedTo: setAside(out, key) });
    }
  }
  return { sound, damaged };
}

function setAside(out: string, key: string): string {
  const dir = damagedDir(out);
  fsio.mkdirSync(dir);
  let target = join(dir, `${key}.part`);
  for (let k = 1; fsio.existsSync(target); k++) target = join(dir, `${key}.${k}.part`);
  fsio.renameSync(partPath(out, key), target);
  return target;
}
