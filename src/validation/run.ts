/** Run the stylised-fact checks: every fact's conditions over the same replicates, on the pool. */
import { runReplicates } from '../batch/replicates.js';
import type { WorkerTask } from '../batch/worker.js';
import { fmt, pText } from '../engine/format.js';
import type { ModelConfig, SizePreset } from '../model/index.js';
import type { RunResult } from './design.js';
import { FACTS, type FactOutcome, judge } from './facts.js';

export interface ValidationOptions {
  readonly size: SizePreset;
  readonly replicates: number;
  readonly seed: string;
  readonly threads: number;
  readonly alpha: number;
  readonly only?: readonly number[];
  /** The configuration every condition starts from (a scenario's organisation and parameters); default: the size preset's. */
  readonly base?: ModelConfig;
}

export async function validateModel(opts: ValidationOptions): Promise<FactOutcome[]> {
  const ctx = { size: opts.size, alpha: opts.alpha, ...(opts.base ? { base: opts.base } : {}) };
  const facts = FACTS.filter((f) => !opts.only || opts.only.includes(f.id));
  const tasks: WorkerTask[] = [];
  const index: { fact: number; cond: string; n: number }[] = [];
  const reps = (f: (typeof facts)[number]) => Math.ceil(opts.replicates * (f.replicateFactor ?? 1));
  for (const f of facts) {
    for (const [name, c] of Object.entries(f.conditions(ctx))) {
      for (let r = 0; r < reps(f); r++) {
        tasks.push({
          config: c.config,
          interventions: c.interventions,
          elections: c.elections,
          seed: `${opts.seed}|fact${f.id}`,
          replicate: r,
        });
      }
      index.push({ fact: f.id, cond: name, n: reps(f) });
    }
  }
  const results = await runReplicates(tasks, opts.threads);
  let k = 0;
  const byFact = new Map<number, Record<string, RunResult[]>>();
  for (const { fact, cond, n } of index) {
    const rec = byFact.get(fact) ?? {};
    rec[cond] = results.slice(k, k + n);
    k += n;
    byFact.set(fact, rec);
  }
  return facts.map((f) => {
    const checks = f.evaluate(byFact.get(f.id)!, ctx).map((c) => judge(c, opts.alpha));
    return { id: f.id, title: f.title, source: f.source, checks, pass: checks.every((c) => c.pass) };
  });
}

/** Effects and statistics of unknown scale: four decimals, exponent notation when those hide them. */
const num = (v: number) => fmt(v, 4, { exponent: true });

export function factsTable(outcomes: readonly FactOutcome[]): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    lines.push(`${o.pass ? 'PASS' : 'FAIL'}  ${o.id}. ${o.title}  [${o.source}]`);
    for (const c of o.checks) {
      const r = c.result;
      lines.push(
        `      ${c.pass ? 'ok  ' : 'no  '} ${c.claim}: effect ${num(r.diff)} [95 % CI ${num(r.ciLow)}, ${num(r.ciHigh)}], ${r.test.replace(/-t$/, ' t-test')} t = ${num(r.t)}, df = ${fmt(r.df, 1)}, ${pText(r.p)}; detectable at 80 % power: ${num(c.detectable)}`,
      );
    }
  }
  const passed = outcomes.filter((o) => o.pass).length;
  lines.push('', `${passed} of ${outcomes.length} stylised facts hold.`);
  return lines.join('\n');
}
