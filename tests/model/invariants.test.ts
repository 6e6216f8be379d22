// Property tests: the model's state invariants hold after every tick, for several seeds, all three
// presets (large with a short horizon), every lever at once, and a stressed configuration in which
// the initiative pool fills up and staff turn over fast.
import { describe, expect, it } from 'vitest';
import type { ModelConfig, SizePreset } from '../../src/model/config.js';
import { createWorld, INDICATORS, type IndicatorName } from '../../src/model/index.js';
import { type InterventionItem, LEVERS } from '../../src/model/levers/catalog.js';
import { Simulation } from '../../src/model/simulate.js';
import { OUTCOME, PHASE, type World } from '../../src/model/state.js';
import { preset, withOrg, withParams } from '../support/model.js';

class Violation extends Error {}

/** Everything that must hold between ticks; throws a Violation naming the first breach. */
class Invariants {
  private readonly staffN: number;
  private readonly unitOf: Uint8Array;
  private readonly managerOf: Int32Array;
  private readonly unitStaff: Int32Array;
  private readonly lengths: number[];
  private lastValue = 0;
  private tick = -1;

  constructor(private readonly w: World) {
    this.staffN = w.staff.n;
    this.unitOf = w.staff.unit.slice();
    this.managerOf = w.staff.manager.slice();
    this.unitStaff = w.units.staff.slice();
    this.lengths = this.arrayLengths();
  }

  private arrayLengths(): number[] {
    const { staff, managers, citizens, partners, pols, inits } = this.w;
    return [
      ...Object.values(staff).filter(ArrayBuffer.isView),
      ...Object.values(managers).filter(ArrayBuffer.isView),
      ...Object.values(citizens).filter(ArrayBuffer.isView),
      ...Object.values(partners).filter(ArrayBuffer.isView),
      ...Object.values(pols).filter(ArrayBuffer.isView),
      ...Object.values(inits).filter(ArrayBuffer.isView),
    ].map((a) => (a as Float64Array).length);
  }

  private fail(msg: string): never {
    throw new Violation(`tick ${this.tick}: ${msg}`);
  }

