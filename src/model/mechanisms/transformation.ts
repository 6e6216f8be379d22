/**
 * Observation of the whole (process 13): the composite transformation index, a weighted mean of
 * practice-level components recorded this tick (NPG in practice, actual co-creation, co-creation
 * across silos, routines the line has taken over), and its time-to-turn (the first week the index
 * reaches the threshold). Every component measures practice: structure (a matrix, plans) or trust
 * raise it only through what people do. It runs after every other mechanism has observed.
 */
import { indicator, mechanism, paramsOf } from '../mechanism.js';
import { param } from '../params/define.js';
import type { World } from '../state.js';

export const transformation = mechanism({
  name: 'index',
  title: 'The transformation index and the week the tanker turns',
  process: 'observe',
  sources: 'MODEL.md §5, §7; 000 §4',
  params: {
    turnThreshold: param(
      0.48,
      [0, 1],
      'Transformation index that, held on average over the turn window, counts as the tanker turned',
      'assumption',
    ),
    turnWindow: param(
      13,
      [1, 52],
      'Weeks over which the index must average the threshold to count as turned (a quarter: a week of noise is not a turn)',
      'assumption',
    ),
    weightPractice: param(0.3, [0, 1], 'Index weight of NPG in practice', 'MODEL.md §5; assumption'),
    weightCoCreation: param(0.3, [0, 1], 'Index weight of actual co-creation', 'MODEL.md §5; assumption'),
    weightRoutines: param(0.25, [0, 1], 'Index weight of institutionalised routines', '000 §4; assumption'),
    weightCrossSilo: param(0.15, [0, 1], 'Index weight of co-creation across silos', 'MODEL.md §5; assumption'),
    practiceRef: param(0.5, [0.01, 1], 'NPG weight in practice that counts as fully transformed practice', 'assumption'),
    actualRef: param(0.1, [0.001, 1], 'Share of staff in actual co-creation that counts as full co-creation', 'assumption'),
    crossRef: param(0.05, [0.001, 1], 'Share of staff in cross-silo co-creation that counts as full', 'assumption'),
    routineHalf: param(3, [0.1, 100], 'Routines per 100 staff at which institutionalisation counts as half done', 'assumption'),
  },
  reads: ['units.routines', 'units.staff', 'rec'],
  observes: ['practiceNPG', 'coCreationActual', 'crossSiloCoCreation'],
  writes: ['turnTick'],
  init: (w: World) => ({
    practice: w.rec.index('practiceNPG'),
    coCreation: w.rec.index('coCreationActual'),
    crossSilo: w.rec.index('crossSiloCoCreation'),
    index: w.rec.index('transformationIndex'),
  }),
  indicators: {
    transformationIndex: indicator(
      'index',
      'up',
      { en: 'Transformation index', nb: 'Transformasjonsindeks' },
      'Transformation index: weighted mean of NPG in practice, actual co-creation, co-creation across silos and institutionalised routines, each against what counts as full',
    ),
  },
  observe(w, { p, state: col }, set, tick) {
    const get = (c: number) => w.rec.get(tick, c);
    // Weighted mean of four practice components in [0,1]; weights are normalised so the index stays in [0,1].
    const wsum = p.weightPractice + p.weightCoCreation + p.weightRoutines + p.weightCrossSilo;
    const idx =
      wsum > 0
        ? (p.weightPractice * Math.min(1, get(col.practice) / p.practiceRef) +
            p.weightCoCreation * Math.min(1, get(col.coCreation) / p.actualRef) +
            p.weightRoutines * routineCoverage(w) +
            p.weightCrossSilo * Math.min(1, get(col.crossSilo) / p.crossRef)) /
          wsum
        : 0;
    set('transformationIndex', idx);
    // Turned: the first week whose window (this week and the ones before) averages the threshold.
    const span = Math.round(p.turnWindow);
    if (w.turnTick < 0 && tick >= span - 1 && idx >= p.turnThreshold) {
      let sum = idx;
      for (let t = tick - span + 1; t < tick; t++) sum += w.rec.get(t, col.index);
      if (sum / span >= p.turnThreshold) w.turnTick = tick;
    }
  },
});

/** Share of staff in units whose co-creation has become routine: routines per staff against half saturation. */
export function routineCoverage(w: World): number {
  const { units, staff } = w;
  const half = paramsOf(w, transformation).routineHalf;
  let covered = 0;
  for (let u = 0; u < units.n; u++) {
    const r = units.routines[u]!;
    covered += (units.staff[u]! * r) / (r + (half * units.staff[u]!) / 100);
  }
  return covered / Math.max(1, staff.n);
}
