/** The scenario JSON Schema (draft 2020-12) for editors, generated from the zod schema. */
import { z } from 'zod';
import { ScenarioSchema } from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema, title: 'Tanker scenario', ...rest };
}

/** The schema as written to scenario.schema.json (two-space indented, trailing newline). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
