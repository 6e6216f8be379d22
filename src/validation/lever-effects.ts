/**
 * Every lever against the baseline under common random numbers: does its primary channel move in
 * the direction it claims, does at least one claimed outcome, and what does it do to the main
 * outcomes (with 95 % intervals). One implementation for `tanker levers`, the lever table in
 * docs/levers.md and the lever-claims test.
 */
import { pairedTest, type TestResult } from '../analysis/ttest.js';
import { runReplicates } from '../batch/replicates.js';
import type { WorkerTask } from '../batch/worker.js';
import { fmt, pText } from '../engine/format.js';
import { type IndicatorName, LEVERS, type LeverClaims, type LeverKind, type ModelConfig, type SizePreset } from '../model/index.js';
import { baseConfig, lever, meanOver, type RunResult, withOrg } from './design.js';

/** The outcomes every lever is reported on (docs/levers.md), in this order. */
export const MAIN_OUTCOMES = [
  'transformationIndex',
  'practiceNPG',
  'coCreationActual',
  'publicValue',
  'trustCitizens',
  'burnout',
] as const satisfies readonly IndicatorName[];

export interface LeverEffectsOptions {
  readonly size: SizePreset;
  readonly replicates: number;
  readonly seed: string;
  readonly threads: number;
  /** Week the lever starts (runs to the end at intensity 1, default options). */
  readonly start: number;
  readonly alpha: number;
  readonly only?: readonly string[];
  /** The configuration every arm starts from, and the scenario file it came from; default: the size preset's. */
  readonly base?: { readonly config: ModelConfig; readonly file: string };
}

export interface ClaimCheck {
  readonly indicator: IndicatorName;
  readonly direction: 'up' | 'down';
  readonly result: TestResult;
  /** Moved in the claimed direction, two-sided p below alpha. */
  readonly holds: boolean;
}

export interface LeverEffect {
  readonly kind: LeverKind;
  readonly title: string;
  readonly source: string;
  /** Where it was compared, when not the status quo (its claims' context). */
  readonly context?: string;
  readonly channel: ClaimCheck;
  readonly outcomes: readonly ClaimCheck[];
  /** Channel holds and at least one claimed outcome holds. */
  readonly pass: boolean;
  readonly main: Readonly<Record<(typeof MAIN_OUTCOMES)[number], TestResult>>;
  /** Replicates in which the transformation index turned, lever and baseline. */
  readonly turned: number;
  readonly baselineTurned: number;
}

/** The quantity compared: an indicator's mean over the final year of the run. */
export function finalYear(r: RunResult, name: IndicatorName): number {
  const ticks = r.data.length / r.width;
  return meanOver(r, name, Math.max(0, ticks - 52), ticks);
}

export async function leverEffects(o: LeverEffectsOptions): Promise<LeverEffect[]> {
  const levers = LEVERS.filter((l) => !o.only || o.only.includes(l.kind));
  const plain = o.base?.config ?? baseConfig(o.size);
  // One arm per lever, and one comparison arm per distinct context (the status quo, or the
  // levers and settings under which a lever's constraint binds), all on the same streams.
  const contextKey = (l: (typeof levers)[number]) => JSON.stringify(l.claims.context ?? null);
  const contexts = [...new Set(['null', ...levers.map(contextKey)])];
  const setting = (key: string) => {
    const c = JSON.parse(key) as LeverClaims['context'] | null;
    return {
      config: c?.org ? withOrg(plain, c.org) : plain,
      interventions: (c?.levers ?? []).map((k) => lever(k as LeverKind, o.start)),
    };
  };
  // A lever with a replicate factor runs that many times the replicates, and its comparison arm as
  // many as the most any of its levers needs; pairs share replicate indices (common random numbers).
  const factor = (l: (typeof levers)[number]) => l.claims.replicateFactor ?? 1;
  const contextRuns = contexts.map((key) => o.replicates * Math.max(1, ...levers.filter((l) => contextKey(l) === key).map(factor)));
  const arms = [
    ...contexts.map((key, k) => ({ ...setting(key), runs: contextRuns[k]! })),
    ...levers.map((l) => {
      const s = setting(contextKey(l));
      return { config: s.config, interventions: [...s.interventions, lever(l.kind as LeverKind, o.start)], runs: o.replicates * factor(l) };
    }),
  ];
  const tasks: WorkerTask[] = arms.flatMap(({ config, interventions, runs }) =>
    Array.from({ length: runs }, (_, r) => ({ config, interventions, elections: true, seed: `${o.seed}|levers`, replicate: r })),
  );
  const results = await runReplicates(tasks, o.threads);
  const starts = arms.map((_, k) => arms.slice(0, k).reduce((sum, a) => sum + a.runs, 0));
  const arm = (k: number, runs = arms[k]!.runs) => results.slice(starts[k]!, starts[k]! + runs);
  return levers.map((l, i) => {
    const runs = o.replicates * factor(l);
    return effectOf(l, arm(contexts.indexOf(contextKey(l)), runs), arm(contexts.length + i), o.alpha);
  });
}

