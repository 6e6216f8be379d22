// The docking suite as a whole: the table runner and the CLI command (purity of src/docking: tests/architecture).
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerDock } from '../../src/cli/dock-command.js';
import { DOCKING_MODELS, dockingTable, formatDockingTable } from '../../src/docking/index.js';
import { wrapText } from '../../src/engine/format.js';
import { SRC, tsFiles } from '../support/source-graph.js';

describe('docking suite', () => {
  it('lists six models, one file each', () => {
    expect(DOCKING_MODELS.map((m) => m.id)).toEqual(['march', 'lazer-friedman', 'fang-lee-schilling', 'granovetter', 'deffuant', 'bass']);
    const files = tsFiles(`${SRC}/docking`);
    for (const m of DOCKING_MODELS) expect(files).toContain(`${m.id}.ts`);
  });

  it('dockingTable runs a subset with a replicate override, deterministically', () => {
    const started: string[] = [];
    const rows = dockingTable({ only: ['granovetter', 'bass'], replicates: 3, onStart: (id) => started.push(id) });
    expect(started).toEqual(['granovetter', 'bass']);
    expect(rows.map((r) => [r.id, r.replicates])).toEqual([
      ['granovetter', 3],
      ['bass', 3],
    ]);
    expect(dockingTable({ only: ['bass'], replicates: 3 })[0]).toEqual(rows[1]);
    expect(dockingTable({ only: ['bass'], replicates: 3, seed: 'other' })[0]!.figures.maxAbsDiff).not.toBe(rows[1]!.figures.maxAbsDiff);
    expect(() => dockingTable({ only: ['nope'] })).toThrow(/unknown docking model/);
  });

  it('formats a wrapped table with a pass count', () => {
    const rows = dockingTable({ only: ['granovetter'], replicates: 5 });
    const text = formatDockingTable([...rows, { ...rows[0]!, model: 'broken', pass: false }]);
    expect(text).toMatch(/^model +\| published result/);
    expect(text).toContain('PASS');
    expect(text).toContain('FAIL');
    expect(text).toMatch(/1 of 2 docking checks passed\.$/);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(26 + 40 + 58 + 6 + 9);
    expect(wrapText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  describe('tanker dock', () => {
    afterEach(() => {
      vi.restoreAllMocks();
      process.exitCode = undefined;
    });

    async function run(args: string[]): Promise<string> {
      const out: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
      const program = new Command().exitOverride();
      registerDock(program);
      await program.parseAsync(['node', 'tanker', 'dock', ...args]);
      return out.join('\n');
    }

    it('prints JSON rows for a subset and exits 0 when they pass', async () => {
      const json = JSON.parse(await run(['--only', 'granovetter', '--replicates', '4', '--json', '--quiet']));
      expect(json.rows).toHaveLength(1);
      expect(json.rows[0].id).toBe('granovetter');
      expect(json.rows[0].pass).toBe(true);
      expect(json.rows[0].citation).toMatch(/American Journal of Sociology/);
      expect(process.exitCode).toBeUndefined();
    });

    it('rejects a bad replicate count', async () => {
      vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      await expect(run(['--replicates', '0'])).rejects.toThrow(/--replicates must be an integer/);
    });
  });
});
