/** Command actions: turn parsed options into work, print a short human summary. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadSensitivity } from '../analysis/sensitivity.js';
import { displayFile, formatErrors, loadScenario, scenarioJsonSchemaText } from '../scenario/index.js';
import { type PresetName, resolveRunSpec } from './resolve.js';
import { runToFolder } from './run.js';

export interface RunOptions {
  preset: PresetName;
  seed?: string;
  replicate: number;
  ticks?: number;
  out: string;
  format: string;
  elections: boolean;
}

const FORMATS = ['csv', 'json'] as const;

export function runCommand(scenario: string | undefined, opts: RunOptions): void {
  const formats = opts.format.split(',').map((f) => f.trim());
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new Error(`--format: unknown format "${f}"; allowed: ${FORMATS.join(', ')}.`);
  }
  const spec = resolveRunSpec(scenario, opts);
  const out = runToFolder(spec, opts.out, formats as ('csv' | 'json')[]);
  const f = out.final;
  const pct = (v: number | undefined) => `${(100 * (v ?? Number.NaN)).toFixed(1)} %`;
  console.log(`${spec.name}: seed ${spec.seed}, replicate ${spec.replicate}, ${spec.config.ticks} weeks in ${out.ms.toFixed(0)} ms`);
  console.log(
    `  transformation index ${f.transformationIndex?.toFixed(3)}; turned: ${out.turnTick === null ? 'no' : `week ${out.turnTick}`}`,
  );
  console.log(`  NPG in documents ${pct(f.documentsNPG)}, in practice ${pct(f.practiceNPG)} (gap ${pct(f.policyPracticeGap)})`);
  console.log(`  actual co-creation ${pct(f.coCreationActual)} of staff, reported ${pct(f.coCreationReported)}; routines ${f.routines}`);
  console.log(`wrote ${out.files.join(', ')} to ${out.dir}`);
}

/** `tanker validate FILE...`: check each scenario (and its extends chain) without running; exit code 1 if any has errors. */
export function validateCommand(files: readonly string[]): void {
  let failed = 0;
  for (const file of files) {
    // Sensitivity set-ups (scenarios/sensitivity/) name a scenario and a method; check them as such.
    if (isSensitivityFile(file)) {
      const s = loadSensitivity(file);
      if (s.ok)
        console.log(
          `ok  ${displayFile(file)} (sensitivity of ${displayFile(s.spec.scenarioFile)}, ${s.spec.parameters.length} parameters)`,
        );
      else {
        failed++;
        console.error(`${displayFile(file)}: ${s.errors.length} error${s.errors.length === 1 ? '' : 's'}`);
        console.error(formatErrors(s.errors));
      }
      continue;
    }
    const r = loadScenario(file);
    if (r.ok) {
      const n = r.scenario.interventions.length;
      console.log(`ok  ${displayFile(file)} (${r.scenario.name}, ${n} intervention${n === 1 ? '' : 's'})`);
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
export function schemaCommand(): void {
  process.stdout.write(scenarioJsonSchemaText());
}

/** A sensitivity set-up has top-level `scenario` and `method` keys; a scenario file has neither. */
function isSensitivityFile(file: string): boolean {
  try {
    const doc = parse(readFileSync(file, 'utf8')) as unknown;
    return typeof doc === 'object' && doc !== null && 'scenario' in doc && 'method' in doc;
  } catch {
    return false; // unreadable or malformed: the scenario loader reports it with positions
  }
}
