// Damaged checkpoints and leftovers never block --resume: a truncated part, a part with a flipped
// byte and an empty part are detected by their checksums, named, moved to damaged/ and recomputed;
// a folder holding only a stray temporary file counts as empty; merge leaves a damaged source part
// out and says so. Results end byte-identical to an uninterrupted run with nothing left over.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeBatches, runBatch } from '../../src/batch/index.js';
import { DamagedPartError, decodePart, encodePart, partPath, readPart } from '../../src/batch/parts.js';
import { scratch } from '../batch/helpers.js';
import { expectRecovered, input, runClean, TASKS, tree } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let ref: string;

beforeAll(async () => {
  ({ dir, cleanup } = await scratch('damaged'));
  ref = join(dir, 'reference');
  await runClean(ref);
});
afterAll(() => cleanup());

/** A copy of the finished reference batch with its results removed, as a crashed run would leave it. */
function partsOnly(name: string): string {
  const out = join(dir, name);
  mkdirSync(out);
  copyFileSync(join(ref, 'plan.json'), join(out, 'plan.json'));
  cpSync(join(ref, 'parts'), join(out, 'parts'), { recursive: true });
  return out;
}

describe('checksummed parts', () => {
  it('a part round-trips, and every kind of damage is detected and named', () => {
    const good = readFileSync(partPath(ref, '0-0-1'));
    const { header, data } = decodePart('p', good);
    expect(Buffer.from(encodePart(header, data)).equals(good)).toBe(true);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100]! ^= 1;
    const cases: [string, Uint8Array, RegExp][] = [
      ['empty', new Uint8Array(0), /^p: truncated \(0 bytes; not even a header\)$/],
      ['cut in the header', good.subarray(0, 40), /^p: truncated \(40 bytes, the header alone needs \d+\)$/],
      ['cut in the data', good.subarray(0, good.length - 500), /^p: checksum mismatch \(\d+ bytes\): truncated or damaged$/],
      ['one bit flipped', flipped, /^p: checksum mismatch/],
      ['not a part', new TextEncoder().encode('{"hello": 1}'), /^p: not a Tanker result part \(wrong magic number\)$/],
    ];
    for (const [what, bytes, message] of cases) {
      expect(() => decodePart('p', bytes), what).toThrow(DamagedPartError);
      expect(() => decodePart('p', bytes), what).toThrow(message);
    }
    expect(() => decodePart('p', good, '0-0-2')).toThrow('p: holds replicate 0-0-1, not 0-0-2');
  });

  it('--resume sets truncated, damaged and empty parts aside, recomputes them, and ends identical', async () => {
    const out = partsOnly('resume');
    truncateSync(partPath(out, '0-0-1'), 3000);
    const flipped = readFileSync(partPath(out, '1-1-0'));
    flipped[200]! ^= 0x10;
    writeFileSync(partPath(out, '1-1-0'), flipped);
    writeFileSync(partPath(out, '1-3-1'), '');
    const notes: string[] = [];
    const r = await runBatch(input(), { out, threads: 1, shard: null, resume: true, onNote: (n) => notes.push(n) });
    expect(r.damaged.map((d) => [d.key, d.movedTo.slice(out.length + 1)])).toEqual([
      ['0-0-1', 'damaged/0-0-1.part'],
      ['1-1-0', 'damaged/1-1-0.part'],
      ['1-3-1', 'damaged/1-3-1.part'],
    ]);
    expect(notes).toEqual([
      expect.stringMatching(
        /^parts\/0-0-1\.part is damaged \(checksum mismatch \(3000 bytes\): truncated or damaged\); moved to damaged\/0-0-1\.part and recomputed$/,
      ),
      expect.stringMatching(/^parts\/1-1-0\.part is damaged \(checksum mismatch/),
      'parts/1-3-1.part is damaged (truncated (0 bytes; not even a header)); moved to damaged/1-3-1.part and recomputed',
    ]);
    expect({ skipped: r.skipped, ran: r.ran }).toEqual({ skipped: TASKS - 3, ran: 3 });
    expectRecovered(ref, out);
    // The damaged files are kept for inspection, outside parts/.
    expect(tree(join(out, 'damaged'))).toEqual(['0-0-1.part', '1-1-0.part', '1-3-1.part']);
  });

  it('a folder holding only a stray temporary file is not "a folder with something else in it"', async () => {
    const out = join(dir, 'stray');
    mkdirSync(out);
    writeFileSync(join(out, 'plan.json.tmp-otherhost-12345-6f1c1b8e-2f3a-4b5c-8d9e-0a1b2c3d4e5f-0'), '{"half');
    await runClean(out);
    expectRecovered(ref, out);
  });

  it('merge leaves a damaged source part out, names it, and reports the replicate missing', async () => {
    const shard = partsOnly('shard');
    writeFileSync(partPath(shard, '0-0-2'), readFileSync(partPath(shard, '0-0-2')).subarray(0, 4000));
    const out = join(dir, 'merged');
    const r = mergeBatches([shard], out);
    expect(r.leftOut).toEqual([{ path: partPath(shard, '0-0-2'), reason: 'checksum mismatch (4000 bytes): truncated or damaged' }]);
    expect(r.missing).toEqual(['0-0-2']);
    expect(existsSync(partPath(out, '0-0-2'))).toBe(false);
    // Once the shard is run again, the merge completes.
    await runBatch(input(), { out: shard, threads: 1, shard: null, resume: true });
    const again = mergeBatches([shard], out);
    expect(again.missing).toEqual([]);
    expectRecovered(ref, out);
    expect(() => readPart(out, '0-0-2')).not.toThrow();
  });
});
