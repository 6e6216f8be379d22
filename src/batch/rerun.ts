/**
 * Reproducing a run or a batch from its manifest alone (`tanker rerun`): the manifest's
 * `resolved` blocks are scenarios with every default filled in, validated like a scenario file;
 * the model version must match (otherwise the numbers would differ), and differences in the
 * versions of Node or of the data-path dependencies are reported. After the rerun, the data
 * files' SHA-256 are compared with those the manifest recorded.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fsio } from '../io/fs.js';
import { dataDependencies, MODEL_VERSION } from '../io/provenance.js';
import { formatPath, type ResolvedScenario, resolveScenarioData } from '../scenario/index.js';
import { type ManifestEnsemble, readEnsemble } from './ensemble.js';
import type { BatchScenario } from './plan.js';

export interface ManifestScenarioEntry {
  readonly name: string;
  readonly source?: string;
  readonly replicates?: number;
  readonly resolved?: unknown;
  readonly ensemble?: ManifestEnsemble;
}

/** The fields of run and batch manifests that a rerun reads. */
export interface Manifest {
  readonly tool?: string;
  readonly kind?: string;
  readonly version?: string;
  readonly modelVersion?: string;
  readonly gitCommit?: string;
  readonly node?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  // a batch (or merge)
  readonly plan?: string;
  readonly scenarios?: readonly ManifestScenarioEntry[];
  readonly files?: Readonly<Record<string, string>> | readonly string[];
  // a run
  readonly seed?: string | number;
  readonly replicate?: number;
  readonly point?: number | null;
  readonly sha256?: Readonly<Record<string, string>>;
  readonly resolved?: unknown;
}

export function readManifest(path: string): Manifest {
  let text: string;
  try {
    text = fsio.readFileSync(path).toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(
      `${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder (give the manifest.json in it)' : String(e)}`,
    );
  }
  let m: Manifest;
  try {
    m = JSON.parse(text) as Manifest;
  } catch {
    throw new Error(`${path} is not a manifest: it is not JSON`);
  }
  if (m === null || typeof m !== 'object' || m.tool !== 'tanker' || (m.kind !== 'run' && m.kind !== 'batch' && m.kind !== 'merge'))
    throw new Error(
      `${path} is not the manifest of a tanker run or batch (kind "run", "batch" or "merge"); a shard's record cannot be rerun, rerun the merged batch's manifest.json`,
    );
  return m;
}

/** Throws if the model version differs (the numbers would); returns notes on other version differences. */
export function checkVersions(m: Manifest, path: string): string[] {
  if (m.modelVersion !== MODEL_VERSION)
    throw new Error(
      `${path} was made with model version ${m.modelVersion ?? '(none recorded)'}, this tanker has model version ${MODEL_VERSION}: its numbers would differ. To reproduce it, use tanker ${m.version ?? ''} at git commit ${m.gitCommit ?? '(not recorded)'}.`,
    );
  const notes: string[] = [];
  if (m.node !== undefined && m.node !== process.version)
    notes.push(`the manifest was made with Node ${m.node}, this is ${process.version}: mathematical functions may round differently`);
  if (m.dependencies === undefined) notes.push('the manifest does not record the versions of its dependencies; they cannot be compared');
  else {
    const here = dataDependencies() as Record<string, string>;
    for (const [pkg, v] of Object.entries(m.dependencies))
      if (here[pkg] !== undefined && here[pkg] !== v)
        notes.push(`${pkg} ${v} made the manifest, ${here[pkg]} is installed: numbers or bytes may differ`);
  }
  return notes;
}

/** A resolved block validated and resolved as a scenario; errors name the manifest and the path in it. */
export function resolveManifestScenario(resolved: unknown, path: string, at: string): ResolvedScenario {
  const r = resolveScenarioData(resolved, { source: `${path}#${at}` });
  if (r.ok) return r.scenario;
  const lines = r.issues.map((i) => `  ${at}${i.path.length > 0 ? `.${formatPath(i.path)}` : ''}: ${i.message}`);
  throw new Error(
    `${path}: the resolved scenario at ${at} is not a valid scenario (${lines.length} error(s)); nothing was run.\n${lines.join('\n')}`,
  );
}

/** The batch of a batch or merge manifest, exactly as it ran. */
export function manifestBatch(m: Manifest, path: string): BatchScenario[] {
  const entries = m.scenarios ?? [];
  if (entries.length === 0) throw new Error(`${path}: the manifest lists no scenarios`);
  return entries.map((e, k) => {
    const at = `scenarios[${k}].resolved`;
    const s = resolveManifestScenario(e.resolved, path, at);
    return {
      name: s.name,
      source: `${path}#${at}`,
      seed: s.seed,
      replicates: e.replicates ?? s.replicates,
      elections: s.elections,
      config: s.config,
      interventions: s.interventions,
      points: s.points,
      resolved: s.resolved,
      origin: s.origin,
      ...(e.ensemble ? { ensemble: manifestEnsemble(e.ensemble, path, k) } : {}),
    };
  });
}

/** The ensemble a batch ran on, read again from where the manifest says and checked against its hash. */
function manifestEnsemble(m: ManifestEnsemble, path: string, k: number) {
  const e = readEnsemble(m.source);
  if (e.hash !== m.hash)
    throw new Error(
      `${path}: scenarios[${k}].ensemble: ${m.source} has changed since the batch ran (hash ${e.hash}, the manifest recorded ${m.hash}); nothing was run`,
    );
  return e;
}

/** The data files of a manifest with their recorded SHA-256 (run manifests before `sha256` have none). */
export function recordedHashes(m: Manifest): Record<string, string> {
  if (m.kind === 'run') return { ...(m.sha256 ?? {}) };
  return m.files && !Array.isArray(m.files) ? { ...(m.files as Record<string, string>) } : {};
}

/** Files whose bytes differ from the recorded hashes (or are missing). */
export function differingFiles(dir: string, recorded: Readonly<Record<string, string>>): string[] {
  return Object.entries(recorded)
    .filter(([f, h]) => {
      const p = join(dir, f);
      return !fsio.existsSync(p) || createHash('sha256').update(fsio.readFileSync(p)).digest('hex') !== h;
    })
    .map(([f]) => f);
}
