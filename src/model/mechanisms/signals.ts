/**
 * Process 3, signals down the hierarchy: a top-level signal reaches a staff member only as far as
 * every layer above relays it; with L layers and relay probability r the reach is about r^L
 * (002 M18). This is the tanker's inertia. Tugboats (002 S13) are distributed change agents who
 * pass the direction to their own ties, bypassing the layers, each with a small effect.
 */
import { indicator, mechanism, paramsOf } from '../mechanism.js';
import { param } from '../params/define.js';
import type { World } from '../state.js';
import { meanBacking } from './politics.js';

export const signals = mechanism({
  name: 'signals',
  title: 'Top-level direction relayed down the management layers, and passed on by tugboats',
  process: 'signals',
  sources: '002 M18, S13; 004 lever 1',
  params: {
    relay: param(0.7, [0, 1], 'Mean weekly probability that a secure middle manager passes a top-level signal on', '002 M18'),
    relaySpread: param(0.08, [0, 0.5], 'Standard deviation of relay probability across managers', 'assumption'),
    insecurityDamping: param(0.3, [0, 1], 'Relay lost per unit of manager insecurity', '002 §2.5.4; assumption'),
    heardRate: param(0.05, [0, 1], 'Weekly update rate of what staff have heard (memory about 20 weeks)', 'assumption'),
    politicalAnchor: param(0.5, [0, 1], 'Share of the top signal that depends on political backing', '004 lever 1, 002 §5.2'),
    tugboatReach: param(0.3, [0, 1], 'Weekly probability that a tugboat passes the direction to each of its ties', '002 S13'),
  },
  reads: [
    'org.topSignal',
    'org.tugboats',
    'pols.backing',
    'managers.parent',
    'managers.relay',
    'managers.insecurity',
    'staff.manager',
    'staff.tugboat',
    'ties',
  ],
  writes: ['managers.on', 'staff.heard'],
  indicators: {
    signalReach: indicator(
      'share',
      'up',
      { en: 'Reach of the top signal', nb: 'Rekkevidde for toppledelsens signal' },
      'Mean share of the top direction staff have heard recently',
    ),
  },
  run(w, _tick, { p, rng: r }) {
    // Parameters as locals: loads from the group object cannot be hoisted out of loops that call.
    const { heardRate, insecurityDamping, tugboatReach } = p;
    const { managers: m, staff, ties } = w;
    const top = effectiveTopSignal(w);
    // An insecure manager turns a signal into control rather than passing it on (002 M16): the
    // damping reads today's insecurity, so leadership development and new managers change it.
    for (let k = 0; k < m.n; k++) {
      const parentOn = m.parent[k]! < 0 ? r.bernoulli(top) : m.on[m.parent[k]!] === 1;
      m.on[k] = parentOn && r.bernoulli(m.relay[k]! * (1 - insecurityDamping * m.insecurity[k]!)) ? 1 : 0;
    }
    const rate = heardRate;
    const reach = tugboatReach;
    const { offsets, degree, neighbors } = ties;
    // Typed arrays as locals (the loop calls the random stream; V8 cannot hoist property loads).
    const { tugboat, manager, heard } = staff;
    const on = m.on;
    const viaTugboats = reach > 0 && w.org.tugboats > 0;
    for (let i = 0; i < staff.n; i++) {
      let got = tugboat[i] === 1 || on[manager[i]!] === 1 ? 1 : 0;
      if (got === 0 && viaTugboats) {
        const o = offsets[i]!;
        const d = degree[i]!;
        for (let e = 0; e < d; e++) {
          if (tugboat[neighbors[o + e]!] === 1 && r.bernoulli(reach)) {
            got = 1;
            break;
          }
        }
      }
      heard[i] = heard[i]! + rate * (got - heard[i]!);
    }
  },
  observe(w, _ctx, set) {
    let heard = 0;
    for (let i = 0; i < w.staff.n; i++) heard += w.staff.heard[i]!;
    set('signalReach', heard / w.staff.n);
  },
});

/** Effective weekly strength of the top push: the administration's push held up by political backing. */
export function effectiveTopSignal(w: World): number {
  const a = paramsOf(w, signals).politicalAnchor;
  return w.org.topSignal * (1 - a + a * meanBacking(w));
}
