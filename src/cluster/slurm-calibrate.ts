/**
 * A calibration on a Slurm cluster: a driver job runs `tanker calibrate FILE --out DIR --resume
 * --shards n`, which submits each round of the ABC-SMC as a job array of n shards
 * (`calibrate-shard.sh`, `sbatch --wait`) and accepts the round when the array is done
 * (analysis/calibration-shards.ts). The driver holds one core while it waits; the rounds are
 * batches like any other. A driver that stops (time limit, pre-emption) is resubmitted and resumes
 * from the checkpoint; finished shards of the round in progress are kept.
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

export interface CalibrationSlurmJob extends SlurmResources, JobRunner {
  /** The calibration file, absolute. */
  readonly file: string;
  /** Array tasks per round. */
  readonly shards: number;
  /** The shared results folder, absolute. */
  readonly out: string;
  /** The calibration's spec hash (names the jobs). */
  readonly hash: string;
}

export interface CalibrationSlurmScripts {
  readonly shard: string;
  readonly driver: string;
  readonly submit: string;
}

export const SHARD_SCRIPT = 'calibrate-shard.sh';
export const DRIVER_SCRIPT = 'calibrate-driver.sh';

/** The path of the shard script the driver submits for every round. */
export function shardScriptPath(out: string): string {
  return join(slurmDir(out), SHARD_SCRIPT);
}

export function calibrationSlurmScripts(job: CalibrationSlurmJob): CalibrationSlurmScripts {
  if (!Number.isInteger(job.shards) || job.shards < 1) throw new Error(`--shards must be a positive integer, got ${job.shards}`);
  checkSlurmResources(job);
  if (!/^[0-9a-f]{1,64}$/.test(job.hash)) throw new Error(`the calibration hash must be hexadecimal, got ${JSON.stringify(job.hash)}`);
  checkSbatchPath('the results folder', job.out);
  checkSbatchPath('the project folder', job.tanker.root);
  checkSbatchPath('the calibration file', job.file);
  const n = job.shards;
  const dir = slurmDir(job.out);
  const logs = join(dir, 'logs');
  const q = shellQuote;
  const shard = [
    '#!/bin/bash',
    `# Tanker calibration ${job.hash}: shard K of ${n} of the round its checkpoint is at.`,
    '# Submitted by the driver (calibrate-driver.sh) once per round with sbatch --wait --array=...;',
    `# a shard whose result is already written does nothing. Outside Slurm: bash ${join(dir, SHARD_SCRIPT)} K`,
    `#SBATCH --job-name=tanker-cal-${job.hash}`,
    `#SBATCH --output=${slurmPath(logs)}/shard-%A_%a.out`,
    `#SBATCH --chdir=${job.tanker.root}`,
    '#SBATCH --ntasks=1',
    ...resourceLines(job, job.cpusPerTask),
    ...prologue(job),
    ...arrayTaskLines(SHARD_SCRIPT, n, `tanker calibration shard $shard/${n} of ${job.hash}`),
    `exec ${tankerCommand(job, ['calibrate', q(job.file), '--out', q(job.out), '--shard', `"$shard/${n}"`, '--threads', '"$threads"', '--quiet'])}`,
    '',
  ].join('\n');
  const driver = [
    '#!/bin/bash',
    `# Tanker calibration ${job.hash}: the driver. Runs each round as a job array of ${n} shards and`,
    '# accepts it; writes ensemble.json and the diagnostics at the end. It sleeps while a round runs.',
    `# Resubmit after a stop (it resumes from the checkpoint): sbatch ${join(dir, DRIVER_SCRIPT)}`,
    `#SBATCH --job-name=tanker-cal-${job.hash}-driver`,
    `#SBATCH --output=${slurmPath(logs)}/driver-%j.out`,
    `#SBATCH --chdir=${job.tanker.root}`,
    '#SBATCH --ntasks=1',
    ...resourceLines(job, 1),
    ...prologue(job),
    `echo "tanker calibration driver of ${job.hash} on $(hostname), job \${SLURM_JOB_ID:-none}, $(date -Is)"`,
    `exec ${tankerCommand(job, ['calibrate', q(job.file), '--out', q(job.out), '--resume', '--shards', String(n), '--threads', '1'])}`,
    '',
  ].join('\n');
  const submit = [
    '#!/bin/bash',
    `# Submit calibration ${job.hash}: its driver job, which submits one job array per round.`,
    'set -euo pipefail',
    `driver=$(sbatch --parsable ${q(join(dir, DRIVER_SCRIPT))})`,
    `driver=\${driver%%;*}`,
    `echo "submitted the calibration driver $driver; it submits each round as an array of ${n} shards; log: ${logs}/driver-$driver.out"`,
    '',
  ].join('\n');
  return { shard, driver, submit };
}

export interface WrittenCalibrationJob {
  readonly dir: string;
  readonly shard: string;
  readonly driver: string;
  readonly submit: string;
}

export function writeCalibrationSlurmJob(job: CalibrationSlurmJob): WrittenCalibrationJob {
  const scripts = calibrationSlurmScripts(job);
  const dir = slurmDir(job.out);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const paths = { dir, shard: join(dir, SHARD_SCRIPT), driver: join(dir, DRIVER_SCRIPT), submit: join(dir, 'submit-calibration.sh') };
  writeFileSync(paths.shard, scripts.shard, { mode: 0o755 });
  writeFileSync(paths.driver, scripts.driver, { mode: 0o755 });
  writeFileSync(paths.submit, scripts.submit, { mode: 0o755 });
  return paths;
}

/** Submit the driver; returns its job id. */
export function submitCalibrationDriver(paths: WrittenCalibrationJob): string {
  return sbatch([paths.driver]);
}
