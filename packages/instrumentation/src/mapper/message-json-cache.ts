/**
 * JSON fragments of single conversation messages, remembered by message identity. A conversation
 * re-sends its whole history with every request, so each message is turned into JSON once per
 * rendering (version, content options, ...) and the message attributes are built by joining
 * fragments: a ten-turn conversation serialises only its new messages. (pydantic-ai later keeps a
 * per-run message-JSON cache for the same reason; this is our own take on the idea.)
 *
 * Messages are immutable by type, and the cache relies on a message not being changed after it
 * was sent. A cheap check still catches the usual runtime mutations and then rebuilds: a part
 * added, removed or replaced, any field of a part reassigned, added or deleted (`content`, `args`,
 * `toolName`, ...), a response's `finishReason` changed. A change deep inside a value (a key of a
 * tool's arguments or result object, an item pushed into a user prompt's content list) is not
 * seen: build a new part instead.
 *
 * Memory: entries live as long as their message (a WeakMap). Fragments longer than
 * MAX_CACHED_FRAGMENT_CHARS (large inline binaries) are not kept, so a big image is never held twice.
 */
import type { ModelMessage } from '@hopscope/models';
import { createIdentityJsonCache, type IdentityJsonCache, type IdentityJsonCacheFingerprint } from './identity-json-cache.js';

/** Fragments longer than this many characters are rebuilt on every request instead of being kept. @example MAX_CACHED_FRAGMENT_CHARS === 262144 */
export const MAX_CACHED_FRAGMENT_CHARS = 256 * 1024;

function finishReasonOf(message: ModelMessage): unknown {
  return message.kind === 'response' ? message.finishReason : undefined;
}

/**
 * The parts list, its length and the finish reason, then for each part: the part, its number of
 * fields and each field's value (one level deep). Taking and checking walk the fields the same way
 * (`for...in`, the fastest walk that allocates nothing), so they always agree.
 */
/** A part as the fingerprint reads it: any object, field by field. */
type PartFields = Readonly<Record<string, unknown>>;

function partsOf(message: ModelMessage): readonly PartFields[] {
  return message.parts as readonly object[] as readonly PartFields[];
}

const MESSAGE_FINGERPRINT: IdentityJsonCacheFingerprint<ModelMessage> = {
  take: (message) => {
    const out: unknown[] = [message.parts, message.parts.length, finishReasonOf(message)];
    for (const part of partsOf(message)) {
      const at = out.length;
      out.push(part, 0);
      for (const field in part) out.push(part[field]);
      out[at + 1] = out.length - at - 2;
    }
    return out;
  },
  matches: (message, fingerprint) => {
    const parts = partsOf(message);
    if (fingerprint[0] !== parts || fingerprint[1] !== parts.length || fingerprint[2] !== finishReasonOf(message)) return false;
    let at = 3;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (fingerprint[at] !== part) return false;
      const fieldCount = fingerprint[at + 1] as number;
      at += 2;
      let seen = 0;
      for (const field in part) {
        if (seen === fieldCount || fingerprint[at + seen] !== part[field]) return false;
        seen += 1;
      }
      if (seen !== fieldCount) return false;
      at += fieldCount;
    }
    return true;
  },
};

/** A message's fingerprint, as taken by takeMessageFingerprint. */
export type MessageFingerprint = readonly unknown[];

/**
 * The references that a change of `message` would replace: its parts list and length, finish
 * reason, each part and each of the part's fields.
 * @example const fingerprint = takeMessageFingerprint(message); isMessageUnchanged(message, fingerprint) === true
 */
export function takeMessageFingerprint(message: ModelMessage): MessageFingerprint {
  return MESSAGE_FINGERPRINT.take(message);
}

/**
 * True when `message` still has `fingerprint` (no part added, removed or replaced, no field of a part
 * reassigned, added or deleted, the same finish reason). Allocates nothing.
 * @example isMessageUnchanged(message, takeMessageFingerprint(message)) === true
 */
export function isMessageUnchanged(message: ModelMessage, fingerprint: MessageFingerprint): boolean {
  return MESSAGE_FINGERPRINT.matches(message, fingerprint);
}

/**
 * The JSON fragment of `message` for the rendering named by `key`: the remembered one when the
 * message is unchanged since, else `build()` (remembered unless it is very long).
 * `key` must name everything besides the message that the fragment depends on.
 * @example
 * const json = toCachedMessageJson(message, 'v5|content', (m, content) => JSON.stringify(render(m, content)), content);
 */
export const toCachedMessageJson: IdentityJsonCache<ModelMessage> = createIdentityJsonCache(MESSAGE_FINGERPRINT, MAX_CACHED_FRAGMENT_CHARS);

/**
 * A JSON array from fragments that each hold zero or more comma-separated items.
 * @example toJsonArrayFromFragments(['{"a":1}', '', '{"b":2},{"c":3}']) === '[{"a":1},{"b":2},{"c":3}]'
 */
export function toJsonArrayFromFragments(fragments: readonly string[]): string {
  // One flat string from one join, brackets included: a template literal around the joined text, or
  // concatenation in a loop, leaves a rope that the exporter must flatten later (a second copy).
  const pieces: string[] = ['['];
  for (const fragment of fragments) {
    if (fragment === '') continue;
    if (pieces.length > 1) pieces.push(',');
    pieces.push(fragment);
  }
  pieces.push(']');
  return pieces.join('');
}

/** The cache-key part for content options. @example toContentKey({ version: 5, includeContent: true, includeBinaryContent: false }) === '5|1|0' */
export function toContentKey(content: { readonly version: number; readonly includeContent: boolean; readonly includeBinaryContent: boolean }): string {
  const index = content.version * 4 + (content.includeContent ? 2 : 0) + (content.includeBinaryContent ? 1 : 0);
  // The keys of the known versions are built once (flat, hashed once): a key made per request is a
  // rope that every map lookup would flatten and hash again.
  return CONTENT_KEYS[index] ?? `${content.version}|${content.includeContent ? 1 : 0}|${content.includeBinaryContent ? 1 : 0}`;
}

const CONTENT_KEYS: readonly string[] = Array.from({ length: 24 }, (_, index) => [Math.floor(index / 4), (index >> 1) & 1, index & 1].join('|'));
