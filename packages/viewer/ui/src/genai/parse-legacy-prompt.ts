import type { ChatMessage, Conversation } from './chat-types.js';
import { ATTR_GEN_AI_COMPLETION, ATTR_GEN_AI_PROMPT } from './attribute-names.js';
import { parseOtelMessage } from './parse-messages.js';
import { parseJsonText } from './read-value.js';

function messagesOf(value: unknown, defaultRole: string): ChatMessage[] {
  const parsed = parseJsonText(value);
  if (Array.isArray(parsed)) return parsed.map(parseOtelMessage);
  if (typeof parsed === 'string') return [{ role: defaultRole, parts: [{ kind: 'text', content: parsed }] }];
  if (parsed !== undefined && parsed !== null) return [parseOtelMessage(parsed)];
  return [];
}

/** `gen_ai.prompt.0.role`, `gen_ai.prompt.0.content`, ... (the flattened form) to message records. */
function flattenedMessages(attributes: Record<string, unknown>, prefix: string): Record<string, unknown>[] {
  const byIndex = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(attributes)) {
    if (!key.startsWith(`${prefix}.`)) continue;
    const [indexText, ...rest] = key.slice(prefix.length + 1).split('.');
    const index = Number(indexText);
    if (!Number.isInteger(index) || rest.length === 0) continue;
    const record = byIndex.get(index) ?? {};
    record[rest.join('.')] = value;
    byIndex.set(index, record);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, record]) => record);
}

/**
 * The deprecated `gen_ai.prompt` / `gen_ai.completion` shapes (a JSON list of `{role, content}`,
 * plain text, or the flattened `gen_ai.prompt.<n>.<field>` keys) to a conversation; null if absent.
 *
 * @example
 * parseLegacyPrompt({ 'gen_ai.prompt': 'hi', 'gen_ai.completion': 'hello' })?.output.length; // 1
 */
export function parseLegacyPrompt(attributes: Record<string, unknown>): Conversation | null {
  const input = messagesOf(attributes[ATTR_GEN_AI_PROMPT], 'user');
  const output = messagesOf(attributes[ATTR_GEN_AI_COMPLETION], 'assistant');
  if (input.length === 0) input.push(...flattenedMessages(attributes, ATTR_GEN_AI_PROMPT).map(parseOtelMessage));
  if (output.length === 0) {
    output.push(...flattenedMessages(attributes, ATTR_GEN_AI_COMPLETION).map((m) => parseOtelMessage({ role: 'assistant', ...m })));
  }
  if (input.length === 0 && output.length === 0) return null;
  return { source: 'legacy-prompt', systemInstructions: [], input, output };
}
