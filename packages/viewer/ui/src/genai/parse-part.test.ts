import { describe, expect, it } from 'vitest';
import { parseMessagePart } from './parse-part.js';

describe('parseMessagePart', () => {
  const cases: Array<[string, unknown, unknown]> = [
    ['v2+ text', { type: 'text', content: 'hi' }, { kind: 'text', content: 'hi' }],
    ['`text` variant for content', { type: 'text', text: 'hi' }, { kind: 'text', content: 'hi' }],
    ['scrubbed text (includeContent false)', { type: 'text' }, { kind: 'text', content: null }],
    ['bare string', 'hi', { kind: 'text', content: 'hi' }],
    ['v1 kind text', { kind: 'text', text: 'hi' }, { kind: 'text', content: 'hi' }],
    ['thinking', { type: 'thinking', content: 'hmm' }, { kind: 'thinking', content: 'hmm' }],
    ['v1 thinking', { kind: 'thinking', text: 'hmm' }, { kind: 'thinking', content: 'hmm' }],
    [
      'tool call with dict args',
      { type: 'tool_call', id: 'c1', name: 'weather', arguments: { city: 'Paris' } },
      { kind: 'tool-call', id: 'c1', name: 'weather', arguments: { city: 'Paris' }, builtin: false },
    ],
    [
      'tool call with JSON text args',
      { type: 'tool_call', id: 'c1', name: 'weather', arguments: '{"city":"Paris"}' },
      { kind: 'tool-call', id: 'c1', name: 'weather', arguments: { city: 'Paris' }, builtin: false },
    ],
    [
      'tool call with plain string args stays a string',
      { type: 'tool_call', id: 'c1', name: 'f', arguments: 'args1' },
      { kind: 'tool-call', id: 'c1', name: 'f', arguments: 'args1', builtin: false },
    ],
    [
      'native tool call',
      { type: 'tool_call', id: 'c2', name: 'web_search', builtin: true },
      { kind: 'tool-call', id: 'c2', name: 'web_search', arguments: undefined, builtin: true },
    ],
    [
      'tool return',
      { type: 'tool_call_response', id: 'c1', name: 'weather', result: 'sunny' },
      { kind: 'tool-return', id: 'c1', name: 'weather', result: 'sunny', builtin: false },
    ],
    [
      '`response` variant for result',
      { type: 'tool_call_response', id: 'c1', name: 'weather', response: { temp: 20 } },
      { kind: 'tool-return', id: 'c1', name: 'weather', result: { temp: 20 }, builtin: false },
    ],
    [
      'scrubbed tool return',
      { type: 'tool_call_response', id: 'c1', name: 'weather' },
      { kind: 'tool-return', id: 'c1', name: 'weather', result: undefined, builtin: false },
    ],
    [
      'v2/v3 image-url',
      { type: 'image-url', url: 'https://x.test/a.png' },
      { kind: 'media', source: 'uri', modality: 'image', mimeType: null, uri: 'https://x.test/a.png', base64: null, fileId: null },
    ],
    [
      'v2/v3 document-url',
      { type: 'document-url', url: 'https://x.test/a.pdf' },
      { kind: 'media', source: 'uri', modality: 'document', mimeType: null, uri: 'https://x.test/a.pdf', base64: null, fileId: null },
    ],
    [
      'v4+ uri',
      { type: 'uri', modality: 'audio', mime_type: 'audio/mpeg', uri: 'https://x.test/a.mp3' },
      { kind: 'media', source: 'uri', modality: 'audio', mimeType: 'audio/mpeg', uri: 'https://x.test/a.mp3', base64: null, fileId: null },
    ],
    [
      'v4+ scrubbed uri',
      { type: 'uri', modality: 'video', mime_type: 'video/mp4' },
      { kind: 'media', source: 'uri', modality: 'video', mimeType: 'video/mp4', uri: null, base64: null, fileId: null },
    ],
    [
      'v2/v3 binary',
      { type: 'binary', media_type: 'image/png', content: 'iVBORw0K' },
      { kind: 'media', source: 'blob', modality: 'image', mimeType: 'image/png', uri: null, base64: 'iVBORw0K', fileId: null },
    ],
    [
      'v1 binary',
      { kind: 'binary', media_type: 'audio/wav', binary_content: 'UklGR' },
      { kind: 'media', source: 'blob', modality: 'audio', mimeType: 'audio/wav', uri: null, base64: 'UklGR', fileId: null },
    ],
    [
      'v4+ blob',
      { type: 'blob', mime_type: 'application/pdf', content: 'JVBER' },
      { kind: 'media', source: 'blob', modality: null, mimeType: 'application/pdf', uri: null, base64: 'JVBER', fileId: null },
    ],
    [
      'v4+ blob from a structured value: OTLP bytes arrive as { bytesBase64 }',
      { type: 'blob', modality: 'image', mime_type: 'image/png', content: { bytesBase64: 'iVBORw0K' } },
      { kind: 'media', source: 'blob', modality: 'image', mimeType: 'image/png', uri: null, base64: 'iVBORw0K', fileId: null },
    ],
    [
      'v1 binary as OTLP bytes',
      { kind: 'binary', media_type: 'audio/wav', binary_content: { bytesBase64: 'UklGR' } },
      { kind: 'media', source: 'blob', modality: 'audio', mimeType: 'audio/wav', uri: null, base64: 'UklGR', fileId: null },
    ],
    [
      'file part',
      { type: 'file', modality: 'document', mime_type: 'application/pdf', file_id: 'file-1' },
      { kind: 'media', source: 'file', modality: 'document', mimeType: 'application/pdf', uri: null, base64: null, fileId: 'file-1' },
    ],
    ['unknown type', { type: 'hologram', beam: 1 }, { kind: 'unknown', type: 'hologram', raw: { type: 'hologram', beam: 1 } }],
    ['no type at all', { foo: 1 }, { kind: 'unknown', type: '(no type)', raw: { foo: 1 } }],
    ['a number', 42, { kind: 'unknown', type: 'number', raw: 42 }],
  ];
  it.each(cases)('%s', (_name, raw, expected) => {
    expect(parseMessagePart(raw)).toEqual(expected);
  });
});
