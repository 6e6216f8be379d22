import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATORS, type IndicatorName } from '../../src/model/index.js';
import { DRIFT_KEY, DRIFT_OTHER, type DriftRow, driftRow, driftVerdict } from '../../src/validation/drift.js';

const row = (change: number, ciLow: number, ciHigh: number, bound = 0.1): DriftRow => ({
  indicator: 'practiceNPG',
  key: true,
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

  it('outside the key indicators: 25 % for counts, rates and shares below 0.1, 10 % otherwise; never cumulative ones', () => {
    expect(DRIFT_OTHER).not.toContain('publicValue');
    expect(DRIFT_OTHER.some((n) => DRIFT_KEY.includes(n))).toBe(false);
    expect(DRIFT_KEY.length + DRIFT_OTHER.length).toBe(INDICATORS.length - 1);
    const other = (n: IndicatorName, level: number) => driftRow(n, [level, level], [0, 0.001]);
    expect([other('trustPartners', 0.5).bound, other('trustPartners', 0.5).key]).toEqual([0.05, false]);
    expect(other('initiativesSucceeded', 0.4).bound).toBeCloseTo(0.1, 12);
    expect(other('turnover', 0.002).bound).toBeCloseTo(0.0005, 12);
    expect(other('participationRate', 0.03).bound).toBeCloseTo(0.0075, 12);
    expect(other('shareEngagedCore', 0.5).bound).toBeCloseTo(0.05, 12);
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
    expect(rows.every((x) => x.key)).toBe(true);
    // Trends off: demand growth 0 keeps workload (almost) where it was.
    const workload = rows.find((x) => x.indicator === 'workload')!;
    expect(Math.abs(workload.change)).toBeLessThan(0.01);
    expect(r.status).toBe(rows.every((x) => x.flat) ? 0 : 1);
  });

  it('with --all also the other indicators, after the key ones, which the exit code does not read', { timeout: 120_000 }, () => {
    const r = tanker('drift', '--preset', 'small', '--replicates', '3', '--threads', '1', '--all');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Not in the flatness check/);
    expect(r.stdout).toMatch(/trustPartners/);
    expect(r.stdout).not.toMatch(/publicValue/);
    const json = JSON.parse(
      tanker('drift', '--preset', 'small', '--replicates', '3', '--threads', '1', '--all', '--json').stdout,
    ) as DriftRow[];
    expect(json.filter((x) => x.key)).toHaveLength(14);
    expect(json.filter((x) => !x.key).map((x) => x.indicator)).toEqual([...DRIFT_OTHER]);
    expect(r.status).toBe(json.filter((x) => x.key).every((x) => x.flat) ? 0 : 1);
  });

  it('refuses a bad scenario file before running anything', () => {
    const r = tanker('drift', join('tests', 'scenario', 'fixtures', 'interventions.yaml'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/interventions\.yaml has \d+ errors; nothing was run\./);
    expect(r.stdout).toBe('');
  });
});
