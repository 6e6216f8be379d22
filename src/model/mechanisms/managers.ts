/**
 * Middle managers come and go and change (part of process 12). Managers leave, more often when
 * their unit's operations "show red", and coaching managers most of all (004: leaders are hired
 * and fired on operational key figures; visionary leaders are at risk when operations show red).
 * A replacement is recruited to the style the steering systems reward and starts insecure in the
 * new role (002 §2.5.4, M16); insecurity settles with time. Styles drift slowly toward what the
 * steering rewards (003 §2: the logics layer on each other). The staff of a new first-line manager
 * start part of their trust again (002 M15).
 */
import { indicator, mechanism, paramsOf } from '../mechanism.js';
import { param } from '../params/define.js';
import { drawManager, type InitParams } from '../population.js';
import { NPG } from '../state.js';
import { signals } from './signals.js';

export const managers = mechanism({
  name: 'managers',
  title: 'Managers leave (coaching ones most when operations show red), are replaced to fit the steering, settle and drift',
  process: 'turnover',
  order: 2,
  sources: '004 (hired and fired on operations); 002 §2.5.4, M15, M16; 003 §2',
  params: {
    leaveRate: param(0.08 / 52, [0, 0.05], 'Weekly leaving probability of a manager (about 8 % a year)', 'assumption'),
    kpiRisk: param(
      10,
      [0, 50],
      'Leaving multiplier per unit of unit overload, scaled by coaching style',
      '004 (visionary leaders at risk when operations show red)',
    ),
    styleSteering: param(
      1,
      [0, 3],
      'Shift of the style the organisation recruits and rewards per unit of NPG in steering above the start',
      '003 §2; assumption',
    ),
    styleDrift: param(0.002, [0, 0.1], 'Weekly drift of a manager’s style toward the rewarded style', 'assumption'),
    newInsecurity: param(0.6, [0, 1], 'Insecurity of a manager new in the role', '002 §2.5.4'),
    settledInsecurity: param(0.25, [0, 1], 'Insecurity a manager settles toward with time in the role', 'assumption'),
    settling: param(0.01, [0, 0.2], 'Weekly rate at which insecurity settles', 'assumption'),
    trustRestart: param(
      0.5,
      [0, 1],
      'Share of staff trust that restarts from the everyday level under a new first-line manager',
      '002 M15; assumption',
    ),
  },
  reads: ['managers.*', 'units.workload', 'org.steering', 'staff.trustMgr'],
  writes: ['managers.*', 'staff.trustMgr'],
  flows: ['managersLeft'],
  indicators: {
    coachingStyle: indicator(
      'score',
      'up',
      { en: 'Coaching leadership', nb: 'Coachende ledelse' },
      "Mean managers' style, controlling line (0) to coach/facilitator (1)",
    ),
    managerInsecurity: indicator(
      'score',
      'down',
      { en: 'Manager insecurity', nb: 'Usikkerhet hos ledere' },
      'Mean insecurity of managers in their role',
    ),
  },
  run(w, _tick, { p, rng: r, flows }) {
    const { managers: m, units, org, staff } = w;
    const init = w.p.init as InitParams;
    const relay = paramsOf(w, signals);
    const norm = Math.min(1, Math.max(0, init.managerStyle + p.styleSteering * (org.steering[NPG]! - w.orgConfig.logic.steering[NPG]!)));
    const { leaveRate, kpiRisk, styleDrift, newInsecurity, settledInsecurity, settling, trustRestart } = p;
    for (let k = 0; k < m.n; k++) {
      if (m.removed[k] === 1) continue;
      m.tenure[k] = m.tenure[k]! + 1;
      m.insecurity[k] = m.insecurity[k]! + settling * (settledInsecurity - m.insecurity[k]!);
      m.style[k] = m.style[k]! + styleDrift * (norm - m.style[k]!);
      const red = Math.max(0, units.workload[m.unit[k]!]! - 1);
      if (!r.bernoulli(leaveRate * (1 + kpiRisk * red * m.style[k]!))) continue;
      flows.managersLeft++;
      drawManager(w, k, r, norm, relay);
      m.insecurity[k] = Math.max(m.insecurity[k]!, newInsecurity);
      m.tenure[k] = 0;
      const first = m.firstStaff[k]!;
      for (let i = first; i < first + m.staffCount[k]!; i++) {
        staff.trustMgr[i] = staff.trustMgr[i]! + trustRestart * (init.trustManager - staff.trustMgr[i]!);
      }
    }
  },
  observe(w, _ctx, set) {
    const m = w.managers;
    let style = 0;
    let insecure = 0;
    let n = 0;
    for (let k = 0; k < m.n; k++) {
      if (m.removed[k] === 1) continue;
      style += m.style[k]!;
      insecure += m.insecurity[k]!;
      n++;
    }
    set('coachingStyle', style / Math.max(1, n));
    set('managerInsecurity', insecure / Math.max(1, n));
  },
});
