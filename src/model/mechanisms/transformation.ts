/**
 * Observation of the whole (process 13): the composite transformation index, a weighted mean of
 * practice-level components already recorded this tick, and its time-to-turn (the first week the
 * index reaches the threshold). It runs after every other mechanism has observed.
 */
import { indicator, mechanism } from '../mechanism.js';
import { param } from '../params/define.js';
import type { World } from '../state.js';

export const transformation = mechanism({
  name: 'index',
  title: 'The transformation index and the week the tanker turns',
  process: 'observe',
  sources: 'MODEL.md §5; 000 §4',
  params: {
    turnThreshold: param(0.45, [0, 1], 'Transformation index at which the tanker counts as turned', 'assumption'),
    weightPractice: param(0.3, [0, 1], 'Index weight of NPG in practice', 'MODEL.md §5; assumption'),
    weightCoCreation: param(0.25, [0, 1], 'Index weight of actual co-creation', 'MODEL.md §5; assumption'),
    weightRoutines: param(0.25, [0, 1], 'Index weight of institutionalised routines', '000 §4; assumption'),
    weightCrossSilo: param(0.1, [0, 1], 'Index weight of the cross-silo share of initiative teams', 'MODEL.md §5; assumption'),
    weightTrust: param(0.1, [0, 1], 'Index weight of mean trust', 'MODEL.md §5; assumption'),
    actualRef: param(0.1, [0.001, 1], 'Share of staff in actual co-creation that counts as full co-creation', 'assumption'),
    routineHalf: param(3, [0.1, 100], 'Routines per 100 staff at which institutionalisation counts as half done', 'assumption'),
  },
  reads: ['units.routines', 'units.staff', 'rec'],
  writes: ['turnTick'],
  init: (w: World) => ({
    practice: w.rec.index('practiceNPG'),
    coCreation: w.rec.index('coCreationActual'),
    crossSilo: w.rec.index('crossSiloShare'),
    trust: [
      w.rec.index('trustStaffManagement'),
      w.rec.index('trustPoliticiansAdministration'),
      w.rec.index('trustCitizens'),
      w.rec.index('trustPartners'),
    ] as const,
  }),
  indicators: {
    transformationIndex: indicator(
      'index',
      'up',
      { en: 'Transformation index', nb: 'Transformasjonsindeks' },
      'Transformation index: weighted mean of practice, co-creation, routines, cross-silo work and trust',
    ),
  },
  observe(w, { p, state: col }, set, tick) {
    const { units, staff, rec } = w;
    let routineCoverage = 0;
    for (let u = 0; u < units.n; u++) {
      const rr = units.routines[u]!;
      routineCoverage += (units.staff[u]! * rr) / (rr + (p.routineHalf * units.staff[u]!) / 100);
    }
    routineCoverage /= staff.n;
    const get = (c: number) => rec.get(tick, c);
    const trustAll = (get(col.trust[0]) + get(col.trust[1]) + get(col.trust[2]) + get(col.trust[3])) / 4;
    // Weighted mean of five components in [0,1]; weights are normalised so the index stays in [0,1].
    const wsum = p.weightPractice + p.weightCoCreation + p.weightRoutines + p.weightCrossSilo + p.weightTrust;
    const idx =
      wsum > 0
        ? (p.weightPractice * get(col.practice) +
            p.weightCoCreation * Math.min(1, get(col.coCreation) / p.actualRef) +
            p.weightRoutines * routineCoverage +
            p.weightCrossSilo * get(col.crossSilo) +
            p.weightTrust * trustAll) /
          wsum
        : 0;
    set('transformationIndex', idx);
    if (w.turnTick < 0 && idx >= p.turnThreshold) w.turnTick = tick;
  },
});
