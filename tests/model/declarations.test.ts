// Each mechanism declares what state it reads and writes (mechanism.ts); the ODD schedule table is
// generated from those declarations, so they must be true. Every mechanism is run once on a world
// that has been running for a while with many levers active, through a proxy that logs which fields
// it touches; fields whose contents change are its writes. Both must be within its declaration.
import { describe, expect, it } from 'vitest';
import { type InterventionItem, LEVERS, presetConfig, SCHEDULE, Simulation, type World } from '../../src/model/index.js';
import { contexts } from '../../src/model/world.js';

const ENTITIES = ['org', 'top', 'units', 'staff', 'managers', 'pols', 'citizens', 'partners', 'inits'] as const;

/** Every lever at once from week 2, so that lever-driven paths (matrix, outreach, tugboats …) are exercised. */
const levers: InterventionItem[] = LEVERS.filter((l) => l.kind !== 'flatten-layers').map((l) => ({
  kind: l.kind,
  start: 2,
  end: null,
  intensity: 0.5,
  units: null,
  options: Object.fromEntries(Object.entries(l.options).map(([k, o]) => [k, o.default])),
}));

/** Sizes and layout fixed at initialisation, readable by every mechanism without a declaration. */
const LAYOUT = new Set(['n', 'names', 'cap', 'maxTeam', 'maxCitizens', 'maxPartners', 'weight']);

function covered(field: string, declared: readonly string[]): boolean {
  const [entity, key] = field.split('.') as [string, string | undefined];
  if (key !== undefined && LAYOUT.has(key)) return true;
  return declared.includes(field) || declared.includes(`${entity}.*`) || declared.includes(entity);
}

/** A view of the world that logs `entity.field` for every field read or assigned, and `ties`/`rec` for any use. */
function traced(w: World, touched: Set<string>): World {
  const inner = new Map<string, object>();
  for (const e of ENTITIES) {
    inner.set(
      e,
      new Proxy(w[e] as object, {
        get(t, k) {
          if (typeof k === 'string') touched.add(`${e}.${k}`);
          return Reflect.get(t, k);
        },
        set(t, k, v) {
          if (typeof k === 'string') touched.add(`${e}.${k}`);
          return Reflect.set(t, k, v);
        },
      }),
    );
  }
  return new Proxy(w, {
    get(t, k) {
      if (typeof k === 'string' && inner.has(k)) return inner.get(k);
      if (k === 'ties' || k === 'rec') touched.add(k);
      return Reflect.get(t, k);
    },
  });
}

/** Fields whose contents differ between two snapshots. */
function snapshot(w: World): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of ENTITIES) {
    for (const [k, v] of Object.entries(w[e] as object)) {
      if (ArrayBuffer.isView(v)) out.set(`${e}.${k}`, Buffer.from((v as Uint8Array).buffer).toString('base64'));
      else if (typeof v === 'number') out.set(`${e}.${k}`, String(v));
    }
  }
  out.set('ties', Buffer.from(w.ties.neighbors.buffer).toString('base64') + Buffer.from(w.ties.degree.buffer).toString('base64'));
  return out;
}

describe('mechanism declarations', () => {
  const sim = new Simulation({ ...presetConfig('small'), ticks: 120 }, 'declarations', 0, { interventions: levers });
  sim.step(60);
  const w = sim.world;
  const ctx = contexts(w);

  it.each(SCHEDULE.filter((m) => m.run).map((m) => [m.name, m] as const))('%s reads and writes only what it declares', (_name, m) => {
    const touched = new Set<string>();
    const before = snapshot(w);
    // Election and year-start mechanisms run here as if it were their week.
    m.run!(traced(w, touched), 60, ctx.get(m)!);
    const after = snapshot(w);
    const written = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    const undeclaredWrites = written.filter((f) => !covered(f, m.writes));
    const undeclaredReads = [...new Set(touched)].filter((f) => !covered(f, m.reads) && !covered(f, m.writes));
    expect(undeclaredWrites, `${m.name} writes`).toEqual([]);
    expect(undeclaredReads, `${m.name} reads`).toEqual([]);
  });

  it('declarations name real state: every declared field exists in the world', () => {
    const exists = (f: string) => {
      if (f === 'ties' || f === 'rec' || f === 'turnTick') return true;
      const [e, k] = f.split('.') as [string, string];
      const obj = (w as unknown as Record<string, object>)[e];
      return obj !== undefined && (k === '*' || k in obj);
    };
    const bad = SCHEDULE.flatMap((m) => [...m.reads, ...m.writes].filter((f) => !exists(f)).map((f) => `${m.name}: ${f}`));
    expect(bad).toEqual([]);
  });
});
