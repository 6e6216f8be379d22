/**
 * `tanker run`, `tanker validate` and `tanker schema`: scenario files in, one run or checks out.
 * Each action loads its work when it runs (start-up: docs/architecture.md).
 */
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { fmt, pct } from '../engine/format.js';
import { RECORDABLE, type Recordable, SIZE_PRESETS } from '../model/index.js';
import type { ScenarioError } from '../scenario/errors.js';
import { LIMITS } from '../scenario/limits.js';
import { parseIntArg, parseRecordArg, parseSeedArg, recordSpec } from './args.js';
import type { PresetName } from './resolve.js';

export interface RunOptions {
  preset: PresetName;
  seed?: string;
  replicate: number;
  ticks?: number;
  point?: number;
  out: string;
  format: string;
  elections: boolean;
  yes?: boolean;
  record?: Recordable[];
  every: number;
}

const FORMATS = ['csv', 'json'] as const;

export async function runCommand(scenario: string | undefined, opts: RunOptions): Promise<void> {
  const [{ resolveRunSpec }, { runToFolder }, { estimate }, { confirmCost }] = await Promise.all([
    import('./resolve.js'),
    import('./run.js'),
    import('../batch/preflight.js'),
    import('./confirm.js'),
  ]);
  const formats = opts.format.split(',').map((f) => f.trim());
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new Error(`--format: unknown format "${f}"; allowed: ${FORMATS.join(', ')}.`);
  }
  const spec = resolveRunSpec(scenario, opts);
  const one = { ...spec, replicates: 1, points: [{ index: 0, values: {} }], resolved: spec.resolved };
  confirmCost(estimate([one]), { threads: 1, out: resolve(opts.out), yes: opts.yes ?? false, what: 'run' });
  const out = runToFolder(spec, opts.out, formats as ('csv' | 'json')[], recordSpec(opts.record, opts.every));
  const f = out.final;
  const share = (v: number | undefined) => pct(v ?? Number.NaN, 1);
  console.log(`${spec.name}: seed ${spec.seed}, replicate ${spec.replicate}, ${spec.config.ticks} weeks in ${out.ms.toFixed(0)} ms`);
  console.log(
    `  transformation index ${fmt(f.transformationIndex ?? Number.NaN, 3)}; turned: ${out.turnTick === null ? 'no' : `week ${out.turnTick}`}`,
  );
  console.log(`  NPG in documents ${share(f.documentsNPG)}, in practice ${share(f.practiceNPG)} (gap ${share(f.policyPracticeGap)})`);
  console.log(
    `  actual co-creation ${share(f.coCreationActual)} of staff, reported ${share(f.coCreationReported)}; routines ${f.routines}`,
  );
  console.log(`wrote ${out.files.join(', ')} to ${out.dir}`);
}

/** `tanker validate FILE...`: check each scenario (and its extends chain) without running; exit code 1 if any has errors. */
export async function validateCommand(files: readonly string[]): Promise<void> {
  const [{ displayFile, formatErrors, loadScenario }, { describeCost, estimate, warnings }, { defaultThreads }] = await Promise.all([
    import('../scenario/index.js'),
    import('../batch/preflight.js'),
    import('../batch/pool.js'),
  ]);
  let failed = 0;
  for (const file of files) {
    // Sensitivity, calibration, search, discover and municipality files are checked as such.
    const kind = await fileKind(file);
    if (kind !== 'scenario') {
      const checked = await checkOtherFile(kind, file);
      if (checked.ok) console.log(`ok  ${displayFile(file)} (${checked.what})`);
      else {
        failed++;
        console.error(`${displayFile(file)}: ${checked.errors.length} error${checked.errors.length === 1 ? '' : 's'}`);
        console.error(formatErrors(checked.errors));
      }
      continue;
    }
    const r = loadScenario(file);
    if (r.ok) {
      const s = r.scenario;
      const n = s.interventions.length;
      const p = s.points.length;
      const batch = { ...s, source: file, points: s.points };
      const cost = estimate([batch]);
      console.log(
        `ok  ${displayFile(file)} (${s.name}, ${n} intervention${n === 1 ? '' : 's'}${p > 1 ? `, ${p} sweep points` : ''}; a batch: ${describeCost(cost)})`,
      );
      for (const note of s.notes) console.log(`    note: ${note}`);
      for (const w of warnings(cost, { threads: defaultThreads(), memory: totalmem(), free: null }))
        console.log(`    far above normal: ${w}; tanker run and batch will ask for --yes`);
    } else {
      failed++;
      const k = r.errors.length;
      console.error(`${displayFile(file)}: ${k} error${k === 1 ? '' : 's'}`);
      console.error(formatErrors(r.errors));
    }
  }
  if (failed > 0) {
    if (files.length > 1) console.error(`${failed} of ${files.length} scenario files have errors.`);
    process.exitCode = 1;
  }
}

