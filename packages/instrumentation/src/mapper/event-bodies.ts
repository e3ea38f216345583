/** Version 1 event bodies per part (spec section 5.1): request parts and the assistant body. */
import { binaryBase64, retryPromptText, type ModelRequestPart, type ModelResponse, type UserPromptPart } from '@hopscope/models';
import type { OtelEventAssistantBody, OtelEventAssistantContent, OtelEventContentItem, OtelPart } from '../semconv/otel-messages.js';
import * as A from '../semconv/attributes.js';
import { toUserPromptParts } from './request-parts.js';
import type { ContentOptions } from './types.js';

/** A v1 part: `type` renamed `kind` (first), binary `content` renamed `binary_content` (last), text reduced to its string. */
function toEventContentItem(part: OtelPart): OtelEventContentItem {
  const { type, ...rest } = part;
  if (type === 'text') return 'content' in rest && typeof rest.content === 'string' ? rest.content : { kind: 'text' };
  if (type === 'binary' && 'content' in rest) {
    const { content, ...others } = rest as { content?: string; media_type: string };
    return { kind: 'binary', ...others, ...(content !== undefined ? { binary_content: content } : {}) };
  }
  return { kind: type, ...rest } as OtelEventContentItem;
}

/** The `content` of a v1 user event: unwrapped for a plain string or a single scrubbed text. */
export function toUserEventContent(part: UserPromptPart, content: ContentOptions): unknown {
  const items = toUserPromptParts(part, { ...content, version: 1 }).map(toEventContentItem);
  const only = items[0];
  if (items.length !== 1 || only === undefined) return items;
  const isScrubbedText = typeof only === 'object' && only.kind === 'text' && Object.keys(only).length === 1;
  return isScrubbedText || (typeof part.content === 'string' && only === part.content) ? only : items;
}

/** Event name and body of one request part. */
export function toRequestPartEvent(part: ModelRequestPart, content: ContentOptions): { name: string; body: Record<string, unknown> } {
  const keep = content.includeContent;
  switch (part.partKind) {
    case 'system-prompt':
      return { name: A.EVENT_GEN_AI_SYSTEM_MESSAGE, body: { role: 'system', ...(keep ? { content: part.content } : {}) } };
    case 'user-prompt':
      return { name: A.EVENT_GEN_AI_USER_MESSAGE, body: { content: toUserEventContent(part, content), role: 'user' } };
    case 'tool-return':
      return { name: A.EVENT_GEN_AI_TOOL_MESSAGE, body: { role: 'tool', id: part.toolCallId, name: part.toolName, ...(keep ? { content: part.content ?? null } : {}) } };
    case 'retry-prompt': {
      const text = keep ? { content: retryPromptText(part) } : {};
      if (part.toolName === undefined) return { name: A.EVENT_GEN_AI_USER_MESSAGE, body: { ...text, role: 'user' } };
      return { name: A.EVENT_GEN_AI_TOOL_MESSAGE, body: { ...text, role: 'tool', id: part.toolCallId, name: part.toolName } };
    }
    default: {
      const _exhaustive: never = part;
      return _exhaustive;
    }
  }
}

/** The assistant body: tool calls and content in order first met, native tool parts dropped, one text collapsed to a string. */
export function toAssistantEventBody(response: ModelResponse, content: ContentOptions): OtelEventAssistantBody {
  const body: OtelEventAssistantBody = { role: 'assistant' };
  const items: OtelEventAssistantContent[] = [];
  for (const part of response.parts) {
    if (part.partKind === 'tool-call') {
      const fn = { name: part.toolName, ...(content.includeContent && part.args !== undefined ? { arguments: part.args } : {}) };
      (body.tool_calls ??= []).push({ id: part.toolCallId, type: 'function', function: fn });
    } else if (part.partKind === 'text' || part.partKind === 'thinking') {
      body.content ??= items;
      items.push({ kind: part.partKind, ...(content.includeContent ? { text: part.content } : {}) });
    } else if (part.partKind === 'file') {
      body.content ??= items;
      const keepData = content.includeContent && content.includeBinaryContent;
      items.push({ kind: 'binary', media_type: part.content.mediaType, ...(keepData ? { binary_content: binaryBase64(part.content) } : {}) });
    }
  }
  const first = items[0];
  if (items.length === 1 && first?.kind === 'text' && 'text' in first && first.text !== undefined) body.content = first.text;
  return body;
}
