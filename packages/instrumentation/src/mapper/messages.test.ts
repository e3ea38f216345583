import { describe, expect, it } from 'vitest';
import {
  audioUrl, binaryContent, documentUrl, imageUrl, modelRequest, modelRequestParameters, requestUsage, systemPrompt,
  textPart, toolCallPart, toolReturnPart, userPrompt, videoUrl,
  type ModelResponse, type ModelResponsePart, type UserContent,
} from '@hopscope/models';
import { toOtelMessages } from './messages.js';
import type { ContentOptions, InstrumentationVersion } from './types.js';

const on = (version: InstrumentationVersion): ContentOptions => ({ version, includeContent: true, includeBinaryContent: true });
const PNG = binaryContent(new Uint8Array([137, 80, 78, 71]), 'image/png');
const PNG_B64 = 'iVBORw==';
const response = (parts: ModelResponsePart[], finishReason?: ModelResponse['finishReason']): ModelResponse => ({
  kind: 'response', parts, usage: requestUsage(), timestamp: new Date(0), ...(finishReason ? { finishReason } : {}),
});
const userParts = (item: UserContent, content: ContentOptions) => toOtelMessages([modelRequest([userPrompt([item])])], content)[0]?.parts;

describe('toOtelMessages: user content per version', () => {
  const cases: [string, UserContent, unknown, unknown][] = [
    ['text', 'hi', { type: 'text', content: 'hi' }, { type: 'text', content: 'hi' }],
    ['image url', imageUrl('https://x.test/a.png'), { type: 'image-url', url: 'https://x.test/a.png' }, { type: 'uri', modality: 'image', mime_type: 'image/png', uri: 'https://x.test/a.png' }],
    ['audio url', audioUrl('https://x.test/a.mp3'), { type: 'audio-url', url: 'https://x.test/a.mp3' }, { type: 'uri', modality: 'audio', mime_type: 'audio/mpeg', uri: 'https://x.test/a.mp3' }],
    ['video url, explicit type', videoUrl('https://x.test/v', 'video/webm'), { type: 'video-url', url: 'https://x.test/v' }, { type: 'uri', modality: 'video', mime_type: 'video/webm', uri: 'https://x.test/v' }],
    ['document url', documentUrl('https://x.test/r.pdf'), { type: 'document-url', url: 'https://x.test/r.pdf' }, { type: 'uri', mime_type: 'application/pdf', uri: 'https://x.test/r.pdf' }],
    ['unguessable url', imageUrl('https://x.test/img'), { type: 'image-url', url: 'https://x.test/img' }, { type: 'uri', modality: 'image', uri: 'https://x.test/img' }],
    ['binary', PNG, { type: 'binary', media_type: 'image/png', content: PNG_B64 }, { type: 'blob', mime_type: 'image/png', modality: 'image', content: PNG_B64 }],
    ['binary pdf', binaryContent(new Uint8Array([1]), 'application/pdf'), { type: 'binary', media_type: 'application/pdf', content: 'AQ==' }, { type: 'blob', mime_type: 'application/pdf', content: 'AQ==' }],
    ['uploaded file', { kind: 'uploaded-file', fileId: 'f1', mediaType: 'audio/wav' }, { type: 'file', modality: 'audio', mime_type: 'audio/wav', file_id: 'f1' }, { type: 'file', modality: 'audio', mime_type: 'audio/wav', file_id: 'f1' }],
  ];
  it.each(cases)('%s', (_name, item, v2, v4) => {
    for (const version of [2, 3] as const) expect(userParts(item, on(version))).toEqual([v2]);
    for (const version of [4, 5] as const) expect(userParts(item, on(version))).toEqual([v4]);
    expect(JSON.stringify(userParts(item, on(4)))).toBe(JSON.stringify([v4]));
  });

  it('keeps mime_type and modality but drops uri, content and file id without content', () => {
    const off = { version: 4, includeContent: false, includeBinaryContent: true } as const;
    expect(userParts(imageUrl('https://x.test/a.png'), off)).toEqual([{ type: 'uri', modality: 'image', mime_type: 'image/png' }]);
    expect(userParts(imageUrl('https://x.test/a.png'), { ...off, version: 2 })).toEqual([{ type: 'image-url' }]);
    expect(userParts(PNG, off)).toEqual([{ type: 'blob', mime_type: 'image/png', modality: 'image' }]);
    expect(userParts(PNG, { ...off, includeContent: true, includeBinaryContent: false })).toEqual([{ type: 'blob', mime_type: 'image/png', modality: 'image' }]);
    expect(userParts({ kind: 'uploaded-file', fileId: 'f1', mediaType: 'application/pdf' }, off)).toEqual([{ type: 'file', modality: 'document', mime_type: 'application/pdf' }]);
  });
});

