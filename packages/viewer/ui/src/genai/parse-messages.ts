import type { ChatMessage, ChatPart } from './chat-types.js';
import { parseMessagePart } from './parse-part.js';
import { asArray, asRecord, asString, parseJsonText } from './read-value.js';

function partsOfOpenAiStyle(record: Record<string, unknown>): ChatPart[] {
  const parts: ChatPart[] = [];
  const content = parseJsonText(record['content']);
  if (typeof content === 'string') parts.push({ kind: 'text', content });
  else if (Array.isArray(content)) parts.push(...content.map(parseMessagePart));
  for (const call of asArray(record['tool_calls']) ?? []) {
    const callRecord = asRecord(call) ?? {};
    const fn = asRecord(callRecord['function']) ?? callRecord;
    parts.push(parseMessagePart({ type: 'tool_call', id: callRecord['id'], name: fn['name'], arguments: fn['arguments'] }));
  }
  return parts;
}

/**
 * One message of `gen_ai.input.messages` / `gen_ai.output.messages` / `pydantic_ai.all_messages`:
 * `{role, parts, finish_reason?}`, or the `{role, content, tool_calls?}` shape of other SDKs.
 *
 * @example
 * parseOtelMessage({ role: 'user', parts: [{ type: 'text', content: 'hi' }] });
 */
export function parseOtelMessage(raw: unknown): ChatMessage {
  const record = asRecord(raw);
  if (!record) return { role: 'user', parts: [parseMessagePart(raw)] };
  const role = asString(record['role']) ?? 'user';
  const rawParts = asArray(record['parts']);
  const parts = rawParts ? rawParts.map(parseMessagePart) : partsOfOpenAiStyle(record);
  if (role === 'tool' && !rawParts && parts.length === 1 && parts[0]?.kind === 'text') {
    const id = asString(record['tool_call_id']) ?? asString(record['id']) ?? null;
    parts[0] = { kind: 'tool-return', id, name: asString(record['name']) ?? '(tool)', result: parts[0].content ?? undefined, builtin: false };
  }
  const finishReason = asString(record['finish_reason']);
  return finishReason === undefined ? { role, parts } : { role, parts, finishReason };
}

/**
 * A message-list attribute (JSON text or structured) to messages; null when it is not a list.
 *
 * @example
 * parseOtelMessages('[{"role":"user","parts":[{"type":"text","content":"hi"}]}]')?.length; // 1
 */
export function parseOtelMessages(value: unknown): ChatMessage[] | null {
  const list = asArray(value);
  return list ? list.map(parseOtelMessage) : null;
}

/**
 * `gen_ai.system_instructions` (a list of parts, or plain text) to parts.
 *
 * @example
 * parseSystemInstructions('[{"type":"text","content":"Be brief"}]'); // [{ kind: 'text', content: 'Be brief' }]
 */
export function parseSystemInstructions(value: unknown): ChatPart[] {
  if (value === undefined || value === null) return [];
  const parsed = parseJsonText(value);
  if (Array.isArray(parsed)) return parsed.map(parseMessagePart);
  return [parseMessagePart(parsed)];
}
