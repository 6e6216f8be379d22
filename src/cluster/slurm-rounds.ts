/**
 * A calibration or a search on a Slurm cluster: a driver job runs `tanker calibrate|search FILE
 * --out DIR --resume --shards n`, which submits each round (an ABC-SMC round, a search generation)
 * as a job array of n shards (`<command>-shard.sh`, `sbatch --wait`) and goes on when the array is
 * done (batch/round-shards.ts). The driver holds one core while it waits. A driver that stops (time
 * limit, pre-emption) is resubmitted and resumes from the checkpoint; finished shards of the round
 * in progress are kept.
 *
 * This module only writes the scripts (DIR/slurm/) and, on request, submits the driver.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellQuote } from '../io/shell.js';
import {
  arrayTaskLines,
  checkSbatchPath,
  checkSlurmResources,
  type JobRunner,
  prologue,
  resourceLines,
  type SlurmResources,
  sbatch,
  slurmDir,
  slurmPath,
  tankerCommand,
} from './slurm.js';

export type RoundCommand = 'calibrate' | 'search';

export interface RoundSlurmJob extends SlurmResources, JobRunner {
  readonly command: RoundCommand;
  /** The calibration or search file, absolute. */
  readonly file: string;
  /** Array tasks per round. */
  readonly shards: number;
  /** The shared results folder, absolute. */
  readonly out: string;
  /** The spec's hash (names the jobs). */
  readonly hash: string;
}

export interface RoundSlurmScripts {
  readonly shard: string;
  readonly driver: string;
  readonly submit: string;
}

const shardScript = (c: RoundCommand) => `${c}-shard.sh`;
const driverScript = (c: RoundCommand) => `${c}-driver.sh`;
const WHAT: Record<RoundCommand, { name: string; round: string; end: string }> = {
  calibrate: { name: 'calibration', round: 'round', end: 'writes ensemble.json and the diagnostics at the end' },
  search: { name: 'search', round: 'generation', end: 'writes the Pareto set, charts and candidate files at the end' },
};

/** The path of the shard script the driver submits for every round. */
export function shardScriptPath(out: string, command: RoundCommand): string {
  return join(slurmDir(out), shardScript(command));
}

export function roundSlurmScripts(job: RoundSlurmJob): RoundSlurmScripts {
  if (!Number.isInteger(job.shards) || job.shards < 1) throw new Error(`--shards must be a positive integer, got ${job.shards}`);
  checkSlurmResources(job);
  if (!/^[0-9a-f]{1,64}$/.test(job.hash)) throw new Error(`the calibration hash must be hexadecimal, got ${JSON.stringify(job.hash)}`);
  checkSbatchPath('the results folder', job.out);
  checkSbatchPath('the project folder', job.tanker.root);
  checkSbatchPath(`the ${WHAT[job.command].name} file`, job.file);
  const n = job.shards;
  const c = job.command;
  const w = WHAT[c];
  const SHARD_SCRIPT = shardScript(c);
  const DRIVER_SCRIPT = driverScript(c);
  const dir = slurmDir(job.out);
  const logs = join(dir, 'logs');
  const q = shellQuote;
  const shard = [
    '#!/bin/bash',
    `# Tanker ${w.name} ${job.hash}: shard K of ${n} of the ${w.round} its checkpoint is at.`,
    `# Submitted by the driver (${DRIVER_SCRIPT}) once per ${w.round} with sbatch --wait --array=...;`,
    `# a shard whose result is already written does nothing. Outside Slurm: bash ${join(dir, SHARD_SCRIPT)} K`,
    `#SBATCH --job-name=tanker-${c}-${job.hash}`,
    `#SBATCH --output=${slurmPath(logs)}/shard-%A_%a.out`,
    `#SBATCH --chdir=${job.tanker.root}`,
    '#SBATCH --ntasks=1',
    ...resourceLines(job, job.cpusPerTask),
    ...prologue(job),
    ...arrayTaskLines(SHARD_SCRIPT, n, `tanker ${w.name} shard $shard/${n} of ${job.hash}`),
    `exec ${tankerCommand(job, [c, q(job.file), '--out', q(job.out), '--shard', `"$shard/${n}"`, '--threads', '"$threads"', '--quiet'])}`,
    '',
  ].join('\n');
  const driver = [
    '#!/bin/bash',
    `# Tanker ${w.name} ${job.hash}: the driver. Runs each ${w.round} as a job array of ${n} shards and`,
    `# accepts it; ${w.end}. It sleeps while a ${w.round} runs.`,
    `# Resubmit after a stop (it resumes from the checkpoint): sbatch ${join(dir, DRIVER_SCRIPT)}`,
    `#SBATCH --job-name=tanker-${c}-${job.hash}-driver`,
    `#SBATCH --output=${slurmPath(logs)}/driver-%j.out`,
    `#SBATCH --chdir=${job.tanker.root}`,
    '#SBATCH --ntasks=1',
    ...resourceLines(job, 1),
    ...prologue(job),
    `echo "tanker ${w.name} driver of ${job.hash} on $(hostname), job \${SLURM_JOB_ID:-none}, $(date -Is)"`,
    `exec ${tankerCommand(job, [c, q(job.file), '--out', q(job.out), '--resume', '--shards', String(n), '--threads', '1'])}`,
    '',
  ].join('\n');
  const submit = [
    '#!/bin/bash',
    `# Submit ${w.name} ${job.hash}: its driver job, which submits one job array per ${w.round}.`,
    'set -euo pipefail',
    `driver=$(sbatch --parsable ${q(join(dir, DRIVER_SCRIPT))})`,
    `driver=\${driver%%;*}`,
    `echo "submitted the ${w.name} driver $driver; it submits each ${w.round} as an array of ${n} shards; log: ${logs}/driver-$driver.out"`,
    '',
  ].join('\n');
  return { shard, driver, submit };
}

export interface WrittenRoundJob {
  readonly dir: string;
  readonly shard: string;
  readonly driver: string;
  readonly submit: string;
}

export function writeRoundSlurmJob(job: RoundSlurmJob): WrittenRoundJob {
  const scripts = roundSlurmScripts(job);
  const dir = slurmDir(job.out);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const c = job.command;
  const paths = { dir, shard: join(dir, shardScript(c)), driver: join(dir, driverScript(c)), submit: join(dir, `submit-${c}.sh`) };
  writeFileSync(paths.shard, scripts.shard, { mode: 0o755 });
  writeFileSync(paths.driver, scripts.driver, { mode: 0o755 });
  writeFileSync(paths.submit, scripts.submit, { mode: 0o755 });
  return paths;
}

/** Submit the driver; returns its job id. */
export function submitRoundDriver(paths: WrittenRoundJob): string {
  return sbatch([paths.driver]);
}