describe('toOtelMessages: grouping and responses', () => {
  it('groups consecutive system and non-system parts; tool returns are user parts', () => {
    const request = modelRequest([systemPrompt('S1'), systemPrompt('S2'), userPrompt('U'), toolReturnPart('t', { a: 1 }, 'c1'), systemPrompt('S3')], { instructions: 'ignored here' });
    expect(toOtelMessages([request], on(5))).toEqual([
      { role: 'system', parts: [{ type: 'text', content: 'S1' }, { type: 'text', content: 'S2' }] },
      { role: 'user', parts: [{ type: 'text', content: 'U' }, { type: 'tool_call_response', id: 'c1', name: 't', result: { a: 1 } }] },
      { role: 'system', parts: [{ type: 'text', content: 'S3' }] },
    ]);
    expect(toOtelMessages([modelRequest([])], on(5))).toEqual([]);
  });

  it('maps every response part, finish_reason last, code args from tool metadata', () => {
    const parts: ModelResponsePart[] = [
      textPart('T'), { partKind: 'thinking', content: 'hmm' }, { partKind: 'file', content: PNG },
      toolCallPart('run_code', '{"code":"1"}', 'c1'), toolCallPart('f', { x: new Uint8Array([255]) }, 'c2'),
      { partKind: 'builtin-tool-call', toolName: 'web_search', args: { q: 'a' }, toolCallId: 'b1' },
      { partKind: 'builtin-tool-return', toolName: 'web_search', content: ['r'], toolCallId: 'b1' },
    ];
    const parameters = modelRequestParameters({ functionTools: [{ name: 'run_code', parametersJsonSchema: {}, metadata: { code_arg_name: 'code', code_arg_language: 'python' } }] });
    const [message] = toOtelMessages([response(parts, 'tool_call')], on(2), { parameters });
    expect(JSON.stringify(message)).toBe(JSON.stringify({
      role: 'assistant',
      parts: [
        { type: 'text', content: 'T' }, { type: 'thinking', content: 'hmm' }, { type: 'binary', media_type: 'image/png', content: PNG_B64 },
        { type: 'tool_call', id: 'c1', name: 'run_code', code_arg_name: 'code', code_arg_language: 'python', arguments: '{"code":"1"}' },
        { type: 'tool_call', id: 'c2', name: 'f', arguments: { x: '_w==' } },
        { type: 'tool_call', id: 'b1', name: 'web_search', builtin: true, arguments: { q: 'a' } },
        { type: 'tool_call_response', id: 'b1', name: 'web_search', builtin: true, result: ['r'] },
      ],
      finish_reason: 'tool_call',
    }));
  });

  it('scrubs text, thinking, arguments and results without content', () => {
    const off: ContentOptions = { version: 3, includeContent: false, includeBinaryContent: true };
    const messages = [modelRequest([toolReturnPart('t', 'secret', 'c1')]), response([textPart('a'), { partKind: 'thinking', content: 'b' }, toolCallPart('t', { a: 1 }, 'c2')])];
    expect(toOtelMessages(messages, off)).toEqual([
      { role: 'user', parts: [{ type: 'tool_call_response', id: 'c1', name: 't' }] },
      { role: 'assistant', parts: [{ type: 'text' }, { type: 'thinking' }, { type: 'tool_call', id: 'c2', name: 't' }] },
    ]);
  });

  it('renders retry prompts with and without a tool name; omits a null tool result', () => {
    const retry = { partKind: 'retry-prompt', content: 'bad', toolCallId: 'c1' } as const;
    expect(toOtelMessages([modelRequest([retry, { ...retry, toolName: 't' }, toolReturnPart('t', null, 'c2')])], on(5))[0]?.parts).toEqual([
      { type: 'text', content: 'Validation feedback:\nbad\n\nFix the errors and try again.' },
      { type: 'tool_call_response', id: 'c1', name: 't', result: 'bad\n\nFix the errors and try again.' },
      { type: 'tool_call_response', id: 'c2', name: 't' },
    ]);
  });
});
