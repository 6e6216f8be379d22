/**
 * Batches on a cluster. Part 1 (a few seconds, no Slurm): the generated scripts, concurrent shards
 * writing into one shared folder, plan.json, status. Part 2 (about half a minute): a real one-node
 * Slurm cluster (munged, slurmctld, slurmd on loopback, started here in a temp folder and stopped
 * in afterAll) runs a sharded batch as a job array plus the dependent merge job; the merged data
 * files must be byte-identical to a single-machine `tanker batch`. A re-run array task must finish
 * its slice without redoing finished replicates. Part 2 installs slurm-wlm and munge with
 * .ci/setup-slurm.sh if missing and is skipped, with the reason, only if that is impossible.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { runCalibration } from '../../src/analysis/calibration-run.js';
import { loadCalibration } from '../../src/analysis/calibration-spec.js';
import { partPath } from '../../src/batch/parts.js';
import { shardTasks } from '../../src/batch/plan.js';
import { ensurePlanFile, planFileText, readPlanFile } from '../../src/batch/plan-file.js';
import { loadBatchScenarios } from '../../src/cli/scenarios.js';
import { batchStatus, formatStatus } from '../../src/cluster/status.js';
import { cluster } from './helpers.js';

const ROOT = resolve('.');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
const DATA = ['ticks.parquet', 'summary.parquet', 'summary.csv', 'aggregate.parquet', 'aggregate.csv'];
const work = mkdtempSync(join(tmpdir(), 'tanker-cluster-'));
const A = join(work, 'alpha.yaml');
const B = join(work, 'beta.yaml');
const REF = join(work, 'ref');

writeFileSync(A, 'name: alpha\nseed: cluster-test\nreplicates: 6\nsize: small\nhorizon: 52\n');
writeFileSync(
  B,
  'name: beta\nseed: cluster-test\nreplicates: 6\nsize: small\nhorizon: 52\ninterventions:\n  - kind: trust-reform\n    start: 4\n',
);

/** `tanker ...` as a separate process, the way a job runs it. */
function tanker(args: readonly string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT });
    let out = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.on('close', (code) => done({ code, out }));
  });
}

/** Fields a merge manifest may differ in from a single run's: how and when it was made. */
const RUN_FIELDS = ['kind', 'mergedFrom', 'threads', 'failed', 'startedAt', 'endedAt', 'gitCommit'];

function manifestWithoutRunFields(dir: string): Record<string, unknown> {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  for (const k of RUN_FIELDS) delete m[k];
  return m;
}

function expectSameData(dir: string): void {
  for (const f of DATA)
    expect(readFileSync(join(dir, f)).equals(readFileSync(join(REF, f))), `${f} differs from the single-machine run`).toBe(true);
  expect(manifestWithoutRunFields(dir)).toEqual(manifestWithoutRunFields(REF)); // includes the sha256 of every data file
}

