import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';

const ROOT = resolve('.');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
const work = mkdtempSync(join(tmpdir(), 'tanker-scenario-cli-'));

function tanker(...args: string[]) {
  return spawnSync(TSX, [MAIN, ...args], { cwd: work, encoding: 'utf8', timeout: 60_000 });
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tanker validate / run with scenario files', () => {
  it('validate: ok for a good file, every error for a bad one, exit code 1, nothing written', () => {
    const r = tanker('validate', fixture('minimal.yaml'), fixture('many.yaml'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^ok {2}.*minimal\.yaml \(minimal, 0 interventions; a batch: 100 replicates of up to about 7,145 agents: about \d+ s of computing, \d+ MB on disk\)$/m,
    );
    expect(r.stderr).toContain('many.yaml: 6 errors');
    expect(r.stderr).toMatch(/many\.yaml:5:3 {2}organisation\.populaton: unknown key; did you mean "population"\?/);
    expect(r.stderr).toMatch(/many\.yaml:12:16 {2}interventions\[1\]\.intensity: found -1; allowed: a number from 0 to 1/);
    expect(readdirSync(work)).toEqual([]);
  });

  it('run: a bad scenario prints its errors and exits non-zero before running or writing anything', () => {
    const r = tanker('run', fixture('interventions.yaml'), '--out', join(work, 'out'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^tanker: .*interventions\.yaml has 4 errors; nothing was run\./);
    expect(r.stderr).toMatch(/interventions\.yaml:5:16 {2}interventions\[0\]\.intensity: found 1\.5/);
    expect(r.stdout).toBe('');
    expect(readdirSync(work)).toEqual([]);
  });
});
