/** The v2-v5 message list as compact JSON, built from per-message fragments that are cached by message identity. */
import type { ModelMessage, ModelRequestParameters } from '@hopscope/models';
import { toContentKey, toCachedMessageJson, toJsonArrayFromFragments } from './message-json-cache.js';
import { toMessageOtelMessages, toToolCodeArgs, type ToolCodeArgs } from './messages.js';
import { toJsonText } from './serialize.js';
import type { ContentOptions } from './types.js';

function toCodeArgsKey(codeArgs: ToolCodeArgs | undefined): string {
  return codeArgs === undefined ? '' : JSON.stringify([...codeArgs]);
}

/**
 * `toJsonText(toOtelMessages(messages, content, o))`, the same text, but each message is rendered
 * once and then reused while it is unchanged (see message-json-cache.ts).
 * @example toOtelMessagesJson([modelRequest([userPrompt('U')])], content) === '[{"role":"user","parts":[{"type":"text","content":"U"}]}]'
 */
export function toOtelMessagesJson(messages: readonly ModelMessage[], content: ContentOptions, o: { parameters?: ModelRequestParameters } = {}): string {
  const codeArgs = toToolCodeArgs(o.parameters);
  const requestKey = `messages|${toContentKey(content)}`;
  // Only tool calls of responses read the code-argument hints, so only response fragments depend on them.
  const responseKey = `${requestKey}|${toCodeArgsKey(codeArgs)}`;
  const fragments = messages.map((message) =>
    toCachedMessageJson(message, message.kind === 'request' ? requestKey : responseKey, () =>
      toMessageOtelMessages(message, content, codeArgs).map(toJsonText).join(','),
    ),
  );
  return toJsonArrayFromFragments(fragments);
}
