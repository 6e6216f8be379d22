/**
 * `tanker report BATCH_DIR` and `tanker compare BATCH_DIR [--baseline NAME]`. The renderer (vega,
 * resvg) loads only when an action draws.
 */
import { join, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
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
  // Over an ensemble (tanker batch --ensemble): in what share of plausible worlds each scenario beats the baseline (report/worlds.ts, as the report states it).
  const worlds = (await import('../report/worlds.js')).acrossWorlds(batch, baseline, opts.lang);
  if (worlds) console.log(`\n${worlds.intro}\n${worlds.statements.map((w) => `  ${w.sentence}`).join('\n')}`);
  const csv = opts.csv ? resolve(opts.csv) : join(root, 'compare.csv');
  writeFileAtomic(csv, tables.comparisonCsv(rows));
  // Its own folder and a language suffix: the report's forest plot (report/forest.*) and the other language's stay as they are.
  const chartDir = join(root, 'compare');
  const chart = await writeChart(chartDir, `forest-${opts.lang}`, ctx.d.t.forestTitle(baseline.name), forestChart(ctx, rows));
  console.log(T.wrote([csv, ...chart.files.map((f) => join(chartDir, f))].join(', ')));
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
