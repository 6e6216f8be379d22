/**
 * Partners under strain (part of process 12): volunteers who carry tasks shifted to them, on top
 * of their projects, burn out when overloaded and then engage less (003 S7, Wigan); rested
 * partners recover.
 */
import { clamp01 } from '../../engine/stats.js';
import { indicator, mechanism } from '../mechanism.js';
import { param } from '../params/define.js';

const VOLUNTARY = 1;

export const partnerStrain = mechanism({
  name: 'partners',
  title: 'Partners strain under projects and shifted tasks, burn out and engage less; rested ones recover',
  process: 'turnover',
  order: 1,
  sources: '003 S7 (Wigan)',
  params: {
    capacityScale: param(4, [0, 20], 'Projects a partner of full capacity carries beyond one', 'assumption'),
    volunteerLoad: param(3, [0, 10], 'Extra load on a voluntary organisation at full volunteer relief, in projects', '003 S7; assumption'),
    strainThreshold: param(0.8, [0, 2], 'Load relative to capacity above which a partner strains', 'assumption'),
    burnoutUp: param(0.03, [0, 1], 'Weekly burnout added per unit of strain', '003 Wigan; assumption'),
    recovery: param(0.02, [0, 1], 'Weekly share of burnout a partner without strain recovers', 'assumption'),
    engagementRate: param(0.01, [0, 1], 'Weekly drift of engagement toward its everyday level', 'assumption'),
    engagementLevel: param(0.5, [0, 1], 'Everyday engagement of a partner without burnout', 'assumption'),
  },
  reads: ['partners.load', 'partners.type', 'partners.capacity', 'org.volunteerRelief'],
  writes: ['partners.burnout', 'partners.engagement'],
  indicators: {
    partnerBurnout: indicator('share', 'down', { en: 'Partner burnout', nb: 'Utbrenthet hos partnere' }, 'Mean burnout of partners'),
  },
  run(w, _tick, { p }) {
    const { partners, org } = w;
    const relief = org.volunteerRelief;
    for (let q = 0; q < partners.n; q++) {
      const extra = partners.type[q] === VOLUNTARY ? p.volunteerLoad * relief : 0;
      const strain = (partners.load[q]! + extra) / (1 + p.capacityScale * partners.capacity[q]!) - p.strainThreshold;
      const b = partners.burnout[q]!;
      partners.burnout[q] = clamp01(strain > 0 ? b + p.burnoutUp * strain * (1 - b) : b * (1 - p.recovery));
      partners.engagement[q] = clamp01(
        partners.engagement[q]! + p.engagementRate * (p.engagementLevel - partners.burnout[q]! - partners.engagement[q]!),
      );
    }
  },
  observe(w, _ctx, set) {
    const { partners } = w;
    let burn = 0;
    for (let q = 0; q < partners.n; q++) burn += partners.burnout[q]!;
    set('partnerBurnout', partners.n > 0 ? burn / partners.n : 0);
  },
});
