import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DriftRow, driftRow, driftVerdict } from '../../src/validation/drift.js';

const row = (change: number, ciLow: number, ciHigh: number, bound = 0.1): DriftRow => ({
  indicator: 'practiceNPG',
  level: 1,
  change,
  ciLow,
  ciHigh,
  bound,
  flat: ciLow > -bound && ciHigh < bound,
  still: ciLow <= 0 && ciHigh >= 0,
});

describe('drift verdicts', () => {
  it('still, moves, unsure and drifts by where the change and its interval lie against 0 and the bound', () => {
    expect(driftVerdict(row(0.01, -0.02, 0.04))).toBe('still');
    expect(driftVerdict(row(0.05, 0.02, 0.08))).toBe('moves');
    expect(driftVerdict(row(-0.05, -0.08, -0.02))).toBe('moves');
    expect(driftVerdict(row(0.05, -0.02, 0.12))).toBe('unsure');
    expect(driftVerdict(row(0.15, 0.12, 0.18))).toBe('drifts');
    expect(driftVerdict(row(-0.15, -0.3, 0.02))).toBe('drifts');
  });
});

describe('drift rows', () => {
  const year1 = [1, 1, 1, 1];
  it('bound 10 % of the level for a score, 25 % for a small count', () => {
    expect(driftRow('practiceNPG', [0.2, 0.2], [0, 0.001]).bound).toBeCloseTo(0.02, 12);
    expect(driftRow('routines', [8, 12], [0, 0.001]).bound).toBeCloseTo(2.5, 12);
  });

  it('a change whose interval lies within ±0.5 % of the level is still; just past it, it moves', () => {
    const tiny = driftRow('workload', year1, [0.003, 0.0031, 0.0029, 0.003]);
    expect([tiny.ciLow > 0, tiny.still, driftVerdict(tiny)]).toEqual([true, true, 'still']);
    const small = driftRow('workload', year1, [0.006, 0.0061, 0.0059, 0.006]);
    expect([small.flat, small.still, driftVerdict(small)]).toEqual([true, false, 'moves']);
  });

  it('a warm-up past the bound drifts; a wide interval around a small change is unsure', () => {
    expect(driftVerdict(driftRow('fearOfError', year1, [0.2, 0.21, 0.19, 0.2]))).toBe('drifts');
    expect(driftVerdict(driftRow('fearOfError', year1, [0.05, -0.1, 0.2, 0.01]))).toBe('unsure');
  });
});

describe('tanker drift', () => {
  const TSX = join(resolve('.'), 'node_modules', '.bin', 'tsx');
  const MAIN = join(resolve('.'), 'src', 'cli', 'main.ts');
  const tanker = (...args: string[]) => spawnSync(TSX, [MAIN, ...args], { encoding: 'utf8', timeout: 120_000 });

  it('prints one row per key indicator as JSON, with the trends off by default', { timeout: 120_000 }, () => {
    const r = tanker('drift', '--preset', 'small', '--replicates', '3', '--threads', '1', '--json');
    expect(r.stderr).toBe('');
    const rows = JSON.parse(r.stdout) as DriftRow[];
    expect(rows.map((x) => x.indicator)).toContain('burnout');
    expect(rows).toHaveLength(14);
    // Trends off: demand growth 0 keeps workload (almost) where it was.
    const workload = rows.find((x) => x.indicator === 'workload')!;
    expect(Math.abs(workload.change)).toBeLessThan(0.01);
    expect(r.status).toBe(rows.every((x) => x.flat) ? 0 : 1);
  });

  it('refuses a bad scenario file before running anything', () => {
    const r = tanker('drift', join('tests', 'scenario', 'fixtures', 'interventions.yaml'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/interventions\.yaml has \d+ errors; nothing was run\./);
    expect(r.stdout).toBe('');
  });
});
