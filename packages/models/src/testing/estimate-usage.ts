import type { ModelMessage, ModelResponsePart, UserContent } from '../messages.js';
import { requestUsage, type RequestUsage } from '../usage.js';

function countWords(text: string): number {
  return text.split(/[\s"',.:]+/).filter((w) => w !== '').length;
}

function contentWords(content: unknown): number {
  if (typeof content === 'string') return countWords(content);
  if (Array.isArray(content)) return (content as UserContent[]).reduce((sum, c) => sum + (typeof c === 'string' ? countWords(c) : 0), 0);
  if (content === undefined || content === null) return 0;
  return countWords(JSON.stringify(content) ?? '');
}

function responsePartWords(part: ModelResponsePart): number {
  switch (part.partKind) {
    case 'text':
    case 'thinking':
      return countWords(part.content);
    case 'tool-call':
    case 'builtin-tool-call':
      return 1 + contentWords(part.args);
    case 'builtin-tool-return':
      return contentWords(part.content);
    case 'file':
      return 0;
    default: {
      const _exhaustive: never = part;
      return _exhaustive;
    }
  }
}

/**
 * A deterministic token estimate for test models: 50 + prompt words in, response words out.
 * @example computeEstimatedUsage(messages, response.parts)
 */
export function computeEstimatedUsage(messages: readonly ModelMessage[], parts: readonly ModelResponsePart[]): RequestUsage {
  let input = 50;
  for (const message of messages) {
    if (message.kind === 'request') {
      for (const part of message.parts) input += part.partKind === 'retry-prompt' ? contentWords(part.content) : contentWords(part.content);
    } else {
      for (const part of message.parts) input += responsePartWords(part);
    }
  }
  const output = parts.reduce((sum, part) => sum + responsePartWords(part), 0);
  return requestUsage({ inputTokens: input, outputTokens: output });
}
