/** `tanker run`: one replicate, its per-tick indicators as CSV and JSON, and a manifest that reruns it. */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Calendar } from '../engine/calendar.js';
import { writeFileAtomic } from '../io/atomic.js';
import { fileHashes } from '../io/hash.js';
import { provenance } from '../io/provenance.js';
import { writeRunRecords } from '../io/records.js';
import { guardStorage } from '../io/storage.js';
import { indicatorsCsv, indicatorsJson } from '../io/tables.js';
import { type InterventionItem, type ModelConfig, type RecordSpec, runReplicate } from '../model/index.js';
import type { ResolvedScenarioJson, ScenarioOrigin } from '../scenario/index.js';

export interface RunSpec {
  readonly name: string;
  readonly source: string;
  readonly config: ModelConfig;
  readonly seed: string | number;
  readonly replicate: number;
  /** The sweep point applied to the configuration, or null. */
  readonly point: number | null;
  readonly interventions: readonly InterventionItem[];
  readonly elections: boolean;
  /** The fully resolved scenario (a valid scenario itself), recorded in the manifest. */
  readonly resolved: ResolvedScenarioJson;
  readonly origin: ScenarioOrigin;
}

export type RunFormat = 'csv' | 'json';

export interface RunOutput {
  readonly dir: string;
  readonly files: readonly string[];
  /** SHA-256 of each data file. */
  readonly hashes: Readonly<Record<string, string>>;
  readonly turnTick: number | null;
  readonly final: Readonly<Record<string, number>>;
  readonly ms: number;
}

/** The folder of one replicate's output (names and seeds are at most 100 characters, so it fits any file system). */
export function runFolderName(spec: Pick<RunSpec, 'name' | 'seed' | 'replicate' | 'point'>): string {
  return `${safe(spec.name)}-seed${safe(String(spec.seed))}${spec.point === null ? '' : `-point${spec.point}`}-rep${spec.replicate}`;
}

export function runToFolder(spec: RunSpec, outRoot: string, formats: readonly RunFormat[], record?: RecordSpec): RunOutput {
  const started = new Date().toISOString(); // clock-ok: manifest metadata, not model time
  const t0 = performance.now(); // clock-ok
  const result = runReplicate(spec.config, spec.seed, spec.replicate, {
    interventions: spec.interventions,
    elections: spec.elections,
    ...(record ? { record } : {}),
  });
  const ms = performance.now() - t0; // clock-ok
  const cal = new Calendar(spec.config.startDate, spec.config.ticks);
  const dir = resolve(outRoot, runFolderName(spec));
  const tables: [string, string][] = [];
  if (formats.includes('csv')) tables.push(['indicators.csv', indicatorsCsv(result, cal)]);
  if (formats.includes('json')) tables.push(['indicators.json', indicatorsJson(result, cal)]);
  const hashes: Record<string, string> = {};
  const recorded: string[] = [];
  guardStorage(dir, () => {
    for (const [name, text] of tables) {
      writeFileAtomic(join(dir, name), text);
      hashes[name] = createHash('sha256').update(text).digest('hex');
    }
    if (result.records) {
      recorded.push(...writeRunRecords(dir, result.records, cal, `tanker ${provenance().version}`));
      Object.assign(hashes, fileHashes(dir, recorded));
    }
  });
  const files = [...tables.map(([name]) => name), ...recorded];
  const W = result.indicators.length;
  const last = result.ticks - 1;
  const final: Record<string, number> = {};
  result.indicators.forEach((n, c) => {
    final[n] = result.data[last * W + c]!;
  });
  const manifest = {
    ...provenance(),
    kind: 'run',
    scenario: { name: spec.name, source: spec.source, files: spec.origin.files },
    overrides: spec.origin.overrides,
    seed: spec.seed,
    replicate: spec.replicate,
    point: spec.point,
    startDate: spec.config.startDate,
    ticks: spec.config.ticks,
    endDate: cal.isoDate(last),
    turnTick: result.turnTick,
    turnDate: result.turnTick === null ? null : cal.isoDate(result.turnTick),
    totals: result.totals,
    ...(record ? { record } : {}),
    files,
    sha256: hashes,
    startedAt: started,
    runMs: Math.round(ms * 10) / 10,
    resolved: spec.resolved,
  };
  guardStorage(dir, () => writeFileAtomic(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`));
  return { dir, files: [...files, 'manifest.json'], hashes, turnTick: result.turnTick, final, ms };
}

function safe(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '_');
}
