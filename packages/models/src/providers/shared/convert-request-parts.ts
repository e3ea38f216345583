/** The walk over a request's parts that every wire format shares; each API says how a part looks. */
import { UserError } from '../../errors.js';
import { retryPromptText, type ModelRequest, type UserPromptPart } from '../../messages.js';
import { convertToToolReturnText } from './instructions.js';

/** How one API writes each kind of request part. */
export interface RequestPartMapping<T> {
  /** Undefined when the API keeps system prompts out of the messages (Anthropic's `system`). */
  systemPrompt(content: string): T | undefined;
  userPrompt(content: UserPromptPart['content']): T | readonly T[];
  /** A tool's result, or the retry prompt for a failed tool call (`isError`). */
  toolResult(toolCallId: string, text: string, isError: boolean): T;
  /** A retry prompt that names no tool, sent as user text. */
  userText(text: string): T;
}

/**
 * A request's parts in one API's shape: tool returns as text, retry prompts worded by
 * `retryPromptText`, to the failed tool when there is one.
 * @example convertRequestParts(request, { systemPrompt: (c) => ({ role: 'system', content: c }), ... })
 */
export function convertRequestParts<T>(request: ModelRequest, mapping: RequestPartMapping<T>): T[] {
  const out: T[] = [];
  for (const part of request.parts) {
    switch (part.partKind) {
      case 'system-prompt': {
        const mapped = mapping.systemPrompt(part.content);
        if (mapped !== undefined) out.push(mapped);
        break;
      }
      case 'user-prompt': {
        const mapped = mapping.userPrompt(part.content);
        if (Array.isArray(mapped)) out.push(...(mapped as readonly T[]));
        else out.push(mapped as T);
        break;
      }
      case 'tool-return':
        out.push(mapping.toolResult(part.toolCallId, convertToToolReturnText(part.content), false));
        break;
      case 'retry-prompt':
        out.push(part.toolName === undefined ? mapping.userText(retryPromptText(part)) : mapping.toolResult(part.toolCallId, retryPromptText(part), true));
        break;
      default: {
        const _exhaustive: never = part;
        throw new UserError(`Unsupported request part ${JSON.stringify(_exhaustive)}`);
      }
    }
  }
  return out;
}
