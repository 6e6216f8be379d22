/**
 * What an agent snapshot holds: for each population, its columns (name, integer or real, what it
 * means) and how to read them from the world. Used by the API (`agents(kind)`) and by recording
 * (`--record agents`); ties are an edge list. Pure: no allocation beyond the columns returned.
 */
import type { World } from './state.js';

export interface ColumnSpec {
  readonly name: string;
  readonly type: 'int' | 'float';
  readonly doc: string;
  readonly get: (w: World, i: number) => number;
}

const f = (name: string, doc: string, get: (w: World, i: number) => number): ColumnSpec => ({ name, type: 'float', doc, get });
const n = (name: string, doc: string, get: (w: World, i: number) => number): ColumnSpec => ({ name, type: 'int', doc, get });

export const POPULATIONS = {
  staff: {
    size: (w: World) => w.staff.n,
    columns: [
      n('unit', 'unit index', (w, i) => w.staff.unit[i]!),
      n('manager', 'id of the first-line manager', (w, i) => w.staff.manager[i]!),
      n('enthusiast', '1 for an enthusiast (ildsjel)', (w, i) => w.staff.enthusiast[i]!),
      n('tugboat', '1 for a change agent', (w, i) => w.staff.tugboat[i]!),
      n('initiative', 'slot of the initiative the person works on, or -1', (w, i) => w.staff.initiative[i]!),
      n('tenure', 'weeks in the organisation', (w, i) => w.staff.tenure[i]!),
      f('logicOA', 'weight of bureaucracy in practice', (w, i) => w.staff.logic[3 * i]!),
      f('logicNPM', 'weight of NPM in practice', (w, i) => w.staff.logic[3 * i + 1]!),
      f('logicNPG', 'weight of NPG in practice', (w, i) => w.staff.logic[3 * i + 2]!),
      f('trustManager', 'trust in own manager', (w, i) => w.staff.trustMgr[i]!),
      f('burnout', 'burnout', (w, i) => w.staff.burnout[i]!),
      f('openness', 'openness to co-creation', (w, i) => w.staff.openness[i]!),
      f('competence', 'co-creation competence', (w, i) => w.staff.competence[i]!),
      f('fear', 'fear of error', (w, i) => w.staff.fear[i]!),
      f('motivation', 'motivation', (w, i) => w.staff.motivation[i]!),
      f('freeTime', 'free time for development', (w, i) => w.staff.freeTime[i]!),
      f('heard', 'share of the top direction heard recently', (w, i) => w.staff.heard[i]!),
      f('experience', 'positive co-creation experiences', (w, i) => w.staff.experience[i]!),
    ],
  },
  units: {
    size: (w: World) => w.units.n,
    columns: [
      n('kind', 'service, authority, community-development', (w, u) => w.units.kind[u]!),
      n('layers', 'management layers', (w, u) => w.units.layers[u]!),
      n('staff', 'staff', (w, u) => w.units.staff[u]!),
      n('routines', 'co-created routines institutionalised', (w, u) => w.units.routines[u]!),
      f('demand', 'operational demand relative to staff capacity at the start', (w, u) => w.units.demand[u]!),
      f('workload', 'workload', (w, u) => w.units.workload[u]!),
      f('internalLegal', 'internal (interpretive) legal friction, 1 = unreviewed', (w, u) => w.units.internalLegal[u]!),
    ],
  },
  managers: {
    size: (w: World) => w.managers.n,
    columns: [
      n('unit', 'unit index', (w, k) => w.managers.unit[k]!),
      n('layer', 'layer (1 = unit head)', (w, k) => w.managers.layer[k]!),
      n('parent', 'id of the manager above, or -1', (w, k) => w.managers.parent[k]!),
      n('removed', '1 once flattening removed the position', (w, k) => w.managers.removed[k]!),
      f('style', 'controlling line (0) to coach (1)', (w, k) => w.managers.style[k]!),
      f('relay', 'weekly probability of passing a top signal on', (w, k) => w.managers.relay[k]!),
      f('insecurity', 'insecurity', (w, k) => w.managers.insecurity[k]!),
      f('budgetAttachment', 'attachment to own budget and power', (w, k) => w.managers.budgetAttachment[k]!),
    ],
  },
  politicians: {
    size: (w: World) => w.pols.n,
    columns: [
      n('bloc', 'bloc (0 = governing)', (w, i) => w.pols.bloc[i]!),
      n('elected', 'week elected, or -1 if in office from the start', (w, i) => w.pols.elected[i]!),
      f('role', 'decision-maker (0) to interactive leader (1)', (w, i) => w.pols.role[i]!),
      f('understanding', 'understanding of co-creation', (w, i) => w.pols.understanding[i]!),
      f('trust', 'trust in the administration', (w, i) => w.pols.trustAdmin[i]!),
      f('backing', 'backing of the transformation', (w, i) => w.pols.backing[i]!),
    ],
  },
  citizens: {
    size: (w: World) => w.citizens.n,
    columns: [
      n('segment', 'segment index (engaged core, busy families, youth, elderly, hard to reach)', (w, c) => w.citizens.segment[c]!),
      n('participations', 'initiatives taken part in so far', (w, c) => w.citizens.participations[c]!),
      n('current', 'slot of the initiative taken part in now, or -1', (w, c) => w.citizens.current[c]!),
      f('propensity', 'participation propensity', (w, c) => w.citizens.propensity[c]!),
      f('trust', 'trust in the municipality', (w, c) => w.citizens.trust[c]!),
      f('fatigue', 'participation fatigue', (w, c) => w.citizens.fatigue[c]!),
      f('role', 'customer (0) to co-creator (1)', (w, c) => w.citizens.role[c]!),
    ],
  },
  partners: {
    size: (w: World) => w.partners.n,
    columns: [
      n('type', 'business, voluntary, knowledge, anchor', (w, q) => w.partners.type[q]!),
      f('engagement', 'engagement', (w, q) => w.partners.engagement[q]!),
      f('trust', 'trust in the municipality', (w, q) => w.partners.trust[q]!),
      f('capacity', 'capacity', (w, q) => w.partners.capacity[q]!),
      f('load', 'projects carried now', (w, q) => w.partners.load[q]!),
      f('burnout', 'burnout', (w, q) => w.partners.burnout[q]!),
    ],
  },
} as const satisfies Record<string, { size: (w: World) => number; columns: readonly ColumnSpec[] }>;

