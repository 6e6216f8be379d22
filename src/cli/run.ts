/** `tanker run`: one replicate, its per-tick indicators as CSV and JSON, and a manifest. */
import { join, resolve } from 'node:path';
import { Calendar } from '../engine/calendar.js';
import { writeFileAtomic } from '../io/atomic.js';
import { provenance } from '../io/provenance.js';
import { indicatorsCsv, indicatorsJson } from '../io/tables.js';
import { type InterventionItem, type ModelConfig, runReplicate } from '../model/index.js';

export interface RunSpec {
  readonly name: string;
  readonly source: string;
  readonly config: ModelConfig;
  readonly seed: string | number;
  readonly replicate: number;
  readonly interventions: readonly InterventionItem[];
  readonly elections: boolean;
  /** The fully resolved scenario (defaults filled in), recorded in the manifest. */
  readonly resolved: unknown;
}

export interface RunOutput {
  readonly dir: string;
  readonly files: readonly string[];
  readonly turnTick: number | null;
  readonly final: Readonly<Record<string, number>>;
  readonly ms: number;
}

export function runToFolder(spec: RunSpec, outRoot: string, formats: readonly ('csv' | 'json')[]): RunOutput {
  const started = new Date().toISOString(); // clock-ok: manifest metadata, not model time
  const t0 = performance.now(); // clock-ok
  const result = runReplicate(spec.config, spec.seed, spec.replicate, { interventions: spec.interventions, elections: spec.elections });
  const ms = performance.now() - t0; // clock-ok
  const cal = new Calendar(spec.config.startDate, spec.config.ticks);
  const dir = resolve(outRoot, `${safe(spec.name)}-seed${safe(String(spec.seed))}-rep${spec.replicate}`);
  const files: string[] = [];
  if (formats.includes('csv')) {
    writeFileAtomic(join(dir, 'indicators.csv'), indicatorsCsv(result, cal));
    files.push('indicators.csv');
  }
  if (formats.includes('json')) {
    writeFileAtomic(join(dir, 'indicators.json'), indicatorsJson(result, cal));
    files.push('indicators.json');
  }
  const W = result.indicators.length;
  const last = result.ticks - 1;
  const final: Record<string, number> = {};
  result.indicators.forEach((n, c) => {
    final[n] = result.data[last * W + c]!;
  });
  const manifest = {
    ...provenance(),
    kind: 'run',
    scenario: { name: spec.name, source: spec.source },
    seed: spec.seed,
    replicate: spec.replicate,
    startDate: spec.config.startDate,
    ticks: spec.config.ticks,
    endDate: cal.isoDate(last),
    turnTick: result.turnTick,
    turnDate: result.turnTick === null ? null : cal.isoDate(result.turnTick),
    totals: result.totals,
    files,
    startedAt: started,
    runMs: Math.round(ms * 10) / 10,
    resolved: spec.resolved,
  };
  writeFileAtomic(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  files.push('manifest.json');
  return { dir, files, turnTick: result.turnTick, final, ms };
}

function safe(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '_');
}
