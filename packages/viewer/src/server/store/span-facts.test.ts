import { describe, expect, it } from 'vitest';
import { buildSpan } from '../testing/build-spans.js';
import { computeSpanFacts, toSearchText } from './span-facts.js';

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
