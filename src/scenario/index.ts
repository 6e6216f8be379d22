/** Scenario files: format (schema), loading with inheritance, validation errors, and resolution to model inputs. */
export { displayFile, formatError, formatErrors, formatPath, type Issue, type ScenarioError } from './errors.js';
export { deepMerge, loadChain, mergeChain } from './extends.js';
export { scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema.js';
export { LIMITS } from './limits.js';
export { type LoadOptions, type LoadResult, loadScenario, readSourceFile, readTextFile } from './load.js';
export { MAX_ALIAS_COUNT, parseSource } from './parse.js';
export {
  buildOrg,
  buildParams,
  type Resolution,
  type ResolvedInterventionJson,
  type ResolvedScenario,
  type ResolvedScenarioJson,
  type ResolveOptions,
  resolveScenario,
  resolveScenarioData,
  type ScenarioOrigin,
  type ScenarioOverrides,
} from './resolve.js';
export {
  InterventionSchema,
  type InterventionSpec,
  OrganisationSchema,
  type Scenario,
  type ScenarioInput,
  ScenarioSchema,
} from './schema.js';
export { checkSchema } from './validate.js';
