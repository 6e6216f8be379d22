// No option of `tanker cluster slurm` can become a command in the generated scripts. Every option
// that reaches batch.sh, merge.sh or submit.sh gets hostile values (a newline followed by a
// command, $(...), backquotes, quotes, separators): values that Slurm itself would not accept are
// refused before anything is written, naming the option, the value and what is allowed; values
// that are legitimate text (a seed, a scenario file name) are quoted, and the scripts, run with a
// stand-in node and sbatch, pass them on literally. In no case does the marker file appear.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { slurmScripts, writeSlurmJob } from '../../src/cluster/slurm.js';
import { cluster } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'tanker-hostile-'));
const MARKER = join(work, 'PWNED');
const GOOD = join(work, 'good.yaml');
writeFileSync(GOOD, 'name: good\nseed: 1\nreplicates: 2\nsize: small\nhorizon: 4\n');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HOSTILE = [
  `debug\ntouch ${MARKER}`,
  `$(touch ${MARKER})`,
  `\`touch ${MARKER}\``,
  `x; touch ${MARKER}`,
  `'; touch ${MARKER}; '`,
  `"; touch ${MARKER}; "`,
  `x && touch ${MARKER}`,
  `x | touch ${MARKER}`,
  'with space',
  'back\\slash',
];

describe('options that Slurm reads are refused unless Slurm would accept them', () => {
  const ACCEPTED: Record<string, string[]> = {
    '--partition': ['debug', 'short,long', 'gpu-a100'],
    '--account': ['proj42', 'nn9999k'],
    '--time': ['30', '01:00:00', '2-12', '1-00:30:00', 'UNLIMITED'],
    '--mem': ['4G', '4000', '512m'],
  };
  for (const [option, good] of Object.entries(ACCEPTED)) {
    it(`${option}: every hostile value is refused before anything is written; ordinary values pass`, async () => {
      for (const [k, value] of HOSTILE.entries()) {
        const out = join(work, `${option.slice(2)}-${k}`);
        await expect(cluster(['slurm', GOOD, '--shards', '2', '--out', out, option, value])).rejects.toThrow(
          `${option}: found ${JSON.stringify(value)}; allowed: `,
        );
        expect(existsSync(out), `${out} must not be created`).toBe(false);
      }
      for (const value of good)
        await cluster(['slurm', GOOD, '--shards', '2', '--out', join(work, `ok-${option.slice(2)}`), option, value]);
      expect(existsSync(MARKER)).toBe(false);
    });
  }

  for (const [command, fixture] of [
    ['calibrate', join('tests', 'calibration', 'fixtures', 'tiny.yaml')],
    ['search', join('tests', 'search', 'fixtures', 'tiny.yaml')],
  ] as const)
    it(`cluster ${command} refuses the same hostile values and folders before writing anything`, async () => {
      const file = resolve(fixture);
      for (const [k, value] of HOSTILE.entries()) {
        const out = join(work, `${command}-${k}`);
        await expect(cluster([command, file, '--shards', '2', '--out', out, '--partition', value])).rejects.toThrow(
          `--partition: found ${JSON.stringify(value)}; allowed: `,
        );
        expect(existsSync(out), `${out} must not be created`).toBe(false);
      }
      const spaced = join(work, `${command} with space`);
      await expect(cluster([command, file, '--shards', '2', '--out', spaced])).rejects.toThrow(/the results folder .* contains characters/);
      expect(existsSync(spaced)).toBe(false);
      const out = join(work, `${command}-ok`);
      await cluster([command, file, '--shards', '2', '--out', out, '--time', '01:00:00']);
      expect(readFileSync(join(out, 'slurm', `${command}-driver.sh`), 'utf8')).toContain('--resume --shards 2');
      expect(readFileSync(join(out, 'slurm', `${command}-shard.sh`), 'utf8')).toContain(
        `${command} ${file} --out ${out} --shard "$shard/2"`,
      );
      expect(existsSync(join(out, 'checkpoint.json'))).toBe(true);
      expect(existsSync(MARKER)).toBe(false);
    });

  it('integer options take integers only', async () => {
    for (const option of ['--shards', '--cpus-per-task', '--replicates'])
      for (const value of [`2; touch ${MARKER}`, '$(id)', '1.5', '2\n3'])
        await expect(cluster(['slurm', GOOD, '--shards', '2', '--out', join(work, 'int'), option, value])).rejects.toThrow(
          /must be an integer/,
        );
    expect(existsSync(join(work, 'int'))).toBe(false);
  });

  it('--out: a folder whose name a script cannot carry safely is refused, and nothing is written', async () => {
    for (const [k, bad] of ['$(touch X)', '`touch X`', 'a b', "it's", 'x;y', 'new\nline'].entries()) {
      const out = join(work, `out-${k}`, bad);
      await expect(cluster(['slurm', GOOD, '--shards', '2', '--out', out])).rejects.toThrow(
        /contains characters a Slurm script cannot carry safely/,
      );
      expect(existsSync(join(work, `out-${k}`))).toBe(false);
    }
  });

  it('--seed must be one line (it names folders), and --runner is one of three words', async () => {
    await expect(cluster(['slurm', GOOD, '--shards', '2', '--out', join(work, 'seed'), '--seed', `a\ntouch ${MARKER}`])).rejects.toThrow(
      /--seed must be a text of 1 to 100 characters on one line/,
    );
    await expect(cluster(['slurm', GOOD, '--shards', '2', '--out', join(work, 'runner'), '--runner', 'tsx; id'])).rejects.toThrow(
      /Allowed choices/,
    );
  });
});

