/** The v2-v5 message list as compact JSON, built from per-message fragments that are cached by message identity. */
import type { ModelMessage, ModelRequestParameters } from '@hopscope/models';
import { toContentKey, toCachedMessageJson } from './message-json-cache.js';
import { toJsonArrayWithPrefixCache } from './message-prefix-cache.js';
import { toMessageOtelMessages, toToolCodeArgs, type ToolCodeArgs } from './messages.js';
import { toJsonText } from './serialize.js';
import type { ContentOptions } from './types.js';

function toCodeArgsKey(codeArgs: ToolCodeArgs | undefined): string {
  return codeArgs === undefined ? '' : JSON.stringify([...codeArgs]);
}

interface RenderOptions {
  readonly content: ContentOptions;
  readonly codeArgs: ToolCodeArgs | undefined;
}

function renderMessageJson(message: ModelMessage, o: RenderOptions): string {
  return toMessageOtelMessages(message, o.content, o.codeArgs).map(toJsonText).join(',');
}

/**
 * `toJsonText(toOtelMessages(messages, content, o))`, the same text, but each message is rendered
 * once and then reused while it is unchanged (see message-json-cache.ts), and the unchanged prefix of
 * the conversation rendered last is copied as one piece (see message-prefix-cache.ts).
 * @example toOtelMessagesJson([modelRequest([userPrompt('U')])], content) === '[{"role":"user","parts":[{"type":"text","content":"U"}]}]'
 */
export function toOtelMessagesJson(messages: readonly ModelMessage[], content: ContentOptions, o: { parameters?: ModelRequestParameters } = {}): string {
  return toOtelMessagesJsonWithCodeArgs(messages, content, toToolCodeArgs(o.parameters));
}

/**
 * toOtelMessagesJson with the code-argument hints already taken from the parameters (`toToolCodeArgs`).
 * @example toOtelMessagesJsonWithCodeArgs(messages, content, toToolCodeArgs(parameters))
 */
export function toOtelMessagesJsonWithCodeArgs(messages: readonly ModelMessage[], content: ContentOptions, codeArgs: ToolCodeArgs | undefined): string {
  const requestKey = toContentKey(content);
  // Only tool calls of responses read the code-argument hints, so only response fragments depend on them.
  const responseKey = codeArgs === undefined ? requestKey : `${requestKey}|${toCodeArgsKey(codeArgs)}`;
  const render: RenderOptions = { content, codeArgs };
  return toJsonArrayWithPrefixCache(messages, responseKey, {
    cached: (message) => toCachedMessageJson(message, message.kind === 'request' ? requestKey : responseKey, renderMessageJson, render),
    render: (message) => renderMessageJson(message, render),
  });
}
