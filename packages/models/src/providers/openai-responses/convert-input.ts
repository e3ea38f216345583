/** Our messages -> Responses API `input` items. Pure. */
import type { ResponseInputContent, ResponseInputItem } from 'openai/resources/responses/responses';
import { UserError } from '../../errors.js';
import { toolCallArgsAsJson, type ModelRequest, type ModelResponse, type ModelMessage, type UserContent } from '../../messages.js';
import { convertRequestParts } from '../shared/convert-request-parts.js';
import { computeFileName, convertToDataUrl, mapUrlToMediaType } from '../shared/media.js';

/**
 * One piece of user content as a Responses input part: images by URL or data URL, documents as
 * `input_file` (inline data URL, or `file_url`), uploaded files by id. Audio and video are refused.
 * @example convertToOpenAIResponsesContent('Hello') // { type: 'input_text', text: 'Hello' }
 */
export function convertToOpenAIResponsesContent(item: UserContent): ResponseInputContent {
  if (typeof item === 'string') return { type: 'input_text', text: item };
  switch (item.kind) {
    case 'image-url':
      return { type: 'input_image', image_url: item.url, detail: 'auto' };
    case 'binary':
      if (item.mediaType.startsWith('image/')) return { type: 'input_image', image_url: convertToDataUrl(item), detail: 'auto' };
      if (item.mediaType.startsWith('audio/') || item.mediaType.startsWith('video/')) throw new UserError(`The OpenAI Responses API does not accept ${item.mediaType} input`);
      return { type: 'input_file', file_data: convertToDataUrl(item), filename: computeFileName(item) };
    case 'document-url':
      return item.url.startsWith('data:')
        ? { type: 'input_file', file_data: item.url, filename: computeFileName({ mediaType: item.mediaType ?? mapUrlToMediaType(item.url) ?? 'application/pdf' }) }
        : { type: 'input_file', file_url: item.url };
    case 'audio-url':
      throw new UserError('The OpenAI Responses API does not accept audio input; use openai-chat with BinaryContent');
    case 'video-url':
      throw new UserError('The OpenAI Responses API does not accept video input');
    case 'uploaded-file':
      return item.mediaType.startsWith('image/') ? { type: 'input_image', file_id: item.fileId, detail: 'auto' } : { type: 'input_file', file_id: item.fileId };
    default: {
      const _exhaustive: never = item;
      throw new UserError(`Unsupported user content ${JSON.stringify(_exhaustive)}`);
    }
  }
}

function convertRequest(request: ModelRequest): ResponseInputItem[] {
  return convertRequestParts<ResponseInputItem>(request, {
    systemPrompt: (content) => ({ role: 'system', content }),
    userPrompt: (content) => ({ role: 'user', content: typeof content === 'string' ? content : content.map(convertToOpenAIResponsesContent) }),
    toolResult: (toolCallId, text) => ({ type: 'function_call_output', call_id: toolCallId, output: text }),
    userText: (text) => ({ role: 'user', content: text }),
  });
}

/** Reasoning goes back only when OpenAI produced it (it has an `rs_` id); other providers' thinking is dropped. */
function convertResponse(response: ModelResponse): ResponseInputItem[] {
  const out: ResponseInputItem[] = [];
  for (const part of response.parts) {
    if (part.partKind === 'text') out.push({ role: 'assistant', content: part.content });
    else if (part.partKind === 'tool-call') out.push({ type: 'function_call', call_id: part.toolCallId, name: part.toolName, arguments: toolCallArgsAsJson(part) });
    else if (part.partKind === 'thinking' && part.id?.startsWith('rs_') && part.providerName === 'openai') {
      out.push({ type: 'reasoning', id: part.id, summary: part.content ? [{ type: 'summary_text', text: part.content }] : [], ...(part.signature ? { encrypted_content: part.signature } : {}) });
    }
  }
  return out;
}

/**
 * Our conversation as Responses `input` items (instructions travel separately, as `instructions`).
 * @example convertToOpenAIResponsesInput([modelRequest([userPrompt('Hi')])]) // [{ role: 'user', content: 'Hi' }]
 */
export function convertToOpenAIResponsesInput(messages: readonly ModelMessage[]): ResponseInputItem[] {
  return messages.flatMap((message) => (message.kind === 'request' ? convertRequest(message) : convertResponse(message)));
}
