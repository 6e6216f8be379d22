/**
 * Parameter tables as Markdown: every parameter with its value in a given configuration, its
 * default, range, meaning and source. Used by `tanker odd` and for docs/parameters.md.
 */
import { type ModelParams, PARAM_GROUPS } from './index.js';

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

export function paramTablesMarkdown(values: ModelParams, title = 'Parameters'): string {
  const out: string[] = [`## ${title}`, ''];
  out.push('Values differing from the default are in bold. Defaults are uncalibrated modelling assumptions.', '');
  for (const [group, specs] of Object.entries(PARAM_GROUPS)) {
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
