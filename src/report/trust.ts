/** Trust panels: staff–management, politicians–administration, citizens and partners. */
import type { ChartContext, Spec } from './common.js';
import { panelChart } from './panels.js';

export const TRUST_INDICATORS = ['trustStaffManagement', 'trustPoliticiansAdministration', 'trustCitizens', 'trustPartners'] as const;

export function trustChart(ctx: ChartContext): Spec {
  return panelChart(
    ctx,
    TRUST_INDICATORS,
    { text: ctx.d.t.trustTitle, subtitle: ctx.d.t.trustSubtitle },
    { columns: 2, width: 430, height: 240 },
  );
}
