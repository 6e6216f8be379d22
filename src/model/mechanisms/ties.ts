/**
 * Tie dynamics across silos (part of process 10): every week some staff lose a cross-unit tie, at
 * a rate rising with silo strength, and some form one, at a rate falling with it. Cross-unit ties
 * thus track the current silo strength, so a remote-work shock that raises silos thins them
 * ("en fest for silobyggere", 002 §4.3.5, S11) and they regrow when it ends.
 */

import { indicator, mechanism } from '../mechanism.js';
import { addTie, crossTieShare, removeTie } from '../network.js';
import { param } from '../params/define.js';

export const tieDynamics = mechanism({
  name: 'ties',
  title: 'Cross-unit ties are lost and formed at rates set by silo strength',
  process: 'culture',
  order: 1,
  stream: 'network',
  sources: '002 §4.3.5, §2.5.3, S11',
  params: {
    crossDecay: param(0.04, [0, 1], 'Weekly probability that a person loses one cross-unit tie at full silo strength', '002 §4.3.5, S11'),
    crossForm: param(0.013, [0, 1], 'Weekly probability that a person forms one cross-unit tie at zero silo strength', '002 §2.5.3'),
  },
  reads: ['ties', 'staff.unit', 'units.firstStaff', 'units.staff', 'org.siloStrength'],
  writes: ['ties'],
  indicators: {
    crossUnitTieShare: indicator(
      'share',
      'up',
      { en: 'Cross-unit share of staff ties', nb: 'Andel bånd på tvers av enheter' },
      'Share of staff ties that cross units',
    ),
  },
  run(w, _tick, { p, rng: r }) {
    const { staff, units, ties, org } = w;
    const n = staff.n;
    // Sample the expected number of events rather than visiting everyone: cost O(events).
    const losses = Math.round(n * p.crossDecay * org.siloStrength);
    const gains = Math.round(n * p.crossForm * (1 - org.siloStrength));
    for (let e = 0; e < losses; e++) {
      const i = r.int(n);
      const d = ties.degree[i]!;
      if (d === 0) continue;
      const j = ties.neighbors[ties.offsets[i]! + r.int(d)]!;
      if (staff.unit[j] !== staff.unit[i]) removeTie(w, i, j);
    }
    if (units.n < 2) return;
    for (let e = 0; e < gains; e++) {
      const i = r.int(n);
      const u = staff.unit[i]!;
      let v = r.int(units.n - 1);
      if (v >= u) v++;
      addTie(w, i, units.firstStaff[v]! + r.int(units.staff[v]!));
    }
  },
  observe(w, _ctx, set) {
    set('crossUnitTieShare', crossTieShare(w));
  },
});
