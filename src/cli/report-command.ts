/**
 * `tanker report BATCH_DIR` and `tanker compare BATCH_DIR [--baseline NAME]`. The renderer (vega,
 * resvg) loads only when an action draws.
 */
import { join, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { pct } from '../engine/format.js';
import type { Arm, BatchResults } from '../report/batch-data.js';
import { LANGS, type Lang } from '../report/i18n.js';

export interface ReportCommandOptions {
  lang: Lang;
  baseline?: string;
  out?: string;
}

export async function reportCommand(dir: string, opts: ReportCommandOptions): Promise<void> {
  const { writeReport } = await import('../report/report.js');
  const r = await writeReport(dir, { lang: opts.lang, baseline: opts.baseline, ...(opts.out ? { out: resolve(opts.out) } : {}) });
  console.log(
    `wrote ${r.charts.length} charts (svg, png, vl.json)${r.comparison.length ? ', compare.csv' : ''} and summary-table.csv to ${r.dir}`,
  );
  console.log(r.html);
}

export interface CompareCommandOptions {
  baseline?: string;
  csv?: string;
  lang: Lang;
}

export async function compareCommand(dir: string, opts: CompareCommandOptions): Promise<void> {
  const [{ writeFileAtomic }, { chooseBaseline, comparisonFor, loadBatch }, { makeContext }, { forestChart }, { writeChart }, tables] =
    await Promise.all([
      import('../io/atomic.js'),
      import('../report/batch-data.js'),
      import('../report/common.js'),
      import('../report/forest.js'),
      import('../report/render.js'),
      import('../report/tables.js'),
    ]);
  const root = resolve(dir);
  const batch = loadBatch(root, opts.lang);
  const baseline = chooseBaseline(batch.arms, opts.baseline);
  const rows = comparisonFor(batch, baseline.name);
  const ctx = makeContext(batch, baseline, opts.lang);
  const T = ctx.d.t.report.compareCli;
  if (rows.length === 0) {
    console.log(T.onlyOne(baseline.name, root));
    return;
  }
  console.log(T.header(baseline.name));
  console.log(tables.comparisonText(rows, ctx.d));
  console.log(T.footer);
  if (rows.some((r) => r.indicator === 'timeToTurn')) console.log(T.turnNote);
  if (opts.lang === 'en') printPlausibleWorlds(batch, baseline, await import('../analysis/compare.js'));
  const csv = opts.csv ? resolve(opts.csv) : join(root, 'compare.csv');
  writeFileAtomic(csv, tables.comparisonCsv(rows));
  // Its own folder and a language suffix: the report's forest plot (report/forest.*) and the other language's stay as they are.
  const chartDir = join(root, 'compare');
  const chart = await writeChart(chartDir, `forest-${opts.lang}`, ctx.d.t.forestTitle(baseline.name), forestChart(ctx, rows));
  console.log(T.wrote([csv, ...chart.files.map((f) => join(chartDir, f))].join(', ')));
}

/**
 * Over an ensemble (tanker batch --ensemble), one line per scenario: in what share of plausible
 * worlds it beats the baseline on the transformation index (analysis/compare.ts plausibleWorlds).
 */
function printPlausibleWorlds(batch: BatchResults, baseline: Arm, compare: typeof import('../analysis/compare.js')): void {
  const e = baseline.ensemble;
  if (!e) return;
  const indicator = 'transformationIndex';
  console.log(
    `\nAcross plausible worlds (ensemble ${e.name || e.hash}, ${e.members} members; replicate r of every scenario runs with the same member):`,
  );
  for (const arm of batch.arms) {
    if (arm.name === baseline.name) continue;
    if (arm.ensemble?.hash !== e.hash) {
      console.log(`  ${arm.name}: not run over the same ensemble as the baseline; no statement across plausible worlds`);
      continue;
    }
    const w = compare.plausibleWorlds(batch.records, arm.name, baseline.name, indicator, 'up');
    console.log(
      `  ${arm.name} beats the baseline on the transformation index (final week) in ${pct(w.share)} of plausible worlds [95 % CI ${pct(w.low)} to ${pct(w.high)}] (${w.wins} of ${w.pairs} paired replicates; the interval includes parameter uncertainty and chance)`,
    );
  }
}

function parseLang(v: string): Lang {
  if (!(LANGS as readonly string[]).includes(v)) throw new InvalidArgumentError(`--lang must be one of ${LANGS.join(', ')}, got "${v}".`);
  return v as Lang;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'Write a report of a batch folder: charts (SVG, PNG, Vega-Lite JSON), summary and comparison tables, and a self-contained report.html under BATCH_DIR/report.',
    )
    .argument('<batchDir>', 'folder written by tanker batch (with manifest.json, summary.csv, aggregate.csv)')
    .addOption(new Option('--lang <lang>', 'language of labels: nb (bokmål) or en').argParser(parseLang).default('en'))
    .option('--baseline <name>', 'scenario the others are compared with (default: "baseline" if present, else the first)')
    .option('--out <dir>', 'output folder (default: BATCH_DIR/report)')
    .action(reportCommand);

  program
    .command('compare')
    .description(
      'Compare every scenario of a batch with a baseline: difference in means with 95 % CI, Cohen’s d and a t-test per key indicator; writes compare.csv and the forest plot (BATCH_DIR/compare/forest-LANG.svg, .png, .vl.json).',
    )
    .argument('<batchDir>', 'folder written by tanker batch')
    .option('--baseline <name>', 'scenario the others are compared with (default: "baseline" if present, else the first)')
    .option('--csv <file>', 'where to write the table (default: BATCH_DIR/compare.csv)')
    .addOption(
      new Option('--lang <lang>', 'language of the terminal table and the forest plot: nb or en').argParser(parseLang).default('en'),
    )
    .action(compareCommand);
}
