/** `messages_to_otel_messages` (spec section 3.2): the v2-v5 message list. */
import type { ModelMessage, ModelRequest, ModelRequestParameters, ModelResponse, ToolDefinition } from '@hopscope/models';
import type { OtelMessage, OtelPart } from '../semconv/otel-messages.js';
import { toRequestPartOtelParts } from './request-parts.js';
import { toResponsePartOtelPart, type ToolCodeArgs } from './response-parts.js';

export type { ToolCodeArgs };
import type { ContentOptions } from './types.js';

type MutableToolCodeArgs = Map<string, { codeArgName?: string; codeArgLanguage?: string }>;

/** Adds the hints of `tools` to `out` (made on the first tool that has any); returns `out`. */
function addToolCodeArgs(out: MutableToolCodeArgs | undefined, tools: readonly ToolDefinition[]): MutableToolCodeArgs | undefined {
  for (const tool of tools) {
    const metadata = tool.metadata;
    if (!metadata) continue;
    const name = metadata['code_arg_name'];
    const language = metadata['code_arg_language'];
    if (typeof name !== 'string' && typeof language !== 'string') continue;
    out ??= new Map();
    out.set(tool.name, {
      ...(typeof name === 'string' ? { codeArgName: name } : {}),
      ...(typeof language === 'string' ? { codeArgLanguage: language } : {}),
    });
  }
  return out;
}

/** Code-argument hints from tool-definition metadata (`code_arg_name`, `code_arg_language`), function tools then output tools. */
export function toToolCodeArgs(parameters: ModelRequestParameters | undefined): ToolCodeArgs | undefined {
  if (parameters === undefined) return undefined;
  return addToolCodeArgs(addToolCodeArgs(undefined, parameters.functionTools), parameters.outputTools);
}

function toRequestMessages(request: ModelRequest, content: ContentOptions): OtelMessage[] {
  const messages: OtelMessage[] = [];
  let current: OtelMessage | undefined;
  for (const part of request.parts) {
    const role = part.partKind === 'system-prompt' ? 'system' : 'user';
    if (current?.role !== role) {
      current = { role, parts: [] };
      messages.push(current);
    }
    current.parts.push(...toRequestPartOtelParts(part, content));
  }
  return messages;
}

/** The assistant message of one response, `finish_reason` last when known. @example toResponseMessage(response, content) // { role: 'assistant', parts: [...], finish_reason: 'stop' } */
export function toResponseMessage(response: ModelResponse, content: ContentOptions, codeArgs?: ToolCodeArgs): OtelMessage {
  const parts: OtelPart[] = [];
  for (const part of response.parts) parts.push(toResponsePartOtelPart(part, content, codeArgs));
  const message: OtelMessage = { role: 'assistant', parts };
  if (response.finishReason !== undefined) message.finish_reason = response.finishReason;
  return message;
}

/**
 * A conversation as GenAI messages: consecutive system parts and consecutive other parts of a request
 * each become one message; a response becomes one assistant message. Instructions are not rendered here.
 * With `parameters`, tool calls get `code_arg_name` / `code_arg_language` from their tool's metadata.
 * @example
 * toOtelMessages([modelRequest([systemPrompt('S'), userPrompt('U')])], { version: 5, includeContent: true, includeBinaryContent: true })
 * // [{ role: 'system', parts: [{ type: 'text', content: 'S' }] }, { role: 'user', parts: [{ type: 'text', content: 'U' }] }]
 */
export function toOtelMessages(messages: readonly ModelMessage[], content: ContentOptions, o: { parameters?: ModelRequestParameters } = {}): OtelMessage[] {
  const codeArgs = toToolCodeArgs(o.parameters);
  return messages.flatMap((message) => toMessageOtelMessages(message, content, codeArgs));
}

/** The GenAI messages of one conversation message: none or more for a request, one for a response. @example toMessageOtelMessages(modelRequest([userPrompt('U')]), content, undefined) // [{ role: 'user', parts: [{ type: 'text', content: 'U' }] }] */
export function toMessageOtelMessages(message: ModelMessage, content: ContentOptions, codeArgs: ToolCodeArgs | undefined): OtelMessage[] {
  return message.kind === 'request' ? toRequestMessages(message, content) : [toResponseMessage(message, content, codeArgs)];
}
