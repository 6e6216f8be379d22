/** Structural levers: matrix, budgets across sectors, layers, automation, remote-work shock. */
import type { LeverEffect } from './shift.js';
import { shiftOrg, targetUnits, undoAll } from './shift.js';

/** Matrix organisation (002 S2, 003 Asker): cross-unit teams; line managers resist lending staff. */
export const matrix: LeverEffect = {
  begin: (w, it) =>
    undoAll(
      shiftOrg(w, 'matrixDegree', w.p.levers.matrixDegree * it.intensity),
      shiftOrg(w, 'lineResistance', w.p.levers.matrixResistance * it.intensity, -1, 1),
    ),
};

/** Matrix with budget transfer (002 S2b): money follows the projects, so fewer resource fights. */
export const matrixBudget: LeverEffect = {
  begin: (w, it) =>
    undoAll(
      shiftOrg(w, 'matrixDegree', w.p.levers.matrixDegree * it.intensity),
      shiftOrg(w, 'projectBudgetShare', w.p.levers.projectShare * it.intensity),
      shiftOrg(w, 'budgetTransfer', it.intensity),
      shiftOrg(w, 'lineResistance', -w.p.levers.budgetFightRelief * it.intensity, -1, 1),
    ),
};

/** Cross-sector (climate) budgeting (003 S12): weakens the sector budgets that silos rest on. */
export const crossSectorBudgeting: LeverEffect = {
  begin: (w, it) =>
    undoAll(
      shiftOrg(w, 'crossBudget', it.intensity),
      shiftOrg(w, 'lineResistance', -w.p.levers.crossBudgetRelief * it.intensity, -1, 1),
      shiftOrg(w, 'siloStrength', -w.p.levers.crossBudgetSilo * it.intensity),
    ),
};

/** Remote-work shock (002 S11, §4.3.5): silos rise for a period; ties thin through tie dynamics. */
export const remoteWorkShock: LeverEffect = {
  begin: (w, it) => shiftOrg(w, 'siloStrength', w.p.levers.remoteSilo * it.intensity),
};

/** Automation (002 S19): less operations demand in the targeted units, hence more free time. */
export const automation: LeverEffect = {
  begin(w, it) {
    const factor = 1 - w.p.levers.automationGain * it.intensity;
    const units = targetUnits(w, it);
    for (const u of units) w.units.demand[u] = w.units.demand[u]! * factor;
    return (x) => {
      if (factor > 0) for (const u of units) x.units.demand[u] = x.units.demand[u]! / factor;
    };
  },
};

/**
 * Flatten layers (002 S3): in each targeted unit with more than two layers, the layer just above
 * the first line is removed and the first-line managers report to the layer above it. Structural:
 * `end` does not restore removed layers.
 */
export const flattenLayers: LeverEffect = {
  begin(w, it) {
    const m = w.managers;
    const times = Number(it.options.layers ?? 1);
    for (const u of targetUnits(w, it)) {
      for (let k = 0; k < times && w.units.layers[u]! > 2; k++) {
        const first = w.units.layers[u]!; // layer number of first-line managers stays their label
        for (let j = 0; j < m.n; j++) {
          if (m.unit[j] !== u || m.removed[j] === 1 || m.staffCount[j] === 0) continue;
          const parent = m.parent[j]!;
          if (parent < 0 || m.layer[parent] === 1) continue;
          m.removed[parent] = 1;
          m.on[parent] = 0;
          m.parent[j] = m.parent[parent]!;
        }
        w.units.layers[u] = first - 1;
      }
    }
    return undefined;
  },
};
