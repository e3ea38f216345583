/** `gen_ai.tool.definitions` (spec section 2.1) and `model_request_parameters` (section 6.3, decision 5). */
import type { ModelRequestParameters, ToolDefinition } from '@hopscope/models';
import { createIdentityJsonCache, type IdentityJsonCacheFingerprint } from './identity-json-cache.js';
import { MAX_CACHED_FRAGMENT_CHARS } from './message-json-cache.js';
import { toCompactJson } from './serialize.js';

/**
 * Each tool's JSON is remembered by tool identity: a request re-sends the same tool definitions.
 * Like messages, tools are immutable by type; reassigning one of their fields is noticed, a change
 * deep inside a schema or metadata object is not (build a new definition instead).
 */
const TOOL_FIELDS = ['name', 'description', 'parametersJsonSchema', 'strict', 'sequential', 'kind', 'metadata'] as const;
const TOOL_FINGERPRINT: IdentityJsonCacheFingerprint<ToolDefinition> = {
  take: (tool) => TOOL_FIELDS.map((field) => tool[field]),
  matches: (tool, fingerprint) => {
    for (let i = 0; i < TOOL_FIELDS.length; i++) if (fingerprint[i] !== tool[TOOL_FIELDS[i]!]) return false;
    return true;
  },
};
const cachedToolJson = createIdentityJsonCache(TOOL_FINGERPRINT, MAX_CACHED_FRAGMENT_CHARS);

function hasKeys(value: object): boolean {
  return Object.keys(value).length > 0;
}

/**
 * The tools offered, function tools then output tools, as compact JSON; undefined without tools.
 * Empty descriptions and empty schemas are left out, as the reference does.
 * @example toToolDefinitionsJson(modelRequestParameters({ functionTools: [{ name: 'f', parametersJsonSchema: {} }] }))
 * // '[{"type":"function","name":"f"}]'
 */
export function toToolDefinitionsJson(parameters: ModelRequestParameters): string | undefined {
  const tools = [...parameters.functionTools, ...parameters.outputTools];
  if (tools.length === 0) return undefined;
  return `[${tools.map((tool) => cachedToolJson(tool, 'definition', toToolDefinitionItemJson, undefined)).join(',')}]`;
}

function toToolDefinitionItem(tool: ToolDefinition): Record<string, unknown> {
  return {
    type: 'function',
    name: tool.name,
    ...(tool.description ? { description: tool.description } : {}),
    ...(hasKeys(tool.parametersJsonSchema) ? { parameters: tool.parametersJsonSchema } : {}),
  };
}

function toToolDefinitionItemJson(tool: ToolDefinition): string {
  return toCompactJson(toToolDefinitionItem(tool));
}

function toToolDefinitionDumpJson(tool: ToolDefinition): string {
  return toCompactJson(toToolDefinitionDump(tool));
}

function toToolDefinitionDump(tool: ToolDefinition): Record<string, unknown> {
  return {
    name: tool.name,
    parameters_json_schema: tool.parametersJsonSchema,
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
    sequential: tool.sequential ?? false,
    kind: tool.kind ?? 'function',
    ...(tool.metadata !== undefined ? { metadata: tool.metadata } : {}),
  };
}

/**
 * Our request parameters as the reference dumps its dataclass: snake_case keys in its field order,
 * for the fields we have, absent ones left out. With `includeContent: false` the instruction texts
 * are dropped (Hopscope's scrubbing is stricter than the reference here).
 * @example toModelRequestParametersJson(modelRequestParameters())
 * // '{"function_tools":[],"output_mode":"text","output_tools":[],"allow_text_output":true}'
 */
export function toModelRequestParametersJson(parameters: ModelRequestParameters, o: { includeContent?: boolean } = {}): string {
  const includeContent = o.includeContent ?? true;
  // Written field by field so that each tool's cached JSON is reused; the same text as toCompactJson of the whole dump.
  const fields = [`"function_tools":${toToolDumpsJson(parameters.functionTools)}`];
  if (parameters.outputMode !== undefined) fields.push(`"output_mode":${toCompactJson(parameters.outputMode)}`);
  fields.push(`"output_tools":${toToolDumpsJson(parameters.outputTools)}`);
  if (parameters.allowTextOutput !== undefined) fields.push(`"allow_text_output":${toCompactJson(parameters.allowTextOutput)}`);
  if (parameters.instructionParts !== undefined) {
    const parts = parameters.instructionParts.map((part) =>
      includeContent ? { content: part.content, dynamic: part.dynamic, part_kind: 'instruction' } : { dynamic: part.dynamic, part_kind: 'instruction' },
    );
    fields.push(`"instruction_parts":${toCompactJson(parts)}`);
  }
  return `{${fields.join(',')}}`;
}

function toToolDumpsJson(tools: readonly ToolDefinition[]): string {
  return `[${tools.map((tool) => cachedToolJson(tool, 'dump', toToolDefinitionDumpJson, undefined)).join(',')}]`;
}
