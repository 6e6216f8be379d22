/**
 * The initiative event log, kept only when a run asks for it (`w.log` is null otherwise, and every
 * call site is `w.log?.…`, so a run without it does no work). Two growable column tables: one row
 * per initiative opened (its attributes), and one row per event in its life (a member joining,
 * each gate with its outcome, success or failure, institutionalisation or decay), each with the
 * week and the initiative's serial number (slots are reused; serials are not).
 */

export const EVENTS = [
  'opened',
  'running',
  'joined',
  'left',
  'gate-passed',
  'gate-blocked',
  'succeeded',
  'failed',
  'abandoned',
  'institutionalised',
  'decayed',
] as const;
export type EventName = (typeof EVENTS)[number];
export const EVENT = Object.fromEntries(EVENTS.map((e, i) => [e, i])) as { readonly [K in EventName]: number };

/** Who an event is about. */
export const AGENT_KINDS = ['none', 'staff', 'citizen', 'partner'] as const;
export const AGENT = { none: 0, staff: 1, citizen: 2, partner: 3 } as const;

/** Gates, in the order an initiative meets them. */
export const GATES = ['legal', 'spending', 'political'] as const;

/** Ints that grow by doubling; `view()` is the filled part. */
class IntColumn {
  data: Int32Array;
  n = 0;
  constructor(cap: number) {
    this.data = new Int32Array(cap);
  }
  push(v: number): void {
    if (this.n === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.n++] = v;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.n);
  }
}

export interface OpenedRow {
  readonly serial: number;
  readonly owner: number;
  readonly champion: number;
  readonly problem: number;
  readonly depth: number;
  readonly method: number;
  readonly mission: number;
  readonly enthusiastLed: number;
}

export class EventLog {
  /** The week being simulated; set by the scheduler at the start of each tick. */
  now = 0;
  readonly initiatives = {
    serial: new IntColumn(256),
    week: new IntColumn(256),
    owner: new IntColumn(256),
    champion: new IntColumn(256),
    problem: new IntColumn(256),
    depth: new IntColumn(256),
    method: new IntColumn(256),
    mission: new IntColumn(256),
    enthusiastLed: new IntColumn(256),
  };
  readonly events = {
    week: new IntColumn(1024),
    initiative: new IntColumn(1024),
    event: new IntColumn(1024),
    agentKind: new IntColumn(1024),
    agent: new IntColumn(1024),
    /** The gate (index in GATES) for gate events, the unit for joined staff and institutionalised results, else -1. */
    detail: new IntColumn(1024),
  };

  opened(r: OpenedRow): void {
    const t = this.initiatives;
    t.serial.push(r.serial);
    t.week.push(this.now);
    t.owner.push(r.owner);
    t.champion.push(r.champion);
    t.problem.push(r.problem);
    t.depth.push(r.depth);
    t.method.push(r.method);
    t.mission.push(r.mission);
    t.enthusiastLed.push(r.enthusiastLed);
    this.event(r.serial, EVENT.opened, AGENT.staff, r.champion, r.owner);
  }

  event(initiative: number, event: number, agentKind = 0, agent = -1, detail = -1): void {
    const e = this.events;
    e.week.push(this.now);
    e.initiative.push(initiative);
    e.event.push(event);
    e.agentKind.push(agentKind);
    e.agent.push(agent);
    e.detail.push(detail);
  }

  /** The filled columns (views, not copies). */
  tables(): { initiatives: Record<keyof EventLog['initiatives'], Int32Array>; events: Record<keyof EventLog['events'], Int32Array> } {
    const view = <T extends Record<string, IntColumn>>(o: T) =>
      Object.fromEntries(Object.entries(o).map(([k, c]) => [k, c.view()])) as Record<keyof T, Int32Array>;
    return { initiatives: view(this.initiatives), events: view(this.events) };
  }
}
