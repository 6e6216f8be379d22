/**
 * Top management decides (part of process 1). Documents, steering and the administration's push
 * move through its decisions at each budget year, not by themselves: commitment to the
 * transformation follows the political mandate (backing) and visible results (institutionalised
 * routines; 002 M26: shared understanding comes with concrete results); the plans are revised
 * toward the ambition that commitment and ordered plans give (002 VF-1: the documents turn first);
 * the steering systems move toward NPG with commitment and granted autonomy, and toward NPM
 * control under budget pressure (002 M50, S12; 003 S4); fear of cost rises with pressure and falls
 * with results. Decisions are partial adjustments relative to the status quo of week 0, so a
 * municipality without change keeps its plans and steering. Levers act through these decisions:
 * a top push or ordered plans trigger a revision of the documents at once (documents move at once,
 * practice later: stylised fact 1).
 */
import { mechanism, paramsOf } from '../mechanism.js';
import { mixBaseOf, setBase, setMixBase } from '../modifiers.js';
import { param } from '../params/define.js';
import { NPG, NPM, OA, type World } from '../state.js';
import { meanBacking } from './politics.js';
import { routineCoverage } from './transformation.js';

export interface Reference {
  /** Status quo at week 0: set once. */
  ready: boolean;
  backing: number;
  coverage: number;
  pressure: number;
  commitment: number;
  readonly documents: Float64Array;
  readonly steering: Float64Array;
  fearCost: number;
}

export const topManagement = mechanism({
  name: 'top',
  title: 'Top management revises commitment, plans, steering and its fear of cost at each budget year',
  process: 'calendar',
  order: 3,
  sources: '002 VF-1, M26, M50, S12, S14, §4.3.4; 003 S4; 004 lever 3 (political ambition)',
  params: {
    decisionRate: param(0.5, [0, 1], 'Share of the gap to its target a budget decision closes', 'assumption'),
    commitBacking: param(
      2,
      [0, 10],
      'Relative change of commitment per unit of political backing gained since the start',
      '004 lever 3, 002 §5.2',
    ),
    commitResults: param(3, [0, 20], 'Relative change of commitment per unit of routine coverage gained since the start', '002 M26'),
    docCommit: param(1, [0, 5], 'Relative change of the NPG weight in plans per unit of relative change of commitment', '002 VF-1'),
    docAmbition: param(
      1,
      [0, 5],
      'Relative change of the NPG weight in plans per unit of ordered ambition (plans, missions)',
      '002 VF-1, S1; 004 lever 5',
    ),
    steerCommit: param(0.5, [0, 5], 'Relative change of the NPG weight in steering per unit of relative change of commitment', '002 §8.2'),
    steerAutonomy: param(
      2,
      [0, 10],
      'Relative change of the NPG weight in steering at full granted autonomy (trust-based steering)',
      '003 S4',
    ),
    steerPressure: param(
      1,
      [0, 10],
      'Relative change of the NPM weight in steering per unit of budget pressure above the start',
      '002 M50, S12',
    ),
    fearPressure: param(0.5, [0, 5], 'Fear of cost added per unit of budget pressure above the start', '002 M50'),
    fearResults: param(0.5, [0, 5], 'Fear of cost removed per unit of routine coverage gained', '002 M26; assumption'),
  },
  reads: [
    'pols.backing',
    'units.routines',
    'units.staff',
    'org.topSignal',
    'org.ambition',
    'org.autonomy',
    'org.budgetPressure',
    'org.documents',
    'org.steering',
    'top.fearCost',
  ],
  writes: ['org.topSignal', 'org.documents', 'org.steering', 'top.fearCost'],
  init: (): Reference => ({
    ready: false,
    backing: 0,
    coverage: 0,
    pressure: 0,
    commitment: 0,
    documents: new Float64Array(3),
    steering: new Float64Array(3),
    fearCost: 0,
  }),
  start(w, { state: ref }) {
    // The status quo the decisions are relative to: the everyday state at week 0.
    ref.ready = true;
    ref.backing = meanBacking(w);
    ref.coverage = routineCoverage(w);
    ref.pressure = w.org.budgetPressure;
    ref.commitment = w.org.topSignal;
    ref.documents.set(mixBaseOf(w, 'documents'));
    ref.steering.set(mixBaseOf(w, 'steering'));
    ref.fearCost = w.top.fearCost;
  },
  run(w, tick, { p, state: ref }) {
    if (!ref.ready || !w.cal.isYearStart(tick)) return;
    const results = routineCoverage(w) - ref.coverage;
    const commit = Math.min(
      1,
      Math.max(0, ref.commitment * (1 + p.commitBacking * (meanBacking(w) - ref.backing) + p.commitResults * results)),
    );
    const current = baseTopSignal(w);
    setBase(w, { org: 'topSignal' }, current + p.decisionRate * (commit - current));
    reviseDocuments(w, p.decisionRate);
    // Steering systems: toward NPG with commitment and autonomy, toward NPM control under pressure.
    const relCommit = ref.commitment > 0 ? commit / ref.commitment - 1 : 0;
    const target = new Float64Array(3);
    target[OA] = ref.steering[OA]!;
    target[NPM] = ref.steering[NPM]! * Math.max(0, 1 + p.steerPressure * (w.org.budgetPressure - ref.pressure));
    target[NPG] = ref.steering[NPG]! * Math.max(0, 1 + p.steerCommit * relCommit + p.steerAutonomy * w.org.autonomy);
    moveMixToward(w, 'steering', target, p.decisionRate);
    const fear = ref.fearCost + p.fearPressure * (w.org.budgetPressure - ref.pressure) - p.fearResults * results;
    w.top.fearCost = Math.min(1, Math.max(0, w.top.fearCost + p.decisionRate * (fear - w.top.fearCost)));
  },
});

/** Commitment as decided, without the pushes that levers add on top. */
function baseTopSignal(w: World): number {
  return w.mods.base.get('topSignal') ?? w.org.topSignal;
}

/**
 * Revise the plans: the documents move by `rate` of the way toward the ambition that commitment
 * and ordered plans give. Called at each budget year, and at once by levers that make top
 * management or the council write plans (a top push, more plans, missions).
 */
export function reviseDocuments(w: World, rate: number): void {
  const ref = w.own[topManagement.name] as Reference;
  if (!ref.ready) return;
  const p = paramsOf(w, topManagement);
  const relCommit = ref.commitment > 0 ? w.org.topSignal / ref.commitment - 1 : 0;
  const target = new Float64Array(3);
  target[OA] = ref.documents[OA]!;
  target[NPM] = ref.documents[NPM]!;
  target[NPG] = ref.documents[NPG]! * Math.max(0, 1 + p.docCommit * Math.max(0, relCommit) + p.docAmbition * w.org.ambition);
  moveMixToward(w, 'documents', target, rate);
}

/** Move a mix's base by `rate` of the way toward the normalised target weights. */
function moveMixToward(w: World, mix: 'documents' | 'steering', weights: Float64Array, rate: number): void {
  const sum = weights[0]! + weights[1]! + weights[2]!;
  if (!(sum > 0)) return;
  const base = mixBaseOf(w, mix);
  const next = new Float64Array(3);
  for (let k = 0; k < 3; k++) next[k] = base[k]! + rate * (weights[k]! / sum - base[k]!);
  setMixBase(w, mix, next);
}
