/**
 * The designs of a sensitivity analysis: Morris trajectories (morris.ts) and the Saltelli matrices
 * of Sobol' indices (sobol.ts) in the unit cube, their cost in model runs, and the parameter values
 * of a design row.
 */
import { type MorrisDesign, morrisCost, morrisDesign } from './morris.js';
import type { SensitivityParameter, SensitivitySpec } from './sensitivity-spec.js';
import { type SaltelliDesign, saltelliCost, saltelliDesign } from './sobol.js';

export interface Designs {
  readonly morris: MorrisDesign | null;
  readonly sobol: SaltelliDesign | null;
}

export function buildDesigns(spec: SensitivitySpec): Designs {
  const k = spec.parameters.length;
  return {
    morris: spec.methods.includes('morris')
      ? morrisDesign(k, { trajectories: spec.morris.trajectories, levels: spec.morris.levels, seed: spec.seed })
      : null,
    sobol: spec.methods.includes('sobol') ? saltelliDesign(k, spec.sobol.samples, { seed: spec.seed, base: spec.sobol.base }) : null,
  };
}

/** Design points (rows) of each method and the replicates they run. */
export function designCost(spec: SensitivitySpec): { morris: number; sobol: number; points: number; replicates: number } {
  const k = spec.parameters.length;
  const morris = spec.methods.includes('morris') ? morrisCost(k, spec.morris.trajectories) : 0;
  const sobol = spec.methods.includes('sobol') ? saltelliCost(k, spec.sobol.samples) : 0;
  return { morris, sobol, points: morris + sobol, replicates: (morris + sobol) * spec.replicates };
}

/** Parameter values of a unit-cube row: low + u (high − low). */
export function scaleRow(parameters: readonly SensitivityParameter[], unit: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  parameters.forEach((p, i) => {
    out[p.name] = p.low + unit[i]! * (p.high - p.low);
  });
  return out;
}