/** `tanker schema`: the scenario JSON Schema (draft 2020-12) on stdout. */
export async function schemaCommand(): Promise<void> {
  const { scenarioJsonSchemaText } = await import('../scenario/json-schema.js');
  process.stdout.write(scenarioJsonSchemaText());
}

/**
 * A calibration file has a top-level `targets` key, a sensitivity set-up `scenario` and `method`
 * keys; a scenario file has none of them.
 */
type FileKind = 'calibration' | 'sensitivity' | 'search' | 'discover' | 'municipality' | 'scenario';

/** Checks a file that is not a scenario with its own loader; `what` says what it holds. */
async function checkOtherFile(
  kind: Exclude<FileKind, 'scenario'>,
  file: string,
): Promise<{ ok: true; what: string } | { ok: false; errors: readonly ScenarioError[] }> {
  const { displayFile } = await import('../scenario/index.js');
  if (kind === 'calibration') {
    const c = (await import('../analysis/calibration-spec.js')).loadCalibration(file);
    return c.ok
      ? {
          ok: true,
          what: `calibration of ${c.spec.scenario.name}: ${c.spec.parameters.length} parameters, ${c.spec.targets.length} targets`,
        }
      : c;
  }
  if (kind === 'sensitivity') {
    const s = (await import('../analysis/sensitivity.js')).loadSensitivity(file);
    return s.ok ? { ok: true, what: `sensitivity of ${displayFile(s.spec.scenarioFile)}, ${s.spec.parameters.length} parameters` } : s;
  }
  if (kind === 'municipality') {
    const m = (await import('../municipality/spec.js')).loadMunicipality(file);
    return m.ok ? { ok: true, what: `municipality ${m.spec.name}; write its scenario with tanker municipality` } : m;
  }
  const { loadDiscover, loadSearch } = await import('./search-files.js');
  const r = kind === 'search' ? loadSearch(file) : loadDiscover(file);
  return r.ok ? { ok: true, what: `${kind} file` } : r;
}

async function fileKind(file: string): Promise<FileKind> {
  const { parseSource } = await import('../scenario/parse.js');
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length > LIMITS.fileBytes) return 'scenario'; // the scenario loader reports the size without reading it
    const { data } = parseSource(text, file);
    if (typeof data !== 'object' || data === null) return 'scenario';
    if ('targets' in data) return 'calibration';
    if ('objectives' in data) return 'search';
    if ('conditions' in data) return 'discover';
    if (typeof (data as { organisation?: unknown }).organisation === 'string') return 'municipality';
    return 'scenario' in data && 'method' in data ? 'sensitivity' : 'scenario';
  } catch {
    return 'scenario'; // unreadable: the scenario loader reports it
  }
}

export function registerScenarioCommands(program: Command): void {
  program
    .command('run')
    .description(
      'Run one replicate of a scenario (default: the built-in medium municipality) and write its per-tick indicators and a manifest.',
    )
    .argument('[scenario]', 'scenario file (.yaml, .yml or .json); omit for the built-in default')
    .addOption(new Option('--preset <size>', 'size preset when no scenario file is given').choices(SIZE_PRESETS).default('medium'))
    .option('--seed <seed>', 'master seed (overrides the scenario seed)', parseSeedArg)
    .option('--replicate <n>', 'replicate index', parseIntArg('--replicate', 0, 1_000_000), 0)
    .option('--ticks <n>', 'weekly ticks to simulate (overrides the scenario)', parseIntArg('--ticks', 1, LIMITS.horizon))
    .option('--point <k>', "run sweep point k of the scenario's sweep (0-based)", parseIntArg('--point', 0, LIMITS.sweepPoints - 1))
    .option('--out <dir>', 'output folder', 'output/runs')
    .addOption(new Option('--format <list>', 'comma-separated output formats').default('csv,json'))
    .option('--no-elections', 'switch the four-yearly municipal election off')
    .option('--yes', 'start even if the run is far above normal in time or memory', false)
    .option(
      '--record <list>',
      `also record, as Parquet: ${RECORDABLE.join(', ')} (agent and tie snapshots, the initiative event log)`,
      parseRecordArg,
    )
    .option('--every <weeks>', 'weeks between agent and tie snapshots with --record', parseIntArg('--every', 1, LIMITS.horizon), 4)
    .action(runCommand);

  program
    .command('validate')
    .description('Check scenario files (and the files they extend) without running them; exit code 1 if any has errors.')
    .argument('<files...>', 'scenario files (.yaml, .yml or .json)')
    .action(validateCommand);

  program
    .command('schema')
    .description('Print the JSON Schema (draft 2020-12) of scenario files, for editors: tanker schema > scenario.schema.json')
    .action(schemaCommand);
}
