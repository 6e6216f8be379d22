/**
 * Process 2, operations. Development time is allocated, not left over: each unit's management
 * sets aside a share of working time for development and protects it, more so under a coaching
 * head and steering that values development, and less when operations "show red" (004: leaders
 * are hired and fired on operations; the "service factory" leaves little capacity to change;
 * 001 M37 balance between operations and development; 002 VF-10 time crowding-out). The time set
 * aside, reporting and imposed change all come out of operational capacity, so development has a
 * price: workload rises with it. Overload degrades service and wears staff out (burnout,
 * turnover.ts; citizens' service trust, trust.ts); it squeezes development time only as far as
 * management lets it.
 * Process 1, at the start of each budget year: demand for services grows, and staffing follows
 * it only in part (004: more staff needed than will be available).
 */
import { clamp01 } from '../../engine/stats.js';
import { choice, indicator, mechanism, paramsOf } from '../mechanism.js';
import { scaleQuantity } from '../modifiers.js';
import { param } from '../params/define.js';
import { NPG, type World } from '../state.js';

export const operations = mechanism({
  name: 'operations',
  title: 'Management allocates and protects development time; what remains serves demand, and overload wears staff out',
  process: 'operations',
  sources: '004 (service factory, M30-M32, M37-M38); 001 M37, M39; 002 VF-10, S12, S19, S2b; 003 S4, S5, S7',
  params: {
    devBase: param(
      0.08,
      [0, 0.4],
      'Share of working time management sets aside for development without pressure',
      '001 M37; 004; assumption (about 3 of 37.5 hours)',
    ),
    devMax: param(0.4, [0.05, 1], 'Most working time a unit can give to development', 'assumption'),
    devAdjust: param(1 / 13, [0, 1], 'Weekly rate at which development time follows its target (about a quarter)', 'assumption'),
    devSqueeze: param(
      3,
      [0, 20],
      'Development time cut per unit of workload above capacity, where management does not protect it',
      '004 (operations show red), 002 VF-10',
    ),
    protectBase: param(0.2, [0, 1], 'Protection of development time by a controlling head under bureaucratic/NPM steering', 'assumption'),
    protectStyle: param(0.5, [0, 1], 'Protection added by a fully coaching unit head', '004 (adaptive leadership), 002 M28'),
    protectSteering: param(
      0.5,
      [0, 2],
      'Protection added per unit of NPG in steering (steering that values development)',
      '004 (ambidexterity), 003 S4',
    ),
    projectTime: param(0.5, [0, 2], 'Development time funded per unit of project budget share', '002 S2b'),
    pressureLoad: param(0.12, [0, 1], 'Extra workload per unit of budget pressure', '002 S12, 003 S6'),
    reportingCost: param(0.08, [0, 0.5], 'Share of working time taken by reporting at full reporting load', '003 S4 (trust reform)'),
    changeCost: param(0.02, [0, 0.2], 'Share of working time taken by each imposed change per year', '003 S5, 004 lever 1'),
    volunteerShare: param(0.08, [0, 0.5], 'Share of operations time that volunteers can take over at full relief', '003 S7 (Wigan)'),
    burnoutAbsence: param(0.2, [0, 1], 'Capacity lost per unit of mean burnout in the unit (sick leave)', 'assumption'),
    staffingResponse: param(
      0.5,
      [0, 1],
      'Share of demand growth matched by more staffing each year',
      '004 (2,000 fewer employees, 24,000 more needed); assumption',
    ),
  },
  choices: {
    pace: choice(
      ['slow-is-fast', 'led-to-ground'],
      'slow-is-fast',
      'Whether fast imposed change strains staff in full, or only as far as leaders at the ground do not carry it',
      '003 S5 ("work slowly to work fast") vs Wigan 003 §6.2; MODEL.md §6',
      {
        'slow-is-fast': 'every imposed change costs time and strain in full',
        'led-to-ground': 'imposed change costs only what coaching first-line managers do not carry',
      },
    ),
  },
  reads: [
    'units.demand',
    'units.capacity',
    'units.devShare',
    'units.head',
    'units.staff',
    'staff.burnout',
    'staff.unit',
    'managers.style',
    'managers.removed',
    'managers.staffCount',
    'org.budgetPressure',
    'org.volunteerRelief',
    'org.reportingLoad',
    'org.imposedChanges',
    'org.projectBudgetShare',
    'org.steering',
  ],
  writes: ['units.workload', 'units.devShare', 'org.changeBurden', 'staff.freeTime'],
  indicators: {
    workload: indicator(
      'share',
      'down',
      { en: 'Workload', nb: 'Arbeidsbelastning' },
      'Mean workload: operational demand over the time left for operations (1 = fully loaded)',
    ),
    freeTime: indicator(
      'share',
      'up',
      { en: 'Free time', nb: 'Fri tid' },
      'Mean development time: share of working time set aside for development',
    ),
  },
  run(w, _tick, { p, choice }) {
    const { units, staff, org, managers } = w;
    const meanBurn = w.scratch.a;
    meanBurn.fill(0, 0, units.n);
    // Typed arrays as locals: V8 does not always hoist their loads out of the loop.
    const { unit, burnout, freeTime } = staff;
    sumByUnit(unit, burnout, staff.n, meanBurn);
    org.changeBurden = changeBurden(w, choice.pace);
    const overhead = org.reportingLoad * p.reportingCost + org.changeBurden * p.changeCost;
    const relief = 1 - org.volunteerRelief * p.volunteerShare;
    const pressure = 1 + p.pressureLoad * org.budgetPressure;
    const funded = p.projectTime * org.projectBudgetShare;
    const steering = p.protectSteering * org.steering[NPG]!;
    for (let u = 0; u < units.n; u++) {
      const absence = p.burnoutAbsence * (meanBurn[u]! / Math.max(1, units.staff[u]!));
      const dev = units.devShare[u]!;
      const opsTime = units.capacity[u]! * (1 - absence) * Math.max(0.05, 1 - overhead - dev);
      const load = (units.demand[u]! * pressure * relief) / opsTime;
      units.workload[u] = load;
      // Management sets development time and protects it from operations as far as its style and
      // the steering allow; it follows its target over a quarter or so.
      const protect = Math.min(1, p.protectBase + p.protectStyle * managers.style[units.head[u]!]! + steering);
      const squeeze = Math.max(0, 1 - p.devSqueeze * Math.max(0, load - 1) * (1 - protect));
      const target = Math.min(p.devMax, p.devBase * squeeze + funded);
      units.devShare[u] = dev + p.devAdjust * (target - dev);
    }
    const devShare = units.devShare;
    let cur = -1;
    let free = 0;
    for (let i = 0; i < staff.n; i++) {
      if (unit[i] !== cur) {
        cur = unit[i]!;
        free = clamp01(devShare[cur]!);
      }
      freeTime[i] = free;
    }
  },
  observe(w, _ctx, set) {
    // Staff-weighted means over units: every member of a unit has its workload and development time.
    const { staff, units } = w;
    let work = 0;
    let free = 0;
    for (let u = 0; u < units.n; u++) {
      work += units.staff[u]! * units.workload[u]!;
      free += units.staff[u]! * Math.min(1, Math.max(0, units.devShare[u]!));
    }
    set('workload', work / staff.n);
    set('freeTime', free / staff.n);
  },
});

