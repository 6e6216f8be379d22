/**
 * Ensemble files: the plausible parameter sets a calibration found (`tanker calibrate` writes
 * them; `tanker batch --ensemble` runs on them). Members carry their ABC-SMC importance weights.
 * A batch does not sample them itself: the file holds `order`, N member indices drawn once by
 * systematic resampling of the weights and shuffled with the calibration's seed, and replicate r
 * of every scenario uses member order[r mod N]. So each member appears in proportion to its weight,
 * replicate r sees the same parameter set in every scenario (common random numbers extend to the
 * parameters), and the mapping does not depend on how many replicates a batch runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PARAM_GROUPS } from '../model/index.js';
import { ORG_NUMERIC, type SweepPoint } from './sweep.js';

export const ENSEMBLE_FORMAT = 'tanker-ensemble/1';

export interface EnsembleMember {
  /** Normalised importance weight (the weights sum to 1). */
  readonly weight: number;
  /** ABC distance of the simulation that accepted it. */
  readonly distance: number;
  /** Parameter values by name ("group.name" or "organisation.field"). */
  readonly values: Readonly<Record<string, number>>;
}

export interface EnsembleFile {
  readonly format: typeof ENSEMBLE_FORMAT;
  readonly name: string;
  readonly description: string | null;
  readonly parameters: readonly { readonly name: string; readonly min: number; readonly max: number; readonly integer?: boolean }[];
  readonly members: readonly EnsembleMember[];
  /** Replicate r uses members[order[r mod order.length]]. */
  readonly order: readonly number[];
  readonly rule: string;
  /** What made it: spec hash, targets, model version, seed, and more (free-form JSON). */
  readonly provenance: Readonly<Record<string, unknown>>;
  /** Anything else the calibration records (history, posterior predictive checks). */
  readonly [extra: string]: unknown;
}

/** An ensemble as a batch uses it. */
export interface BatchEnsemble {
  /** The path as given. */
  readonly source: string;
  /** SHA-256 of the file's bytes (16 hex digits). */
  readonly hash: string;
  readonly name: string;
  readonly members: readonly EnsembleMember[];
  readonly order: readonly number[];
}

/** An ensemble as a batch manifest records it. */
export interface ManifestEnsemble {
  /** Absolute path of the file. */
  readonly source: string;
  readonly hash: string;
  readonly name: string;
  readonly members: number;
  readonly rule: string;
}

export const ORDER_RULE = 'replicate r uses members[order[r mod order.length]]; order: systematic resampling of the weights, shuffled';

/** The parameter values replicate r of a batch runs with. */
export function memberPoint(e: BatchEnsemble, replicate: number): SweepPoint {
  return { index: 0, values: e.members[e.order[replicate % e.order.length]!]!.values };
}

function bounds(name: string): { min: number; max: number } | null {
  const [group, field] = name.split('.', 2) as [string, string | undefined];
  if (field === undefined) return null;
  if (group === 'organisation') return field in ORG_NUMERIC ? { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY } : null;
  const spec = (PARAM_GROUPS as Record<string, Record<string, { min: number; max: number }>>)[group]?.[field];
  return spec ? { min: spec.min, max: spec.max } : null;
}

/**
 * Read an ensemble file for a batch; a problem throws one line naming the file, the field path,
 * the value found and what is allowed.
 */
export function readEnsemble(path: string): BatchEnsemble {
  const file = resolve(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new Error(
      `${path}: cannot read the ensemble file: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : String(e)}`,
    );
  }
  const bad = (at: string, found: unknown, allowed: string): never => {
    throw new Error(`${path}: ${at}: found ${JSON.stringify(found)?.slice(0, 80)}; allowed: ${allowed}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new Error(
      `${path}: not JSON (${e instanceof Error ? e.message : String(e)}); allowed: an ensemble file written by tanker calibrate`,
    );
  }
  const d = data as Partial<EnsembleFile>;
  if (typeof d !== 'object' || d === null || d.format !== ENSEMBLE_FORMAT)
    bad('format', d?.format, `"${ENSEMBLE_FORMAT}" (a file written by tanker calibrate)`);
  if (!Array.isArray(d.members) || d.members.length === 0) bad('members', d.members, 'a non-empty list of members');
  const members = d.members as EnsembleMember[];
  members.forEach((m, i) => {
    if (typeof m !== 'object' || m === null || typeof m.values !== 'object' || m.values === null)
      bad(`members[${i}]`, m, 'a mapping with weight, distance and values');
    for (const [name, v] of Object.entries(m.values)) {
      const b = bounds(name);
      if (!b) bad(`members[${i}].values`, name, 'model parameter names "group.name" or numeric "organisation.field"');
      if (typeof v !== 'number' || !(v >= b!.min && v <= b!.max))
        bad(`members[${i}].values["${name}"]`, v, `a number from ${b!.min} to ${b!.max}`);
    }
  });
  const order = d.order;
  if (!Array.isArray(order) || order.length === 0) bad('order', order, 'a non-empty list of member indices');
  (order as unknown[]).forEach((k, i) => {
    if (!Number.isInteger(k) || (k as number) < 0 || (k as number) >= members.length)
      bad(`order[${i}]`, k, `a member index from 0 to ${members.length - 1}`);
  });
  return {
    source: path,
    hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
    name: typeof d.name === 'string' ? d.name : '',
    members,
    order: order as number[],
  };
}
