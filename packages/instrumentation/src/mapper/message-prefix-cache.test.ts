import { describe, expect, it } from 'vitest';
import { modelRequest, requestUsage, textPart, toolCallPart, userPrompt, type ModelMessage, type ModelResponse } from '@hopscope/models';
import { toJsonArrayFromFragments } from './message-json-cache.js';
import { MAX_CACHED_PREFIX_CHARS, toJsonArrayWithPrefixCache, type MessageFragments } from './message-prefix-cache.js';

const response = (text: string): ModelResponse => ({ kind: 'response', parts: [textPart(text)], usage: requestUsage(), timestamp: new Date(0), finishReason: 'stop' });
const writable = (value: object) => value as Record<string, unknown>;

/** A fragment function that counts its calls and renders every part field (so any reassignment shows). */
function counting(): { fragmentOf: MessageFragments; calls: () => number } {
  let calls = 0;
  const render = (message: ModelMessage) => {
    calls += 1;
    return message.parts.length === 0 ? '' : JSON.stringify({ parts: message.parts, finish: message.kind === 'response' ? (message.finishReason ?? null) : null });
  };
  return { fragmentOf: { cached: render, render }, calls: () => calls };
}

const constant = (text: string): MessageFragments => ({ cached: () => text, render: () => text });

const expected = (messages: readonly ModelMessage[]) => toJsonArrayFromFragments(messages.map(counting().fragmentOf.render));

