/** Levers on politics, law, methods and participation. */
import { METHODS, NPM } from '../state.js';
import type { LeverEffect } from './shift.js';
import { moveMix, setOrg, shiftOrg, targetUnits, undoAll } from './shift.js';

/** Politicians in arenas with the administration: the cogwheel interface (002 S8, 003 S9). */
export const politiciansArenas: LeverEffect = {
  begin: (w, it) => shiftOrg(w, 'cogwheel', it.intensity),
};

/** Co-creation before the political resolution (002 S10). */
export const earlyCoCreation: LeverEffect = {
  begin: (w, it) => shiftOrg(w, 'earlyCoCreation', it.intensity),
};

/** Legal room review (002 S7, 003 S10): lowers the internal, interpretive part of legal friction. */
export const legalReview: LeverEffect = {
  begin(w, it) {
    const units = targetUnits(w, it);
    const applied = units.map((u) => {
      const before = w.units.internalLegal[u]!;
      w.units.internalLegal[u] = before * (1 - w.p.levers.legalCut * it.intensity);
      return before - w.units.internalLegal[u]!;
    });
    return (x) => {
      units.forEach((u, k) => {
        x.units.internalLegal[u] = Math.min(1, x.units.internalLegal[u]! + applied[k]!);
      });
    };
  },
};

/** Targeted outreach and anchor institutions (003 S8, §6). */
export const outreach: LeverEffect = {
  begin: (w, it) =>
    it.options.anchorInstitutions === false
      ? shiftOrg(w, 'outreach', it.intensity)
      : undoAll(shiftOrg(w, 'outreach', it.intensity), shiftOrg(w, 'anchor', it.intensity)),
};

/** Volunteers as relief (003 S7, Wigan). */
export const volunteers: LeverEffect = {
  begin: (w, it) => shiftOrg(w, 'volunteerRelief', it.intensity),
};

/** Concept broadening vs clarity (002 S6, VF-5). */
export const concept: LeverEffect = {
  begin: (w, it) => setOrg(w, 'conceptBreadth', (it.options.direction === 'clarify' ? -1 : 1) * it.intensity),
};

/** Budget cut (002 S12, 003 S6): budget pressure up, and steering tightens toward NPM control. */
export const budgetCut: LeverEffect = {
  begin: (w, it) =>
    undoAll(
      shiftOrg(w, 'budgetPressure', w.p.levers.budgetCut * it.intensity),
      moveMix(w.org.steering, NPM, w.p.levers.austeritySteering * it.intensity),
    ),
};

/** Method pushes (002 §2.4, §4.2): top management starts initiatives of one method. */
export function methodPush(method: (typeof METHODS)[number]): LeverEffect {
  const m = METHODS.indexOf(method);
  return {
    begin(w, it) {
      const add = (Number(it.options.perYear) / 52) * it.intensity;
      w.org.methodPush[m] = w.org.methodPush[m]! + add;
      return (x) => {
        x.org.methodPush[m] = Math.max(0, x.org.methodPush[m]! - add);
      };
    },
  };
}