/** Process 1, at the start of a budget year: demand grows by the yearly trend; staffing follows in part. */
export const demandGrowth = mechanism({
  name: 'demand',
  title: 'Yearly growth of demand for services, and of staffing as far as it follows',
  process: 'calendar',
  when: 'year-start',
  order: 1,
  sources: '004 (more needed for the same welfare)',
  params: {},
  reads: ['org.demandGrowth', 'units.capacity'],
  writes: ['units.demand', 'units.capacity'],
  run(w) {
    const { units, org } = w;
    const staffing = 1 + org.demandGrowth * paramsOf(w, operations).staffingResponse;
    for (let u = 0; u < units.n; u++) {
      scaleQuantity(w, { indexed: 'demand', index: u }, 1 + org.demandGrowth);
      units.capacity[u] = units.capacity[u]! * staffing;
    }
  },
});

/**
 * Adds each person's value to their unit's entry of `sums`, in staff order. The running sum is kept
 * in a local while the unit stays the same (staff sit in blocks by unit), which gives the same
 * numbers as adding into the array each time without waiting on the array for every addition.
 */
function sumByUnit(unit: Uint8Array, values: Float64Array, n: number, sums: Float64Array): void {
  let cur = -1;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const u = unit[i]!;
    if (u !== cur) {
      if (cur >= 0) sums[cur] = acc;
      cur = u;
      acc = sums[u]!;
    }
    acc += values[i]!;
  }
  if (cur >= 0) sums[cur] = acc;
}

/**
 * Strain of imposed change. Where the sources disagree (MODEL.md §6): "work slowly to work fast"
 * (003) charges every imposed change in full; "led to the ground" (Wigan, 003 §6.2) charges only
 * what leaders at the ground do not carry, measured as the mean coaching style of first-line
 * managers (the managers who translate a change into the team's daily work).
 */
export function changeBurden(w: World, pace: string): number {
  const { org, managers: m } = w;
  if (pace === 'slow-is-fast') return org.imposedChanges;
  let carried = 0;
  let n = 0;
  for (let k = 0; k < m.n; k++) {
    if (m.removed[k] === 1 || m.staffCount[k] === 0) continue;
    carried += m.style[k]!;
    n++;
  }
  return org.imposedChanges * (1 - (n > 0 ? carried / n : 0));
}
