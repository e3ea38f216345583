/** Response parts to v2-v5 message parts (spec section 4): text, thinking, files, tool calls, builtin tool calls and returns. */
import type { BuiltinToolCallPart, ModelResponsePart, ToolCallPart } from '@hopscope/models';
import type { OtelPart, OtelToolCallPart } from '../semconv/otel-messages.js';
import { toBinaryPart } from './media-parts.js';
import { toTextPart, toToolCallResponsePart } from './request-parts.js';
import { toSerializableValue } from './serialize.js';
import type { ContentOptions } from './types.js';

/** `code_arg_name` / `code_arg_language` per tool name, taken from tool-definition metadata. */
export type ToolCodeArgs = ReadonlyMap<string, { readonly codeArgName?: string; readonly codeArgLanguage?: string }>;

/** Tool-call arguments: the raw string verbatim, or each value made JSON-safe. */
export function toToolCallArguments(args: ToolCallPart['args'], content: ContentOptions): unknown {
  if (typeof args === 'string' || args === undefined) return args;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) out[key] = toSerializableValue(value, content);
  return out;
}

function toToolCallPart(part: ToolCallPart | BuiltinToolCallPart, content: ContentOptions, codeArgs: ToolCodeArgs | undefined): OtelToolCallPart {
  const otel: OtelToolCallPart = { type: 'tool_call', id: part.toolCallId, name: part.toolName };
  if (part.partKind === 'builtin-tool-call') otel.builtin = true;
  const code = codeArgs?.get(part.toolName);
  if (code?.codeArgName !== undefined) otel.code_arg_name = code.codeArgName;
  if (code?.codeArgLanguage !== undefined) otel.code_arg_language = code.codeArgLanguage;
  if (content.includeContent && part.args !== undefined) otel.arguments = toToolCallArguments(part.args, content);
  return otel;
}

/**
 * The message part of one response part (every response part becomes exactly one).
 * @example toResponsePartOtelPart(textPart('Paris.'), options) // { type: 'text', content: 'Paris.' }
 */
export function toResponsePartOtelPart(part: ModelResponsePart, content: ContentOptions, codeArgs?: ToolCodeArgs): OtelPart {
  switch (part.partKind) {
    case 'text':
      return toTextPart(part.content, content);
    case 'thinking':
      return content.includeContent ? { type: 'thinking', content: part.content } : { type: 'thinking' };
    case 'file':
      return toBinaryPart(part.content, content);
    case 'tool-call':
    case 'builtin-tool-call':
      return toToolCallPart(part, content, codeArgs);
    case 'builtin-tool-return': {
      const result = content.includeContent ? toSerializableValue(part.content, content) : undefined;
      return toToolCallResponsePart({ id: part.toolCallId, name: part.toolName, builtin: true, result }, content);
    }
    default: {
      const _exhaustive: never = part;
      return _exhaustive;
    }
  }
}

