/** Our messages -> Chat Completions `messages`. Pure. */
import type { ChatCompletionAssistantMessageParam, ChatCompletionContentPart, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { UserError } from '../../errors.js';
import { toolCallArgsAsJson, type ModelMessage, type ModelRequest, type ModelResponse, type UserContent } from '../../messages.js';
import { convertRequestParts } from '../shared/convert-request-parts.js';
import { computeFileName, convertToDataUrl, mapMediaTypeToAudioFormat, mapUrlToMediaType, parseDataUrl } from '../shared/media.js';

function convertAudio(base64: string, mediaType: string): ChatCompletionContentPart {
  const format = mapMediaTypeToAudioFormat(mediaType);
  if (!format) throw new UserError(`OpenAI Chat Completions accepts wav or mp3 audio, not ${mediaType}`);
  return { type: 'input_audio', input_audio: { data: base64, format } };
}

/**
 * One piece of user content as a Chat Completions content part: images by URL or data URL,
 * audio as base64 `input_audio`, documents as `file` with a data URL, uploaded files by id.
 * @example convertToOpenAIChatContentPart(imageUrl('https://x.test/cat.png')) // { type: 'image_url', image_url: { url } }
 */
export function convertToOpenAIChatContentPart(item: UserContent): ChatCompletionContentPart {
  if (typeof item === 'string') return { type: 'text', text: item };
  switch (item.kind) {
    case 'image-url':
      return { type: 'image_url', image_url: { url: item.url } };
    case 'binary':
      if (item.mediaType.startsWith('image/')) return { type: 'image_url', image_url: { url: convertToDataUrl(item) } };
      if (item.mediaType.startsWith('audio/')) return convertAudio(convertToDataUrl(item).split(',')[1]!, item.mediaType);
      return { type: 'file', file: { file_data: convertToDataUrl(item), filename: computeFileName(item) } };
    case 'audio-url': {
      const data = parseDataUrl(item.url);
      if (!data) throw new UserError('OpenAI Chat Completions needs audio inline: pass BinaryContent or a data: URL instead of an audio URL');
      return convertAudio(data.base64, item.mediaType ?? data.mediaType);
    }
    case 'document-url': {
      if (!parseDataUrl(item.url)) throw new UserError('OpenAI Chat Completions needs documents inline: pass BinaryContent or a data: URL (or use openai-responses, which accepts file URLs)');
      return { type: 'file', file: { file_data: item.url, filename: computeFileName({ mediaType: item.mediaType ?? mapUrlToMediaType(item.url) ?? 'application/pdf' }) } };
    }
    case 'video-url':
      throw new UserError('OpenAI Chat Completions does not accept video input');
    case 'uploaded-file':
      return { type: 'file', file: { file_id: item.fileId } };
    default: {
      const _exhaustive: never = item;
      throw new UserError(`Unsupported user content ${JSON.stringify(_exhaustive)}`);
    }
  }
}

function convertRequest(request: ModelRequest): ChatCompletionMessageParam[] {
  return convertRequestParts<ChatCompletionMessageParam>(request, {
    systemPrompt: (content) => ({ role: 'system', content }),
    userPrompt: (content) => ({ role: 'user', content: typeof content === 'string' ? content : content.map(convertToOpenAIChatContentPart) }),
    toolResult: (toolCallId, text) => ({ role: 'tool', tool_call_id: toolCallId, content: text }),
    userText: (text) => ({ role: 'user', content: text }),
  });
}

/** Thinking is not sent back: Chat Completions has no field for it. Files and builtin tools are skipped too. */
function convertResponse(response: ModelResponse): ChatCompletionAssistantMessageParam {
  const texts: string[] = [];
  const toolCalls: NonNullable<ChatCompletionAssistantMessageParam['tool_calls']> = [];
  for (const part of response.parts) {
    if (part.partKind === 'text') texts.push(part.content);
    else if (part.partKind === 'tool-call') toolCalls.push({ id: part.toolCallId, type: 'function', function: { name: part.toolName, arguments: toolCallArgsAsJson(part) } });
  }
  const message: ChatCompletionAssistantMessageParam = { role: 'assistant', content: texts.length > 0 ? texts.join('\n\n') : null };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return message;
}

/**
 * Our conversation as Chat Completions messages; the instructions go first as a system message.
 * @example convertToOpenAIChatMessages([modelRequest([userPrompt('Hi')])], { instructions: 'Be brief.' })
 */
export function convertToOpenAIChatMessages(messages: readonly ModelMessage[], options: { instructions?: string | undefined } = {}): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = options.instructions !== undefined ? [{ role: 'system', content: options.instructions }] : [];
  for (const message of messages) {
    if (message.kind === 'request') out.push(...convertRequest(message));
    else out.push(convertResponse(message));
  }
  return out;
}
