import { describe, expect, it } from 'vitest';
import { UserError } from '../../errors.js';
import { audioUrl, binaryContent, documentUrl, modelRequest, toolCallPart, toolReturnPart, userPrompt, videoUrl, type ModelResponse, type RetryPromptPart } from '../../messages.js';
import { requestUsage } from '../../usage.js';
import { convertToOpenAIChatContentPart, convertToOpenAIChatMessages } from './convert-messages.js';

const response = (parts: ModelResponse['parts']): ModelResponse => ({ kind: 'response', parts, usage: requestUsage(), timestamp: new Date(0) });

describe('convertToOpenAIChatMessages', () => {
  it('puts instructions first and maps a tool round trip', () => {
    const messages = convertToOpenAIChatMessages(
      [
        modelRequest([userPrompt('Weather in Paris?')]),
        response([{ partKind: 'thinking', content: 'look it up' }, { partKind: 'text', content: 'Checking.' }, toolCallPart('get_weather', { city: 'Paris' }, 'call_1')]),
        modelRequest([toolReturnPart('get_weather', { tempC: 21 }, 'call_1')]),
      ],
      { instructions: 'Be brief.' },
    );
    expect(messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: 'Checking.', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"tempC":21}' },
    ]);
  });

  it('sends retry prompts to the tool that failed, or as user text when no tool is named', () => {
    const toolRetry: RetryPromptPart = { partKind: 'retry-prompt', content: 'city must not be empty', toolName: 'get_weather', toolCallId: 'call_2' };
    const outputRetry: RetryPromptPart = { partKind: 'retry-prompt', content: 'Answer in JSON', toolCallId: 'x' };
    expect(convertToOpenAIChatMessages([modelRequest([toolRetry, outputRetry])])).toEqual([
      { role: 'tool', tool_call_id: 'call_2', content: 'city must not be empty\n\nFix the errors and try again.' },
      { role: 'user', content: 'Validation feedback:\nAnswer in JSON\n\nFix the errors and try again.' },
    ]);
  });

  it('sends an assistant turn without text as content null', () => {
    expect(convertToOpenAIChatMessages([response([toolCallPart('f', undefined, 'c')])])[0]).toEqual({ role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] });
  });
});

describe('convertToOpenAIChatContentPart', () => {
  it('sends audio bytes as input_audio and documents as file data URLs', () => {
    expect(convertToOpenAIChatContentPart(binaryContent(new Uint8Array([1, 2]), 'audio/wav'))).toEqual({ type: 'input_audio', input_audio: { data: 'AQI=', format: 'wav' } });
    expect(convertToOpenAIChatContentPart(audioUrl('data:audio/mpeg;base64,AAA='))).toEqual({ type: 'input_audio', input_audio: { data: 'AAA=', format: 'mp3' } });
    expect(convertToOpenAIChatContentPart(binaryContent(new Uint8Array([37, 80]), 'application/pdf'))).toEqual({ type: 'file', file: { file_data: 'data:application/pdf;base64,JVA=', filename: 'file.pdf' } });
    expect(convertToOpenAIChatContentPart({ kind: 'uploaded-file', fileId: 'file-1', mediaType: 'application/pdf' })).toEqual({ type: 'file', file: { file_id: 'file-1' } });
  });

  it('refuses what Chat Completions cannot take inline, saying what to do instead', () => {
    expect(() => convertToOpenAIChatContentPart(audioUrl('https://x.test/a.mp3'))).toThrow(UserError);
    expect(() => convertToOpenAIChatContentPart(documentUrl('https://x.test/a.pdf'))).toThrow(/openai-responses/);
    expect(() => convertToOpenAIChatContentPart(videoUrl('https://x.test/a.mp4'))).toThrow(/video/);
    expect(() => convertToOpenAIChatContentPart(binaryContent(new Uint8Array([1]), 'audio/ogg'))).toThrow(/wav or mp3/);
  });
});
