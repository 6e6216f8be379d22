import { describe, expect, it } from 'vitest';
import { runTicks } from '../../src/engine/loop.js';
import { Recorder } from '../../src/engine/recorder.js';

describe('Recorder', () => {
  const names = ['adoption', 'trust', 'gini'] as const;

  it('preallocates a NaN-filled row-major table', () => {
    const r = new Recorder(names, 4);
    expect(r.width).toBe(3);
    expect(r.ticks).toBe(4);
    expect(r.names).toEqual(names);
    expect(r.data.length).toBe(12);
    expect(Array.from(r.data).every(Number.isNaN)).toBe(true);
  });

  it('stores values by tick and column', () => {
    const r = new Recorder(names, 4);
    const trust = r.index('trust');
    expect(trust).toBe(1);
    r.set(2, trust, 0.5);
    r.set(3, r.index('gini'), 0.25);
    expect(r.get(2, trust)).toBe(0.5);
    expect(r.data[2 * 3 + 1]).toBe(0.5);
    expect(Array.from(r.column('trust'))).toEqual([Number.NaN, Number.NaN, 0.5, Number.NaN]);
    const g = r.column('gini');
    g[3] = 99; // a copy: the table is unchanged
    expect(r.get(3, 2)).toBe(0.25);
  });

  it('throws on unknown names, duplicates and out-of-range cells', () => {
    const r = new Recorder<string>(['a'], 2);
    expect(() => r.index('b')).toThrow(/unknown column "b"/);
    expect(() => new Recorder(['a', 'a'], 2)).toThrow(/duplicate/);
    expect(() => r.set(2, 0, 1)).toThrow(RangeError);
    expect(() => r.set(0, 1, 1)).toThrow(RangeError);
    expect(() => r.get(-1, 0)).toThrow(RangeError);
  });

  it('does not alias the names array it was given', () => {
    const input = ['x', 'y'];
    const r = new Recorder(input, 1);
    input.push('z');
    expect(r.names).toEqual(['x', 'y']);
  });
});

describe('runTicks', () => {
  it('runs every phase in order for each tick in [from,to)', () => {
    const log: string[] = [];
    const phase = (name: string) => ({ name, run: (ctx: string[], t: number) => ctx.push(`${name}${t}`) });
    runTicks(log, [phase('a'), phase('b')], 2, 5);
    expect(log).toEqual(['a2', 'b2', 'a3', 'b3', 'a4', 'b4']);
    runTicks(log, [phase('c')], 5, 5);
    expect(log).toHaveLength(6);
  });
});
