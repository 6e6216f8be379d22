// A batch gives the same bytes whatever the number of threads, and the same numbers as running
// each replicate by itself with runReplicate.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchOutcome, runBatch } from '../../src/batch/index.js';
import { readPart } from '../../src/batch/parts.js';
import { taskInputs } from '../../src/batch/plan.js';
import { formatNumber } from '../../src/io/tables.js';
import { INDICATORS } from '../../src/model/index.js';
import { runReplicate } from '../../src/model/simulate.js';
import { withOrg, withParams } from '../support/model.js';
import { expectSameFiles, RESULT_FILES, readCsv, scenarios, scratch } from './helpers.js';

const input = scenarios('small.yaml', 'reform.yaml', 'sweep.yaml');
const FILES = [...RESULT_FILES, 'points.csv'];
let dir: string;
let cleanup: () => Promise<void>;
let one: BatchOutcome;
let two: BatchOutcome;

function bytes(a: Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

beforeAll(async () => {
  ({ dir, cleanup } = await scratch('determinism'));
  one = await runBatch(input, { out: join(dir, 't1'), threads: 1, shard: null, resume: false });
  two = await runBatch(input, { out: join(dir, 't2'), threads: 2, shard: null, resume: false });
});
afterAll(() => cleanup());

describe('batch determinism', () => {
  it('runs every replicate of every scenario and sweep point once', () => {
    // small 4 + reform 4 + sweep 4 points x 2 replicates.
    expect(one.plan.tasks).toHaveLength(16);
    for (const r of [one, two]) {
      expect(r.ran).toBe(16);
      expect(r.skipped).toBe(0);
      expect(r.failures).toEqual([]);
      expect(r.missing).toEqual([]);
      expect(r.files).toEqual(FILES);
    }
  });

  it('writes byte-identical result files with 1 and 2 threads', () => {
    expect(two.plan.hash).toBe(one.plan.hash);
    expectSameFiles(join(dir, 't1'), join(dir, 't2'), FILES);
  });

  it('checkpoints exactly what runReplicate computes for the same config, seed and replicate', () => {
    for (const t of one.plan.tasks) {
      const part = readPart(join(dir, 't2'), t.key);
      const inputs = taskInputs(one.plan, t);
      const direct = runReplicate(inputs.config, inputs.seed, inputs.replicate, {
        interventions: inputs.interventions,
        elections: inputs.elections,
      });
      expect(part.header).toMatchObject({ key: t.key, replicate: t.replicate, ticks: 26, width: INDICATORS.length });
      expect(part.header.turnTick).toBe(direct.turnTick);
      expect(part.header.totals).toEqual(direct.totals);
      expect(bytes(part.data).equals(bytes(direct.data)), `part ${t.key}`).toBe(true);
    }
  });

  it('applies a sweep point as the same parameter and organisation values set by hand', () => {
    const sweep = input[2]!;
    const task = one.plan.tasks.find((t) => t.scenario === 2 && t.point === 2 && t.replicate === 1)!;
    expect(sweep.points[2]!.values).toEqual({ 'signals.relay': 0.7, 'organisation.siloStrength': 0.4 });
    const cfg = withOrg(withParams(sweep.config, 'signals', { relay: 0.7 }), { siloStrength: 0.4 });
    const direct = runReplicate(cfg, 'batch-test', 1, { interventions: [], elections: true });
    expect(bytes(readPart(join(dir, 't1'), task.key).data).equals(bytes(direct.data))).toBe(true);
    // ...and not as the base configuration.
    const base = runReplicate(sweep.config, 'batch-test', 1, { interventions: [], elections: true });
    expect(bytes(base.data).equals(bytes(direct.data))).toBe(false);
  });

  it('gives each replicate its own random streams', () => {
    const p0 = readPart(join(dir, 't1'), '0-0-0').data;
    const p1 = readPart(join(dir, 't1'), '0-0-1').data;
    expect(bytes(p0).equals(bytes(p1))).toBe(false);
  });

  it('summary.csv holds the final values and totals of a direct runReplicate, in canonical order', () => {
    const { rows } = readCsv(join(dir, 't1', 'summary.csv'));
    expect(rows.map((r) => `${r.scenario}/${r.point}/${r.replicate}`)).toEqual(
      one.plan.tasks.map((t) => `${input[t.scenario]!.name}/${t.point}/${t.replicate}`),
    );
    const W = INDICATORS.length;
    one.plan.tasks.forEach((t, k) => {
      const row = rows[k]!;
      const inputs = taskInputs(one.plan, t);
      const direct = runReplicate(inputs.config, inputs.seed, inputs.replicate, {
        interventions: inputs.interventions,
        elections: inputs.elections,
      });
      expect(row.seed).toBe('batch-test');
      expect(row.turnTick).toBe(direct.turnTick === null ? '' : String(direct.turnTick));
      expect(row.total_started).toBe(formatNumber(direct.totals.started));
      INDICATORS.forEach((name, c) => {
        expect(row[`final_${name}`], `${t.key} final_${name}`).toBe(formatNumber(direct.data[25 * W + c]!));
        let peak = Number.NEGATIVE_INFINITY;
        for (let i = 0; i < 26; i++) if (direct.data[i * W + c]! > peak) peak = direct.data[i * W + c]!;
        expect(row[`peak_${name}`], `${t.key} peak_${name}`).toBe(Number.isFinite(peak) ? formatNumber(peak) : '');
      });
    });
  });

  it('records the plan and a hash of every result file in manifest.json', () => {
    const m = JSON.parse(readFileSync(join(dir, 't1', 'manifest.json'), 'utf8'));
    expect(m.kind).toBe('batch');
    expect(m.plan).toBe(one.plan.hash);
    expect(m.tasks).toBe(16);
    expect(m.threads).toBe(1);
    expect(m.failed).toBe(0);
    expect(m.scenarios.map((s: { name: string }) => s.name)).toEqual(['small', 'reform', 'sweep']);
    for (const f of FILES)
      expect(m.files[f]).toBe(
        createHash('sha256')
          .update(readFileSync(join(dir, 't1', f)))
          .digest('hex'),
      );
  });
});
