import type { ChatMessage, ChatPart } from './chat-types.js';
import { parseMessagePart } from './parse-part.js';
import { asArray, asRecord, asString, parseJsonText } from './read-value.js';

/** A list whose every item is a typed part (`{type: ...}`): content some SDKs serialise to JSON text. */
function isPartList(value: unknown): value is readonly Record<string, unknown>[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof asRecord(item)?.['type'] === 'string');
}

/**
 * An OpenAI-style `content`: a string is text, whatever it looks like (a model may answer in JSON),
 * unless it is the JSON text of a list of typed parts; a list is parts; a single object is one part.
 */
function contentParts(content: unknown): ChatPart[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') {
    const parsed = parseJsonText(content);
    return isPartList(parsed) ? parsed.map(parseMessagePart) : [{ kind: 'text', content }];
  }
  return Array.isArray(content) ? content.map(parseMessagePart) : [parseMessagePart(content)];
}

function toolCallPart(call: unknown): ChatPart {
  const callRecord = asRecord(call) ?? {};
  const fn = asRecord(callRecord['function']) ?? callRecord;
  return parseMessagePart({ type: 'tool_call', id: callRecord['id'], name: fn['name'], arguments: fn['arguments'] });
}

function partsOfOpenAiStyle(record: Record<string, unknown>): ChatPart[] {
  const parts = contentParts(record['content']);
  parts.push(...(asArray(record['tool_calls']) ?? []).map(toolCallPart));
  // The legacy OpenAI `function_call` (one call, no id).
  if (asRecord(record['function_call'])) parts.push(toolCallPart({ function: record['function_call'] }));
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
    const result = parts[0].content === null ? undefined : parseJsonText(parts[0].content);
    parts[0] = { kind: 'tool-return', id, name: asString(record['name']) ?? '(tool)', result, builtin: false };
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