function effectOf(l: (typeof LEVERS)[number], base: readonly RunResult[], x: readonly RunResult[], alpha: number): LeverEffect {
  const compare = (x: readonly RunResult[], name: IndicatorName) =>
    pairedTest(
      base.map((r) => finalYear(r, name)),
      x.map((r) => finalYear(r, name)),
    );
  const check = (x: readonly RunResult[], [name, direction]: readonly [string, 'up' | 'down']): ClaimCheck => {
    const result = compare(x, name as IndicatorName);
    const holds = result.p < alpha && (direction === 'up' ? result.diff > 0 : result.diff < 0);
    return { indicator: name as IndicatorName, direction, result, holds };
  };
  const turnedIn = (x: readonly RunResult[]) => x.filter((r) => r.turnTick !== null).length;
  const channel = check(x, l.claims.channel);
  const outcomes = l.claims.outcomes.map((c) => check(x, c));
  const main = Object.fromEntries(MAIN_OUTCOMES.map((m) => [m, compare(x, m)])) as LeverEffect['main'];
  return {
    kind: l.kind as LeverKind,
    title: l.title,
    source: l.source,
    ...(l.claims.context ? { context: l.claims.context.why } : {}),
    channel,
    outcomes,
    pass: channel.holds && (outcomes.length === 0 || outcomes.some((c) => c.holds)),
    main,
    turned: turnedIn(x),
    baselineTurned: turnedIn(base),
  };
}

const num = (v: number) => fmt(v, 3, { exponent: true });
const arrow = (d: 'up' | 'down') => (d === 'up' ? '↑' : '↓');
const claimText = (c: ClaimCheck) =>
  `${c.holds ? 'ok' : 'no'} ${c.indicator} ${arrow(c.direction)} ${num(c.result.diff)} [${num(c.result.ciLow)}, ${num(c.result.ciHigh)}], ${pText(c.result.p)}`;

/** Plain-text report: per lever, its claims and whether they hold. */
export function leverEffectsText(effects: readonly LeverEffect[]): string {
  const lines: string[] = [];
  for (const e of effects) {
    lines.push(`${e.pass ? 'PASS' : 'FAIL'}  ${e.kind}  [${e.source}]  turned ${e.turned}/${e.main.transformationIndex.nB}`);
    if (e.context) lines.push(`      where     ${e.context}`);
    lines.push(`      channel   ${claimText(e.channel)}`);
    for (const c of e.outcomes) lines.push(`      outcome   ${claimText(c)}`);
  }
  const passed = effects.filter((e) => e.pass).length;
  lines.push('', `${passed} of ${effects.length} levers move their channel and at least one claimed outcome.`);
  return lines.join('\n');
}

/** The lever table of docs/levers.md: channel, and effect with 95 % interval on each main outcome. */
export function leverEffectsMarkdown(effects: readonly LeverEffect[], o: LeverEffectsOptions): string {
  const cell = (t: TestResult) => `${num(t.diff)} [${num(t.ciLow)}, ${num(t.ciHigh)}]${t.p < o.alpha ? ' *' : ''}`;
  const pairs = (e: LeverEffect) => e.main.transformationIndex.nB;
  const n = o.replicates;
  const more = effects.filter((e) => pairs(e) !== n).map((e) => `${pairs(e)} for \`${e.kind}\``);
  const moreText = more.length > 0 ? `; ${more.join(', ')}, whose claimed effects are small` : '';
  const lines = [
    '# Lever effects',
    '',
    `Generated by \`tanker levers ${o.base ? o.base.file : `--size ${o.size}`} --replicates ${o.replicates} --seed ${o.seed} --markdown ${o.base ? 'FILE' : 'docs/levers.md'}\`; do not edit by hand.`,
    '',
    `Each lever runs at intensity 1 with its default options from week ${o.start} to the end of the five-year run, ${o.base ? `on the organisation and parameters of ${o.base.file}` : `on the ${o.size} preset`}, against the baseline with common random numbers (${n} paired replicates${moreText}). Effects are the difference in the indicator's mean over the final year (lever − baseline) with a 95 % confidence interval from the paired t-test; * marks p < ${o.alpha}. "Claims" are the lever's declared primary channel and the outcomes it claims to move (in src/model/levers); the claim holds when the effect has the declared sign with p < ${o.alpha}.`,
    '',
    `| Lever | Channel | Claims hold | ${MAIN_OUTCOMES.join(' | ')} | Turned |`,
    `|---|---|---|${MAIN_OUTCOMES.map(() => '---').join('|')}|---|`,
  ];
  for (const e of effects) {
    const held = e.outcomes.filter((c) => c.holds).map((c) => `${c.indicator} ${arrow(c.direction)}`);
    const failed = e.outcomes.filter((c) => !c.holds).map((c) => `~~${c.indicator} ${arrow(c.direction)}~~`);
    lines.push(
      `| \`${e.kind}\` | ${e.channel.holds ? '' : '~~'}${e.channel.indicator} ${arrow(e.channel.direction)}${e.channel.holds ? '' : '~~'} | ${[...held, ...failed].join(', ')} | ${MAIN_OUTCOMES.map((m) => cell(e.main[m])).join(' | ')} | ${e.turned}/${pairs(e)} |`,
    );
  }
  const base = effects.find((e) => pairs(e) === n)?.baselineTurned ?? 0;
  lines.push(
    '',
    `Struck-through claims did not hold at this sample size. The baseline turned in ${base} of ${n} replicates. ${effects.filter((e) => e.pass).length} of ${effects.length} levers move their channel and at least one claimed outcome.`,
    '',
  );
  return lines.join('\n');
}
