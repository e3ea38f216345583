/** Settings + request parameters + messages -> the Responses API request body. Pure. */
import type { FunctionTool } from 'openai/resources/responses/responses';
import type { ModelMessage } from '../../messages.js';
import type { ModelRequestParameters, ModelSettings, ToolDefinition } from '../../settings.js';
import { computeInstructions } from '../shared/instructions.js';
import { mapThinkingToReasoningEffort } from '../shared/thinking.js';
import { convertToOpenAIResponsesInput } from './convert-input.js';

/** A tool definition as a Responses function tool (`strict` is required there: null when unset). */
export function convertToOpenAIResponsesTool(tool: ToolDefinition): FunctionTool {
  return { type: 'function', name: tool.name, parameters: { ...tool.parametersJsonSchema }, strict: tool.strict ?? null, ...(tool.description !== undefined ? { description: tool.description } : {}) };
}

/**
 * The full Responses body. The API has no seed, penalties, logit bias or stop sequences, so those
 * settings are not sent; `extraBody` is merged last and wins.
 * @example convertToOpenAIResponsesBody({ modelName: 'gpt-5', messages, settings: { thinking: 'high' }, parameters, stream: true })
 */
export function convertToOpenAIResponsesBody(input: { modelName: string; messages: readonly ModelMessage[]; settings: ModelSettings | undefined; parameters: ModelRequestParameters; stream: boolean }): Record<string, unknown> {
  const s = input.settings ?? {};
  const body: Record<string, unknown> = { model: input.modelName, input: convertToOpenAIResponsesInput(input.messages) };
  const instructions = computeInstructions(input.messages, input.parameters);
  if (instructions !== undefined) body['instructions'] = instructions;
  if (s.maxTokens !== undefined) body['max_output_tokens'] = s.maxTokens;
  if (s.temperature !== undefined) body['temperature'] = s.temperature;
  if (s.topP !== undefined) body['top_p'] = s.topP;
  const tools = [...input.parameters.functionTools, ...input.parameters.outputTools].map(convertToOpenAIResponsesTool);
  if (tools.length > 0) {
    body['tools'] = tools;
    if (!input.parameters.allowTextOutput) body['tool_choice'] = 'required';
    if (s.parallelToolCalls !== undefined) body['parallel_tool_calls'] = s.parallelToolCalls;
  }
  const effort = mapThinkingToReasoningEffort(s.thinking);
  if (effort !== undefined) body['reasoning'] = { effort, summary: 'auto' };
  if (input.stream) body['stream'] = true;
  return { ...body, ...s.extraBody };
}
