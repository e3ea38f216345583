import { describe, expect, it } from 'vitest';
import { requestUsage, runUsage } from '@hopscope/models';
import { toUsageAttributes } from './usage.js';

describe('toUsageAttributes', () => {
  it('reproduces the worked example of spec section 6.1: exactly these 10 attributes in this order', () => {
    const usage = requestUsage({
      inputTokens: 100, outputTokens: 200, cacheWriteTokens: 10, cacheReadTokens: 20,
      inputAudioTokens: 10, cacheAudioReadTokens: 5, outputAudioTokens: 30, details: { reasoning_tokens: 30 },
    });
    expect(Object.entries(toUsageAttributes(usage))).toEqual([
      ['gen_ai.usage.input_tokens', 100],
      ['gen_ai.usage.output_tokens', 200],
      ['gen_ai.usage.cache_creation.input_tokens', 10],
      ['gen_ai.usage.cache_read.input_tokens', 20],
      ['gen_ai.usage.details.reasoning_tokens', 30],
      ['gen_ai.usage.details.cache_write_tokens', 10],
      ['gen_ai.usage.details.cache_read_tokens', 20],
      ['gen_ai.usage.details.input_audio_tokens', 10],
      ['gen_ai.usage.details.cache_audio_read_tokens', 5],
      ['gen_ai.usage.details.output_audio_tokens', 30],
    ]);
  });

  it.each([
    ['all zero', requestUsage(), {}],
    ['zero details skipped', requestUsage({ outputTokens: 4, details: { reasoning_tokens: 0, accepted: 2 } }), { 'gen_ai.usage.output_tokens': 4, 'gen_ai.usage.details.accepted': 2 }],
    ['run counts never emitted', runUsage({ requests: 3, toolCalls: 2, inputTokens: 1 }), { 'gen_ai.usage.input_tokens': 1 }],
  ])('%s', (_name, usage, expected) => {
    expect(toUsageAttributes(usage)).toEqual(expected);
  });

  it('renames only the first gen_ai.usage. prefix for aggregated names', () => {
    const usage = runUsage({ inputTokens: 5, cacheReadTokens: 2 });
    expect(Object.keys(toUsageAttributes(usage, { aggregated: true }))).toEqual([
      'gen_ai.aggregated_usage.input_tokens',
      'gen_ai.aggregated_usage.cache_read.input_tokens',
      'gen_ai.aggregated_usage.details.cache_read_tokens',
    ]);
  });
});
