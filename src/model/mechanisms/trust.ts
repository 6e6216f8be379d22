/**
 * Process 11, trust: staff-manager, politicians-administration, citizens-municipality and partner
 * trust update from experiences, asymmetrically: slow to build, fast to lose (MODEL.md §3.11,
 * stylised fact 5; 001 on trust; 003 S4). Between experiences, trust drifts slowly toward what
 * everyday contact supports: a coaching manager, a municipality that keeps up its services.
 */
import { type GroupValues, param } from '../params/define.js';
import type { World } from '../state.js';

export const trustParams = {
  gain: param(0.04, [0, 1], 'Share of the distance to full trust gained by one good experience', '001, 003 S4'),
  asymmetry: param(3, [1, 20], 'How many times faster one bad experience destroys trust than a good one builds it', 'MODEL.md §3.11, SF5'),
  drift: param(0.01, [0, 1], 'Weekly drift of trust toward its everyday level', 'assumption'),
  managerStyleTrust: param(0.5, [0, 1], 'Everyday staff trust gained from a fully coaching manager', '002 §2.5.4, 003 tactical level'),
  serviceTrust: param(0.5, [0, 1], 'Everyday citizen trust when services keep up with demand', '004; assumption'),
} as const;
export type TrustParams = GroupValues<typeof trustParams>;

/** A good experience: trust rises by a share of the distance to 1. */
export function trustUp(x: number, gain: number): number {
  return x + gain * (1 - x);
}

/** A bad experience: trust falls by `asymmetry` times the gain, as a share of what there is. */
export function trustDown(x: number, gain: number, asymmetry: number): number {
  return x - Math.min(1, gain * asymmetry) * x;
}

export function trust(w: World): void {
  const p = w.p.trust;
  const { staff, managers, citizens, units } = w;
  const d = p.drift;
  for (let i = 0; i < staff.n; i++) {
    const target = 0.25 + p.managerStyleTrust * managers.style[staff.manager[i]!]!;
    staff.trustMgr[i] = staff.trustMgr[i]! + d * (target - staff.trustMgr[i]!);
  }
  // Citizens see service levels: overloaded units let them down.
  let overload = 0;
  for (let u = 0; u < units.n; u++) overload += Math.max(0, units.workload[u]! - 1) * units.staff[u]!;
  overload /= Math.max(1, w.staff.n);
  const citizenTarget = p.serviceTrust * Math.max(0, 1 - 5 * overload);
  for (let c = 0; c < citizens.n; c++) {
    citizens.trust[c] = citizens.trust[c]! + 0.2 * d * (citizenTarget - citizens.trust[c]!);
    citizens.fatigue[c] = citizens.fatigue[c]! * 0.99;
  }
}
