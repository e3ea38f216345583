import { describe, expect, it } from 'vitest';
import { buildSpan } from '../testing/build-spans.js';
import { computeSpanFacts, computeSpanUsage, toSearchText } from './span-facts.js';

describe('computeSpanFacts', () => {
  it.each([
    [{ 'gen_ai.request.model': 'a', 'gen_ai.response.model': 'b' }, ['a', 'b']],
    [{ 'gen_ai.request.model': 'a', 'gen_ai.response.model': 'a' }, ['a']],
    [{ 'gen_ai.response.model': 'b' }, ['b']],
    [{ 'gen_ai.request.model': '', 'gen_ai.response.model': 7 }, []],
  ])('lists each model once: %j', (attributes, models) => {
    expect(computeSpanFacts(buildSpan({ trace: 1, span: 1, attributes })).models).toEqual(models);
  });

  it('takes the provider from gen_ai.provider.name, else gen_ai.system, and the operation name', () => {
    expect(computeSpanFacts(buildSpan({ trace: 1, span: 1, attributes: { 'gen_ai.system': 's', 'gen_ai.operation.name': 'chat' } }))).toMatchObject({ providers: ['s'], operations: ['chat'] });
    expect(computeSpanFacts(buildSpan({ trace: 1, span: 1, attributes: { 'gen_ai.provider.name': 'p', 'gen_ai.system': 's' } }))).toMatchObject({ providers: ['p'], operations: [] });
  });

  it.each([
    ['a chat fallback:a,b name', 'chat fallback:a,b', {}, true],
    ['a fallback:a,b request model', 'chat x', { 'gen_ai.request.model': 'fallback:a,b' }, true],
    ['a pydantic-ai fallback renamed to its winner (logfire.msg keeps the start name)', 'chat b', { 'gen_ai.request.model': 'b', 'logfire.msg': 'chat fallback:a,b' }, true],
    ['a hop span', 'hop', { 'hopscope.hop.index': 0 }, true],
    ['a plain chat span', 'chat b', { 'gen_ai.request.model': 'b', 'logfire.msg': 'chat b' }, false],
  ])('tells a fallback call from %s', (_label, name, attributes, expected) => {
    expect(computeSpanFacts(buildSpan({ trace: 1, span: 1, name, attributes })).isFallback).toBe(expected);
  });
});

describe('computeSpanFacts usage and cost', () => {
  const facts = (attributes: Record<string, never> | object, statusCode = 0) => computeSpanFacts(buildSpan({ trace: 1, span: 1, statusCode, attributes: attributes as never }));
  const NO_TOKENS = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };

  it('counts a priced span without token usage as a call with its cost', () => {
    expect(facts({ 'gen_ai.operation.name': 'chat', 'operation.cost': 0.05 })).toMatchObject({ usage: NO_TOKENS, costUsd: 0.05 });
    expect(facts({ 'operation.cost': 0 }, 2)).toMatchObject({ usage: NO_TOKENS, costUsd: 0 });
  });

  it('counts a model call that reported neither tokens nor cost as a call without a price', () => {
    for (const operation of ['chat', 'text_completion', 'generate_content', 'embeddings']) {
      expect(facts({ 'gen_ai.operation.name': operation })).toMatchObject({ usage: NO_TOKENS, costUsd: null });
    }
    expect(facts({ 'gen_ai.operation.name': 'chat', 'hopscope.hop.outcome': 'rejected' })).toMatchObject({ usage: NO_TOKENS, costUsd: null });
  });

  it('counts no call for a failed or skipped call without usage, an agent run or a tool call', () => {
    expect(facts({ 'gen_ai.operation.name': 'chat' }, 2).usage).toBeNull();
    expect(facts({ 'gen_ai.operation.name': 'chat', 'hopscope.hop.outcome': 'error' }).usage).toBeNull();
    expect(facts({ 'gen_ai.operation.name': 'chat', 'hopscope.hop.outcome': 'skipped' }).usage).toBeNull();
    expect(facts({ 'gen_ai.operation.name': 'invoke_agent' }).usage).toBeNull();
    expect(facts({ 'gen_ai.operation.name': 'execute_tool' }).usage).toBeNull();
    expect(facts({}).usage).toBeNull();
  });
});

