import type { ChatPart, MediaModality } from './chat-types.js';
import { asBase64, asRecord, asString, parseJsonText, pickFirst } from './read-value.js';

const MODALITIES: readonly MediaModality[] = ['image', 'audio', 'video', 'document'];

function toModality(explicit: unknown, mimeType: string | null): MediaModality | null {
  const named = MODALITIES.find((m) => m === explicit);
  if (named) return named;
  const prefix = mimeType?.split('/')[0];
  return MODALITIES.find((m) => m === prefix) ?? null;
}

function textOf(record: Record<string, unknown>): string | null {
  const value = pickFirst(record, ['content', 'text']);
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function idOf(record: Record<string, unknown>): string | null {
  return asString(pickFirst(record, ['id', 'tool_call_id', 'call_id'])) ?? null;
}

function media(record: Record<string, unknown>, source: 'uri' | 'blob' | 'file', urlModality?: MediaModality): ChatPart {
  const mimeType = asString(pickFirst(record, ['mime_type', 'media_type', 'mimeType'])) ?? null;
  return {
    kind: 'media',
    source,
    modality: urlModality ?? toModality(record['modality'], mimeType),
    mimeType,
    uri: asString(pickFirst(record, ['uri', 'url'])) ?? null,
    base64: asBase64(pickFirst(record, ['content', 'binary_content', 'data'])) ?? null,
    fileId: asString(record['file_id']) ?? null,
  };
}

/**
 * One message part of any version (v1 `kind` items, v2/v3 and v4/v5 `type` parts, and the
 * variants other instrumentations emit) to a ChatPart. Unknown types become an `unknown` part.
 *
 * @example
 * parseMessagePart({ type: 'text', content: 'hi' }); // { kind: 'text', content: 'hi' }
 */
export function parseMessagePart(raw: unknown): ChatPart {
  if (typeof raw === 'string') return { kind: 'text', content: raw };
  const record = asRecord(raw);
  if (!record) return { kind: 'unknown', type: typeof raw, raw };
  const type = asString(record['type']) ?? asString(record['kind']) ?? '';
  switch (type) {
    case 'text':
    case 'input_text':
    case 'output_text':
      return { kind: 'text', content: textOf(record) };
    case 'thinking':
    case 'reasoning':
      return { kind: 'thinking', content: textOf(record) };
    case 'tool_call':
    case 'tool-call':
    case 'function_call':
    case 'tool_use': {
      const args = pickFirst(record, ['arguments', 'args', 'input']);
      return {
        kind: 'tool-call',
        id: idOf(record),
        name: asString(record['name']) ?? '(unnamed tool)',
        arguments: parseJsonText(args),
        builtin: record['builtin'] === true,
      };
    }
    case 'tool_call_response':
    case 'tool-return':
    case 'tool_result':
    case 'function_call_output':
      return {
        kind: 'tool-return',
        id: idOf(record),
        name: asString(record['name']) ?? '(unnamed tool)',
        result: parseJsonText(pickFirst(record, ['result', 'response', 'output', 'content'])),
        builtin: record['builtin'] === true,
      };
    case 'image-url':
    case 'audio-url':
    case 'video-url':
    case 'document-url':
      return media(record, 'uri', type.slice(0, -4) as MediaModality);
    case 'uri':
      return media(record, 'uri');
    case 'blob':
    case 'binary':
      return media(record, 'blob');
    case 'file':
      return media(record, 'file');
    default:
      return { kind: 'unknown', type: type || '(no type)', raw };
  }
}
