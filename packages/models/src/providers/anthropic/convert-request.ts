/** Settings + request parameters + messages -> the Anthropic Messages request body. Pure. */
import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import { UserError } from '../../errors.js';
import type { ModelMessage } from '../../messages.js';
import type { ModelRequestParameters, ModelSettings, ThinkingSetting, ToolDefinition } from '../../settings.js';
import { computeInstructions } from '../shared/instructions.js';
import { convertToAnthropicMessages } from './convert-messages.js';

/** Anthropic requires `max_tokens`; this is what we send when the settings do not say. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

/** Anthropic's smallest thinking budget; the budget must also stay below `max_tokens`. */
export const ANTHROPIC_MIN_THINKING_BUDGET = 1024;

const BUDGETS: Readonly<Record<Exclude<ThinkingSetting, boolean>, number>> = { minimal: 1024, low: 2048, medium: 4096, high: 8192, xhigh: 16384 };

/**
 * `thinking` -> Anthropic's thinking config and the `max_tokens` to send: a level picks a budget
 * (`true` = medium, 4096), kept below `max_tokens` (raised when the settings leave it open).
 * Throws a `UserError` when `maxTokens` leaves no room for the smallest budget Anthropic takes.
 * @example computeAnthropicThinking('high', undefined) // { thinking: { type: 'enabled', budget_tokens: 8192 }, maxTokens: 12288 }
 */
export function computeAnthropicThinking(thinking: ThinkingSetting | undefined, maxTokens: number | undefined): { thinking: Record<string, unknown> | undefined; maxTokens: number } {
  if (thinking === undefined) return { thinking: undefined, maxTokens: maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS };
  if (thinking === false) return { thinking: { type: 'disabled' }, maxTokens: maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS };
  const wanted = BUDGETS[thinking === true ? 'medium' : thinking];
  if (maxTokens === undefined) return { thinking: { type: 'enabled', budget_tokens: wanted }, maxTokens: wanted + ANTHROPIC_DEFAULT_MAX_TOKENS };
  if (maxTokens <= ANTHROPIC_MIN_THINKING_BUDGET) {
    throw new UserError(`Anthropic thinking needs maxTokens above ${ANTHROPIC_MIN_THINKING_BUDGET} (its smallest thinking budget, which must stay below max_tokens); got maxTokens ${maxTokens}. Raise maxTokens or set thinking: false.`);
  }
  return { thinking: { type: 'enabled', budget_tokens: Math.max(ANTHROPIC_MIN_THINKING_BUDGET, Math.min(wanted, maxTokens - 1)) }, maxTokens };
}

/** A tool definition as an Anthropic tool. */
export function convertToAnthropicTool(tool: ToolDefinition): Tool {
  return {
    name: tool.name,
    input_schema: { type: 'object', ...tool.parametersJsonSchema },
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
  };
}

/**
 * The full Messages body. Anthropic has no seed, penalties or logit bias, so those settings are
 * not sent; `parallelToolCalls: false` becomes `disable_parallel_tool_use`; `extraBody` wins.
 * @example convertToAnthropicBody({ modelName: 'claude-sonnet-4-6', messages, settings: { maxTokens: 1024 }, parameters, stream: false })
 */
export function convertToAnthropicBody(input: { modelName: string; messages: readonly ModelMessage[]; settings: ModelSettings | undefined; parameters: ModelRequestParameters; stream: boolean }): Record<string, unknown> {
  const s = input.settings ?? {};
  const { system, messages } = convertToAnthropicMessages(input.messages, { instructions: computeInstructions(input.messages, input.parameters) });
  const { thinking, maxTokens } = computeAnthropicThinking(s.thinking, s.maxTokens);
  const body: Record<string, unknown> = { model: input.modelName, max_tokens: maxTokens, messages };
  if (system !== undefined) body['system'] = system;
  if (thinking !== undefined) body['thinking'] = thinking;
  if (s.temperature !== undefined) body['temperature'] = s.temperature;
  if (s.topP !== undefined) body['top_p'] = s.topP;
  if (s.stopSequences !== undefined) body['stop_sequences'] = [...s.stopSequences];
  const tools = [...input.parameters.functionTools, ...input.parameters.outputTools].map(convertToAnthropicTool);
  if (tools.length > 0) {
    body['tools'] = tools;
    const type = input.parameters.allowTextOutput ? 'auto' : 'any';
    if (type === 'any' || s.parallelToolCalls === false) body['tool_choice'] = { type, ...(s.parallelToolCalls === false ? { disable_parallel_tool_use: true } : {}) };
  }
  if (input.stream) body['stream'] = true;
  return { ...body, ...s.extraBody };
}
