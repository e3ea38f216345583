import { describe, expect, it } from 'vitest';
import { modelRequest, userPrompt } from '../../messages.js';
import { modelRequestParameters } from '../../settings.js';
import { computeSdkRequestOptions } from './call.js';
import { computeInstructions, convertToToolReturnText } from './instructions.js';

describe('computeInstructions', () => {
  it('uses the most recent request that has instructions', () => {
    const messages = [modelRequest([userPrompt('a')], { instructions: 'old' }), modelRequest([userPrompt('b')], { instructions: 'new' }), modelRequest([userPrompt('c')])];
    expect(computeInstructions(messages, modelRequestParameters({ instructionParts: [{ content: 'ignored', dynamic: false }] }))).toBe('new');
    expect(computeInstructions([modelRequest([userPrompt('c')])], modelRequestParameters())).toBeUndefined();
  });

  it('turns tool return values into text', () => {
    expect(convertToToolReturnText('plain')).toBe('plain');
    expect(convertToToolReturnText([1, { a: null }])).toBe('[1,{"a":null}]');
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(convertToToolReturnText(circular)).toBe('[object Object]');
  });
});

describe('computeSdkRequestOptions', () => {
  it('passes signal, timeout and extra headers', () => {
    const signal = new AbortController().signal;
    expect(computeSdkRequestOptions({ timeout: 1500, extraHeaders: { 'x-a': '1' } }, signal)).toEqual({ signal, timeout: 1500, headers: { 'x-a': '1' } });
    expect(computeSdkRequestOptions(undefined, undefined)).toEqual({});
  });
});
