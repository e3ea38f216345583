import type { UsageTotals } from '../../../src/shared/api-types.js';
import { GEN_AI_AGGREGATED_USAGE_PREFIX, GEN_AI_USAGE_PREFIX, USAGE_TOKEN_SUFFIXES } from '../../../src/shared/usage-attributes.js';
import { ATTR_OPERATION_COST } from './attribute-names.js';
import { asNumber } from './read-value.js';

/** One span's own usage: the trace totals' fields, with a null cost when the span has no price. */
export type SpanUsage = Omit<UsageTotals, 'costPartial' | 'knownCostUsd'>;

function firstNumber(attributes: Record<string, unknown>, prefix: string, keys: readonly string[]): number | undefined {
  for (const key of keys) {
    const value = asNumber(attributes[prefix + key]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * A span's own usage and cost (`gen_ai.usage.*`, or `gen_ai.aggregated_usage.*` on an agent run),
 * tolerating `cache_write` and `cache_creation` spellings. Null when the span has no usage at all.
 *
 * @example
 * parseSpanUsage({ 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.output_tokens': 2 })?.inputTokens; // 10
 */
export function parseSpanUsage(attributes: Record<string, unknown>): SpanUsage | null {
  const costUsd = asNumber(attributes[ATTR_OPERATION_COST]) ?? null;
  for (const prefix of [GEN_AI_USAGE_PREFIX, GEN_AI_AGGREGATED_USAGE_PREFIX]) {
    const input = firstNumber(attributes, prefix, USAGE_TOKEN_SUFFIXES.inputTokens);
    const output = firstNumber(attributes, prefix, USAGE_TOKEN_SUFFIXES.outputTokens);
    const cacheRead = firstNumber(attributes, prefix, USAGE_TOKEN_SUFFIXES.cacheReadTokens);
    const cacheWrite = firstNumber(attributes, prefix, USAGE_TOKEN_SUFFIXES.cacheWriteTokens);
    const reasoning = firstNumber(attributes, prefix, USAGE_TOKEN_SUFFIXES.reasoningTokens);
    if ([input, output, cacheRead, cacheWrite, reasoning].some((v) => v !== undefined)) {
      return {
        inputTokens: input ?? 0,
        outputTokens: output ?? 0,
        cacheReadTokens: cacheRead ?? 0,
        cacheWriteTokens: cacheWrite ?? 0,
        reasoningTokens: reasoning ?? 0,
        costUsd,
      };
    }
  }
  if (costUsd === null) return null;
  return { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, costUsd };
}
