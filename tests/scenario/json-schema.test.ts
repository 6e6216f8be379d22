import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAM_GROUPS } from '../../src/model/index.js';
import { LEVERS } from '../../src/model/levers/catalog.js';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/index.js';

/** Keywords of JSON Schema draft 2020-12 (core, applicator, validation, meta-data, format, content). */
const KEYWORDS = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$comment',
  '$vocabulary',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'prefixItems',
  'items',
  'contains',
  'properties',
  'patternProperties',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  'title',
  'description',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'examples',
  'format',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
]);
const TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'string', 'integer']);
const SUBSCHEMA = [
  'not',
  'if',
  'then',
  'else',
  'contains',
  'additionalProperties',
  'propertyNames',
  'items',
  'unevaluatedItems',
  'unevaluatedProperties',
];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

type Json = Record<string, unknown>;

/** A structural check of a draft 2020-12 schema: known keywords, well-formed values, resolvable refs. */
function check(s: unknown, root: Json, at: string, problems: string[]): void {
  if (typeof s === 'boolean') return;
  if (s === null || typeof s !== 'object' || Array.isArray(s)) {
    problems.push(`${at}: a schema must be an object or boolean`);
    return;
  }
  const o = s as Json;
  for (const k of Object.keys(o)) if (!KEYWORDS.has(k)) problems.push(`${at}: unknown keyword ${k}`);
  const types = o.type === undefined ? [] : Array.isArray(o.type) ? o.type : [o.type];
  for (const t of types) if (!TYPES.has(t as string)) problems.push(`${at}: bad type ${String(t)}`);
  if (o.required !== undefined && !(Array.isArray(o.required) && o.required.every((x) => typeof x === 'string')))
    problems.push(`${at}: bad required`);
  if (o.enum !== undefined && !Array.isArray(o.enum)) problems.push(`${at}: bad enum`);
  if (o.pattern !== undefined) new RegExp(o.pattern as string, 'u');
  if (typeof o.$ref === 'string') {
    const ref = o.$ref;
    if (!ref.startsWith('#')) problems.push(`${at}: external $ref ${ref}`);
    else {
      let t: unknown = root;
      for (const seg of ref.slice(2).split('/').filter(Boolean))
        t = (t as Json | undefined)?.[seg.replaceAll('~1', '/').replaceAll('~0', '~')];
      if (t === undefined) problems.push(`${at}: unresolvable $ref ${ref}`);
    }
  }
  for (const k of SUBSCHEMA) if (k in o) check(o[k], root, `${at}/${k}`, problems);
  for (const k of SUBSCHEMA_LISTS) {
    if (k in o) {
      (o[k] as unknown[]).forEach((x, i) => {
        check(x, root, `${at}/${k}/${i}`, problems);
      });
    }
  }
  for (const k of SUBSCHEMA_MAPS)
    if (k in o) for (const [n, x] of Object.entries(o[k] as Json)) check(x, root, `${at}/${k}/${n}`, problems);
}

describe('scenario JSON Schema', () => {
  const schema = scenarioJsonSchema();

  it('is a well-formed draft 2020-12 schema', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['name']);
    expect(schema.additionalProperties).toBe(false);
    const problems: string[] = [];
    check(schema, schema, '#', problems);
    expect(problems).toEqual([]);
  });

  it('gives per-kind intervention completion: one variant per lever, its options and units only where allowed', () => {
    const items = (schema.properties as Json).interventions as Json;
    const variants = (items.items as Json).oneOf as Json[];
    expect(variants.map((v) => ((v.properties as Json).kind as Json).const)).toEqual(LEVERS.map((l) => l.kind));
    variants.forEach((v, i) => {
      const lever = LEVERS[i]!;
      const props = v.properties as Json;
      expect(v.additionalProperties).toBe(false);
      expect(v.required).toEqual(['kind', 'start']);
      expect('units' in props).toBe(lever.scope === 'unit');
      const options = props.options as Json;
      expect(Object.keys(options.properties as Json)).toEqual(Object.keys(lever.options));
      expect(options.additionalProperties).toBe(false);
      expect(((props.kind as Json).description as string).startsWith(lever.title)).toBe(true);
    });
  });

  it('documents every parameter with its default, range and description', () => {
    const params = ((schema.properties as Json).parameters as Json).properties as Json;
    expect(Object.keys(params)).toEqual(Object.keys(PARAM_GROUPS));
    for (const [g, specs] of Object.entries(PARAM_GROUPS)) {
      const props = (params[g] as Json).properties as Record<string, Json>;
      for (const [k, spec] of Object.entries(specs)) {
        expect(props[k]).toMatchObject({
          default: spec.default,
          minimum: spec.min,
          maximum: spec.max,
          type: spec.integer ? 'integer' : 'number',
        });
        expect(props[k]!.description).toContain(spec.doc);
      }
    }
  });

  it('scenario.schema.json at the repository root is up to date (regenerate: npm run schema)', () => {
    expect(readFileSync('scenario.schema.json', 'utf8')).toBe(scenarioJsonSchemaText());
  });
});
