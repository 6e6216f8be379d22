/** Levers on leadership and direction: top push, tugboats, leadership development, pace, missions. */
import { addTie } from '../network.js';
import { NPG, type World } from '../state.js';
import type { LeverEffect, Undo } from './shift.js';
import { inTargets, moveMix, shiftOrg, targetUnits, undoAll } from './shift.js';

/** Documents turn toward NPG at once and stay written: this change is never undone. */
function turnDocuments(w: World, share: number): void {
  moveMix(w.org.documents, NPG, share);
}

/**
 * More plans and strategies (002 VF-1, S1): the documents turn toward NPG and the plans add
 * reporting, with no signal, resources or design behind them: "paper NPG".
 */
export const strategyPlans: LeverEffect = {
  begin(w, it) {
    turnDocuments(w, w.p.levers.documentsShift * it.intensity);
    return shiftOrg(w, 'reportingLoad', w.p.levers.planReporting * it.intensity);
  },
};

/** Single top push (002 S14): a strong signal at the top only; the documents turn at once. */
export const topPush: LeverEffect = {
  begin(w, it) {
    turnDocuments(w, w.p.levers.documentsShift * it.intensity);
    return shiftOrg(w, 'topSignal', w.p.levers.topPush * it.intensity);
  },
};

/** Mission orientation (004 lever 5): missions written into plans start aligned cross-unit initiatives. */
export const mission: LeverEffect = {
  begin(w, it) {
    turnDocuments(w, w.p.levers.missionDocuments * it.intensity);
    return shiftOrg(w, 'missionRate', (Number(it.options.perYear) / 52) * it.intensity, 0, 52);
  },
};

/**
 * Tugboats (002 S13): a share of staff in the targeted units become change agents. They hear the
 * direction themselves and pass it to their ties (signals.ts). The end of the programme ends the role.
 */
export const tugboats: LeverEffect = {
  begin(w, it) {
    const { staff, units } = w;
    const r = w.rng.levers;
    const share = Number(it.options.share) * it.intensity;
    const chosen: number[] = [];
    for (const u of targetUnits(w, it)) {
      const first = units.firstStaff[u]!;
      for (let i = first; i < first + units.staff[u]!; i++) {
        if (staff.tugboat[i] === 0 && r.bernoulli(share)) {
          staff.tugboat[i] = 1;
          staff.openness[i] = Math.max(staff.openness[i]!, 0.7);
          chosen.push(i);
          // Change agents are brokers: they reach across the silo walls.
          for (let k = 0; k < w.p.levers.tugboatBrokerTies; k++) {
            let v = r.int(units.n - 1);
            if (v >= u) v++;
            if (units.n > 1) addTie(w, i, units.firstStaff[v]! + r.int(units.staff[v]!));
          }
        }
      }
    }
    w.org.tugboats += chosen.length;
    return (x) => {
      for (const i of chosen) {
        if (x.staff.tugboat[i] === 1) {
          x.staff.tugboat[i] = 0;
          x.org.tugboats--;
        }
      }
    };
  },
};

/** Leadership development (002 S5, 004): managers move weekly toward coaching; relay up, insecurity down. */
export const leadershipDevelopment: LeverEffect = {
  weekly(w, it) {
    const m = w.managers;
    const rate = Number(it.options.rate) * it.intensity;
    for (let k = 0; k < m.n; k++) {
      if (m.removed[k] === 1 || !inTargets(it, m.unit[k]!)) continue;
      m.style[k] = m.style[k]! + rate * (1 - m.style[k]!);
      m.relay[k] = m.relay[k]! + 0.5 * rate * (1 - m.relay[k]!);
      m.insecurity[k] = m.insecurity[k]! * (1 - rate);
    }
  },
};

/**
 * Pace of change (003 S5 "work slowly to work fast"; 004 lever 1; Wigan 003 §6.2): rapid adds
 * imposed changes and a stronger push; slow removes imposed changes. Which of the two works is
 * the `pace` mechanism choice (operations.changeBurden).
 */
export const paceOfChange: LeverEffect = {
  begin(w, it) {
    const L = w.p.levers;
    if (it.options.mode === 'slow') return shiftOrg(w, 'imposedChanges', -L.slowRelief * it.intensity, 0, 100);
    return undoAll(
      shiftOrg(w, 'imposedChanges', L.rapidChanges * it.intensity, 0, 100),
      shiftOrg(w, 'topSignal', L.rapidPush * it.intensity),
    );
  },
};

/** Trust reform (003 S4, SF-19): less reporting, more autonomy; it helps only with clear mandates. */
export const trustReform: LeverEffect = {
  begin(w, it) {
    const undos: Undo[] = [
      shiftOrg(w, 'reportingLoad', -w.p.levers.reportingCut * it.intensity),
      shiftOrg(w, 'autonomy', it.intensity),
      // Steering by trust rather than control: the steering mix moves toward NPG (003 S4).
      moveMix(w.org.steering, NPG, w.p.levers.steeringShift * it.intensity),
    ];
    const before = w.org.mandateClarity;
    w.org.mandateClarity = it.options.clearMandates === false ? 0 : 1;
    undos.push((x) => {
      x.org.mandateClarity = before;
    });
    return undoAll(...undos);
  },
};

/** Room to fail (002 §2.5.5, 003): failures cost less trust and fear, teach more; more proposals. */
export const roomToFail: LeverEffect = {
  begin: (w, it) => shiftOrg(w, 'roomToFail', it.intensity),
};

/** Portfolio management (004 levers 4, 6): filter, coordinate, and spread what works across units. */
export const portfolio: LeverEffect = {
  begin: (w, it) => shiftOrg(w, 'portfolio', it.intensity),
  weekly(w, it) {
    const { units } = w;
    const r = w.rng.levers;
    if (units.n < 2) return;
    const p = w.p.levers.portfolioSpread * it.intensity;
    for (let u = 0; u < units.n; u++) {
      const n = units.routines[u]!;
      for (let k = 0; k < n; k++) {
        if (!r.bernoulli(p)) continue;
        let v = r.int(units.n - 1);
        if (v >= u) v++;
        units.routines[v] = units.routines[v]! + 1;
      }
    }
  },
};

/** Competence on the job (004 lever 8): members of running initiatives learn by doing, every week. */
export const competenceOnTheJob: LeverEffect = {
  begin: (w, it) => shiftOrg(w, 'onTheJob', it.intensity),
  weekly(w, it) {
    const { staff } = w;
    const g = w.p.levers.onTheJobWeekly * it.intensity;
    for (let i = 0; i < staff.n; i++) {
      if (staff.initiative[i]! >= 0) staff.competence[i] = staff.competence[i]! + g * (1 - staff.competence[i]!);
    }
  },
};