  private in01(name: string, a: ArrayLike<number>): void {
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      if (!(x >= 0 && x <= 1)) this.fail(`${name}[${i}] = ${x} outside [0,1]`);
    }
  }

  private nonNegative(name: string, a: ArrayLike<number>): void {
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      if (!(x >= 0 && Number.isFinite(x))) this.fail(`${name}[${i}] = ${x} is negative or not finite`);
    }
  }

  private simplex(name: string, a: ArrayLike<number>, n: number): void {
    for (let i = 0; i < n; i++) {
      const x = a[i * 3]!;
      const y = a[i * 3 + 1]!;
      const z = a[i * 3 + 2]!;
      if (!(x >= 0 && y >= 0 && z >= 0)) this.fail(`${name}[${i}] has a negative weight (${x}, ${y}, ${z})`);
      if (!(Math.abs(x + y + z - 1) <= 1e-9)) this.fail(`${name}[${i}] sums to ${x + y + z}`);
    }
  }

  check(t: number): void {
    this.tick = t;
    const w = this.w;
    const { staff, managers: m, citizens, partners, pols, units, org } = w;

    // Agents conserved: turnover replaces in place.
    if (staff.n !== this.staffN) this.fail(`staff.n changed to ${staff.n}`);
    const lengths = this.arrayLengths();
    if (lengths.some((l, k) => l !== this.lengths[k])) this.fail('an agent array changed length');
    for (let i = 0; i < staff.n; i++) {
      if (staff.unit[i] !== this.unitOf[i] || staff.manager[i] !== this.managerOf[i]) this.fail(`staff ${i} moved`);
    }
    for (let u = 0; u < units.n; u++) if (units.staff[u] !== this.unitStaff[u]) this.fail(`unit ${u} staff count changed`);

    // Scores in [0,1] and finite (NaN fails the range test).
    this.in01('staff.openness', staff.openness);
    this.in01('staff.competence', staff.competence);
    this.in01('staff.identity', staff.identity);
    this.in01('staff.fear', staff.fear);
    this.in01('staff.trustMgr', staff.trustMgr);
    this.in01('staff.motivation', staff.motivation);
    this.in01('staff.burnout', staff.burnout);
    this.in01('staff.heard', staff.heard);
    this.in01('staff.freeTime', staff.freeTime);
    this.in01('staff.enthusiast', staff.enthusiast);
    this.in01('staff.tugboat', staff.tugboat);
    this.in01('managers.style', m.style);
    this.in01('managers.relay', m.relay);
    this.in01('managers.insecurity', m.insecurity);
    this.in01('managers.budgetAttachment', m.budgetAttachment);
    this.in01('managers.on', m.on);
    this.in01('citizens.trust', citizens.trust);
    this.in01('citizens.fatigue', citizens.fatigue);
    this.in01('citizens.role', citizens.role);
    this.in01('citizens.propensity', citizens.propensity);
    this.in01('partners.engagement', partners.engagement);
    this.in01('partners.trust', partners.trust);
    this.in01('partners.capacity', partners.capacity);
    this.in01('partners.burnout', partners.burnout);
    this.in01('pols.role', pols.role);
    this.in01('pols.trustAdmin', pols.trustAdmin);
    this.in01('pols.understanding', pols.understanding);
    this.in01('pols.backing', pols.backing);
    this.in01('units.internalLegal', units.internalLegal);
    this.in01('org levels', [
      org.siloStrength,
      org.matrixDegree,
      org.projectBudgetShare,
      org.reportingLoad,
      org.cogwheel,
      org.topSignal,
      org.budgetPressure,
      org.roomToFail,
      org.outreach,
      org.portfolio,
      org.budgetTransfer,
      org.onTheJob,
      org.volunteerRelief,
      org.crossBudget,
      org.mandateClarity,
      org.autonomy,
      org.anchor,
    ]);

    // Counts and amounts.
    this.nonNegative('staff.experience', staff.experience);
    this.nonNegative('staff.tenure', staff.tenure);
    this.nonNegative('citizens.participations', citizens.participations);
    this.nonNegative('partners.load', partners.load);
    this.nonNegative('units.routines', units.routines);
    this.nonNegative('units.workload', units.workload);
    this.nonNegative('units.demand', units.demand);
    this.nonNegative('org counts', [org.imposedChanges, org.missionRate, org.tugboats, org.changeBurden, w.crossTies]);
    this.nonNegative('org.methodPush', org.methodPush);
    if (!(w.publicValue >= this.lastValue && Number.isFinite(w.publicValue)))
      this.fail(`public value ${w.publicValue} fell or is not finite`);
    this.lastValue = w.publicValue;
    let tugs = 0;
    for (let i = 0; i < staff.n; i++) tugs += staff.tugboat[i]!;
    if (org.tugboats !== tugs) this.fail(`org.tugboats = ${org.tugboats} but ${tugs} staff are tugboats`);

    // Logic weights on the simplex.
    this.simplex('staff.logic', staff.logic, staff.n);
    this.simplex('org.documents', org.documents, 1);
    this.simplex('org.steering', org.steering, 1);

    // Management tree: parents precede children within the unit; removed managers are in no chain.
    for (let k = 0; k < m.n; k++) {
      if (m.removed[k] === 1) continue;
      const p = m.parent[k]!;
      if (p >= 0 && (p >= k || m.unit[p] !== m.unit[k] || m.removed[p] === 1)) this.fail(`manager ${k} has parent ${p}`);
      if (p < 0 !== (m.layer[k] === 1)) this.fail(`manager ${k} at layer ${m.layer[k]} has parent ${p}`);
    }

    this.checkTies();
    this.checkInitiatives();

    // Flows were recorded and reset by the observer.
    for (const [k, v] of Object.entries(w.flows)) if (v !== 0) this.fail(`flow ${k} = ${v} not reset`);
  }

  private checkTies(): void {
    const w = this.w;
    const msg = w.ties.checkConsistency();
    if (msg !== null) this.fail(`ties: ${msg}`);
    const { offsets, degree, neighbors } = w.ties;
    let cross = 0;
    for (let i = 0; i < w.staff.n; i++) {
      for (let e = offsets[i]!; e < offsets[i]! + degree[i]!; e++) if (w.staff.unit[neighbors[e]!] !== w.staff.unit[i]) cross++;
    }
    if (cross % 2 !== 0 || w.crossTies !== cross / 2) this.fail(`crossTies = ${w.crossTies} but brute force counts ${cross / 2}`);
  }

  private checkInitiatives(): void {
    const w = this.w;
    const s = w.inits;
    if (s.active + s.freeTop !== s.cap) this.fail(`active ${s.active} + freeTop ${s.freeTop} != cap ${s.cap}`);
    if (s.active < 0 || s.freeTop < 0) this.fail('negative pool counters');
    const onStack = new Uint8Array(s.cap);
    for (let k = 0; k < s.freeTop; k++) {
      const id = s.free[k]!;
      if (id < 0 || id >= s.cap || onStack[id]) this.fail(`free stack entry ${id} invalid or repeated`);
      onStack[id] = 1;
      if (s.phase[id] !== PHASE.free) this.fail(`slot ${id} on the free stack has phase ${s.phase[id]}`);
    }
    const partnerLoad = new Float64Array(w.partners.n);
    let members = 0;
    let citizensIn = 0;
    let busy = 0;
    for (let id = 0; id < s.cap; id++) {
      const phase = s.phase[id]!;
      const nTeam = s.teamCount[id]!;
      const nCit = s.citizenCount[id]!;
      const nPar = s.partnerCount[id]!;
      if (phase === PHASE.free) {
        if (!onStack[id]) this.fail(`free slot ${id} is not on the free stack`);
        if (nTeam || nCit || nPar || s.champion[id] !== -1) this.fail(`free slot ${id} still has members`);
        continue;
      }
      busy++;
      if (s.outcome[id] !== OUTCOME.none) this.fail(`initiative ${id} has an unapplied outcome ${s.outcome[id]}`);
      if (nTeam > s.maxTeam || nCit > s.maxCitizens || nPar > s.maxPartners) this.fail(`initiative ${id} over capacity`);
      if (s.owner[id]! >= w.units.n) this.fail(`initiative ${id} owned by unit ${s.owner[id]}`);
      if (!(s.progress[id]! >= 0 && Number.isFinite(s.progress[id]!))) this.fail(`initiative ${id} progress ${s.progress[id]}`);
      if (phase === PHASE.implemented && (nTeam > 1 || nCit > 0 || nPar > 0)) {
        this.fail(`implemented initiative ${id} keeps ${nTeam} staff, ${nCit} citizens, ${nPar} partners`);
      }
      const champ = s.champion[id]!;
      let champIn = champ < 0;
      const seen = new Set<number>();
      for (let k = 0; k < nTeam; k++) {
        const j = s.team[id * s.maxTeam + k]!;
        if (j < 0 || j >= w.staff.n || seen.has(j)) this.fail(`initiative ${id} team entry ${j} invalid or repeated`);
        seen.add(j);
        if (w.staff.initiative[j] !== id) this.fail(`team member ${j} of ${id} points to ${w.staff.initiative[j]}`);
        if (!(s.units[id]! & (1 << w.staff.unit[j]!))) this.fail(`initiative ${id} unit mask misses member ${j}'s unit`);
        if (j === champ) champIn = true;
      }
      if (!champIn) this.fail(`champion ${champ} of ${id} is not in its team`);
      members += nTeam;
      const cseen = new Set<number>();
      for (let k = 0; k < nCit; k++) {
        const c = s.citizenIds[id * s.maxCitizens + k]!;
        if (c < 0 || c >= w.citizens.n || cseen.has(c)) this.fail(`initiative ${id} citizen entry ${c} invalid or repeated`);
        cseen.add(c);
        if (w.citizens.current[c] !== id) this.fail(`citizen ${c} of ${id} points to ${w.citizens.current[c]}`);
        if (!s.actual[id]) this.fail(`initiative ${id} has citizens but is not actual co-creation`);
      }
      citizensIn += nCit;
      const pseen = new Set<number>();
      for (let k = 0; k < nPar; k++) {
        const q = s.partnerIds[id * s.maxPartners + k]!;
        if (q < 0 || q >= w.partners.n || pseen.has(q)) this.fail(`initiative ${id} partner entry ${q} invalid or repeated`);
        pseen.add(q);
        partnerLoad[q] = partnerLoad[q]! + 1;
      }
    }
    if (busy !== s.active) this.fail(`${busy} slots in use but active = ${s.active}`);
    // Mirrors: every pointer on an agent is matched by a listing (the listings were checked above).
    let pointing = 0;
    for (let i = 0; i < w.staff.n; i++) {
      const id = w.staff.initiative[i]!;
      if (id < -1 || id >= s.cap) this.fail(`staff ${i} points to ${id}`);
      if (id >= 0) pointing++;
    }
    if (pointing !== members) this.fail(`${pointing} staff point to an initiative but teams list ${members}`);
    let citing = 0;
    for (let c = 0; c < w.citizens.n; c++) {
      const id = w.citizens.current[c]!;
      if (id < -1 || id >= s.cap) this.fail(`citizen ${c} points to ${id}`);
      if (id >= 0) citing++;
    }
    if (citing !== citizensIn) this.fail(`${citing} citizens point to an initiative but initiatives list ${citizensIn}`);
    for (let q = 0; q < w.partners.n; q++) {
      if (w.partners.load[q] !== partnerLoad[q]) this.fail(`partner ${q} load ${w.partners.load[q]} but in ${partnerLoad[q]} initiatives`);
    }
  }
}

