import { describe, expect, it } from 'vitest';
import { parseSpanUsage } from './parse-usage.js';

describe('parseSpanUsage', () => {
  it('reads the spec 6.1 example', () => {
    const attributes = {
      'gen_ai.usage.input_tokens': 100, 'gen_ai.usage.output_tokens': 200, 'gen_ai.usage.cache_creation.input_tokens': 10,
      'gen_ai.usage.cache_read.input_tokens': 20, 'gen_ai.usage.details.reasoning_tokens': 30, 'gen_ai.usage.details.cache_write_tokens': 10,
      'gen_ai.usage.details.cache_read_tokens': 20, 'operation.cost': 0.002225,
    };
    expect(parseSpanUsage(attributes)).toEqual({ inputTokens: 100, outputTokens: 200, cacheReadTokens: 20, cacheWriteTokens: 10, reasoningTokens: 30, costUsd: 0.002225 });
  });
  const variants: Array<[string, Record<string, unknown>, number]> = [
    ['cache_creation', { 'gen_ai.usage.cache_creation.input_tokens': 7 }, 7],
    ['cache_write', { 'gen_ai.usage.cache_write.input_tokens': 7 }, 7],
    ['details.cache_write_tokens', { 'gen_ai.usage.details.cache_write_tokens': 7 }, 7],
    ['aggregated names', { 'gen_ai.aggregated_usage.cache_creation.input_tokens': 7 }, 7],
  ];
  it.each(variants)('reads cache writes spelled %s', (_name, attributes, expected) => {
    expect(parseSpanUsage(attributes)?.cacheWriteTokens).toBe(expected);
  });
  it('keeps a missing price as null, not 0', () => {
    expect(parseSpanUsage({ 'gen_ai.usage.input_tokens': '5' })).toEqual({ inputTokens: 5, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, costUsd: null });
  });
  it('is null without usage', () => {
    expect(parseSpanUsage({ 'gen_ai.request.model': 'x' })).toBeNull();
  });
});
