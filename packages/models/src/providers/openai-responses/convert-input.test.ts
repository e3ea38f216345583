import { describe, expect, it } from 'vitest';
import { UserError } from '../../errors.js';
import { audioUrl, binaryContent, documentUrl, modelRequest, toolCallPart, toolReturnPart, userPrompt, type ModelResponse } from '../../messages.js';
import { requestUsage } from '../../usage.js';
import { convertToOpenAIResponsesContent, convertToOpenAIResponsesInput } from './convert-input.js';

const response = (parts: ModelResponse['parts']): ModelResponse => ({ kind: 'response', parts, usage: requestUsage(), timestamp: new Date(0) });

describe('convertToOpenAIResponsesInput', () => {
  it('maps a tool round trip and sends OpenAI reasoning back with its encrypted content', () => {
    const input = convertToOpenAIResponsesInput([
      modelRequest([userPrompt('Weather?')]),
      response([
        { partKind: 'thinking', content: 'need a tool', id: 'rs_1', signature: 'enc', providerName: 'openai' },
        { partKind: 'thinking', content: 'from elsewhere', providerName: 'anthropic', signature: 'sig' },
        { partKind: 'text', content: 'Checking.' },
        toolCallPart('get_weather', '{"city":"Paris"}', 'call_1'),
      ]),
      modelRequest([toolReturnPart('get_weather', 'sunny', 'call_1'), { partKind: 'retry-prompt', content: 'bad', toolName: 'get_weather', toolCallId: 'call_1' }]),
    ]);
    expect(input).toEqual([
      { role: 'user', content: 'Weather?' },
      { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'need a tool' }], encrypted_content: 'enc' },
      { role: 'assistant', content: 'Checking.' },
      { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { type: 'function_call_output', call_id: 'call_1', output: 'sunny' },
      { type: 'function_call_output', call_id: 'call_1', output: 'bad\n\nFix the errors and try again.' },
    ]);
  });
});

describe('convertToOpenAIResponsesContent', () => {
  it('sends documents as input_file, by URL or inline', () => {
    expect(convertToOpenAIResponsesContent(documentUrl('https://x.test/report.pdf'))).toEqual({ type: 'input_file', file_url: 'https://x.test/report.pdf' });
    expect(convertToOpenAIResponsesContent(binaryContent(new Uint8Array([37, 80]), 'application/pdf'))).toEqual({ type: 'input_file', file_data: 'data:application/pdf;base64,JVA=', filename: 'file.pdf' });
    expect(convertToOpenAIResponsesContent({ kind: 'uploaded-file', fileId: 'file-9', mediaType: 'image/png' })).toEqual({ type: 'input_image', file_id: 'file-9', detail: 'auto' });
  });

  it('refuses audio, which the Responses API does not take', () => {
    expect(() => convertToOpenAIResponsesContent(audioUrl('https://x.test/a.mp3'))).toThrow(UserError);
    expect(() => convertToOpenAIResponsesContent(binaryContent(new Uint8Array([1]), 'audio/wav'))).toThrow(/audio\/wav/);
  });
});