const SEGMENT_COLUMNS = new Set<IndicatorName>(['shareEngagedCore', 'shareBusyFamilies', 'shareYouth', 'shareElderly', 'shareHardToReach']);
const COUNTS: IndicatorName[] = [
  'initiativesActive',
  'initiativesStarted',
  'initiativesSucceeded',
  'initiativesFailed',
  'initiativesBlocked',
  'blockedLegal',
  'blockedSpending',
  'blockedPolitical',
  'initiativesInstitutionalised',
  'initiativesDecayed',
  'routines',
  'proposals',
];
const FRACTIONS: IndicatorName[] = [
  'crossSiloCoCreation',
  'crossUnitTieShare',
  'coCreationActual',
  'coCreationReported',
  'documentsOA',
  'documentsNPM',
  'documentsNPG',
  'steeringOA',
  'steeringNPM',
  'steeringNPG',
  'practiceOA',
  'practiceNPM',
  'practiceNPG',
  'trustStaffManagement',
  'trustPoliticiansAdministration',
  'trustCitizens',
  'trustPartners',
  'participationGini',
  'participationRate',
  'freeTime',
  'burnout',
  'turnover',
  'fearOfError',
  'openness',
  'competence',
  'motivation',
  'signalReach',
  'politicalBacking',
  'politicalOverride',
  'partnerBurnout',
  'transformationIndex',
];
const FLOW_TOTALS: [IndicatorName, keyof World['totals']][] = [
  ['initiativesStarted', 'started'],
  ['initiativesSucceeded', 'succeeded'],
  ['initiativesFailed', 'failed'],
  ['initiativesBlocked', 'blocked'],
  ['blockedLegal', 'blockedLegal'],
  ['blockedSpending', 'blockedSpending'],
  ['blockedPolitical', 'blockedPolitical'],
  ['initiativesInstitutionalised', 'institutionalised'],
  ['initiativesDecayed', 'decayed'],
  ['proposals', 'proposals'],
];