describe('toJsonArrayWithPrefixCache', () => {
  it('renders only the new messages of a growing history, and nothing for the same history again', () => {
    const { fragmentOf, calls } = counting();
    const history: ModelMessage[] = [modelRequest([userPrompt('one')])];
    // Seen once: nothing kept but the mark. Seen again: kept.
    expect(toJsonArrayWithPrefixCache(history, 'k', fragmentOf)).toBe(expected(history));
    expect(calls()).toBe(1);
    expect(toJsonArrayWithPrefixCache([...history], 'k', fragmentOf)).toBe(expected(history));
    expect(calls()).toBe(2);
    history.push(response('two'), modelRequest([userPrompt('three')]));
    expect(toJsonArrayWithPrefixCache([...history], 'k', fragmentOf)).toBe(expected(history));
    expect(calls()).toBe(4);
    expect(toJsonArrayWithPrefixCache([...history], 'k', fragmentOf)).toBe(expected(history));
    expect(calls()).toBe(4);
    history.push(response('four'));
    expect(toJsonArrayWithPrefixCache([...history], 'k', fragmentOf)).toBe(expected(history));
    expect(calls()).toBe(5);
  });

  it('keeps renderings apart by key, handles empty fragments, an empty list and a shorter branch', () => {
    const { fragmentOf } = counting();
    const history: ModelMessage[] = [modelRequest([]), modelRequest([userPrompt('a')]), modelRequest([]), response('b')];
    expect(toJsonArrayWithPrefixCache([], 'k', fragmentOf)).toBe('[]');
    expect(toJsonArrayWithPrefixCache(history.slice(0, 1), 'k', fragmentOf)).toBe('[]');
    expect(toJsonArrayWithPrefixCache(history, 'k', fragmentOf)).toBe(expected(history));
    expect(toJsonArrayWithPrefixCache(history, 'other', constant('1'))).toBe('[1,1,1,1]');
    expect(toJsonArrayWithPrefixCache(history.slice(0, 3), 'k', fragmentOf)).toBe(expected(history.slice(0, 3)));
    const branch = [...history.slice(0, 2), response('c')];
    expect(toJsonArrayWithPrefixCache(branch, 'k', fragmentOf)).toBe(expected(branch));
    expect(toJsonArrayWithPrefixCache(history, 'k', fragmentOf)).toBe(expected(history));
  });

  type Mutation = (messages: ModelMessage[]) => void;
  const mutations: Record<string, Mutation> = {
    'a prompt reassigned': (m) => (writable(m[0]!.parts[0]!).content = 'changed'),
    'tool args reassigned': (m) => (writable(m[1]!.parts[0]!).args = { x: 2 }),
    'a field added to a part': (m) => (writable(m[1]!.parts[0]!).id = 'added'),
    'a field deleted from a part': (m) => delete writable(m[1]!.parts[0]!).toolCallId,
    'a part pushed': (m) => (m[0]!.parts as unknown[]).push(userPrompt('late')),
    'a part replaced': (m) => ((m[2]!.parts as unknown[])[0] = textPart('other')),
    'the parts list replaced': (m) => (writable(m[2]!).parts = [textPart('list')]),
    'a finish reason changed': (m) => (writable(m[2]!).finishReason = 'length'),
    'a message replaced': (m) => (m[2] = response('new')),
  };

  it.each(Object.keys(mutations))('is never stale, in the prefix or at its end: %s', (name) => {
    const { fragmentOf } = counting();
    const messages: ModelMessage[] = [
      modelRequest([userPrompt('U')]),
      { kind: 'response', parts: [toolCallPart('f', { x: 1 }, 'c1')], usage: requestUsage(), timestamp: new Date(0), finishReason: 'tool_call' },
      response('done'),
    ];
    toJsonArrayWithPrefixCache(messages, 'k', fragmentOf);
    const before = toJsonArrayWithPrefixCache(messages, 'k', fragmentOf);
    mutations[name]!(messages);
    const grown = [...messages, modelRequest([userPrompt('next')])];
    expect(toJsonArrayWithPrefixCache(grown, 'k', fragmentOf)).toBe(expected(grown));
    const after = toJsonArrayWithPrefixCache(messages, 'k', fragmentOf);
    expect(after).toBe(expected(messages));
    expect(after).not.toBe(before);
  });

  it('does not keep a conversation text longer than the limit', () => {
    const { fragmentOf, calls } = counting();
    const big = [modelRequest([userPrompt('x'.repeat(MAX_CACHED_PREFIX_CHARS / 2))]), modelRequest([userPrompt('y'.repeat(MAX_CACHED_PREFIX_CHARS / 2))])];
    for (let i = 0; i < 3; i++) expect(toJsonArrayWithPrefixCache(big, 'k', fragmentOf)).toBe(expected(big));
    expect(calls()).toBe(6);
  });

  it('keeps a bounded number of renderings per conversation', () => {
    const history = [modelRequest([userPrompt('a')]), response('b')];
    const { fragmentOf, calls } = counting();
    toJsonArrayWithPrefixCache(history, 'k0', fragmentOf);
    toJsonArrayWithPrefixCache(history, 'k0', fragmentOf);
    expect(toJsonArrayWithPrefixCache(history, 'k0', fragmentOf)).toBe(expected(history));
    expect(calls()).toBe(4);
    for (let i = 1; i <= 20; i++) toJsonArrayWithPrefixCache(history, `k${i}`, constant(String(i)));
    toJsonArrayWithPrefixCache(history, 'k0', fragmentOf);
    expect(calls()).toBe(6);
  });

  it('stays right after a rendering that threw in the middle of an extension', () => {
    const { fragmentOf } = counting();
    const history: ModelMessage[] = [modelRequest([userPrompt('a')]), response('b')];
    toJsonArrayWithPrefixCache(history, 'k', fragmentOf);
    toJsonArrayWithPrefixCache(history, 'k', fragmentOf);
    const grown = [...history, modelRequest([userPrompt('c')]), response('d')];
    let throws = true;
    const flaky: MessageFragments = {
      cached: fragmentOf.cached,
      render: (message) => {
        if (message === grown[3] && throws) throw new Error('mapper failure');
        return fragmentOf.render(message);
      },
    };
    expect(() => toJsonArrayWithPrefixCache(grown, 'k', flaky)).toThrow('mapper failure');
    throws = false;
    expect(toJsonArrayWithPrefixCache(grown, 'k', flaky)).toBe(expected(grown));
    const more = [...grown, modelRequest([userPrompt('e')])];
    expect(toJsonArrayWithPrefixCache(more, 'k', flaky)).toBe(expected(more));
  });
});
