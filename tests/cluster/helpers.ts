// Helpers for the cluster tests.
import { Command } from 'commander';
import { vi } from 'vitest';
import { registerCluster } from '../../src/cli/cluster-command.js';

/** `tanker cluster ...` in this process (the command is not wired into main.ts by this file); returns what it printed. */
export async function cluster(args: readonly string[], withReport = false): Promise<string> {
  const program = new Command().name('tanker').exitOverride();
  if (withReport) program.command('report').argument('<dir>'); // a stand-in: only its presence matters
  registerCluster(program);
  const lines: string[] = [];
  const grab = (...a: unknown[]) => {
    lines.push(a.map(String).join(' '));
  };
  const log = vi.spyOn(console, 'log').mockImplementation(grab);
  const err = vi.spyOn(console, 'error').mockImplementation(grab);
  try {
    await program.parseAsync(['node', 'tanker', 'cluster', ...args]);
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
  return lines.join('\n');
}
