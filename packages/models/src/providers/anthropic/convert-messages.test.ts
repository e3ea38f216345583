import { describe, expect, it } from 'vitest';
import { UserError } from '../../errors.js';
import { audioUrl, binaryContent, documentUrl, imageUrl, modelRequest, systemPrompt, toolCallPart, toolReturnPart, userPrompt, type ModelResponse } from '../../messages.js';
import { requestUsage } from '../../usage.js';
import { convertToAnthropicContentBlock, convertToAnthropicMessages } from './convert-messages.js';

const response = (parts: ModelResponse['parts']): ModelResponse => ({ kind: 'response', parts, usage: requestUsage(), timestamp: new Date(0) });

describe('convertToAnthropicMessages', () => {
  it('merges consecutive user turns and maps tool results, retries and signed thinking', () => {
    const { system, messages } = convertToAnthropicMessages(
      [
        modelRequest([systemPrompt('You are terse.'), userPrompt('Weather?')]),
        modelRequest([userPrompt('In Paris.')]),
        response([
          { partKind: 'thinking', content: 'use the tool', signature: 'sig-1', providerName: 'anthropic' },
          { partKind: 'thinking', content: 'unsigned, from elsewhere', providerName: 'openai' },
          toolCallPart('get_weather', '{"city":"Paris"}', 'toolu_1'),
        ]),
        modelRequest([toolReturnPart('get_weather', { tempC: 21 }, 'toolu_1'), { partKind: 'retry-prompt', content: 'try again', toolName: 'get_weather', toolCallId: 'toolu_2' }]),
      ],
      { instructions: 'Answer in French.' },
    );
    expect(system).toBe('Answer in French.\n\nYou are terse.');
    expect(messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }, { type: 'text', text: 'In Paris.' }] },
      { role: 'assistant', content: [{ type: 'thinking', thinking: 'use the tool', signature: 'sig-1' }, { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } }] },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: '{"tempC":21}', is_error: false },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: 'try again\n\nFix the errors and try again.', is_error: true },
        ],
      },
    ]);
  });

  it('sends redacted thinking back as it came', () => {
    const { messages } = convertToAnthropicMessages([response([{ partKind: 'thinking', content: '', signature: 'opaque', id: 'redacted_thinking', providerName: 'anthropic' }])]);
    expect(messages).toEqual([{ role: 'assistant', content: [{ type: 'redacted_thinking', data: 'opaque' }] }]);
  });

  it('has no system text when there is none', () => {
    expect(convertToAnthropicMessages([modelRequest([userPrompt('hi')])]).system).toBeUndefined();
  });
});

describe('convertToAnthropicContentBlock', () => {
  it('sends PDFs by URL or base64, text files as text sources, data-URL images as base64', () => {
    expect(convertToAnthropicContentBlock(documentUrl('https://x.test/report.pdf'))).toEqual({ type: 'document', source: { type: 'url', url: 'https://x.test/report.pdf' } });
    expect(convertToAnthropicContentBlock(binaryContent(new TextEncoder().encode('hello'), 'text/plain'))).toEqual({ type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'hello' } });
    expect(convertToAnthropicContentBlock(imageUrl('data:image/gif;base64,R0lG'))).toEqual({ type: 'image', source: { type: 'base64', media_type: 'image/gif', data: 'R0lG' } });
  });

  it('refuses audio and non-PDF document URLs with a clear message', () => {
    expect(() => convertToAnthropicContentBlock(audioUrl('https://x.test/a.mp3'))).toThrow(UserError);
    expect(() => convertToAnthropicContentBlock(documentUrl('https://x.test/a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'))).toThrow(/PDF/);
    expect(() => convertToAnthropicContentBlock(binaryContent(new Uint8Array([1]), 'image/bmp'))).toThrow(/image\/bmp/);
  });
});
