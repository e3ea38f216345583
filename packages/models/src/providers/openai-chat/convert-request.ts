/** Settings + request parameters + messages -> the Chat Completions request body. Pure. */
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import type { ModelMessage } from '../../messages.js';
import type { ModelRequestParameters, ModelSettings, ToolDefinition } from '../../settings.js';
import { computeInstructions } from '../shared/instructions.js';
import { mapThinkingToReasoningEffort } from '../shared/thinking.js';
import { convertToOpenAIChatMessages } from './convert-messages.js';

/** A tool definition as a Chat Completions function tool. */
export function convertToOpenAIChatTool(tool: ToolDefinition): ChatCompletionFunctionTool {
  return {
    type: 'function',
    function: {
      name: tool.name,
      parameters: { ...tool.parametersJsonSchema },
      ...(tool.description !== undefined ? { description: tool.description } : {}),
      ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
    },
  };
}

/** Systems that take `max_completion_tokens`; OpenAI-compatible servers mostly know only `max_tokens`. */
const MAX_COMPLETION_TOKENS_SYSTEMS: ReadonlySet<string> = new Set(['openai', 'azure']);

/**
 * The full Chat Completions body: model, messages, sampling settings, tools and tool choice,
 * reasoning effort, streaming options; `extraBody` is merged last and wins.
 * @example convertToOpenAIChatBody({ modelName: 'gpt-4o', system: 'openai', messages, settings: { maxTokens: 50 }, parameters, stream: false })
 */
export function convertToOpenAIChatBody(input: {
  modelName: string;
  system: string;
  messages: readonly ModelMessage[];
  settings: ModelSettings | undefined;
  parameters: ModelRequestParameters;
  stream: boolean;
}): Record<string, unknown> {
  const s = input.settings ?? {};
  const tools = [...input.parameters.functionTools, ...input.parameters.outputTools].map(convertToOpenAIChatTool);
  const body: Record<string, unknown> = {
    model: input.modelName,
    messages: convertToOpenAIChatMessages(input.messages, { instructions: computeInstructions(input.messages, input.parameters) }),
  };
  if (s.maxTokens !== undefined) body[MAX_COMPLETION_TOKENS_SYSTEMS.has(input.system) ? 'max_completion_tokens' : 'max_tokens'] = s.maxTokens;
  if (s.temperature !== undefined) body['temperature'] = s.temperature;
  if (s.topP !== undefined) body['top_p'] = s.topP;
  if (s.seed !== undefined) body['seed'] = s.seed;
  if (s.presencePenalty !== undefined) body['presence_penalty'] = s.presencePenalty;
  if (s.frequencyPenalty !== undefined) body['frequency_penalty'] = s.frequencyPenalty;
  if (s.logitBias !== undefined) body['logit_bias'] = { ...s.logitBias };
  if (s.stopSequences !== undefined) body['stop'] = [...s.stopSequences];
  if (tools.length > 0) {
    body['tools'] = tools;
    if (!input.parameters.allowTextOutput) body['tool_choice'] = 'required';
    if (s.parallelToolCalls !== undefined) body['parallel_tool_calls'] = s.parallelToolCalls;
  }
  const effort = mapThinkingToReasoningEffort(s.thinking);
  if (effort !== undefined) body['reasoning_effort'] = effort;
  if (input.stream) {
    body['stream'] = true;
    body['stream_options'] = { include_usage: true };
  }
  return { ...body, ...s.extraBody };
}
