/**
 * Observation beyond aggregates (opt-in): snapshots of every agent's attributes every `every`
 * weeks, the staff tie network as edge lists, and the initiative event log. A run that records
 * nothing builds none of this. Tables are columns of typed arrays; categorical columns carry a
 * dictionary (code → name) so writers can store names.
 */
import { AGENT_KINDS, EVENTS, GATES } from './events.js';
import { POPULATION_NAMES, POPULATIONS, type Population, tieList } from './snapshots.js';
import { METHODS, type World } from './state.js';

export const RECORDABLE = ['agents', 'initiatives', 'ties'] as const;
export type Recordable = (typeof RECORDABLE)[number];

export interface RecordSpec {
  /** Agent snapshots (every population, or the ones named). */
  readonly agents?: boolean | readonly Population[];
  /** The initiative table and event log. */
  readonly initiatives?: boolean;
  /** Tie snapshots (edge lists). */
  readonly ties?: boolean;
  /** Weeks between snapshots (agents, ties): weeks 0, every, 2·every … and the last week. */
  readonly every: number;
}

export interface RecordColumn {
  readonly name: string;
  readonly type: 'int' | 'float';
  readonly data: Int32Array | Float64Array;
  /** For categorical columns: the name of each code. */
  readonly names?: readonly string[];
}
/** A recorded table: columns of equal length. */
export type RecordTable = readonly RecordColumn[];
export type RecordTables = Readonly<Record<string, RecordTable>>;

/** Growable column of numbers. */
class Growing {
  data: Int32Array | Float64Array;
  n = 0;
  constructor(readonly type: 'int' | 'float') {
    this.data = type === 'int' ? new Int32Array(1024) : new Float64Array(1024);
  }
  append(src: ArrayLike<number>, count: number): void {
    if (this.n + count > this.data.length) {
      let cap = this.data.length * 2;
      while (cap < this.n + count) cap *= 2;
      const next = this.type === 'int' ? new Int32Array(cap) : new Float64Array(cap);
      next.set(this.data.subarray(0, this.n));
      this.data = next;
    }
    for (let i = 0; i < count; i++) this.data[this.n + i] = src[i]!;
    this.n += count;
  }
  fill(v: number, count: number): void {
    const tmp = new Int32Array(count).fill(v);
    this.append(tmp, count);
  }
  view(): Int32Array | Float64Array {
    return this.data.subarray(0, this.n);
  }
}

/** Table names: one per population (`agents_staff`, …), `ties`, `initiatives`, `initiative_events`. */
export function recordedTableNames(spec: RecordSpec): string[] {
  const pops = spec.agents === true ? POPULATION_NAMES : spec.agents ? spec.agents : [];
  return [
    ...pops.map((p) => `agents_${p}`),
    ...(spec.ties ? ['ties'] : []),
    ...(spec.initiatives ? ['initiatives', 'initiative_events'] : []),
  ];
}

export class Recording {
  private readonly pops: readonly Population[];
  private readonly agentCols = new Map<Population, { week: Growing; cols: Growing[] }>();
  private ties: { week: Growing; from: Growing; to: Growing; cross: Growing } | null = null;

  constructor(readonly spec: RecordSpec) {
    if (!(Number.isInteger(spec.every) && spec.every >= 1))
      throw new RangeError(`record every: a whole number of weeks ≥ 1, got ${spec.every}`);
    this.pops = spec.agents === true ? POPULATION_NAMES : spec.agents ? spec.agents : [];
    for (const p of this.pops) {
      const def = POPULATIONS[p];
      this.agentCols.set(p, { week: new Growing('int'), cols: [new Growing('int'), ...def.columns.map((c) => new Growing(c.type))] });
    }
    if (spec.ties) this.ties = { week: new Growing('int'), from: new Growing('int'), to: new Growing('int'), cross: new Growing('int') };
  }

  /** Is week t a snapshot week of a run of `ticks` weeks? */
  due(t: number, ticks: number): boolean {
    return t % this.spec.every === 0 || t === ticks - 1;
  }

  snapshot(w: World, t: number): void {
    for (const p of this.pops) {
      const def = POPULATIONS[p];
      const g = this.agentCols.get(p)!;
      const n = def.size(w);
      g.week.fill(t, n);
      const ids = new Int32Array(n);
      for (let i = 0; i < n; i++) ids[i] = i;
      g.cols[0]!.append(ids, n);
      const tmp = new Float64Array(n);
      def.columns.forEach((c, k) => {
        for (let i = 0; i < n; i++) tmp[i] = c.get(w, i);
        g.cols[k + 1]!.append(tmp, n);
      });
    }
    if (this.ties) {
      const e = tieList(w);
      this.ties.week.fill(t, e.from.length);
      this.ties.from.append(e.from, e.from.length);
      this.ties.to.append(e.to, e.to.length);
      this.ties.cross.append(e.crossUnit, e.crossUnit.length);
    }
  }

  tables(w: World): RecordTables {
    const out: Record<string, RecordTable> = {};
    for (const p of this.pops) {
      const def = POPULATIONS[p];
      const g = this.agentCols.get(p)!;
      out[`agents_${p}`] = [
        { name: 'week', type: 'int', data: g.week.view() },
        { name: 'id', type: 'int', data: g.cols[0]!.view() },
        ...def.columns.map((c, k) => ({ name: c.name, type: c.type, data: g.cols[k + 1]!.view() })),
      ];
    }
    if (this.ties) {
      out.ties = [
        { name: 'week', type: 'int', data: this.ties.week.view() },
        { name: 'from', type: 'int', data: this.ties.from.view() },
        { name: 'to', type: 'int', data: this.ties.to.view() },
        { name: 'crossUnit', type: 'int', data: this.ties.cross.view() },
      ];
    }
    if (w.log) {
      const { initiatives: i, events: e } = w.log.tables();
      out.initiatives = [
        { name: 'initiative', type: 'int', data: i.serial },
        { name: 'week', type: 'int', data: i.week },
        { name: 'owner', type: 'int', data: i.owner, names: w.units.names },
        { name: 'champion', type: 'int', data: i.champion },
        { name: 'problem', type: 'int', data: i.problem, names: ['wicked', 'routine', 'authority'] },
        { name: 'depth', type: 'int', data: i.depth },
        { name: 'method', type: 'int', data: i.method, names: METHODS },
        { name: 'mission', type: 'int', data: i.mission },
        { name: 'enthusiastLed', type: 'int', data: i.enthusiastLed },
      ];
      out.initiative_events = [
        { name: 'week', type: 'int', data: e.week },
        { name: 'initiative', type: 'int', data: e.initiative },
        { name: 'event', type: 'int', data: e.event, names: EVENTS },
        { name: 'agentKind', type: 'int', data: e.agentKind, names: AGENT_KINDS },
        { name: 'agent', type: 'int', data: e.agent },
        { name: 'detail', type: 'int', data: e.detail },
      ];
    }
    return out;
  }
}

/** What `detail` means per event, for the documentation of the event table. */
export const EVENT_DETAIL = {
  opened: 'owning unit',
  joined: 'unit of a staff member (-1 for citizens and partners)',
  left: 'unit of the staff member who left',
  'gate-passed': `gate: ${GATES.map((g, i) => `${i} ${g}`).join(', ')}`,
  'gate-blocked': `gate: ${GATES.map((g, i) => `${i} ${g}`).join(', ')}`,
  institutionalised: 'unit whose line took the result over',
  decayed: '1 if the result was orphaned (its champion gone or burned out), else 0',
} as const;