/** Checks every recorded row; returns the number of rows. */
function checkIndicators(w: World, ticks: number): number {
  const col = (n: IndicatorName) => INDICATORS.indexOf(n);
  const width = INDICATORS.length;
  const d = w.rec.data;
  const get = (t: number, n: IndicatorName) => d[t * width + col(n)]!;
  const fail = (t: number, msg: string): never => {
    throw new Violation(`indicator row ${t}: ${msg}`);
  };
  let lastValue = 0;
  const sums = new Map<IndicatorName, number>();
  for (let t = 0; t < ticks; t++) {
    INDICATORS.forEach((n, c) => {
      const v = d[t * width + c]!;
      if (!SEGMENT_COLUMNS.has(n) && !Number.isFinite(v)) fail(t, `${n} = ${v}`);
    });
    for (const n of COUNTS) {
      const v = get(t, n);
      if (!(v >= 0 && Number.isInteger(v))) fail(t, `${n} = ${v} is not a count`);
      sums.set(n, (sums.get(n) ?? 0) + v);
    }
    for (const n of FRACTIONS) {
      const v = get(t, n);
      if (!(v >= 0 && v <= 1)) fail(t, `${n} = ${v} outside [0,1]`);
    }
    if (get(t, 'initiativesActive') > w.inits.cap) fail(t, 'more active initiatives than slots');
    if (get(t, 'initiativesBlocked') !== get(t, 'blockedLegal') + get(t, 'blockedSpending') + get(t, 'blockedPolitical')) {
      fail(t, 'blocked is not the sum of the three gates');
    }
    const pv = get(t, 'publicValue');
    if (!(pv >= lastValue)) fail(t, `public value fell from ${lastValue} to ${pv}`);
    lastValue = pv;
    if (!(get(t, 'workload') >= 0)) fail(t, 'negative workload');
    const gap = get(t, 'policyPracticeGap');
    if (!(Math.abs(gap - (get(t, 'documentsNPG') - get(t, 'practiceNPG'))) < 1e-12 && Math.abs(gap) <= 1)) fail(t, `gap ${gap}`);
    if (Math.abs(get(t, 'practiceOA') + get(t, 'practiceNPM') + get(t, 'practiceNPG') - 1) > 1e-9) fail(t, 'practice mix off the simplex');
    if (get(t, 'coCreationActual') > get(t, 'coCreationReported') + 1e-12) fail(t, 'more actual than reported co-creation');
    const part = get(t, 'participationRate');
    let segSum = 0;
    for (const n of SEGMENT_COLUMNS) {
      const v = get(t, n);
      if (part > 0 ? !(v >= 0 && v <= 1) : !Number.isNaN(v)) fail(t, `${n} = ${v} with participation ${part}`);
      segSum += part > 0 ? v : 0;
    }
    if (part > 0 && Math.abs(segSum - 1) > 1e-9) fail(t, `segment shares sum to ${segSum}`);
  }
  for (const [n, k] of FLOW_TOTALS) {
    if (sums.get(n) !== w.totals[k]) throw new Violation(`sum of ${n} is ${sums.get(n)} but totals.${k} = ${w.totals[k]}`);
  }
  if (get(ticks - 1, 'initiativesActive') !== w.inits.active) throw new Violation('last row of initiativesActive is stale');
  return ticks;
}