describe('computeSpanUsage', () => {
  it.each([
    ['gen_ai.usage.prompt_tokens', 'inputTokens'],
    ['gen_ai.usage.completion_tokens', 'outputTokens'],
    ['gen_ai.usage.cache_read.input_tokens', 'cacheReadTokens'],
    ['gen_ai.usage.details.cache_read_tokens', 'cacheReadTokens'],
    ['gen_ai.usage.details.cache_read_input_tokens', 'cacheReadTokens'],
    ['gen_ai.usage.cache_creation.input_tokens', 'cacheWriteTokens'],
    ['gen_ai.usage.cache_write.input_tokens', 'cacheWriteTokens'],
    ['gen_ai.usage.details.cache_write_tokens', 'cacheWriteTokens'],
    ['gen_ai.usage.details.cache_creation_input_tokens', 'cacheWriteTokens'],
    ['gen_ai.usage.details.reasoning_tokens', 'reasoningTokens'],
    ['gen_ai.usage.reasoning.output_tokens', 'reasoningTokens'],
  ])('reads %s as %s (every spelling the span view reads)', (key, field) => {
    expect(computeSpanUsage({ [key]: 7 })).toEqual({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, [field]: 7 });
  });

  it('takes the first spelling that holds a number, and never gen_ai.aggregated_usage', () => {
    expect(computeSpanUsage({ 'gen_ai.usage.cache_creation.input_tokens': 'n/a', 'gen_ai.usage.cache_write.input_tokens': 3, 'gen_ai.usage.details.cache_write_tokens': 9 })?.cacheWriteTokens).toBe(3);
    expect(computeSpanUsage({ 'gen_ai.aggregated_usage.input_tokens': 5 })).toBeNull();
  });
});

describe('toSearchText', () => {
  it.each([
    ['JSON messages: leaf values, no keys, escapes decoded', JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'hi\nParis "now"' }] }]), 'user\ntext\nhi\nParis "now"'],
    ['tool call arguments: strings, numbers and booleans', JSON.stringify([{ role: 'assistant', parts: [{ type: 'tool_call', name: 'get_weather', arguments: { city: 'Oslo', days: 3, metric: true, note: null } }] }]), 'assistant\ntool_call\nget_weather\nOslo\n3\ntrue'],
    ['plain text, even with a colon in quotes', 'plain "a": text', 'plain "a": text'],
    ['text that only starts like JSON: read as words', '[draft] not "JSON": yet', 'draft\nnot\nyet'],
    ['a bad escape is kept as written', '["a\\qb", "c\\u00e9"]', 'a\\qb\ncé'],
    ['a structured kvlist value', { $kv: [['content', 'x'], ['n', [1, { $i: '9007199254740993' }]]] }, 'x\n1\n9007199254740993'],
    ['nothing', undefined, ''],
  ] as const)('%s', (_, value, text) => {
    expect(toSearchText(value as Parameters<typeof toSearchText>[0])).toBe(text);
  });

  it('stops reading a huge message once a span has all the text it may index', () => {
    const huge = JSON.stringify([{ role: 'user', parts: Array.from({ length: 300_000 }, (_, index) => ({ type: 'text', content: `w${index}` })) }]);
    const text = toSearchText(huge);
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    expect(text.length).toBeLessThan(1_000_100);
    expect(text.startsWith('user\ntext\nw0\ntext\nw1\n')).toBe(true);
  });

  it('walks JSON nested deeper than the call stack', () => {
    const deep = `${'['.repeat(100_000)}"bottom"${']'.repeat(100_000)}`;
    expect(toSearchText(deep)).toBe('bottom');
  });
});
