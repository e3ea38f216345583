import { describe, expect, it } from 'vitest';
import { GEN_AI_AGGREGATED_USAGE_PREFIX, GEN_AI_USAGE_PREFIX, toUsageTokenAttributes, USAGE_TOKEN_FIELDS, USAGE_TOKEN_SUFFIXES } from './usage-attributes.js';

describe('usage attribute spellings', () => {
  it('names every spelling under either prefix, in the table order', () => {
    expect(toUsageTokenAttributes(GEN_AI_USAGE_PREFIX).cacheWriteTokens).toEqual([
      'gen_ai.usage.cache_creation.input_tokens',
      'gen_ai.usage.cache_write.input_tokens',
      'gen_ai.usage.details.cache_write_tokens',
      'gen_ai.usage.details.cache_creation_input_tokens',
      'gen_ai.usage.details.cache_creation_tokens',
    ]);
    expect(toUsageTokenAttributes(GEN_AI_AGGREGATED_USAGE_PREFIX).reasoningTokens[1]).toBe('gen_ai.aggregated_usage.reasoning.output_tokens');
  });

  it('gives each spelling to one token count only', () => {
    const all = USAGE_TOKEN_FIELDS.flatMap((field) => USAGE_TOKEN_SUFFIXES[field]);
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(USAGE_TOKEN_SUFFIXES).sort()).toEqual([...USAGE_TOKEN_FIELDS].sort());
  });
});
