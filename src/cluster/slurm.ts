/**
 * Batches on a Slurm cluster. Slurm does the distribution: a job array runs shard i of n of the
 * batch in each task (`tanker batch FILES --shard $SLURM_ARRAY_TASK_ID/n --out DIR --resume`), all
 * tasks writing into the same results folder, and a merge job that depends on the array
 * (`afterok`) assembles the result with `tanker merge DIR --out DIR`. A task that is pre-empted or
 * fails is re-run with the same index and finishes its slice without redoing finished replicates.
 *
 * This module only writes the scripts (DIR/slurm/) and, on request, submits them with sbatch.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/atomic.js';
import { shellQuote } from '../io/shell.js';

/** The project folder (the one holding package.json), from src/cluster or dist/cluster alike. */
export function projectRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
}

export type Runner = 'auto' | 'dist' | 'tsx';

/** How a job starts tanker: `node <args...> <command>` run in `root`. */
export interface TankerInvocation {
  readonly root: string;
  readonly how: 'dist' | 'tsx';
  /** Arguments to node before the tanker command, with absolute paths. */
  readonly args: readonly string[];
  /** Why this one was chosen (for the user). */
  readonly reason: string;
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The first source file whose compiled counterpart in dist/ is missing or older, or null if dist is current. */
export function staleDist(root: string): string | null {
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) return 'dist/cli/main.js';
  for (const src of tsFiles(join(root, 'src'))) {
    const rel = relative(join(root, 'src'), src).replace(/\.ts$/, '.js');
    const js = join(root, 'dist', rel);
    if (!existsSync(js) || statSync(js).mtimeMs < statSync(src).mtimeMs) return `dist/${rel}`;
  }
  return null;
}

/**
 * `node dist/cli/main.js` when dist/ is built and not older than src/ (auto), otherwise
 * `node --import tsx src/cli/main.ts` (tsx is resolved from the project folder, so jobs cd there).
 */
