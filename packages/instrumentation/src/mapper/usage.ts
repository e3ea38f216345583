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

/** `gen_ai.usage.details.*` names of the fields copied there after the provider's own details. */
const DETAILS_CACHE_WRITE_TOKENS = `${GEN_AI_USAGE_DETAILS_PREFIX}cache_write_tokens`;
const DETAILS_CACHE_READ_TOKENS = `${GEN_AI_USAGE_DETAILS_PREFIX}cache_read_tokens`;
const DETAILS_INPUT_AUDIO_TOKENS = `${GEN_AI_USAGE_DETAILS_PREFIX}input_audio_tokens`;
const DETAILS_CACHE_AUDIO_READ_TOKENS = `${GEN_AI_USAGE_DETAILS_PREFIX}cache_audio_read_tokens`;
const DETAILS_OUTPUT_AUDIO_TOKENS = `${GEN_AI_USAGE_DETAILS_PREFIX}output_audio_tokens`;

function addCount(out: Attributes, name: string, value: number | undefined): void {
  if (typeof value === 'number' && value !== 0) out[name] = value;
}

/**
 * Writes the usage attributes into `out` (see toUsageAttributes), without the aggregated renaming.
 * Each field is read by name (a table of field names would read by computed key, which is slower
 * on every chat span): main counts, provider details, then the back-compat detail copies in this order.
 * @example writeUsageAttributes(attributes, response.usage)
 */
export function writeUsageAttributes(out: Attributes, usage: RequestUsage): void {
  addCount(out, ATTR_GEN_AI_USAGE_INPUT_TOKENS, usage.inputTokens);
  addCount(out, ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, usage.outputTokens);
  addCount(out, ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS, usage.cacheWriteTokens);
  addCount(out, ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, usage.cacheReadTokens);
  const details = usage.details;
  for (const key in details) {
    if (!Object.hasOwn(details, key)) continue;
    const value = details[key];
    if (value) out[GEN_AI_USAGE_DETAILS_PREFIX + key] = value;
  }
  addCount(out, DETAILS_CACHE_WRITE_TOKENS, usage.cacheWriteTokens);
  addCount(out, DETAILS_CACHE_READ_TOKENS, usage.cacheReadTokens);
  addCount(out, DETAILS_INPUT_AUDIO_TOKENS, usage.inputAudioTokens);
  addCount(out, DETAILS_CACHE_AUDIO_READ_TOKENS, usage.cacheAudioReadTokens);
  addCount(out, DETAILS_OUTPUT_AUDIO_TOKENS, usage.outputAudioTokens);
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
