// After Ctrl-C (SIGINT) the summary is honest: how many replicates finished (and are kept), how
// many remain, and the exact command that continues the batch, with exit code 130. The child is
// held while it saves its fifth replicate, interrupted there, and released; the printed command
// then completes the batch byte-identical to an uninterrupted run.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existingParts } from '../../src/batch/parts.js';
import { shellCommand } from '../../src/io/shell.js';
import { batchArgs, expectRecovered, FILES, prepare, runChild, startChild, TASKS } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let ref: string;
/** The change at which the fifth replicate starts being saved: key 1-3-0, as tasks go out replicate by replicate (plan.ts dispatchOrder). */
let fifth = 0;

beforeAll(async () => {
  const p = await prepare('interrupt', '1-3-0.part');
  ({ dir, cleanup, ref } = p);
  fifth = p.opens['1-3-0.part']!;
});
afterAll(() => cleanup());

describe('Ctrl-C during a batch', () => {
  it('says what finished, what remains and how to continue; the command it prints completes the batch', async () => {
    const out = join(dir, 'out');
    const go = join(dir, 'go');
    const { child, done } = await startChild({ under: out, pauseAt: { op: fifth, until: go } }, batchArgs(out));
    const deadline = Date.now() + 30_000;
    // Wait until the child holds the fifth save: a Ctrl-C between two replicates would stop after four.
    while (!existsSync(`${go}.paused`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(existingParts(out).size).toBe(4);
    child.kill('SIGINT'); // heard as soon as the held save is done
    await new Promise((r) => setTimeout(r, 200));
    writeFileSync(go, '');
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('batch: stopping after the replicates in progress (Ctrl-C again stops at once); finished ones are kept');
    const again = shellCommand(['tanker', 'batch', ...FILES, '--out', out, '--resume']);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`${TASKS} replicates in all; ran 5, kept 0 from before, 0 failed$`)),
      `interrupted: 5 of ${TASKS} replicates are finished and kept in ${join(out, 'parts')}; 7 remain`,
      `continue with: ${again}`,
    ]);
    expect(existingParts(out).size).toBe(5);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    const resumed = await runChild({}, batchArgs(out, '--resume'));
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`ran 7, kept 5 from before, 0 failed`);
    expectRecovered(ref, out);
  });
});
