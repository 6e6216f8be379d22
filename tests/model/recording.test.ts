// Observation beyond aggregates: agent and tie snapshots, the initiative event log and user
// reporters are recorded without changing a simulated number, at the documented weeks, and agree
// with the run's own counters.
import { describe, expect, it } from 'vitest';
import { EVENTS, POPULATIONS, presetConfig, type RecordTable, runReplicate, Simulation } from '../../src/model/index.js';

const cfg = { ...presetConfig('small'), ticks: 60 };
const col = (t: RecordTable, name: string) => t.find((c) => c.name === name)!.data;

describe('recording', () => {
  const plain = runReplicate(cfg, 'rec', 1);
  const rec = runReplicate(cfg, 'rec', 1, { record: { agents: true, initiatives: true, ties: true, every: 7 } });

  it('changes no simulated number', () => {
    expect(Buffer.from(rec.data.buffer).equals(Buffer.from(plain.data.buffer))).toBe(true);
    expect(rec.totals).toEqual(plain.totals);
  });

  it('snapshots every population at weeks 0, every, 2·every … and the last week', () => {
    const weeks = [0, 7, 14, 21, 28, 35, 42, 49, 56, 59];
    const sim = new Simulation(cfg, 'rec', 1);
    for (const [name, pop] of Object.entries(POPULATIONS)) {
      const t = rec.records![`agents_${name}`]!;
      const n = pop.size(sim.world);
      expect(col(t, 'week').length).toBe(n * weeks.length);
      expect([...new Set(col(t, 'week'))]).toEqual(weeks);
      expect(t.map((c) => c.name)).toEqual(['week', 'id', ...pop.columns.map((c) => c.name)]);
    }
  });

  it('the last snapshot equals the world at the end of the run', () => {
    const sim = new Simulation(cfg, 'rec', 1).run();
    const staff = rec.records!.agents_staff!;
    const n = sim.world.staff.n;
    const last = col(staff, 'burnout').slice(-n);
    expect(Array.from(last)).toEqual(Array.from(sim.world.staff.burnout));
    const ties = rec.records!.ties!;
    const lastWeek = col(ties, 'week').filter((w) => w === 59).length;
    expect(lastWeek).toBe(sim.world.ties.edgeCount());
    const from = col(ties, 'from');
    const to = col(ties, 'to');
    for (let k = 0; k < from.length; k++) expect(from[k]).toBeLessThan(to[k]!);
  });

  it('the event log agrees with the run totals', () => {
    const ev = rec.records!.initiative_events!;
    const kinds = col(ev, 'event');
    const count = (name: (typeof EVENTS)[number]) => kinds.filter((k) => k === EVENTS.indexOf(name)).length;
    const totals = rec.totals as Record<string, number>;
    expect(count('succeeded')).toBe(totals.succeeded);
    expect(count('failed') + count('abandoned')).toBe(totals.failed);
    expect(count('gate-blocked')).toBe(totals.blocked);
    expect(count('institutionalised')).toBe(totals.institutionalised);
    expect(count('decayed')).toBe(totals.decayed);
    // Initiatives under way at week 0 appear as opened in the (negative) week they started in the spin-up.
    const weeksOf = col(ev, 'week');
    const openedInRun = kinds.filter((k, j) => k === EVENTS.indexOf('opened') && weeksOf[j]! >= 0).length;
    expect(openedInRun).toBe(totals.started);
    expect(count('opened')).toBeGreaterThan(totals.started!);
    // Every event belongs to an initiative that was opened, and each was opened once.
    const opened = col(rec.records!.initiatives!, 'initiative');
    expect(new Set(opened).size).toBe(opened.length);
    const known = new Set(opened);
    for (const id of col(ev, 'initiative')) expect(known.has(id)).toBe(true);
    // Weeks never go backwards.
    const weeks = col(ev, 'week');
    for (let k = 1; k < weeks.length; k++) expect(weeks[k]).toBeGreaterThanOrEqual(weeks[k - 1]!);
  });

  it('records user reporters like indicators, without changing the run', () => {
    const r = runReplicate(cfg, 'rec', 1, { reporters: { enthusiasts: (w) => w.staff.enthusiast.reduce((a, b) => a + b, 0) } });
    expect(Buffer.from(r.data.buffer).equals(Buffer.from(plain.data.buffer))).toBe(true);
    expect(r.reporters!.names).toEqual(['enthusiasts']);
    expect(r.reporters!.data.length).toBe(cfg.ticks);
    expect(r.reporters!.data.every((v) => v > 0)).toBe(true);
  });

  it('refuses a snapshot interval that is not a whole number of weeks', () => {
    expect(() => runReplicate(cfg, 'rec', 1, { record: { agents: true, every: 0 } })).toThrow(/whole number of weeks/);
  });
});
