/** Our messages -> Anthropic `system` + `messages` (alternating roles, consecutive turns merged). Pure. */
import type { Base64ImageSource, ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { UserError } from '../../errors.js';
import { binaryBase64, toolCallArgsAsObject, type ModelMessage, type ModelRequest, type ModelResponse, type UserContent } from '../../messages.js';
import { convertRequestParts } from '../shared/convert-request-parts.js';
import { mapUrlToMediaType, parseDataUrl } from '../shared/media.js';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

function base64Block(mediaType: string, data: string): ContentBlockParam {
  if (IMAGE_TYPES.has(mediaType)) return { type: 'image', source: { type: 'base64', media_type: mediaType as Base64ImageSource['media_type'], data } };
  if (mediaType === 'application/pdf') return { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data } };
  if (mediaType.startsWith('text/')) return { type: 'document', source: { type: 'text', media_type: 'text/plain', data: Buffer.from(data, 'base64').toString('utf8') } };
  throw new UserError(`Anthropic does not accept ${mediaType} content (images, PDFs and text documents only)`);
}

/**
 * One piece of user content as an Anthropic block: images and PDFs by URL or as base64 sources,
 * text documents as text sources. Audio and video are refused.
 * @example convertToAnthropicContentBlock(imageUrl('https://x.test/cat.png')) // { type: 'image', source: { type: 'url', url } }
 */
export function convertToAnthropicContentBlock(item: UserContent): ContentBlockParam {
  if (typeof item === 'string') return { type: 'text', text: item };
  switch (item.kind) {
    case 'binary':
      return base64Block(item.mediaType, binaryBase64(item));
    case 'image-url':
    case 'document-url': {
      const data = parseDataUrl(item.url);
      if (data) return base64Block(item.mediaType ?? data.mediaType, data.base64);
      if (item.kind === 'image-url') return { type: 'image', source: { type: 'url', url: item.url } };
      const mediaType = item.mediaType ?? mapUrlToMediaType(item.url);
      if (mediaType !== undefined && mediaType !== 'application/pdf') throw new UserError(`Anthropic reads documents by URL only as PDF, not ${mediaType}; pass BinaryContent`);
      return { type: 'document', source: { type: 'url', url: item.url } };
    }
    case 'audio-url':
    case 'video-url':
      throw new UserError(`Anthropic does not accept ${item.kind === 'audio-url' ? 'audio' : 'video'} input`);
    case 'uploaded-file':
      return item.mediaType.startsWith('image/') ? { type: 'image', source: { type: 'file', file_id: item.fileId } } : { type: 'document', source: { type: 'file', file_id: item.fileId } };
    default: {
      const _exhaustive: never = item;
      throw new UserError(`Unsupported user content ${JSON.stringify(_exhaustive)}`);
    }
  }
}

function convertRequest(request: ModelRequest, system: string[]): ContentBlockParam[] {
  return convertRequestParts<ContentBlockParam>(request, {
    systemPrompt: (content) => void system.push(content),
    userPrompt: (content) => (typeof content === 'string' ? { type: 'text', text: content } : content.map(convertToAnthropicContentBlock)),
    toolResult: (toolCallId, text, isError) => ({ type: 'tool_result', tool_use_id: toolCallId, content: text, is_error: isError }),
    userText: (text) => ({ type: 'text', text }),
  });
}

/** Thinking goes back only with its signature (Anthropic verifies it); other providers' thinking is dropped. */
function convertResponse(response: ModelResponse): ContentBlockParam[] {
  const blocks: ContentBlockParam[] = [];
  for (const part of response.parts) {
    if (part.partKind === 'text' && part.content !== '') blocks.push({ type: 'text', text: part.content });
    else if (part.partKind === 'tool-call') blocks.push({ type: 'tool_use', id: part.toolCallId, name: part.toolName, input: toolCallArgsAsObject(part) });
    else if (part.partKind === 'thinking' && part.signature && (part.providerName === undefined || part.providerName === 'anthropic')) {
      blocks.push(part.id === 'redacted_thinking' ? { type: 'redacted_thinking', data: part.signature } : { type: 'thinking', thinking: part.content, signature: part.signature });
    }
  }
  return blocks;
}

/**
 * Our conversation as Anthropic's `system` text and `messages`. Instructions come first in the
 * system text, then system prompts; consecutive turns of one role are merged.
 * @example convertToAnthropicMessages([modelRequest([systemPrompt('Be brief.'), userPrompt('Hi')])], { instructions: undefined })
 */
export function convertToAnthropicMessages(messages: readonly ModelMessage[], options: { instructions?: string | undefined } = {}): { system: string | undefined; messages: MessageParam[] } {
  const system: string[] = options.instructions !== undefined ? [options.instructions] : [];
  const out: MessageParam[] = [];
  for (const message of messages) {
    const role = message.kind === 'request' ? 'user' : 'assistant';
    const blocks = message.kind === 'request' ? convertRequest(message, system) : convertResponse(message);
    if (blocks.length === 0) continue;
    const last = out.at(-1);
    if (last && last.role === role) (last.content as ContentBlockParam[]).push(...blocks);
    else out.push({ role, content: blocks });
  }
  return { system: system.length > 0 ? system.join('\n\n') : undefined, messages: out };
}
