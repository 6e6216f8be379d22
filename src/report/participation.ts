/**
 * Participation inequality: the Gini of participation among citizens who took part, and each
 * segment's share of the citizens taking part now (engaged core, busy families, youth, elderly,
 * hard to reach).
 */
import type { ChartContext, Spec } from './common.js';
import { panelChart } from './panels.js';

export const PARTICIPATION_INDICATORS = [
  'participationGini',
  'shareEngagedCore',
  'shareBusyFamilies',
  'shareYouth',
  'shareElderly',
  'shareHardToReach',
] as const;

export function participationChart(ctx: ChartContext): Spec {
  return panelChart(
    ctx,
    PARTICIPATION_INDICATORS,
    { text: ctx.d.t.participationTitle, subtitle: ctx.d.t.participationSubtitle },
    { columns: 3, width: 340, height: 220 },
  );
}
