/** Request parts to v2-v5 message parts (spec section 4): system and user text, media, tool returns, retry prompts. */
import { retryPromptText, type ModelRequestPart, type UserContent, type UserPromptPart } from '@hopscope/models';
import type { OtelPart, OtelTextPart, OtelToolCallResponsePart } from '../semconv/otel-messages.js';
import { toBinaryPart, toUploadedFilePart, toUrlPart } from './media-parts.js';
import { toSerializableValue } from './serialize.js';
import type { ContentOptions } from './types.js';

/** `{type:'text', content?}`: the text is content. @example toTextPart('hi', { ...o, includeContent: false }) // { type: 'text' } */
export function toTextPart(text: string, content: ContentOptions): OtelTextPart {
  return content.includeContent ? { type: 'text', content: text } : { type: 'text' };
}

/** One user content item as a message part. @example toUserContentPart('hi', options) // { type: 'text', content: 'hi' } */
export function toUserContentPart(item: UserContent, content: ContentOptions): OtelPart {
  if (typeof item === 'string') return toTextPart(item, content);
  switch (item.kind) {
    case 'image-url':
    case 'audio-url':
    case 'video-url':
    case 'document-url':
      return toUrlPart(item, content);
    case 'binary':
      return toBinaryPart(item, content);
    case 'uploaded-file':
      return toUploadedFilePart(item, content);
    default: {
      const _exhaustive: never = item;
      return { type: (_exhaustive as { kind: string }).kind } as OtelPart;
    }
  }
}

/** A user prompt's parts: one text part for a string, one part per item for a list. */
export function toUserPromptParts(part: UserPromptPart, content: ContentOptions): OtelPart[] {
  return typeof part.content === 'string' ? [toTextPart(part.content, content)] : part.content.map((item) => toUserContentPart(item, content));
}

/** `{type:'tool_call_response', id, name, builtin?, result?}`; the result is content and is absent for null. */
export function toToolCallResponsePart(o: { id: string; name: string; builtin: boolean; result: unknown }, content: ContentOptions): OtelToolCallResponsePart {
  const part: OtelToolCallResponsePart = { type: 'tool_call_response', id: o.id, name: o.name };
  if (o.builtin) part.builtin = true;
  if (content.includeContent && o.result !== undefined && o.result !== null) part.result = o.result;
  return part;
}

/**
 * The message parts of one request part.
 * @example toRequestPartOtelParts(systemPrompt('Be brief.'), options) // [{ type: 'text', content: 'Be brief.' }]
 */
export function toRequestPartOtelParts(part: ModelRequestPart, content: ContentOptions): OtelPart[] {
  switch (part.partKind) {
    case 'system-prompt':
      return [toTextPart(part.content, content)];
    case 'user-prompt':
      return toUserPromptParts(part, content);
    case 'tool-return': {
      const result = content.includeContent ? toSerializableValue(part.content, content) : undefined;
      return [toToolCallResponsePart({ id: part.toolCallId, name: part.toolName, builtin: false, result }, content)];
    }
    case 'retry-prompt':
      if (part.toolName === undefined) return [toTextPart(retryPromptText(part), content)];
      return [toToolCallResponsePart({ id: part.toolCallId, name: part.toolName, builtin: false, result: retryPromptText(part) }, content)];
    default: {
      const _exhaustive: never = part;
      return _exhaustive;
    }
  }
}
