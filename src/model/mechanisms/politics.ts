/**
 * Politicians: the four-yearly municipal election (process 1) replaces a share of the council,
 * redraws newcomers' attributes and resets part of their trust and backing (MODEL.md §3.1; 004
 * lever 1: a transformation must survive the next election; broad anchoring across blocs is
 * inherited by newcomers). Between elections, arenas shared with the administration (the
 * cogwheel interface, 002 §5.9, S8; 003 S9) teach politicians what co-creation is.
 */
import { clamp01 } from '../../engine/stats.js';
import { indicator, mechanism, paramsOf } from '../mechanism.js';
import { scaleQuantity } from '../modifiers.js';
import { param } from '../params/define.js';
import type { World } from '../state.js';

export const election = mechanism({
  name: 'politics',
  title: 'The municipal election: seats change hands, newcomers are drawn, the new council reprioritises',
  process: 'calendar',
  when: 'election',
  order: 2,
  sources: '004 lever 1; MODEL.md §3.1',
  params: {
    electionTurnover: param(0.4, [0, 1], 'Share of council seats that change hands at an election', '004 lever 1; assumption'),
    seatSwing: param(0.6, [0, 1], 'Probability a changed seat goes to another bloc rather than the same bloc', 'assumption'),
    incumbencyPenalty: param(
      0.7,
      [0, 1],
      'How much less likely a swinging seat goes to the governing bloc (bloc 0) than to another',
      '004 lever 1; assumption',
    ),
    newcomerUnderstanding: param(
      0.15,
      [0, 1],
      'Mean understanding of co-creation among newly elected politicians',
      '003 (politicians not taught co-creation); assumption',
    ),
    newcomerUnderstandingSpread: param(0.05, [0, 0.5], "Standard deviation of newcomers' understanding", 'assumption'),
    newcomerRole: param(
      0.2,
      [0, 1],
      'Mean role of newly elected politicians (0 decision-maker, 1 interactive leader)',
      '002 §5.2; assumption',
    ),
    newcomerRoleSpread: param(0.1, [0, 0.5], "Standard deviation of newcomers' role", 'assumption'),
    backingInheritance: param(
      0.9,
      [0, 1],
      "Weight of the bloc's backing in a newcomer's backing",
      '004 lever 1 (broad anchoring survives elections)',
    ),
    backingNoise: param(0.05, [0, 0.5], "Standard deviation of a newcomer's backing around the bloc's", 'assumption'),
    baselineBacking: param(0.2, [0, 1], 'Backing of the transformation among newcomers from a bloc without backing', 'assumption'),
    trustReset: param(0.5, [0, 1], 'Share of political trust in the administration reset to baseline for newcomers', 'MODEL.md §3.1'),
    baselinePoliticalTrust: param(0.5, [0, 1], 'Baseline trust of politicians in the administration', 'assumption'),
    reprioritisation: param(
      3,
      [0, 10],
      'Elasticity of the top push and co-creation budgets to backing lost at an election',
      '004 lever 1; assumption',
    ),
  },
  reads: ['pols.*', 'org.topSignal', 'org.budgetTransfer', 'org.projectBudgetShare', 'org.missionRate'],
  writes: ['pols.*', 'org.topSignal', 'org.budgetTransfer', 'org.projectBudgetShare', 'org.missionRate'],
  indicators: {
    politicalBacking: indicator(
      'share',
      'up',
      { en: 'Political backing', nb: 'Politisk støtte' },
      'Mean backing of the transformation across the council',
    ),
  },
  run(w, tick, { p, rng: r }) {
    const { pols } = w;
    const blocs = w.orgConfig.blocs;
    const before = meanBacking(w);
    // Bloc means before the election: newcomers inherit their bloc's stance.
    const sum = w.scratch.a;
    const cnt = w.scratch.b;
    sum.fill(0, 0, blocs);
    cnt.fill(0, 0, blocs);
    for (let i = 0; i < pols.n; i++) {
      sum[pols.bloc[i]!] = sum[pols.bloc[i]!]! + pols.backing[i]!;
      cnt[pols.bloc[i]!] = cnt[pols.bloc[i]!]! + 1;
    }
    for (let b = 0; b < blocs; b++) sum[b] = cnt[b]! > 0 ? sum[b]! / cnt[b]! : p.baselineBacking;
    for (let i = 0; i < pols.n; i++) {
      if (!r.bernoulli(p.electionTurnover)) continue;
      // Swinging seats tend to leave the governing bloc (bloc 0), which owns the transformation: a
      // transformation backed by that bloc alone loses ground; one backed by all blocs does not.
      if (blocs > 1 && r.bernoulli(p.seatSwing)) {
        const w0 = 1 - p.incumbencyPenalty;
        const x = r.next() * (w0 + blocs - 1);
        pols.bloc[i] = x < w0 ? 0 : 1 + Math.min(blocs - 2, Math.floor(x - w0));
      }
      const blocMean = sum[pols.bloc[i]!]!;
      pols.backing[i] = clamp01(p.baselineBacking + p.backingInheritance * (blocMean - p.baselineBacking) + r.normal(0, p.backingNoise));
      pols.stance[i] = pols.backing[i]!;
      pols.understanding[i] = clamp01(r.normal(p.newcomerUnderstanding, p.newcomerUnderstandingSpread));
      pols.role[i] = clamp01(r.normal(p.newcomerRole, p.newcomerRoleSpread));
      pols.trustAdmin[i] = clamp01((1 - p.trustReset) * pols.trustAdmin[i]! + p.trustReset * p.baselinePoliticalTrust);
      pols.elected[i] = tick;
    }
    // The new council reprioritises: the administration's push and the money set aside for
    // co-creation shrink with the backing the transformation lost (004 lever 1: it must survive
    // the next election). A transformation anchored in all blocs loses little backing, so little else.
    const after = meanBacking(w);
    if (before > 0 && after < before) {
      const keep = (after / before) ** p.reprioritisation;
      scaleQuantity(w, { org: 'topSignal' }, keep);
      scaleQuantity(w, { org: 'budgetTransfer' }, keep);
      scaleQuantity(w, { org: 'projectBudgetShare' }, keep);
      scaleQuantity(w, { org: 'missionRate' }, keep);
    }
  },
  observe(w, _ctx, set) {
    set('politicalBacking', meanBacking(w));
  },
});