beforeAll(async () => {
  const r = await tanker(['batch', A, B, '--out', REF, '--threads', '2', '--quiet']);
  expect(r.code, r.out).toBe(0);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('shards of one batch sharing one results folder', () => {
  it('cluster slurm writes a job array, a dependent merge job and the plan, and validates up front', async () => {
    const out = join(work, 'scripts');
    const text = await cluster([
      'slurm',
      A,
      B,
      '--shards',
      '3',
      '--out',
      out,
      '--partition',
      'short',
      '--time',
      '00:10:00',
      '--mem',
      '2G',
      '--cpus-per-task',
      '2',
      '--account',
      'proj42',
      '--replicates',
      '6',
      '--runner',
      'tsx',
    ]);
    const plan = readPlanFile(out);
    expect(text).toContain(`batch ${plan.hash}: 2 scenario(s), 12 replicates in 3 shard(s) of at most 4`);
    expect(text).toContain('no "report" command');
    const batch = readFileSync(join(out, 'slurm', 'batch.sh'), 'utf8');
    for (const line of [
      '#SBATCH --array=1-3',
      `#SBATCH --output=${out}/slurm/logs/batch-%A_%a.out`,
      `#SBATCH --chdir=${ROOT}`,
      '#SBATCH --partition=short',
      '#SBATCH --account=proj42',
      '#SBATCH --time=00:10:00',
      '#SBATCH --mem=2G',
      '#SBATCH --cpus-per-task=2',
      `cd ${ROOT}`,
      `NODE=${process.execPath}`,
      `exec "$NODE" --import tsx ${MAIN} batch ${A} ${B} --shard "$shard/3" --out ${out} --resume --threads "$threads" --quiet --yes --replicates 6`,
    ])
      expect(batch.split('\n')).toContain(line);
    const merge = readFileSync(join(out, 'slurm', 'merge.sh'), 'utf8');
    expect(merge.split('\n')).toContain(`"$NODE" --import tsx ${MAIN} merge ${out} --out ${out}`);
    expect(merge).toContain('#SBATCH --kill-on-invalid-dep=yes');
    expect(merge).toContain('the report step is skipped');
    const submit = readFileSync(join(out, 'slurm', 'submit.sh'), 'utf8');
    expect(submit).toContain(`--dependency=afterok:"$array" ${out}/slurm/merge.sh`);
    for (const f of ['batch.sh', 'merge.sh', 'submit.sh']) {
      const check = spawnSync('bash', ['-n', join(out, 'slurm', f)], { encoding: 'utf8' });
      expect(check.status, `${f}: ${check.stderr}`).toBe(0);
    }
    // The shard number is checked; the plan is the one tanker batch writes.
    const bad = spawnSync('bash', [join(out, 'slurm', 'batch.sh'), '4'], {
      encoding: 'utf8',
      env: { ...process.env, SLURM_ARRAY_TASK_ID: '' },
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no shard number');
    expect(readFileSync(join(out, 'plan.json'), 'utf8')).toBe(planFileText(plan));
    const status = batchStatus(out);
    expect(status.shards).toBe(3);
    expect(status.perShard.map((s) => [s.tasks, s.done, s.finished])).toEqual([
      [4, 0, false],
      [4, 0, false],
      [4, 0, false],
    ]);
    // A different batch into the same folder is refused before anything is written.
    await expect(cluster(['slurm', A, '--shards', '2', '--out', out])).rejects.toThrow(/holds a different batch/);
    expect(readPlanFile(out).hash).toBe(plan.hash);
    // With a report command, the merge job runs it after the merge.
    await cluster(['slurm', A, B, '--shards', '3', '--out', out, '--runner', 'tsx'], true);
    const lines = readFileSync(join(out, 'slurm', 'merge.sh'), 'utf8').split('\n');
    expect(lines.slice(-3)).toEqual([
      `"$NODE" --import tsx ${MAIN} merge ${out} --out ${out}`,
      `"$NODE" --import tsx ${MAIN} report ${out}`,
      '',
    ]);
  });

  it('concurrent shards into one fresh folder (no plan yet), merged into the same folder, equal a single run', async () => {
    const out = join(work, 'shared');
    const runs = await Promise.all(
      [1, 2, 3].map((i) => tanker(['batch', A, B, '--shard', `${i}/3`, '--out', out, '--resume', '--threads', '1', '--quiet'])),
    );
    for (const r of runs) {
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('ran 4, kept 0 from before, 0 failed');
    }
    expect(readdirSync(join(out, 'parts')).sort()).toHaveLength(12);
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
    const merged = await tanker(['merge', out, '--out', out]);
    expect(merged.code, merged.out).toBe(0);
    expectSameData(out);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { kind: string; missing: string[] };
    expect(manifest.kind).toBe('merge');
    expect(manifest.missing).toEqual([]);

    // Status from the folder alone: shards inferred from the shard files.
    let s = batchStatus(out);
    expect(s.shards).toBe(3);
    expect(s.done).toBe(12);
    expect(s.perShard.every((p) => p.finished && p.done === 4)).toBe(true);
    expect(s.merged).toMatchObject({ kind: 'merge', missing: 0, stale: false });

    // A lost replicate and a failure file show on their shard.
    const plan = readPlanFile(out);
    const victim = shardTasks(plan.tasks, { i: 2, n: 3 })[1]!;
    rmSync(partPath(out, victim.key));
    writeFileSync(join(out, 'failures-2-of-3.json'), JSON.stringify([{ key: victim.key }]));
    s = batchStatus(out);
    expect(s.done).toBe(11);
    expect(s.perShard[1]).toMatchObject({ shard: 2, tasks: 4, done: 3, finished: true, failed: 1 });
    expect(formatStatus(s)).toContain('shard 2/3: 3/4 done, ended incomplete (re-run this shard), 1 failed (failures-2-of-3.json)');
  }, 120_000);

  it('cluster plan writes the plan once, for schedulers other than Slurm', async () => {
    const out = join(work, 'plan-cmd');
    expect(await cluster(['plan', A, B, '--out', out])).toMatch(/^batch [0-9a-f]{16}: 2 scenario\(s\), 12 replicates; plan written to /);
    expect(await cluster(['plan', A, B, '--out', out])).toContain('plan already in');
    expect(readFileSync(join(out, 'plan.json'), 'utf8')).toBe(planFileText(readPlanFile(out)));
    await expect(cluster(['plan', A, '--out', out])).rejects.toThrow(/holds a different batch/);
  });

  it('ensurePlanFile creates plan.json once, accepts the same plan, refuses another or an edited one', () => {
    const out = join(work, 'plan');
    const two = loadBatchScenarios([A, B], {});
    const first = ensurePlanFile(out, two);
    expect(first.created).toBe(true);
    const again = ensurePlanFile(out, loadBatchScenarios([A, B], {}));
    expect(again).toMatchObject({ created: false });
    expect(again.plan.hash).toBe(first.plan.hash);
    expect(() => ensurePlanFile(out, loadBatchScenarios([A, B], { replicates: 3 }))).toThrow(/holds a different batch/);
    expect(readdirSync(out)).toEqual(['plan.json']); // no temporary files left
    const path = join(out, 'plan.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"replicates":6', '"replicates":7'));
    expect(() => ensurePlanFile(out, two)).toThrow(/does not match its hash/);
  });
});

// ---------------------------------------------------------------------------------------------
// A real one-node Slurm cluster.

interface Cluster {
  readonly dir: string;
  readonly conf: string;
  readonly procs: ChildProcess[];
}

let slurm: Cluster | null = null;
let skipReason: string | null = null;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => done(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function run(cmd: string, args: readonly string[]): { status: number | null; out: string } {
  const env = slurm ? { ...process.env, SLURM_CONF: slurm.conf } : process.env;
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, timeout: 30_000 });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

function logs(c: Cluster, out?: string): string {
  const files = readdirSync(join(c.dir, 'log')).map((f) => join(c.dir, 'log', f));
  if (out && existsSync(join(out, 'slurm', 'logs')))
    files.push(...readdirSync(join(out, 'slurm', 'logs')).map((f) => join(out, 'slurm', 'logs', f)));
  return files.map((f) => `--- ${f}\n${readFileSync(f, 'utf8').split('\n').slice(-30).join('\n')}`).join('\n');
}

function daemon(c: Cluster, name: string, cmd: string, args: readonly string[]): ChildProcess {
  const fd = openSync(join(c.dir, 'log', `${name}.out`), 'a');
  const p = spawn(cmd, args, { stdio: ['ignore', fd, fd], env: { ...process.env, SLURM_CONF: c.conf } });
  closeSync(fd);
  p.on('error', () => {}); // reported through the readiness check
  c.procs.push(p);
  return p;
}

async function startSlurm(): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'tanker-slurm-'));
  for (const d of ['state', 'spool', 'log', 'munge']) mkdirSync(join(dir, d));
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'munge'), 0o755);
  const conf = join(dir, 'slurm.conf');
  const c: Cluster = { dir, conf, procs: [] };
  slurm = c;
  // munged on a private socket and key, so an installed munge is neither used nor disturbed.
  const key = join(dir, 'munge', 'munge.key');
  writeFileSync(key, randomBytes(1024));
  chmodSync(key, 0o400);
  const sock = join(dir, 'munge', 'munge.sock');
  daemon(c, 'munged', 'munged', [
    '-F',
    '--force',
    `--socket=${sock}`,
    `--key-file=${key}`,
    `--pid-file=${join(dir, 'munge', 'munged.pid')}`,
    `--log-file=${join(dir, 'log', 'munged.log')}`,
    `--seed-file=${join(dir, 'munge', 'munged.seed')}`,
  ]);
  for (let k = 0; k < 50 && !existsSync(sock); k++) await sleep(100);
  if (!existsSync(sock)) throw new Error(`munged did not start\n${logs(c)}`);
  // The recipe of /work/shared/SLURM.md, on free loopback ports, in this temp folder (SLURM_CONF).
  const host = hostname().split('.')[0]!;
  const [ctldPort, dPort] = [await freePort(), await freePort()];
  writeFileSync(
    conf,
    [
      'ClusterName=tankertest',
      `SlurmctldHost=${host}(127.0.0.1)`,
      `SlurmctldPort=${ctldPort}`,
      `SlurmdPort=${dPort}`,
      'AuthType=auth/munge',
      'CredType=cred/munge',
      `AuthInfo=socket=${sock}`,
      'MpiDefault=none',
      `StateSaveLocation=${dir}/state`,
      `SlurmdSpoolDir=${dir}/spool`,
      `SlurmctldLogFile=${dir}/log/ctld.log`,
      `SlurmdLogFile=${dir}/log/d.log`,
      `SlurmctldPidFile=${dir}/ctld.pid`,
      `SlurmdPidFile=${dir}/d.pid`,
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_Core',
      'ReturnToService=2',
      'SlurmUser=root',
      `NodeName=${host} NodeAddr=127.0.0.1 CPUs=${availableParallelism()} State=UNKNOWN`,
      `PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
      '',
    ].join('\n'),
  );
  daemon(c, 'slurmctld', 'slurmctld', ['-D', '-f', conf]);
  daemon(c, 'slurmd', 'slurmd', ['-D', '-f', conf]);
  for (let k = 0; k < 60; k++) {
    const s = run('sinfo', ['-h', '-o', '%T']);
    if (s.status === 0 && s.out.trim() === 'idle') return c;
    await sleep(500);
  }
  throw new Error(`the one-node Slurm cluster did not become idle within 30 s\n${logs(c)}`);
}

async function stopSlurm(c: Cluster): Promise<void> {
  run('scancel', ['--user=root']);
  for (let k = 0; k < 20 && run('squeue', ['-h', '-o', '%i']).out.trim() !== ''; k++) await sleep(250);
  for (const p of [...c.procs].reverse()) {
    if (p.exitCode !== null || p.signalCode !== null || p.pid === undefined) continue;
    const gone = new Promise<void>((done) => p.once('exit', () => done()));
    p.kill('SIGTERM');
    await Promise.race([gone, sleep(5000)]);
    if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  }
  rmSync(c.dir, { recursive: true, force: true });
}

/** Wait until the queue is empty; return the final state of every job (and array task) asked about. */
async function waitForJobs(c: Cluster, ids: readonly string[], out: string, timeoutMs = 240_000): Promise<Map<string, string>> {
  const t0 = Date.now();
  while (run('squeue', ['-h', '-o', '%i']).out.trim() !== '') {
    if (Date.now() - t0 > timeoutMs)
      throw new Error(`jobs still queued after ${timeoutMs / 1000} s:\n${run('squeue', []).out}\n${logs(c, out)}`);
    await sleep(500);
  }
  const states = new Map<string, string>();
  for (const id of ids) {
    for (const line of run('scontrol', ['-o', 'show', 'job', id]).out.split('\n')) {
      const jid = /JobId=(\d+)/.exec(line)?.[1];
      const task = /ArrayTaskId=(\S+)/.exec(line)?.[1];
      const state = /JobState=(\S+)/.exec(line)?.[1];
      if (jid && state) states.set(task ? `${id}_${task}` : id, state);
    }
  }
  return states;
}

describe('on a real one-node Slurm cluster', () => {
  const out = join(work, 'slurm-batch');

  beforeAll(async () => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) {
      skipReason = 'needs root on Linux to install slurm-wlm/munge and to start munged, slurmctld and slurmd (CI runs as root)';
      return;
    }
    const setup = spawnSync('bash', [join(ROOT, '.ci', 'setup-slurm.sh')], { encoding: 'utf8', timeout: 280_000 });
    if (setup.status !== 0) {
      skipReason = `.ci/setup-slurm.sh could not install slurm-wlm and munge (no network?): ${`${setup.stdout}${setup.stderr}`.trim().split('\n').slice(-3).join(' | ')}`;
      return;
    }
    await startSlurm();
  }, 300_000);

  afterAll(async () => {
    if (slurm) await stopSlurm(slurm);
    slurm = null;
  }, 60_000);

  function skipIfNoSlurm(ctx: TestContext): Cluster {
    if (skipReason !== null || slurm === null) {
      console.warn(`SKIPPED the real Slurm test: ${skipReason}`);
      ctx.skip(`Slurm unavailable: ${skipReason}`);
    }
    return slurm!;
  }

  it('a job array of 3 shards and the dependent merge job give the bytes of a single-machine batch', async (ctx) => {
    const c = skipIfNoSlurm(ctx);
    const saved = process.env.SLURM_CONF;
    process.env.SLURM_CONF = c.conf; // for the sbatch that --submit runs
    let text: string;
    try {
      text = await cluster(['slurm', A, B, '--shards', '3', '--out', out, '--cpus-per-task', '1', '--time', '00:10:00', '--submit']);
    } finally {
      if (saved === undefined) delete process.env.SLURM_CONF;
      else process.env.SLURM_CONF = saved;
    }
    const m = /submitted job array (\d+) \(3 tasks\) and merge job (\d+) \(afterok:\1\)/.exec(text);
    expect(m, text).not.toBeNull();
    const [array, merge] = [m![1]!, m![2]!];
    const states = await waitForJobs(c, [array, merge], out);
    expect(Object.fromEntries(states), logs(c, out)).toEqual({
      [`${array}_1`]: 'COMPLETED',
      [`${array}_2`]: 'COMPLETED',
      [`${array}_3`]: 'COMPLETED',
      [merge]: 'COMPLETED',
    });
    for (const i of [1, 2, 3]) {
      const log = readFileSync(join(out, 'slurm', 'logs', `batch-${array}_${i}.out`), 'utf8');
      expect(log).toContain(`tanker shard ${i}/3`);
      expect(log).toContain(`shard ${i}/3; ran 4, kept 0 from before, 0 failed`);
    }
    expect(readFileSync(join(out, 'slurm', 'logs', `merge-${merge}.out`), 'utf8')).toContain('merged 1 folder(s)');
    expectSameData(out);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { kind: string; missing: string[]; tasks: number };
    expect(manifest).toMatchObject({ kind: 'merge', missing: [], tasks: 12 });
    const status = await cluster(['status', out]);
    expect(status).toContain('12 replicates, 12 done (100%)');
    expect(status).toContain('shard 3/3: 4/4 done, finished');
    expect(status).toContain(`slurm: job array ${array}, merge job ${merge}`);
  }, 300_000);

  it('a re-run array task finishes its slice without redoing finished replicates', async (ctx) => {
    const c = skipIfNoSlurm(ctx);
    if (!existsSync(join(out, 'manifest.json'))) throw new Error('needs the batch of the previous test');
    // As if shard 2 had been pre-empted before its second replicate was written.
    const plan = readPlanFile(out);
    const mine = shardTasks(plan.tasks, { i: 2, n: 3 });
    const lost = mine[1]!;
    rmSync(partPath(out, lost.key));
    rmSync(join(out, 'shard-2-of-3.json'));
    for (const f of DATA) rmSync(join(out, f));
    const mtimes = new Map(plan.tasks.filter((t) => t.key !== lost.key).map((t) => [t.key, statSync(partPath(out, t.key)).mtimeMs]));
    expect(batchStatus(out).perShard[1]).toMatchObject({ done: 3, finished: false });

    const sub = run('sbatch', ['--parsable', '--array=2', join(out, 'slurm', 'batch.sh')]);
    expect(sub.status, sub.out).toBe(0);
    const array = sub.out.trim().split(';')[0]!;
    const sub2 = run('sbatch', ['--parsable', `--dependency=afterok:${array}`, join(out, 'slurm', 'merge.sh')]);
    expect(sub2.status, sub2.out).toBe(0);
    const merge = sub2.out.trim().split(';')[0]!;
    const states = await waitForJobs(c, [array, merge], out);
    expect(Object.fromEntries(states), logs(c, out)).toEqual({ [`${array}_2`]: 'COMPLETED', [merge]: 'COMPLETED' });
    expect(readFileSync(join(out, 'slurm', 'logs', `batch-${array}_2.out`), 'utf8')).toContain(
      'shard 2/3; ran 1, kept 3 from before, 0 failed',
    );
    for (const [key, t] of mtimes) expect(statSync(partPath(out, key)).mtimeMs, `${key} was rewritten`).toBe(t);
    expectSameData(out);
    expect(batchStatus(out).perShard.every((p) => p.finished && p.done === 4)).toBe(true);
  }, 300_000);

  it('a two-generation calibration: the driver runs each round as an array of 2 shards and writes the ensemble of a local run', async (ctx) => {
    const c = skipIfNoSlurm(ctx);
    const file = join(ROOT, 'tests', 'calibration', 'fixtures', 'tiny.yaml');
    const loaded = loadCalibration(file);
    if (!loaded.ok) throw new Error('tiny.yaml does not load');
    const local = join(work, 'calibration-local');
    await runCalibration(loaded.spec, { out: local, threads: 1, resume: false });
    const calOut = join(work, 'calibration-slurm');
    const saved = process.env.SLURM_CONF;
    process.env.SLURM_CONF = c.conf; // for the sbatch that --submit runs; the driver job inherits it
    let text: string;
    try {
      text = await cluster(['calibrate', file, '--shards', '2', '--out', calOut, '--time', '00:10:00', '--submit']);
    } finally {
      if (saved === undefined) delete process.env.SLURM_CONF;
      else process.env.SLURM_CONF = saved;
    }
    const driver = /submitted the calibration driver (\d+)/.exec(text)?.[1];
    expect(driver, text).toBeDefined();
    const states = await waitForJobs(c, [driver!], calOut);
    expect(states.get(driver!), logs(c, calOut)).toBe('COMPLETED');
    const ensemble = (dir: string) => readFileSync(join(dir, 'ensemble.json'), 'utf8');
    expect(ensemble(calOut)).toBe(ensemble(local));
    const logNames = readdirSync(join(calOut, 'slurm', 'logs'));
    const shardLogs = logNames.filter((f) => f.startsWith('shard-'));
    // Two generations need at least two rounds, then the predictive check: two tasks each.
    expect(shardLogs.length).toBeGreaterThanOrEqual(6);
    expect(shardLogs.length % 2).toBe(0);
    const driverLog = readFileSync(join(calOut, 'slurm', 'logs', `driver-${driver}.out`), 'utf8');
    expect(driverLog).toContain('calibrate: generation 1 done');
    expect(driverLog).toContain('diagnostics');
  }, 300_000);
});
