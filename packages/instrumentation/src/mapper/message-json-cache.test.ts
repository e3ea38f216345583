import { describe, expect, it } from 'vitest';
import { modelRequest, requestUsage, textPart, toolCallPart, userPrompt, type ModelMessage, type ModelResponse } from '@hopscope/models';
import { MAX_CACHED_FRAGMENT_CHARS, toCachedMessageJson, toContentKey, toJsonArrayFromFragments } from './message-json-cache.js';

/** A build function that counts its calls and renders the message's texts. */
function counting(): { build: (message: ModelMessage) => () => string; calls: () => number } {
  let calls = 0;
  const build = (message: ModelMessage) => () => {
    calls += 1;
    return JSON.stringify(message.parts.map((part) => ('content' in part ? part.content : 'args' in part ? part.args : null)));
  };
  return { build, calls: () => calls };
}

describe('toCachedMessageJson', () => {
  it('builds a message once per key and reuses the fragment after that', () => {
    const { build, calls } = counting();
    const message = modelRequest([userPrompt('hi')]);
    expect(toCachedMessageJson(message, 'a', build(message), undefined)).toBe('["hi"]');
    expect(toCachedMessageJson(message, 'a', build(message), undefined)).toBe('["hi"]');
    expect(calls()).toBe(1);
    toCachedMessageJson(message, 'b', build(message), undefined);
    expect(calls()).toBe(2);
    toCachedMessageJson(message, 'c', build(message), undefined);
    for (const key of ['a', 'b', 'c']) expect(toCachedMessageJson(message, key, build(message), undefined)).toBe('["hi"]');
    expect(calls()).toBe(3);
  });

  it('never shares fragments between two equal but distinct messages', () => {
    const { build, calls } = counting();
    const one = modelRequest([userPrompt('hi')]);
    const two = modelRequest([userPrompt('hi')]);
    toCachedMessageJson(one, 'a', build(one), undefined);
    toCachedMessageJson(two, 'a', build(two), undefined);
    expect(calls()).toBe(2);
  });

  it('rebuilds after the usual runtime mutations of a message that is readonly by type', () => {
    const { build } = counting();
    const parts = [userPrompt('hi')];
    const message = modelRequest(parts);
    expect(toCachedMessageJson(message, 'a', build(message), undefined)).toBe('["hi"]');
    parts.push(userPrompt('added'));
    expect(toCachedMessageJson(message, 'a', build(message), undefined)).toBe('["hi","added"]');
    parts[0] = userPrompt('replaced');
    expect(toCachedMessageJson(message, 'a', build(message), undefined)).toBe('["replaced","added"]');
    (parts[1] as { content: string }).content = 'reassigned';
    expect(toCachedMessageJson(message, 'a', build(message), undefined)).toBe('["replaced","reassigned"]');
    (message as { parts: unknown }).parts = [userPrompt('new list')];
    expect(toCachedMessageJson(message, 'a', build(message), undefined)).toBe('["new list"]');
  });

  it("rebuilds when a tool call's args or a response's finish reason is reassigned", () => {
    const call = toolCallPart('f', { a: 1 }, 'c');
    const response: ModelResponse = { kind: 'response', parts: [call], usage: requestUsage(), timestamp: new Date(0), finishReason: 'tool_call' };
    const seen: string[] = [];
    const build = () => {
      seen.push(String(response.finishReason));
      return JSON.stringify([call.args, response.finishReason]);
    };
    toCachedMessageJson(response, 'a', build, undefined);
    (call as { args: unknown }).args = { a: 2 };
    expect(toCachedMessageJson(response, 'a', build, undefined)).toBe('[{"a":2},"tool_call"]');
    (response as { finishReason: string }).finishReason = 'stop';
    expect(toCachedMessageJson(response, 'a', build, undefined)).toBe('[{"a":2},"stop"]');
    expect(seen).toEqual(['tool_call', 'tool_call', 'stop']);
  });

  it('rebuilds when any field of a part is reassigned, added or deleted', () => {
    const call = toolCallPart('f', { a: 1 }, 'c');
    const response: ModelResponse = { kind: 'response', parts: [call], usage: requestUsage(), timestamp: new Date(0), finishReason: 'tool_call' };
    const build = () => JSON.stringify(call);
    expect(JSON.parse(toCachedMessageJson(response, 'a', build, undefined))).toEqual({ partKind: 'tool-call', toolName: 'f', args: { a: 1 }, toolCallId: 'c' });
    (call as { toolName: string }).toolName = 'g';
    expect(JSON.parse(toCachedMessageJson(response, 'a', build, undefined)).toolName).toBe('g');
    (call as { toolCallId: string }).toolCallId = 'd';
    expect(JSON.parse(toCachedMessageJson(response, 'a', build, undefined)).toolCallId).toBe('d');
    (call as { id?: string }).id = 'added';
    expect(JSON.parse(toCachedMessageJson(response, 'a', build, undefined)).id).toBe('added');
    delete (call as { id?: string }).id;
    expect(JSON.parse(toCachedMessageJson(response, 'a', build, undefined)).id).toBeUndefined();
    // Deleting one field and adding another keeps the count but not the fields.
    delete (call as { toolCallId?: string }).toolCallId;
    (call as { id?: string }).id = 'swapped';
    expect(JSON.parse(toCachedMessageJson(response, 'a', build, undefined))).toEqual({ partKind: 'tool-call', toolName: 'g', args: { a: 1 }, id: 'swapped' });
  });

  it('rebuilds when a part is removed, a message replaced, or a fragment built under another key', () => {
    const parts = [userPrompt('one'), userPrompt('two')];
    const message = modelRequest(parts);
    const { build } = counting();
    expect(toCachedMessageJson(message, 'a', build(message), undefined)).toBe('["one","two"]');
    parts.pop();
    expect(toCachedMessageJson(message, 'a', build(message), undefined)).toBe('["one"]');
    const replacement = modelRequest([userPrompt('other')]);
    expect(toCachedMessageJson(replacement, 'a', build(replacement), undefined)).toBe('["other"]');
    expect(toCachedMessageJson(message, 'a', build(message), undefined)).toBe('["one"]');
  });

  it('does not keep fragments longer than the limit', () => {
    const { build, calls } = counting();
    const message = modelRequest([userPrompt('x'.repeat(MAX_CACHED_FRAGMENT_CHARS))]);
    toCachedMessageJson(message, 'a', build(message), undefined);
    toCachedMessageJson(message, 'a', build(message), undefined);
    expect(calls()).toBe(2);
  });
});

describe('toJsonArrayFromFragments', () => {
  it('joins fragments with commas and skips empty ones', () => {
    expect(toJsonArrayFromFragments([])).toBe('[]');
    expect(toJsonArrayFromFragments(['', ''])).toBe('[]');
    expect(toJsonArrayFromFragments(['1', '', '2,3'])).toBe('[1,2,3]');
    expect(JSON.parse(toJsonArrayFromFragments([JSON.stringify(textPart('a')), '']))).toEqual([textPart('a')]);
  });
});

describe('toContentKey', () => {
  it('names every content option', () => {
    const keys = new Set([1, 2, 3, 4, 5].flatMap((version) => [true, false].flatMap((includeContent) => [true, false].map((includeBinaryContent) => toContentKey({ version, includeContent, includeBinaryContent })))));
    expect(keys.size).toBe(20);
  });
});