export const council = mechanism({
  name: 'council',
  title: 'Between elections, politicians drift back to their convictions and trust; in cogwheel arenas they learn co-creation',
  process: 'culture',
  order: 2,
  sources: '002 §5.9, S8, M36, M37; 003 S9',
  params: {
    learning: param(0.004, [0, 0.1], 'Weekly growth of understanding and interactive role in cogwheel arenas', '002 §5.9, S8; 003 S9'),
    backingShare: param(0.5, [0, 2], 'Growth of backing in arenas relative to that of understanding', '002 M36, M37; assumption'),
    backingDrift: param(0.02, [0, 0.1], "Weekly drift of a politician's backing back to the stance held by conviction", 'assumption'),
    trustDrift: param(0.01, [0, 0.1], "Weekly drift of politicians' trust in the administration back to its baseline", 'assumption'),
  },
  reads: ['org.cogwheel', 'pols.*'],
  writes: ['pols.understanding', 'pols.role', 'pols.backing', 'pols.stance', 'pols.trustAdmin'],
  run(w, _tick, { p }) {
    const { pols } = w;
    const learn = p.learning * w.org.cogwheel;
    const baseTrust = paramsOf(w, election).baselinePoliticalTrust;
    for (let i = 0; i < pols.n; i++) {
      pols.backing[i] = pols.backing[i]! + p.backingDrift * (pols.stance[i]! - pols.backing[i]!);
      pols.trustAdmin[i] = pols.trustAdmin[i]! + p.trustDrift * (baseTrust - pols.trustAdmin[i]!);
      if (learn <= 0) continue;
      pols.understanding[i] = pols.understanding[i]! + learn * (1 - pols.understanding[i]!);
      pols.role[i] = pols.role[i]! + learn * (1 - pols.role[i]!);
      // Politicians who work on the problems with the administration come to own the transformation:
      // their conviction itself moves.
      pols.stance[i] = pols.stance[i]! + learn * p.backingShare * (1 - pols.stance[i]!);
    }
  },
});

/** Mean backing of the transformation across the council. */
export function meanBacking(w: World): number {
  const { pols } = w;
  let b = 0;
  for (let i = 0; i < pols.n; i++) b += pols.backing[i]!;
  return pols.n > 0 ? b / pols.n : 0;
}
