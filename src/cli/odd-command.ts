/**
 * `tanker odd [SCENARIO]`: the ODD description's parameter tables filled in for one scenario
 * (defaults when none is given), as Markdown, so a paper's appendix can cite an exact configuration.
 */
import type { Command } from 'commander';
import { writeFileAtomic } from '../io/atomic.js';
import { provenance } from '../io/provenance.js';
import {
  choiceRows,
  type InterventionItem,
  indicatorsMarkdown,
  leverSpec,
  type ModelConfig,
  paramTablesMarkdown,
  presetConfig,
  scheduleMarkdown,
} from '../model/index.js';

export function oddMarkdown(
  name: string,
  source: string,
  seed: string | number,
  config: ModelConfig,
  interventions: readonly InterventionItem[],
  elections: boolean,
  stamp = true,
): string {
  const o = config.org;
  const p = provenance();
  const out: string[] = [
    `# ODD configuration: ${name}`,
    '',
    stamp
      ? `Tanker ${p.version} (model ${p.modelVersion}, commit ${p.gitCommit}); source: ${source}; seed: ${seed}.`
      : `Source: ${source}; seed: ${seed}.`,
    'The model itself is described in docs/model.md; this document lists the values of one configuration.',
    '',
    '## Run set-up',
    '',
    '| item | value |',
    '|---|---|',
    `| size preset | ${config.preset} |`,
    `| start date (week 0) | ${config.startDate} |`,
    `| horizon | ${config.ticks} weeks |`,
    `| municipal elections | ${elections ? 'on (second Monday of September, 2027, 2031, …)' : 'off'} |`,
    ...choiceRows(config.mechanisms),
    '',
    '## Organisation (initialisation)',
    '',
    '| item | value |',
    '|---|---|',
  ];
  const scalar = Object.entries(o).filter(([, v]) => typeof v !== 'object');
  for (const [k, v] of scalar) out.push(`| ${k} | ${v} |`);
  out.push(`| logic mix in documents [OA, NPM, NPG] | ${o.logic.documents.join(', ')} |`);
  out.push(`| logic mix in steering | ${o.logic.steering.join(', ')} |`);
  out.push(`| logic mix in practice | ${o.logic.practice.join(', ')} |`);
  out.push('', '### Units', '', '| unit | kind | staff share | layers | legal strictness | load |', '|---|---|---|---|---|---|');
  for (const u of o.units) out.push(`| ${u.name} | ${u.kind} | ${u.staffShare} | ${u.layers} | ${u.legalStrictness} | ${u.load} |`);
  out.push('', '## Interventions', '');
  if (interventions.length === 0) out.push('None.');
  else {
    out.push('| lever | start week | end week | intensity | units | options | source |', '|---|---|---|---|---|---|---|');
    for (const it of interventions) {
      const units = it.units === null ? 'all' : it.units.map((k) => o.units[k]!.name).join(', ');
      const opts = Object.entries(it.options)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      out.push(
        `| ${it.kind} | ${it.start} | ${it.end ?? 'end of run'} | ${it.intensity} | ${units} | ${opts || '–'} | ${leverSpec(it.kind)?.source ?? ''} |`,
      );
    }
  }
  out.push('', scheduleMarkdown('Schedule of mechanisms (process overview)'));
  out.push(paramTablesMarkdown(config.params, 'Parameters (submodels)'));
  out.push('', indicatorsMarkdown('Indicators (observation)'));
  return `${out.join('\n')}\n`;
}

export function registerOdd(program: Command): void {
  program
    .command('odd')
    .description('Print the ODD parameter tables (Markdown) filled in for a scenario, or for the defaults when none is given.')
    .argument('[scenario]', 'scenario file')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--no-stamp', 'leave out the tool version and git commit (for documents kept under version control)')
    .action(async (file: string | undefined, o: { out?: string; stamp: boolean }) => {
      let text: string;
      if (file === undefined) {
        const c = presetConfig('medium');
        text = oddMarkdown('defaults (medium preset)', 'built-in', 'tanker', c, [], true, o.stamp);
      } else {
        const { formatErrors, loadScenario } = await import('../scenario/index.js');
        const r = loadScenario(file);
        if (!r.ok) throw new Error(`${file} has errors:\n${formatErrors(r.errors)}`);
        const s = r.scenario;
        text = oddMarkdown(s.name, file, s.seed, s.config, s.interventions, s.elections, o.stamp);
      }
      if (o.out) writeFileAtomic(o.out, text);
      else process.stdout.write(text);
    });
}