/** Run tick by tick, checking the invariants after initialisation and after every tick. */
function runChecked(cfg: ModelConfig, seed: number, interventions: readonly InterventionItem[] = []): World {
  const sim = new Simulation(cfg, seed, 0, { interventions });
  const w = sim.world;
  const inv = new Invariants(w);
  inv.check(-1);
  for (let t = 0; t < cfg.ticks; t++) inv.check(sim.step().tick - 1);
  expect(checkIndicators(w, cfg.ticks)).toBe(cfg.ticks);
  return w;
}

/** Every lever in the catalogue at intensity 1 with its default options; reversible ones end. */
function allLevers(start: number, end: number, units: readonly number[] | null): InterventionItem[] {
  return LEVERS.map((spec) => {
    const options: Record<string, number | boolean | string> = {};
    for (const [k, o] of Object.entries(spec.options)) options[k] = o.default;
    return {
      kind: spec.kind,
      start,
      end: spec.reversible ? end : null,
      intensity: 1,
      units: spec.scope === 'unit' ? units : null,
      options,
    };
  });
}

const RUNS: { size: SizePreset; ticks: number; seeds: number[] }[] = [
  { size: 'small', ticks: 120, seeds: [1, 2, 3] }, // through a year start (52) and an election (88)
  { size: 'medium', ticks: 100, seeds: [4, 5] },
  { size: 'large', ticks: 20, seeds: [6, 7] },
];

