/**
 * ODD tables generated from the registry, as Markdown: the schedule of mechanisms (process,
 * timing, stream, what each reads and writes, its sources), the alternative mechanisms, and every
 * parameter with its value in a given configuration, default, range, meaning and source. Used by
 * `tanker odd` and for docs/parameters.md.
 */
import type { MechanismChoice } from './config.js';
import type { ChoiceSpec, IndicatorSpec } from './mechanism.js';
import type { ParamGroup } from './params/define.js';
import { CHOICES, type ModelParams, PARAM_GROUPS, SCHEDULE, streamOf } from './registry.js';

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

export function paramTablesMarkdown(values: ModelParams, title = 'Parameters'): string {
  const out: string[] = [`## ${title}`, ''];
  out.push('Values differing from the default are in bold. Defaults are uncalibrated modelling assumptions.', '');
  for (const [group, specs] of Object.entries(PARAM_GROUPS as Record<string, ParamGroup>)) {
    out.push(`### ${group}`, '', '| parameter | value | default | range | meaning | source |', '|---|---|---|---|---|---|');
    const vals = (values as unknown as Record<string, Record<string, number>>)[group]!;
    for (const [name, spec] of Object.entries(specs)) {
      const v = vals[name]!;
      const shown = v === spec.default ? fmt(v) : `**${fmt(v)}**`;
      const range = `${fmt(spec.min)}–${fmt(spec.max)}${spec.integer ? ' (integer)' : ''}`;
      out.push(`| \`${group}.${name}\` | ${shown} | ${fmt(spec.default)} | ${range} | ${spec.doc} | ${spec.source} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The mechanisms in the order they run each week, with what they read and write. */
export function scheduleMarkdown(title = 'Schedule of mechanisms'): string {
  const out: string[] = [`## ${title}`, ''];
  out.push('Each week runs these in order (process of MODEL.md §3, then position); `calendar` mechanisms run only when due.', '');
  out.push('| # | mechanism | process | when | random stream | reads | writes | sources |', '|---|---|---|---|---|---|---|---|');
  SCHEDULE.forEach((m, i) => {
    const list = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(', ') || '–';
    const stream = m.run ? streamOf(m) : '–';
    out.push(
      `| ${i + 1} | **${m.name}**: ${m.title} | ${m.process} | ${m.when ?? 'weekly'} | ${stream} | ${list(m.reads)} | ${list(m.writes)} | ${m.sources} |`,
    );
  });
  out.push('');
  return out.join('\n');
}

/** One table row per contested mechanism: its name, the chosen value and what that value means. */
export function choiceRows(chosen: MechanismChoice): string[] {
  return Object.entries(CHOICES as Readonly<Record<string, ChoiceSpec>>).map(([name, c]) => {
    const v = (chosen as Readonly<Record<string, string>>)[name] ?? c.default;
    return `| mechanism: ${name} | ${v}: ${c.meaning[v] ?? ''} (${c.source}) |`;
  });
}

/** Every recorded indicator: who contributes it, its unit, whether higher is better, what it measures. */
export function indicatorsMarkdown(title = 'Indicators'): string {
  const out: string[] = [`## ${title}`, ''];
  out.push(
    'Recorded every week, in this column order. "better": ↑ higher is better for the transformation, ↓ lower is better, – neither.',
    '',
  );
  out.push('| indicator | name (en / nb) | unit | better | contributed by | meaning |', '|---|---|---|---|---|---|');
  const arrow = { up: '↑', down: '↓', none: '–' } as const;
  for (const m of SCHEDULE) {
    for (const [name, spec] of Object.entries((m.indicators ?? {}) as Record<string, IndicatorSpec>)) {
      out.push(`| \`${name}\` | ${spec.label.en} / ${spec.label.nb} | ${spec.unit} | ${arrow[spec.better]} | ${m.name} | ${spec.doc} |`);
    }
  }
  out.push('');
  return out.join('\n');
}
