/** Usage attributes (spec sections 6.1 and 6.2). */
import type { Attributes } from '@opentelemetry/api';
import type { RequestUsage } from '@hopscope/models';
import {
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  GEN_AI_AGGREGATED_USAGE_PREFIX,
  GEN_AI_USAGE_DETAILS_PREFIX,
  GEN_AI_USAGE_PREFIX,
} from '../semconv/attributes.js';

/** Fields copied into `gen_ai.usage.details.*` after the provider's own details, in this order. */
const BACK_COMPAT_DETAILS: readonly (readonly [string, keyof RequestUsage])[] = [
  ['cache_write_tokens', 'cacheWriteTokens'],
  ['cache_read_tokens', 'cacheReadTokens'],
  ['input_audio_tokens', 'inputAudioTokens'],
  ['cache_audio_read_tokens', 'cacheAudioReadTokens'],
  ['output_audio_tokens', 'outputAudioTokens'],
];

const MAIN_COUNTS: readonly (readonly [string, keyof RequestUsage])[] = [
  [ATTR_GEN_AI_USAGE_INPUT_TOKENS, 'inputTokens'],
  [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, 'outputTokens'],
  [ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS, 'cacheWriteTokens'],
  [ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, 'cacheReadTokens'],
];

/**
 * Writes the usage attributes into `out` (see toUsageAttributes), without the aggregated renaming.
 * @example writeUsageAttributes(attributes, response.usage)
 */
export function writeUsageAttributes(out: Attributes, usage: RequestUsage): void {
  for (const [name, field] of MAIN_COUNTS) {
    const value = usage[field];
    if (typeof value === 'number' && value !== 0) out[name] = value;
  }
  const details = usage.details;
  for (const key in details) {
    if (!Object.hasOwn(details, key)) continue;
    const value = details[key];
    if (value) out[GEN_AI_USAGE_DETAILS_PREFIX + key] = value;
  }
  for (const [key, field] of BACK_COMPAT_DETAILS) {
    const value = usage[field];
    if (typeof value === 'number' && value !== 0) out[GEN_AI_USAGE_DETAILS_PREFIX + key] = value;
  }
}

/**
 * Usage as span attributes: main counts, then provider details, then back-compat detail copies, zeros
 * skipped. Request and tool-call counts are never emitted. `aggregated` renames `gen_ai.usage.` to
 * `gen_ai.aggregated_usage.` (agent-run span only).
 * @example toUsageAttributes(requestUsage({ inputTokens: 3 })) // { 'gen_ai.usage.input_tokens': 3 }
 */
export function toUsageAttributes(usage: RequestUsage, o: { aggregated?: boolean } = {}): Attributes {
  const out: Attributes = {};
  writeUsageAttributes(out, usage);
  if (!o.aggregated) return out;
  return Object.fromEntries(Object.entries(out).map(([key, value]) => [key.replace(GEN_AI_USAGE_PREFIX, GEN_AI_AGGREGATED_USAGE_PREFIX), value]));
}
