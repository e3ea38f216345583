/**
 * The JSON array of a whole conversation, built on the text of the longest prefix that is unchanged
 * since the conversation was last rendered. An agent run re-sends its history plus one or two new
 * messages with every request: the history's items are copied from the previous text (one flat
 * copy), only the new messages are looked up and rendered. The same history sent again returns the
 * previous text itself.
 *
 * A prefix message is reused only when it is the same object as last time and its fingerprint (see
 * message-json-cache.ts: parts list, each part and each of its fields, the finish reason) still
 * matches, so the text is never stale for the mutations the message cache notices.
 *
 * The text is always one flat string (Array#join), never a rope that an exporter would have to
 * flatten later. Memory: one entry per (first message, rendering), living as long as the first
 * message (a WeakMap), filled the second time the conversation is seen; texts longer than
 * MAX_CACHED_PREFIX_CHARS are not kept.
 */
import type { ModelMessage } from '@hopscope/models';
import { isMessageUnchanged, takeMessageFingerprint, type MessageFingerprint } from './message-json-cache.js';

/** Conversation texts longer than this many characters are not kept for the next request. @example MAX_CACHED_PREFIX_CHARS === 1048576 */
export const MAX_CACHED_PREFIX_CHARS = 1024 * 1024;

/** Renderings (content options, code-argument hints) kept per conversation; more clear the others. */
const MAX_RENDERINGS_PER_CONVERSATION = 8;

/** What was rendered last for one (first message, rendering). */
interface PrefixEntry {
  readonly messages: ModelMessage[];
  readonly fingerprints: MessageFingerprint[];
  /** `ends[i]`: the length of `text` up to the end of message i's items ('[' included, ']' not). */
  readonly ends: number[];
  /** The whole JSON array, '[' to ']'. */
  text: string;
}

const entries = new WeakMap<ModelMessage, Map<string, PrefixEntry>>();

/** How many leading messages of `messages` the entry still holds, unchanged. */
function reusableCount(entry: PrefixEntry, messages: readonly ModelMessage[]): number {
  const limit = Math.min(entry.messages.length, messages.length);
  let k = 0;
  while (k < limit && messages[k] === entry.messages[k] && isMessageUnchanged(messages[k]!, entry.fingerprints[k]!)) k += 1;
  return k;
}

/** How a conversation's messages become JSON items, with and without the per-message cache. */
export interface MessageFragments {
  /** A message's items (zero or more comma-separated JSON values) through the per-message cache. */
  readonly cached: (message: ModelMessage) => string;
  /**
   * The same text rendered directly. Used for the new messages of a conversation whose prefix was
   * found: their text lives on in the prefix, and a per-message cache entry (a WeakMap insertion for
   * every message ever sent) would cost more than the rendering it might save.
   */
  readonly render: (message: ModelMessage) => string;
}

/**
 * `toJsonArrayFromFragments(messages.map(fragments.cached))`, the same text, reusing the unchanged
 * prefix of the previous conversation rendered under `key`. Both fragment functions must depend
 * only on the message and `key`.
 * @example
 * const json = toJsonArrayWithPrefixCache(messages, 'messages|5|1|1', { cached: (m) => cachedFragment(m), render: (m) => renderFragment(m) });
 */
export function toJsonArrayWithPrefixCache(messages: readonly ModelMessage[], key: string, fragments: MessageFragments): string {
  const first = messages[0];
  if (first === undefined) return '[]';
  let byKey = entries.get(first);
  const entry = byKey?.get(key);
  const k = entry === undefined ? 0 : reusableCount(entry, messages);
  if (entry !== undefined && k === messages.length && k === entry.messages.length) return entry.text;

  const head = k === 0 ? '[' : entry!.text.slice(0, entry!.ends[k - 1]);
  const fragmentOf = k === 0 ? fragments.cached : fragments.render;
  // A pure extension of the entry (the usual agent step) grows the entry's own lists in place.
  const extending = entry !== undefined && k === entry.messages.length;
  let hasItems = head.length > 1;
  // One join over the head and the new fragments: a flat string, '[' to ']'.
  const pieces: string[] = [head];
  const ends: number[] = extending ? entry.ends : k === 0 ? [] : entry!.ends.slice(0, k);
  // A render that threw last time may have left ends past the entry's messages.
  if (extending) ends.length = k;
  let length = head.length;
  for (let i = k; i < messages.length; i++) {
    const fragment = fragmentOf(messages[i]!);
    if (fragment !== '') {
      if (hasItems) {
        pieces.push(',');
        length += 1;
      }
      pieces.push(fragment);
      length += fragment.length;
      hasItems = true;
    }
    ends.push(length);
  }
  pieces.push(']');
  const text = pieces.join('');

  if (text.length > MAX_CACHED_PREFIX_CHARS) {
    byKey?.delete(key);
    return text;
  }
  if (extending) {
    for (let i = k; i < messages.length; i++) {
      entry.messages.push(messages[i]!);
      entry.fingerprints.push(takeMessageFingerprint(messages[i]!));
    }
    entry.text = text;
    return text;
  }
  // A conversation seen for the first time gets an empty entry: the fingerprints are taken when it
  // comes back (a history sent once, such as a fresh copy per request, costs one map entry only).
  const kept: PrefixEntry =
    entry === undefined
      ? { messages: [], fingerprints: [], ends: [], text: '' }
      : { messages: messages.slice(0, k), fingerprints: entry.fingerprints.slice(0, k), ends, text };
  if (entry !== undefined) {
    for (let i = k; i < messages.length; i++) {
      kept.messages.push(messages[i]!);
      kept.fingerprints.push(takeMessageFingerprint(messages[i]!));
    }
  }
  if (byKey === undefined) {
    byKey = new Map();
    entries.set(first, byKey);
  } else if (byKey.size >= MAX_RENDERINGS_PER_CONVERSATION && !byKey.has(key)) {
    byKey.clear();
  }
  byKey.set(key, kept);
  return text;
}
