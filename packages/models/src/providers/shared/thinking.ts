import type { ThinkingSetting } from '../../settings.js';

/** OpenAI's reasoning effort levels that a thinking setting can map to. */
export type OpenAIReasoningEffort = 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

/**
 * `thinking` -> OpenAI `reasoning_effort`: `true` means 'medium', a level maps to itself, and
 * `false` / unset send nothing (models that cannot reason reject the field).
 * @example mapThinkingToReasoningEffort(true) === 'medium'
 */
export function mapThinkingToReasoningEffort(thinking: ThinkingSetting | undefined): OpenAIReasoningEffort | undefined {
  if (thinking === undefined || thinking === false) return undefined;
  return thinking === true ? 'medium' : thinking;
}
