/** `gen_ai.tool.definitions` (spec section 2.1) and `model_request_parameters` (section 6.3, decision 5). */
import type { ModelRequestParameters, ToolDefinition } from '@hopscope/models';
import { createIdentityJsonCache, type IdentityJsonCacheFingerprint } from './identity-json-cache.js';
import { MAX_CACHED_FRAGMENT_CHARS } from './message-json-cache.js';
import { toCompactJson } from './serialize.js';

// Each tool's JSON is remembered by tool identity: a request re-sends the same tool definitions.
// Like messages, tools are immutable by type; reassigning one of their fields is noticed, a change
// deep inside a schema or metadata object is not (build a new definition instead).

/** Appends a tool's fields, read by name (a table of field names would read by computed key, slower on every request). */
function pushToolFields(out: unknown[], tool: ToolDefinition): void {
  out.push(tool.name, tool.description, tool.parametersJsonSchema, tool.strict, tool.sequential, tool.kind, tool.metadata);
}

/** True when the tool's fields are the 7 at `at`, as pushToolFields wrote them. */
function matchToolFields(tool: ToolDefinition, fingerprint: readonly unknown[], at: number): boolean {
  return (
    fingerprint[at] === tool.name &&
    fingerprint[at + 1] === tool.description &&
    fingerprint[at + 2] === tool.parametersJsonSchema &&
    fingerprint[at + 3] === tool.strict &&
    fingerprint[at + 4] === tool.sequential &&
    fingerprint[at + 5] === tool.kind &&
    fingerprint[at + 6] === tool.metadata
  );
}
const TOOL_FIELD_COUNT = 7;

const TOOL_FINGERPRINT: IdentityJsonCacheFingerprint<ToolDefinition> = {
  take: (tool) => {
    const out: unknown[] = [];
    pushToolFields(out, tool);
    return out;
  },
  matches: (tool, fingerprint) => matchToolFields(tool, fingerprint, 0),
};
const cachedToolJson = createIdentityJsonCache(TOOL_FINGERPRINT, MAX_CACHED_FRAGMENT_CHARS);

/**
 * The two texts of a parameters object (tool definitions, parameter dump) are remembered by its
 * identity too: an agent passes the same parameters with every request. Its fingerprint holds the
 * tool lists and their lengths, each tool and its fields, the output settings and each instruction
 * part with its fields, so reassigning any of them (or pushing a tool) is noticed.
 */
function toolsFingerprint(out: unknown[], tools: readonly ToolDefinition[]): void {
  out.push(tools, tools.length);
  for (const tool of tools) {
    out.push(tool);
    pushToolFields(out, tool);
  }
}

function toolsMatch(tools: readonly ToolDefinition[], fingerprint: readonly unknown[], at: number): number {
  if (fingerprint[at] !== tools || fingerprint[at + 1] !== tools.length) return -1;
  at += 2;
  for (const tool of tools) {
    if (fingerprint[at] !== tool || !matchToolFields(tool, fingerprint, at + 1)) return -1;
    at += 1 + TOOL_FIELD_COUNT;
  }
  return at;
}

const PARAMETERS_FINGERPRINT: IdentityJsonCacheFingerprint<ModelRequestParameters> = {
  take: (parameters) => {
    const parts = parameters.instructionParts;
    const out: unknown[] = [parameters.allowTextOutput, parameters.outputMode, parts, parts?.length];
    for (const part of parts ?? []) out.push(part, part.content, part.dynamic);
    toolsFingerprint(out, parameters.functionTools);
    toolsFingerprint(out, parameters.outputTools);
    return out;
  },
  matches: (parameters, fingerprint) => {
    const parts = parameters.instructionParts;
    if (fingerprint[0] !== parameters.allowTextOutput || fingerprint[1] !== parameters.outputMode || fingerprint[2] !== parts || fingerprint[3] !== parts?.length) return false;
    let at = 4;
    if (parts !== undefined) {
      for (const part of parts) {
        if (fingerprint[at] !== part || fingerprint[at + 1] !== part.content || fingerprint[at + 2] !== part.dynamic) return false;
        at += 3;
      }
    }
    at = toolsMatch(parameters.functionTools, fingerprint, at);
    return at >= 0 && toolsMatch(parameters.outputTools, fingerprint, at) >= 0;
  },
};
const cachedParametersJson = createIdentityJsonCache(PARAMETERS_FINGERPRINT, MAX_CACHED_FRAGMENT_CHARS);

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
  const text = cachedParametersJson(parameters, 'definitions', buildToolDefinitionsJson, undefined);
  return text === '' ? undefined : text;
}

function buildToolDefinitionsJson(parameters: ModelRequestParameters): string {
  const tools = [...parameters.functionTools, ...parameters.outputTools];
  if (tools.length === 0) return '';
  return ['[', tools.map((tool) => cachedToolJson(tool, 'definition', toToolDefinitionItemJson, undefined)).join(','), ']'].join('');
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
  return cachedParametersJson(parameters, includeContent ? 'dump|content' : 'dump', buildModelRequestParametersJson, includeContent);
}

function buildModelRequestParametersJson(parameters: ModelRequestParameters, includeContent: boolean): string {
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
  // Joined with the braces: one flat string (a template literal would keep a rope in the cache).
  return ['{', fields.join(','), '}'].join('');
}

function toToolDumpsJson(tools: readonly ToolDefinition[]): string {
  return `[${tools.map((tool) => cachedToolJson(tool, 'dump', toToolDefinitionDumpJson, undefined)).join(',')}]`;
}
