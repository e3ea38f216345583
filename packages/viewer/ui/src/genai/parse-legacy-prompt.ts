import type { ChatMessage, Conversation } from './chat-types.js';
import { ATTR_GEN_AI_COMPLETION, ATTR_GEN_AI_PROMPT } from './attribute-names.js';
import { parseOtelMessage } from './parse-messages.js';
import { asRecord, parseJsonText } from './read-value.js';

/** An object that is a message (`{role, content}`, `{parts}`), not a model's JSON answer. */
function isMessageRecord(value: unknown): boolean {
  const record = asRecord(value);
  return record !== undefined && ('role' in record || 'content' in record || 'parts' in record);
}

function messagesOf(value: unknown, defaultRole: string): ChatMessage[] {
  if (value === undefined || value === null) return [];
  const parsed = parseJsonText(value);
  if (Array.isArray(parsed)) return parsed.map(parseOtelMessage);
  if (isMessageRecord(parsed)) return [parseOtelMessage(parsed)];
  // Plain text (also a JSON string), or text that merely looks like JSON: shown as text, never dropped.
  const text = typeof parsed === 'string' ? parsed : typeof value === 'string' ? value : JSON.stringify(value);
  return [{ role: defaultRole, parts: [{ kind: 'text', content: text }] }];
}

/** Sets `path` in a tree of plain records; a value already there wins over a deeper key. */
function setPath(root: Record<string, unknown>, path: readonly string[], value: unknown, containers: WeakSet<object>): void {
  let node = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key] ?? {};
    if (node[key] === undefined) containers.add(next as object);
    if (!containers.has(next as object)) return;
    node[key] = next;
    node = next as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (node[last] === undefined) node[last] = value;
}

/** Containers built by setPath whose keys are all indexes become lists, in index order; values stay as they were. */
function toLists(value: unknown, containers: WeakSet<object>): unknown {
  const record = asRecord(value);
  if (!record || !containers.has(record)) return value;
  const entries = Object.entries(record).map(([key, child]) => [key, toLists(child, containers)] as const);
  if (entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => child);
  }
  return Object.fromEntries(entries);
}

/**
 * `gen_ai.prompt.0.role`, `gen_ai.prompt.0.content`, `gen_ai.completion.0.tool_calls.0.name`, ...
 * (the flattened OpenLLMetry form) to message records, nested keys as nested records and lists.
 */
function flattenedMessages(attributes: Record<string, unknown>, prefix: string): Record<string, unknown>[] {
  const containers = new WeakSet<object>();
  const byIndex: Record<string, unknown> = {};
  containers.add(byIndex);
  for (const [key, value] of Object.entries(attributes)) {
    if (!key.startsWith(`${prefix}.`)) continue;
    const path = key.slice(prefix.length + 1).split('.');
    if (path.length < 2 || !/^\d+$/.test(path[0]!)) continue;
    setPath(byIndex, path, value, containers);
  }
  const messages = toLists(byIndex, containers);
  return Array.isArray(messages) ? messages.map((message) => asRecord(message) ?? {}) : [];
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
