/**
 * Checkpoints: every finished replicate is written at once, atomically, as one small binary file
 * (a JSON header, then the tick-major Float64 indicator matrix). A batch that is interrupted keeps
 * them; --resume runs only the tasks without one, and assembly reads them in canonical order.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
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

const MAGIC = 0x544e4b31; // "TNK1"

export function partsDir(out: string): string {
  return join(out, 'parts');
}

export function partPath(out: string, key: string): string {
  return join(partsDir(out), `${key}.part`);
}

export function writePart(out: string, header: PartHeader, data: Float64Array): void {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headLen = Math.ceil((8 + json.length) / 8) * 8;
  const buf = new Uint8Array(headLen + data.byteLength);
  const view = new DataView(buf.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, json.length, true);
  buf.set(json, 8);
  buf.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), headLen);
  writeFileAtomic(partPath(out, header.key), buf);
}

export function readPart(out: string, key: string): Part {
  const path = partPath(out, key);
  const buf = readFileSync(path);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error(`${path}: not a Tanker result part`);
  const len = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + len))) as PartHeader;
  const headLen = Math.ceil((8 + len) / 8) * 8;
  const bytes = buf.subarray(headLen);
  if (bytes.byteLength !== header.ticks * header.width * 8) throw new Error(`${path}: truncated (${bytes.byteLength} bytes of data)`);
  const data = new Float64Array(header.ticks * header.width);
  new Uint8Array(data.buffer).set(bytes);
  return { header, data };
}

/** Keys of the parts present (complete files only: temporary files never carry the .part suffix). */
export function existingParts(out: string): Set<string> {
  const dir = partsDir(out);
  if (!existsSync(dir)) return new Set();
  return new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith('.part'))
      .map((f) => f.slice(0, -'.part'.length)),
  );
}

export function ensurePartsDir(out: string): void {
  mkdirSync(partsDir(out), { recursive: true });
}
