/**
 * The attribute spellings of GenAI token usage the viewer reads: one table for the server's
 * trace and list totals and the UI's span view, so both count the same tokens. Pure data, no
 * imports: the UI bundle may import it. The semconv names are unstable, and SDKs spell cache
 * and reasoning tokens several ways (OpenTelemetry `cache_read.input_tokens`, Logfire/pydantic-ai
 * `details.*`, Anthropic-style `cache_creation_input_tokens`, …); each list is in preference
 * order, the first spelling present on a span wins.
 */

/** The prefix of a span's own usage. */
export const GEN_AI_USAGE_PREFIX = 'gen_ai.usage.';
/** The prefix of an agent run's usage summed over its calls (a repeat: trace totals never add it). */
export const GEN_AI_AGGREGATED_USAGE_PREFIX = 'gen_ai.aggregated_usage.';

/** The token counts of a usage, as the API's UsageTotals names them. */
export type UsageTokenField = 'inputTokens' | 'outputTokens' | 'cacheReadTokens' | 'cacheWriteTokens' | 'reasoningTokens';

/** Per token count, the attribute names after the prefix that carry it, in preference order. */
export type UsageTokenAttributes = { readonly [Field in UsageTokenField]: readonly string[] };

/** The token counts in a fixed order. */
export const USAGE_TOKEN_FIELDS: readonly UsageTokenField[] = ['inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'reasoningTokens'];

/**
 * Per token count, the spellings after GEN_AI_USAGE_PREFIX (or GEN_AI_AGGREGATED_USAGE_PREFIX).
 *
 * @example
 * USAGE_TOKEN_SUFFIXES.cacheWriteTokens[0]; // 'cache_creation.input_tokens'
 */
export const USAGE_TOKEN_SUFFIXES: UsageTokenAttributes = {
  inputTokens: ['input_tokens', 'prompt_tokens'],
  outputTokens: ['output_tokens', 'completion_tokens'],
  cacheReadTokens: ['cache_read.input_tokens', 'details.cache_read_tokens', 'details.cache_read_input_tokens'],
  cacheWriteTokens: ['cache_creation.input_tokens', 'cache_write.input_tokens', 'details.cache_write_tokens', 'details.cache_creation_input_tokens', 'details.cache_creation_tokens'],
  reasoningTokens: ['details.reasoning_tokens', 'reasoning.output_tokens', 'reasoning_tokens'],
};

/**
 * The full attribute names of each token count under `prefix` (compute once, read per span).
 *
 * @example
 * toUsageTokenAttributes(GEN_AI_USAGE_PREFIX).cacheReadTokens; // ['gen_ai.usage.cache_read.input_tokens', …]
 */
export function toUsageTokenAttributes(prefix: string): UsageTokenAttributes {
  const withPrefix = (suffixes: readonly string[]): readonly string[] => suffixes.map((suffix) => prefix + suffix);
  return {
    inputTokens: withPrefix(USAGE_TOKEN_SUFFIXES.inputTokens),
    outputTokens: withPrefix(USAGE_TOKEN_SUFFIXES.outputTokens),
    cacheReadTokens: withPrefix(USAGE_TOKEN_SUFFIXES.cacheReadTokens),
    cacheWriteTokens: withPrefix(USAGE_TOKEN_SUFFIXES.cacheWriteTokens),
    reasoningTokens: withPrefix(USAGE_TOKEN_SUFFIXES.reasoningTokens),
  };
}
