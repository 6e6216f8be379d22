/**
 * The stylised facts and the lever table on a scenario's organisation and parameters (`tanker
 * validate-model FILE`, `tanker levers FILE`): a researcher's variant is checked against the same
 * facts and claims as the defaults.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseConfig } from '../../src/validation/design.js';
import { validateModel } from '../../src/validation/run.js';

const burnoutCheck = async (base?: ReturnType<typeof baseConfig>) => {
  const [fact] = await validateModel({
    size: 'small',
    replicates: 4,
    seed: 'base',
    threads: 2,
    alpha: 0.01,
    only: [8],
    ...(base ? { base } : {}),
  });
  return fact!.checks.find((c) => c.claim.includes('burnout'))!;
};

describe('validate-model on a scenario', () => {
  it("every condition starts from the scenario's parameters: where burnout neither builds nor heals, austerity cannot raise it", async () => {
    expect((await burnoutCheck()).pass).toBe(true);
    const small = baseConfig('small');
    const still = { ...small, params: { ...small.params, turnover: { ...small.params.turnover, burnoutUp: 0, burnoutDown: 0 } } };
    const check = await burnoutCheck(still);
    expect(check.pass).toBe(false);
    expect(Math.abs(check.result.diff)).toBeLessThan(0.01);
  });

  const work = mkdtempSync(join(tmpdir(), 'tanker-validate-model-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const TSX = join(resolve('.'), 'node_modules', '.bin', 'tsx');
  const MAIN = join(resolve('.'), 'src', 'cli', 'main.ts');
  const tanker = (...args: string[]) => spawnSync(TSX, [MAIN, ...args], { encoding: 'utf8', timeout: 120_000 });

  it('tanker validate-model FILE: the facts on that file, its interventions left out with a note', { timeout: 120_000 }, () => {
    const file = join(work, 'variant.yaml');
    writeFileSync(file, 'name: variant\nsize: small\ninterventions:\n  - kind: top-push\n    start: 0\n');
    const r = tanker('validate-model', file, '--only', '2', '--replicates', '3', '--threads', '1', '--json');
    expect(r.stderr).toMatch(/variant\.yaml: its 1 intervention\(s\) are not used/);
    const out = JSON.parse(r.stdout) as { id: number; checks: unknown[] }[];
    expect(out.map((f) => f.id)).toEqual([2]);
    expect(out[0]!.checks.length).toBeGreaterThan(0);
  });

  it('tanker levers FILE: the lever table on that file, which the Markdown names', { timeout: 120_000 }, () => {
    const file = join(work, 'variant-levers.yaml');
    const md = join(work, 'levers.md');
    writeFileSync(file, 'name: variant-levers\nsize: small\n');
    const r = tanker('levers', file, '--only', 'top-push', '--replicates', '3', '--threads', '1', '--markdown', md);
    expect(r.stdout).toMatch(/^Levers against the baseline, variant-levers \(.*variant-levers\.yaml\), 3 paired replicates/);
    expect(r.stdout).toMatch(/top-push/);
    expect(readFileSync(md, 'utf8')).toMatch(/on the organisation and parameters of .*variant-levers\.yaml/);
  });

  it('tanker validate-model BAD: the errors, exit code 1, nothing run', () => {
    const r = tanker('validate-model', join('tests', 'scenario', 'fixtures', 'interventions.yaml'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/interventions\.yaml has \d+ errors; nothing was run\./);
    expect(r.stdout).toBe('');
  });
});