export function tankerInvocation(root: string, runner: Runner = 'auto'): TankerInvocation {
  const dist = { root, how: 'dist' as const, args: [join(root, 'dist', 'cli', 'main.js')] };
  const tsx = { root, how: 'tsx' as const, args: ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts')] };
  if (runner === 'dist') {
    if (!existsSync(dist.args[0]!)) throw new Error(`--runner dist: ${dist.args[0]} does not exist; run "npm run build" first`);
    return { ...dist, reason: 'chosen with --runner dist' };
  }
  if (runner === 'tsx') return { ...tsx, reason: 'chosen with --runner tsx' };
  const stale = staleDist(root);
  if (stale === null) return { ...dist, reason: 'dist/ is built and up to date' };
  return {
    ...tsx,
    reason: existsSync(dist.args[0]!)
      ? `dist/ is out of date (${stale} is missing or older than its source); run "npm run build" to use it`
      : 'dist/ is not built',
  };
}

export interface SlurmResources {
  readonly partition?: string | undefined;
  readonly time?: string | undefined;
  readonly mem?: string | undefined;
  readonly cpusPerTask?: number | undefined;
  readonly account?: string | undefined;
}

/** How a job script starts tanker: the node binary and the invocation. */
export type JobRunner = Pick<SlurmJob, 'node' | 'tanker'>;

export interface SlurmJob extends SlurmResources {
  /** Scenario files, absolute. */
  readonly files: readonly string[];
  readonly shards: number;
  /** The shared results folder, absolute. */
  readonly out: string;
  readonly replicates?: number | undefined;
  readonly seed?: string | undefined;
  /** Plan hash (names the jobs). */
  readonly hash: string;
  readonly tanker: TankerInvocation;
  /** Absolute path of the node binary to use (falls back to `node` on PATH if not executable on the node). */
  readonly node: string;
  /** Whether this tanker has a `report` command for the merge job. */
  readonly report: boolean;
}

export interface SlurmScripts {
  readonly batch: string;
  readonly merge: string;
  readonly submit: string;
}

export function slurmDir(out: string): string {
  return join(out, 'slurm');
}

/**
 * Paths in #SBATCH lines and in the scripts' messages: only characters that need no quoting in
 * any shell context, so no folder name can end a line or become a command.
 */
export function checkSbatchPath(what: string, p: string): void {
  if (!/^[A-Za-z0-9_@%+=:,./~-]+$/.test(p))
    throw new Error(
      `${what} ${JSON.stringify(p)} contains characters a Slurm script cannot carry safely; allowed: letters, digits and _ @ % + = : , . / ~ -; choose another folder`,
    );
}

/** What each Slurm option accepts (from the sbatch manual), so no value can add a line or a command to a script. */
const SLURM_VALUES: Readonly<Record<keyof Omit<SlurmResources, 'cpusPerTask'>, { pattern: RegExp; allowed: string }>> = {
  partition: {
    pattern: /^[A-Za-z0-9_.-]{1,128}(,[A-Za-z0-9_.-]{1,128})*$/,
    allowed: 'a partition name (letters, digits, _ . -), or several separated by commas',
  },
  account: { pattern: /^[A-Za-z0-9_.-]{1,128}$/, allowed: 'an account name (letters, digits, _ . -)' },
  time: {
    pattern: /^(UNLIMITED|INFINITE|\d{1,9}(:\d{1,2}){0,2}|\d{1,5}-\d{1,2}(:\d{1,2}){0,2})$/,
    allowed: 'a Slurm time limit: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS or UNLIMITED',
  },
  mem: { pattern: /^\d{1,12}[KMGTkmgt]?$/, allowed: 'a memory size: an integer with an optional unit K, M, G or T (e.g. 4G)' },
};

/** Throw, naming the option, the value and what is allowed, if a Slurm option could not be written safely. */
export function checkSlurmResources(r: SlurmResources): void {
  for (const [key, rule] of Object.entries(SLURM_VALUES) as [
    keyof typeof SLURM_VALUES,
    (typeof SLURM_VALUES)[keyof typeof SLURM_VALUES],
  ][]) {
    const v = r[key];
    if (v !== undefined && !rule.pattern.test(v)) throw new Error(`--${key}: found ${JSON.stringify(v)}; allowed: ${rule.allowed}`);
  }
  if (r.cpusPerTask !== undefined && !(Number.isInteger(r.cpusPerTask) && r.cpusPerTask >= 1))
    throw new Error(`--cpus-per-task: found ${r.cpusPerTask}; allowed: a positive integer`);
}

/** Slurm filename patterns treat % specially; a literal one is written %%. */
export function slurmPath(p: string): string {
  return p.replace(/%/g, '%%');
}

export function resourceLines(r: SlurmResources, cpus: number | undefined): string[] {
  const lines: string[] = [];
  if (r.partition) lines.push(`#SBATCH --partition=${r.partition}`);
  if (r.account) lines.push(`#SBATCH --account=${r.account}`);
  if (r.time) lines.push(`#SBATCH --time=${r.time}`);
  if (r.mem) lines.push(`#SBATCH --mem=${r.mem}`);
  if (cpus !== undefined) lines.push(`#SBATCH --cpus-per-task=${cpus}`);
  return lines;
}

/** The lines every job script starts its body with: strict mode, the project folder, node. */
export function prologue(job: JobRunner): string[] {
  const nodeDir = dirname(job.node);
  return [
    'set -euo pipefail',
    '# Jobs start in a bare environment on some clusters: fix the folder and find node.',
    `cd ${shellQuote(job.tanker.root)}`,
    `NODE=${shellQuote(job.node)}`,
    `if [ -x "$NODE" ]; then export PATH=${shellQuote(nodeDir)}":$PATH"; else NODE=node; fi`,
    'command -v "$NODE" >/dev/null || { echo "tanker: node not found on $(hostname) (load your Node.js module in this script)" >&2; exit 127; }',
  ];
}

/**
 * The lines of an array task's script that find its shard number (1..n: the array task id, or the
 * first argument outside Slurm) and its threads, and say what it is (`what` may use $shard).
 */
export function arrayTaskLines(script: string, n: number, what: string): string[] {
  return [
    `shard="\${SLURM_ARRAY_TASK_ID:-\${1:-}}"`,
    `if ! [[ "$shard" =~ ^[0-9]+$ ]] || [ "$shard" -lt 1 ] || [ "$shard" -gt ${n} ]; then`,
    `  echo "${script}: no shard number (run as a Slurm array task, or pass 1..${n})" >&2; exit 2`,
    'fi',
    `threads="\${SLURM_CPUS_PER_TASK:-1}"`,
    `echo "${what} on $(hostname), $threads thread(s), job \${SLURM_JOB_ID:-none}, $(date -Is)"`,
  ];
}

export function tankerCommand(job: JobRunner, args: readonly string[]): string {
  return ['"$NODE"', ...job.tanker.args.map(shellQuote), ...args].join(' ');
}

export function slurmScripts(job: SlurmJob): SlurmScripts {
  if (!Number.isInteger(job.shards) || job.shards < 1) throw new Error(`--shards must be a positive integer, got ${job.shards}`);
  if (job.replicates !== undefined && !(Number.isInteger(job.replicates) && job.replicates >= 1))
    throw new Error(`--replicates must be a positive integer, got ${job.replicates}`);
  checkSlurmResources(job);
  if (!/^[0-9a-f]{1,64}$/.test(job.hash)) throw new Error(`the plan hash must be hexadecimal, got ${JSON.stringify(job.hash)}`);
  checkSbatchPath('the results folder', job.out);
  checkSbatchPath('the project folder', job.tanker.root);
  const n = job.shards;
  const dir = slurmDir(job.out);
  const logs = join(dir, 'logs');
  const q = shellQuote;
  const batchArgs = [
    'batch',
    ...job.files.map(q),
    '--shard',
    `"$shard/${n}"`,
    '--out',
    q(job.out),
    '--resume',
    '--threads',
    '"$threads"',
    '--quiet',
    // The size was confirmed when the job was written (tanker cluster slurm asks for --yes if it is far above normal).
    '--yes',
    ...(job.replicates !== undefined ? ['--replicates', String(job.replicates)] : []),
    ...(job.seed !== undefined ? ['--seed', q(job.seed)] : []),
  ];
  const batch = [
    '#!/bin/bash',
    `# Tanker batch ${job.hash}: one shard of ${n} per array task, all writing into ${job.out}.`,
    '# Generated by "tanker cluster slurm". Submit with the merge job: bash submit.sh (next to this file).',
    `# Re-run a failed or pre-empted shard K (finished replicates are kept): sbatch --array=K ${join(dir, 'batch.sh')}`,
    `# Outside Slurm, shard K runs with: bash ${join(dir, 'batch.sh')} K`,
    `#SBATCH --job-name=tanker-${job.hash}`,
    `#SBATCH --array=1-${n}`,
    `#SBATCH --output=${slurmPath(logs)}/batch-%A_%a.out`,
    `#SBATCH --chdir=${job.tanker.root}`,
    '#SBATCH --ntasks=1',
    ...resourceLines(job, job.cpusPerTask),
    ...prologue(job),
    ...arrayTaskLines('batch.sh', n, `tanker shard $shard/${n} of batch ${job.hash}`),
    `exec ${tankerCommand(job, batchArgs)}`,
    '',
  ].join('\n');

  const reportLines = job.report
    ? [tankerCommand(job, ['report', q(job.out)])]
    : ['# No "tanker report" command in this version of tanker: the report step is skipped.'];
  const merge = [
    '#!/bin/bash',
    `# Tanker batch ${job.hash}: merge the ${n} shards in ${job.out} into the results there.`,
    '# Submitted by submit.sh with --dependency=afterok:<array job id>, so it runs once every shard succeeded.',
    `# Re-submit by hand (after re-running shards): sbatch --dependency=afterok:<new job id> ${join(dir, 'merge.sh')}`,
    `#SBATCH --job-name=tanker-${job.hash}-merge`,
    `#SBATCH --output=${slurmPath(logs)}/merge-%j.out`,
    `#SBATCH --chdir=${job.tanker.root}`,
    '#SBATCH --ntasks=1',
    '#SBATCH --kill-on-invalid-dep=yes',
    ...resourceLines(job, 1),
    ...prologue(job),
    `echo "tanker merge of batch ${job.hash} on $(hostname), job \${SLURM_JOB_ID:-none}, $(date -Is)"`,
    tankerCommand(job, ['merge', q(job.out), '--out', q(job.out)]),
    ...reportLines,
    '',
  ].join('\n');

  const submit = [
    '#!/bin/bash',
    `# Submit batch ${job.hash}: the job array of ${n} shards, then the merge job that waits for it.`,
    'set -euo pipefail',
    `array=$(sbatch --parsable ${q(join(dir, 'batch.sh'))})`,
    `array=\${array%%;*}`,
    `merge=$(sbatch --parsable --dependency=afterok:"$array" ${q(join(dir, 'merge.sh'))})`,
    `merge=\${merge%%;*}`,
    `echo "submitted job array $array (${n} shards) and merge job $merge; progress: tanker cluster status ${q(job.out)}"`,
    '',
  ].join('\n');
  return { batch, merge, submit };
}

/** What `tanker cluster slurm` records in DIR/slurm/job.json (read by `tanker cluster status`). */
export interface SlurmJobRecord {
  readonly kind: 'slurm';
  readonly plan: string;
  readonly shards: number;
  readonly files: readonly string[];
  readonly replicates: number | null;
  readonly seed: string | null;
  readonly runner: string;
  readonly createdAt: string;
  readonly submitted: readonly { readonly array: string; readonly merge: string; readonly at: string }[];
}

export interface WrittenSlurmJob {
  readonly dir: string;
  readonly batch: string;
  readonly merge: string;
  readonly submit: string;
  readonly record: string;
}

export function writeSlurmJob(job: SlurmJob): WrittenSlurmJob {
  const scripts = slurmScripts(job);
  const dir = slurmDir(job.out);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const paths = {
    dir,
    batch: join(dir, 'batch.sh'),
    merge: join(dir, 'merge.sh'),
    submit: join(dir, 'submit.sh'),
    record: join(dir, 'job.json'),
  };
  writeFileSync(paths.batch, scripts.batch, { mode: 0o755 });
  writeFileSync(paths.merge, scripts.merge, { mode: 0o755 });
  writeFileSync(paths.submit, scripts.submit, { mode: 0o755 });
  const old = readJobRecord(job.out);
  const record: SlurmJobRecord = {
    kind: 'slurm',
    plan: job.hash,
    shards: job.shards,
    files: job.files,
    replicates: job.replicates ?? null,
    seed: job.seed ?? null,
    runner: `${job.node} ${job.tanker.args.join(' ')}`,
    createdAt: new Date().toISOString(), // clock-ok: job metadata
    submitted: old && old.plan === job.hash ? old.submitted : [],
  };
  writeFileAtomic(paths.record, `${JSON.stringify(record, null, 2)}\n`);
  return paths;
}

export function readJobRecord(out: string): SlurmJobRecord | null {
  const p = join(slurmDir(out), 'job.json');
  if (!existsSync(p)) return null;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as SlurmJobRecord;
  } catch {
    return null;
  }
}

export function sbatch(args: readonly string[]): string {
  let text: string;
  try {
    text = execFileSync('sbatch', ['--parsable', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT')
      throw new Error('sbatch was not found on PATH: run this on a Slurm login node, or submit DIR/slurm/submit.sh there');
    throw new Error(`sbatch ${args.join(' ')} failed: ${(err.stderr ?? err.message).trim()}`);
  }
  const id = text.trim().split(';')[0]!;
  if (!/^\d+$/.test(id)) throw new Error(`sbatch printed "${text.trim()}", not a job id`);
  return id;
}

/** Submit the array, then the merge job with afterok on it; record both ids in job.json. */
export function submitSlurmJob(paths: WrittenSlurmJob, out: string): { array: string; merge: string } {
  const array = sbatch([paths.batch]);
  const merge = sbatch([`--dependency=afterok:${array}`, paths.merge]);
  const rec = readJobRecord(out);
  if (rec) {
    const at = new Date().toISOString(); // clock-ok: job metadata
    writeFileAtomic(paths.record, `${JSON.stringify({ ...rec, submitted: [...rec.submitted, { array, merge, at }] }, null, 2)}\n`);
  }
  return { array, merge };
}