describe('state invariants hold at every tick', () => {
  for (const { size, ticks, seeds } of RUNS) {
    it.each(seeds)(`${size} preset, ${ticks} ticks, seed %i`, (seed) => {
      const w = runChecked(preset(size, ticks), seed);
      expect(w.totals.started).toBeGreaterThan(0);
    });
  }

  it.each([11, 12])('small preset with every lever switched on and off again, seed %i', (seed) => {
    const cfg = preset('small', 130);
    const w = runChecked(cfg, seed, [...allLevers(5, 100, null), ...allLevers(20, 60, [0, 2])]);
    expect(w.totals.started).toBeGreaterThan(0);
  });

  it('a stressed configuration: full pool, fast turnover, open silos, matrix, the other mechanism choices', () => {
    let cfg = withOrg(preset('small', 120), { siloStrength: 0.1, matrixDegree: 0.9, enthusiastShare: 0.3, politicalBacking: 0.9 });
    cfg = withParams(cfg, 'generation', { proposeRate: 0.05 });
    cfg = withParams(cfg, 'turnover', { leaveRate: 0.02 });
    cfg = withParams(cfg, 'init', { initiativesPer1000: 5 });
    cfg = { ...cfg, mechanisms: { matrixEffect: 'culture-first', pace: 'led-to-ground' } };
    const w = runChecked(cfg, 13, allLevers(10, 90, null));
    const active = w.rec.column('initiativesActive');
    expect(Math.max(...active)).toBe(w.inits.cap); // the pool did fill up
    expect(w.totals.leavers).toBeGreaterThan(w.staff.n * 0.3);
  });
});

describe('the invariant checker catches corruption', () => {
  const corruptions: [string, (w: World) => void, RegExp][] = [
    [
      'a score outside [0,1]',
      (w) => {
        w.staff.openness[3] = 1.5;
      },
      /staff\.openness\[3\]/,
    ],
    [
      'a NaN score',
      (w) => {
        w.citizens.trust[7] = Number.NaN;
      },
      /citizens\.trust\[7\]/,
    ],
    [
      'logic off the simplex',
      (w) => {
        w.staff.logic[5] = w.staff.logic[5]! + 1e-6;
      },
      /staff\.logic\[1\] sums/,
    ],
    [
      'a stale cross-tie counter',
      (w) => {
        w.crossTies++;
      },
      /crossTies/,
    ],
    [
      'a one-sided tie',
      (w) => {
        w.ties.neighbors[w.ties.offsets[0]!] = w.ties.neighbors[w.ties.offsets[0]!]! + 1;
      },
      /ties:/,
    ],
    [
      'a dangling initiative pointer',
      (w) => {
        w.staff.initiative[9] = 0;
      },
      /point/,
    ],
    [
      'a leaked slot',
      (w) => {
        w.inits.freeTop--;
      },
      /freeTop/,
    ],
    [
      'a moved person',
      (w) => {
        w.staff.manager[4] = w.staff.manager[4]! + 1;
      },
      /staff 4 moved/,
    ],
    [
      'a wrong tugboat count',
      (w) => {
        w.staff.tugboat[2] = 1;
      },
      /tugboats/,
    ],
  ];
  it.each(corruptions)('%s', (_name, corrupt, message) => {
    const w = createWorld(preset('small', 10), 1, 0);
    const inv = new Invariants(w);
    inv.check(-1);
    corrupt(w);
    expect(() => inv.check(0)).toThrow(message);
  });

  it('a corrupted indicator row', () => {
    const cfg = preset('small', 10);
    const w = runChecked(cfg, 1);
    w.rec.set(4, INDICATORS.indexOf('trustCitizens'), 1.2);
    expect(() => checkIndicators(w, cfg.ticks)).toThrow(/row 4: trustCitizens/);
  });
});
