/**
 * The work of `tanker rerun MANIFEST` (rerun-command.ts registers it): run a replicate or a batch again from its manifest.json alone (no
 * scenario files needed) and check that the data files are byte-identical to the ones the
 * manifest recorded. Exit code 1 if any differs.
 */
import { resolve } from 'node:path';
import { makePlan } from '../batch/plan.js';
import {
  checkVersions,
  differingFiles,
  type Manifest,
  manifestBatch,
  readManifest,
  recordedHashes,
  resolveManifestScenario,
} from '../batch/rerun.js';
import { shellCommand } from '../io/shell.js';
import type { RecordSpec } from '../model/index.js';
import { displayFile } from '../scenario/index.js';
import { runBatchCommand } from './batch-commands.js';
import { runSpecOf } from './resolve.js';
import { type RunFormat, runToFolder } from './run.js';

export interface RerunOptions {
  out: string;
  threads?: number;
  resume: boolean;
  quiet: boolean;
  yes: boolean;
}

function report(recorded: Readonly<Record<string, string>>, dir: string, label: string): void {
  const files = Object.keys(recorded);
  if (files.length === 0) {
    console.log(`note: ${label} records no checksums of its data files, so the rerun cannot be compared with it`);
    return;
  }
  const differ = differingFiles(dir, recorded);
  if (differ.length === 0) {
    console.log(`identical to ${label}: ${files.join(', ')}`);
    return;
  }
  console.error(`rerun: ${differ.join(', ')} differ${differ.length === 1 ? 's' : ''} from ${label} (the other files are identical)`);
  process.exitCode = 1;
}

function rerunRun(m: Manifest, path: string, opts: RerunOptions): void {
  const s = resolveManifestScenario(m.resolved, path, 'resolved');
  const spec = runSpecOf(s, path, { replicate: m.replicate ?? 0, point: m.point ?? undefined, elections: true });
  const recorded = recordedHashes(m);
  const files = Array.isArray(m.files) ? (m.files as string[]) : Object.keys(recorded);
  const formats = (['csv', 'json'] as const).filter((f) => files.includes(`indicators.${f}`)) as RunFormat[];
  const record = (m as { record?: RecordSpec }).record;
  const out = runToFolder(spec, opts.out, formats.length > 0 ? formats : ['csv', 'json'], record);
  console.log(
    `reran ${spec.name}: seed ${spec.seed}, replicate ${spec.replicate}${spec.point === null ? '' : `, point ${spec.point}`}, ${spec.config.ticks} weeks; wrote ${out.files.join(', ')} to ${out.dir}`,
  );
  report(recorded, out.dir, displayFile(path));
}

async function rerunBatch(m: Manifest, path: string, opts: RerunOptions): Promise<void> {
  const scenarios = manifestBatch(m, path);
  const hash = makePlan(scenarios).hash;
  if (m.plan !== undefined && hash !== m.plan)
    throw new Error(
      `${path}: its scenarios make plan ${hash}, but it records plan ${m.plan}; the manifest was changed after it was written`,
    );
  const again = shellCommand(['tanker', 'rerun', path, '--out', opts.out, '--resume']);
  const r = await runBatchCommand(
    scenarios,
    {
      out: opts.out,
      threads: opts.threads,
      shard: null,
      resume: opts.resume,
      quiet: opts.quiet,
      yes: opts.yes,
      record: (m as { record?: RecordSpec }).record,
    },
    again,
  );
  if (r) report(recordedHashes(m), resolve(opts.out), displayFile(path));
}

export async function rerunCommand(manifest: string, opts: RerunOptions): Promise<void> {
  const path = resolve(manifest);
  const m = readManifest(path);
  for (const note of checkVersions(m, displayFile(path))) console.error(`rerun: note: ${note}`);
  if (m.kind === 'run') rerunRun(m, path, opts);
  else await rerunBatch(m, path, opts);
}