export type Population = keyof typeof POPULATIONS;
export const POPULATION_NAMES = Object.keys(POPULATIONS) as Population[];

/** The current attributes of one population as columns (`id` first): Int32Array or Float64Array per column. */
export function agentColumns(w: World, kind: Population): Record<string, Int32Array | Float64Array> {
  const pop = POPULATIONS[kind];
  if (!pop) throw new Error(`unknown kind "${kind}"; allowed: ${POPULATION_NAMES.join(', ')}`);
  const size = pop.size(w);
  const out: Record<string, Int32Array | Float64Array> = { id: Int32Array.from({ length: size }, (_, i) => i) };
  for (const c of pop.columns as readonly ColumnSpec[]) {
    const a = c.type === 'int' ? new Int32Array(size) : new Float64Array(size);
    for (let i = 0; i < size; i++) a[i] = c.get(w, i);
    out[c.name] = a;
  }
  return out;
}

/** Staff ties as an edge list, each undirected tie once (from < to), with whether it crosses units. */
export function tieList(w: World): { from: Int32Array; to: Int32Array; crossUnit: Int32Array } {
  const { ties, staff } = w;
  const m = ties.edgeCount();
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const cross = new Int32Array(m);
  let k = 0;
  for (let i = 0; i < staff.n; i++) {
    const o = ties.offsets[i]!;
    for (let e = 0; e < ties.degree[i]!; e++) {
      const j = ties.neighbors[o + e]!;
      if (j <= i || k >= m) continue;
      from[k] = i;
      to[k] = j;
      cross[k] = staff.unit[i] === staff.unit[j] ? 0 : 1;
      k++;
    }
  }
  return { from: from.subarray(0, k), to: to.subarray(0, k), crossUnit: cross.subarray(0, k) };
}
