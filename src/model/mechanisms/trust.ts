/**
 * Process 11, trust: staff-manager, politicians-administration, citizens-municipality and partner
 * trust update from experiences, asymmetrically: slow to build, fast to lose (MODEL.md §3.11,
 * stylised fact 5; 001 on trust; 003 S4). Between experiences, trust drifts slowly toward what
 * everyday contact supports: a coaching manager, a municipality that keeps up its services.
 */
import { COHORT_RUN, cohortOf, weeksOf } from '../cohorts.js';
import { indicator, mechanism } from '../mechanism.js';
import { param } from '../params/define.js';

export const trust = mechanism({
  name: 'trust',
  title: 'Trust drifts toward what everyday contact supports; experiences move it asymmetrically',
  process: 'trust',
  sources: '001; 003 S4; 002 §2.5.4; MODEL.md §3.11',
  params: {
    gain: param(0.04, [0, 1], 'Share of the distance to full trust gained by one good experience', '001, 003 S4'),
    asymmetry: param(
      3,
      [1, 20],
      'How many times faster one bad experience destroys trust than a good one builds it',
      'MODEL.md §3.11, SF5',
    ),
    drift: param(0.01, [0, 1], 'Weekly drift of trust toward its everyday level', 'assumption'),
    staffTrustFloor: param(
      0.4,
      [0, 1],
      'Everyday staff trust in a fully controlling manager, without reporting load or autonomy',
      'assumption',
    ),
    managerStyleTrust: param(
      0.5,
      [0, 1],
      'Everyday staff trust gained from a fully coaching manager',
      '002 §2.5.4, M15, 003 tactical level',
    ),
    autonomyTrust: param(0.15, [0, 1], 'Everyday staff trust gained at full autonomy granted', '001 M13, 003 S4'),
    controlTrust: param(0.2, [0, 1], 'Everyday staff trust lost at full reporting load (control)', '002 M16, 003 S4'),
    serviceTrust: param(
      0.44,
      [0, 1],
      'Everyday citizen trust when services keep up with demand (before renewal with citizens)',
      '004; assumption (with relevanceTrust, sets the status quo near the surveyed 0.5)',
    ),
    overloadTrustLoss: param(
      5,
      [0, 20],
      'Everyday citizen trust lost per unit of staff-weighted overload above capacity',
      '004; assumption',
    ),
    relevanceTrust: param(
      0.3,
      [0, 1],
      'Everyday citizen trust gained when services have been fully renewed with citizens',
      '003 M31, 004 (Wigan); assumption',
    ),
    citizenDrift: param(0.5, [0, 1], "Citizens' drift toward everyday trust relative to staff's (citizens see less)", 'assumption'),
    fatigueRecovery: param(0.02, [0, 1], 'Weekly share of participation fatigue a citizen recovers', 'assumption'),
    every: param(
      4,
      [1, 13],
      "Weeks between updates of a person's everyday drift of trust (staff toward their manager, citizens toward the municipality) and of citizens' recovery from fatigue: a 1/every share each week, each update worth every weeks (1: everyone weekly)",
      'numerical scheme, not a source (docs/model.md §7.11)',
      true,
    ),
  },
  reads: [
    'org.autonomy',
    'org.reportingLoad',
    'staff.trustMgr',
    'staff.manager',
    'managers.style',
    'units.workload',
    'units.staff',
    'citizens.trust',
    'citizens.fatigue',
    'org.relevance',
  ],
  writes: ['staff.trustMgr', 'citizens.trust', 'citizens.fatigue'],
  indicators: {
    trustStaffManagement: indicator(
      'score',
      'up',
      { en: 'Trust staff–management', nb: 'Tillit ansatte–ledelse' },
      'Mean staff trust in their own manager',
    ),
    trustPoliticiansAdministration: indicator(
      'score',
      'up',
      { en: 'Trust politicians–administration', nb: 'Tillit politikere–administrasjon' },
      "Mean politicians' trust in the administration",
    ),
    trustCitizens: indicator(
      'score',
      'up',
      { en: 'Citizens’ trust', nb: 'Innbyggernes tillit' },
      "Mean citizens' trust in the municipality",
    ),
    trustPartners: indicator('score', 'up', { en: 'Partners’ trust', nb: 'Partnernes tillit' }, "Mean partners' trust in the municipality"),
  },
  run(w, tick, { p }) {
    // Parameters as locals: loads from the group object cannot be hoisted out of loops that call.
    const {
      every,
      autonomyTrust,
      citizenDrift,
      controlTrust,
      drift,
      fatigueRecovery,
      managerStyleTrust,
      overloadTrustLoss,
      relevanceTrust,
      serviceTrust,
      staffTrustFloor,
    } = p;
    // Everyday trust in one's manager: the manager's style, and how much autonomy and control the
    // steering gives (001 M13, 002 M16, 003 S4).
    const climate = staffTrustFloor + autonomyTrust * w.org.autonomy - controlTrust * w.org.reportingLoad;
    const { staff, managers, citizens, units } = w;
    const d = drift;
    // This week's cohorts of staff and citizens, each by `every` weeks' worth (cohorts.ts).
    const cohort = cohortOf(tick, every);
    const step = every * COHORT_RUN;
    // Typed arrays as locals: V8 does not always hoist their loads out of the loop.
    const { manager, trustMgr } = staff;
    const style = managers.style;
    const staffRate = weeksOf(1 - d, every) * d;
    for (let start = cohort * COHORT_RUN; start < staff.n; start += step) {
      const end = Math.min(staff.n, start + COHORT_RUN);
      for (let i = start; i < end; i++) {
        const target = climate + managerStyleTrust * style[manager[i]!]!;
        trustMgr[i] = trustMgr[i]! + staffRate * (target - trustMgr[i]!);
      }
    }
    // Citizens see service levels: overloaded units let them down.
    let overload = 0;
    for (let u = 0; u < units.n; u++) overload += Math.max(0, units.workload[u]! - 1) * units.staff[u]!;
    overload /= Math.max(1, w.staff.n);
    // ... and services renewed with them (003 M31): heard of beyond those who took part.
    const citizenTarget = serviceTrust * Math.max(0, 1 - overloadTrustLoss * overload) + relevanceTrust * w.org.relevance;
    const keep = (1 - fatigueRecovery) ** every;
    const weekly = citizenDrift * d;
    const rate = weeksOf(1 - weekly, every) * weekly;
    const { trust: cTrust, fatigue } = citizens;
    for (let start = cohort * COHORT_RUN; start < citizens.n; start += step) {
      const end = Math.min(citizens.n, start + COHORT_RUN);
      for (let c = start; c < end; c++) {
        cTrust[c] = cTrust[c]! + rate * (citizenTarget - cTrust[c]!);
        fatigue[c] = fatigue[c]! * keep;
      }
    }
  },
  observe(w, _ctx, set) {
    const { staff, pols, citizens, partners } = w;
    let s = 0;
    for (let i = 0; i < staff.n; i++) s += staff.trustMgr[i]!;
    set('trustStaffManagement', s / staff.n);
    let pt = 0;
    for (let i = 0; i < pols.n; i++) pt += pols.trustAdmin[i]!;
    set('trustPoliticiansAdministration', pt / Math.max(1, pols.n));
    let ct = 0;
    for (let c = 0; c < citizens.n; c++) ct += citizens.trust[c]!;
    set('trustCitizens', ct / Math.max(1, citizens.n));
    let qt = 0;
    for (let q = 0; q < partners.n; q++) qt += partners.trust[q]!;
    set('trustPartners', partners.n > 0 ? qt / partners.n : 0);
  },
});

/** A good experience: trust rises by a share of the distance to 1. */
export function trustUp(x: number, gain: number): number {
  return x + gain * (1 - x);
}

/** A bad experience: trust falls by `asymmetry` times the gain, as a share of what there is. */
export function trustDown(x: number, gain: number, asymmetry: number): number {
  return x - Math.min(1, gain * asymmetry) * x;
}