describe('text that may be anything is quoted: the scripts pass it on literally', () => {
  /** A stand-in for node (and sbatch) that writes its arguments, one per line, to a file. */
  function recorder(name: string): { path: string; args: () => string[] } {
    const path = join(work, 'bin', name);
    const log = join(work, `${name}.args`);
    mkdirSync(join(work, 'bin'), { recursive: true });
    writeFileSync(path, `#!/bin/bash\nfor a in "$@"; do printf '%s\\0' "$a"; done >> ${JSON.stringify(log)}\necho 4242\n`);
    chmodSync(path, 0o755);
    return { path, args: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\0').slice(0, -1) : []) };
  }

  it('hostile seeds and scenario file names reach tanker unchanged, and nothing else runs', () => {
    const node = recorder('node');
    const sbatch = recorder('sbatch');
    const root = join(work, 'project');
    mkdirSync(root, { recursive: true });
    const seeds = HOSTILE.filter((v) => !v.includes('\n'));
    for (const [k, seed] of seeds.entries()) {
      const file = join(work, `odd ${k} $(touch ${MARKER}) 'q'.yaml`);
      const out = join(work, `quoted-${k}`);
      const job = {
        files: [file],
        shards: 2,
        out,
        seed,
        replicates: 2,
        hash: '0123456789abcdef',
        tanker: { root, how: 'dist' as const, args: [join(root, 'main.js')], reason: 'test' },
        node: node.path,
        report: true,
      };
      for (const script of Object.values(slurmScripts(job))) expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
      const paths = writeSlurmJob(job);
      const before = node.args().length;
      const run = spawnSync('bash', [paths.batch, '2'], {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${join(work, 'bin')}:${process.env.PATH}` },
      });
      expect(run.status, run.stderr).toBe(0);
      const args = node.args().slice(before);
      expect(args.slice(0, 4)).toEqual([join(root, 'main.js'), 'batch', file, '--shard']);
      expect(args[args.indexOf('--seed') + 1]).toBe(seed);
      expect(args[args.indexOf('--out') + 1]).toBe(out);
      expect(spawnSync('bash', [paths.merge], { env: { ...process.env, SLURM_JOB_ID: '1' } }).status).toBe(0);
      const submit = spawnSync('bash', [paths.submit], {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${join(work, 'bin')}:${process.env.PATH}` },
      });
      expect(submit.status, submit.stderr).toBe(0);
      expect(submit.stdout).toContain(`progress: tanker cluster status ${out}`);
    }
    expect(sbatch.args()).toContain('--parsable');
    expect(existsSync(MARKER)).toBe(false);
  });
});
