/**
 * `tanker dock`: runs the docking suite (src/docking) and prints one row per classic model:
 * published result, measured effect, pass/fail. Exit code 1 if any check fails.
 */
import { type Command, InvalidArgumentError } from 'commander';
import { DEFAULT_DOCK_SEED, DOCKING_MODELS, type DockingTableOptions } from '../docking/index.js';

export interface DockCommandOptions {
  replicates?: number;
  seed: string;
  only?: string;
  json: boolean;
  quiet: boolean;
}

function parseReplicates(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new InvalidArgumentError(`--replicates must be an integer in [1, 100000], got "${v}".`);
  return n;
}

export async function dockCommand(opts: DockCommandOptions): Promise<void> {
  const { dockingTable, formatDockingTable } = await import('../docking/index.js');
  const table: DockingTableOptions = { seed: opts.seed };
  if (opts.replicates !== undefined) table.replicates = opts.replicates;
  if (opts.only !== undefined) {
    table.only = opts.only
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  }
  const t0 = performance.now(); // clock-ok: elapsed time for the user
  if (!opts.quiet) table.onStart = (id, i, total) => process.stderr.write(`dock: ${id} (${i + 1}/${total})\n`);
  const rows = dockingTable(table);
  const seconds = (performance.now() - t0) / 1000; // clock-ok
  if (opts.json) {
    console.log(JSON.stringify({ seed: opts.seed, replicates: opts.replicates ?? null, rows }, null, 2));
  } else {
    console.log(formatDockingTable(rows));
    if (!opts.quiet) console.log(`seed ${opts.seed}; ${seconds.toFixed(1)} s. Details and citations: docs/docking.md`);
  }
  if (rows.some((r) => !r.pass)) process.exitCode = 1;
}

export function registerDock(program: Command): void {
  program
    .command('dock')
    .description(
      'Run the docking suite: six classic models (March 1991; Lazer & Friedman 2007; Fang, Lee & Schilling 2010; Granovetter 1978; Deffuant et al. 2000; Bass 1969) on the engine, each checked against its published result; exit code 1 if any check fails.',
    )
    .option('--replicates <n>', "replicates per condition for every model (default: each model's own)", parseReplicates)
    .option('--seed <seed>', 'master seed', DEFAULT_DOCK_SEED)
    .option('--only <ids>', `comma-separated subset of: ${DOCKING_MODELS.map((m) => m.id).join(', ')}`)
    .option('--json', 'print the rows (with all figures and citations) as JSON instead of a table', false)
    .option('--quiet', 'no progress lines on stderr', false)
    .action(dockCommand);
}
