/** `gen_ai.tool.definitions` (spec section 2.1) and `model_request_parameters` (section 6.3, decision 5). */
import type { ModelRequestParameters, ToolDefinition } from '@hopscope/models';
import { toCompactJson } from './serialize.js';

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
  return toCompactJson(
    tools.map((tool) => ({
      type: 'function',
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      ...(hasKeys(tool.parametersJsonSchema) ? { parameters: tool.parametersJsonSchema } : {}),
    })),
  );
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
  const dump = {
    function_tools: parameters.functionTools.map(toToolDefinitionDump),
    ...(parameters.outputMode !== undefined ? { output_mode: parameters.outputMode } : {}),
    output_tools: parameters.outputTools.map(toToolDefinitionDump),
    allow_text_output: parameters.allowTextOutput,
    ...(parameters.instructionParts !== undefined
      ? {
          instruction_parts: parameters.instructionParts.map((part) =>
            includeContent ? { content: part.content, dynamic: part.dynamic, part_kind: 'instruction' } : { dynamic: part.dynamic, part_kind: 'instruction' },
          ),
        }
      : {}),
  };
  return toCompactJson(dump);
}
