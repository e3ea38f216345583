/**
 * JSON fragments of single conversation messages, remembered by message identity. A conversation
 * re-sends its whole history with every request, so each message is turned into JSON once per
 * rendering (version, content options, ...) and the message attributes are built by joining
 * fragments: a ten-turn conversation serialises only its new messages. (pydantic-ai later keeps a
 * per-run message-JSON cache for the same reason; this is our own take on the idea.)
 *
 * Messages are immutable by type, and the cache relies on a message not being changed after it
 * was sent. A cheap check still catches the usual runtime mutations and then rebuilds: a part
 * added, removed or replaced, any field of a part added or deleted, any field that its type declares
 * reassigned (`content`, `args`, `toolName`, ...; every field a renderer reads, see
 * FINGERPRINTED_PART_FIELDS), a response's `finishReason` changed. A change deep inside a value (a key
 * of a tool's arguments or result object, an item pushed into a user prompt's content list) is not
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

type Part = ModelMessage['parts'][number];

/**
 * The fields of each part kind that the fingerprint compares, in its order: every field the kind's
 * type declares besides `partKind` (compared too). The renderers read no other field of a part
 * (message-json-cache.test.ts checks that with a Proxy over every part kind, every version and
 * content option). Fields of an unknown part kind are all compared.
 * @example FINGERPRINTED_PART_FIELDS['tool-call'] // ['toolName', 'args', 'toolCallId']
 */
export const FINGERPRINTED_PART_FIELDS: Readonly<Record<Part['partKind'], readonly string[]>> = {
  'system-prompt': ['content', 'timestamp'],
  'user-prompt': ['content', 'timestamp'],
  'tool-return': ['toolName', 'toolCallId', 'content', 'metadata', 'timestamp'],
  'retry-prompt': ['content', 'toolName', 'toolCallId', 'timestamp'],
  text: ['content', 'id'],
  'tool-call': ['toolName', 'args', 'toolCallId'],
  thinking: ['content', 'id', 'signature', 'providerName'],
  file: ['content', 'id'],
  'builtin-tool-call': ['toolName', 'args', 'toolCallId', 'providerName'],
  'builtin-tool-return': ['toolName', 'toolCallId', 'content', 'providerName'],
};

/** Where readDeclaredFields puts a part's values: read by name (fast) into one reused list (no allocation). */
const declared: unknown[] = [undefined, undefined, undefined, undefined, undefined];

/** Reads the FINGERPRINTED_PART_FIELDS of a known part kind into `declared`: their count, or -1 for an unknown kind. */
function readDeclaredFields(part: Part): number {
  switch (part.partKind) {
    case 'system-prompt':
    case 'user-prompt':
      declared[0] = part.content;
      declared[1] = part.timestamp;
      return 2;
    case 'tool-return':
      declared[0] = part.toolName;
      declared[1] = part.toolCallId;
      declared[2] = part.content;
      declared[3] = part.metadata;
      declared[4] = part.timestamp;
      return 5;
    case 'retry-prompt':
      declared[0] = part.content;
      declared[1] = part.toolName;
      declared[2] = part.toolCallId;
      declared[3] = part.timestamp;
      return 4;
    case 'text':
    case 'file':
      declared[0] = part.content;
      declared[1] = part.id;
      return 2;
    case 'tool-call':
      declared[0] = part.toolName;
      declared[1] = part.args;
      declared[2] = part.toolCallId;
      return 3;
    case 'thinking':
      declared[0] = part.content;
      declared[1] = part.id;
      declared[2] = part.signature;
      declared[3] = part.providerName;
      return 4;
    case 'builtin-tool-call':
      declared[0] = part.toolName;
      declared[1] = part.args;
      declared[2] = part.toolCallId;
      declared[3] = part.providerName;
      return 4;
    case 'builtin-tool-return':
      declared[0] = part.toolName;
      declared[1] = part.toolCallId;
      declared[2] = part.content;
      declared[3] = part.providerName;
      return 4;
    default: {
      // A kind this code does not know (a newer models package): the caller compares every field.
      const _exhaustive: never = part;
      void _exhaustive;
      return -1;
    }
  }
}

/** A part's number of fields (own and inherited enumerable ones), counted without reading them. */
function countFields(part: object): number {
  let count = 0;
  for (const _field in part) count += 1;
  return count;
}

/**
 * Appends the fingerprint of `message` to `out`: the references that a change of the message would
 * replace. The parts list, its length and the finish reason, then for each part: the part, its number
 * of fields, its kind, the number of compared fields (-1: all, for an unknown kind) and their values
 * (one level deep). The fingerprints of a whole conversation go into one flat list (see
 * message-prefix-cache.ts).
 * @example const fingerprint: unknown[] = []; appendMessageFingerprint(fingerprint, message); matchMessageFingerprint(message, fingerprint, 0) === fingerprint.length
 */
export function appendMessageFingerprint(out: unknown[], message: ModelMessage): void {
  out.push(message.parts, message.parts.length, finishReasonOf(message));
  for (const part of message.parts) {
    out.push(part, countFields(part), part.partKind);
    const count = readDeclaredFields(part);
    out.push(count);
    if (count >= 0) {
      for (let i = 0; i < count; i++) out.push(declared[i]);
    } else {
      const fields = part as unknown as Readonly<Record<string, unknown>>;
      for (const field in fields) out.push(fields[field]);
    }
  }
}

/**
 * Where the fingerprint of `message` that starts at `at` ends, when the message still has it (no part
 * added, removed or replaced, no field of a part added or deleted, no compared field reassigned, the
 * same finish reason); -1 when it changed. Allocates nothing.
 * @example matchMessageFingerprint(message, fingerprint, 0) // fingerprint.length, or -1 after a change
 */
export function matchMessageFingerprint(message: ModelMessage, fingerprint: readonly unknown[], at: number): number {
  const parts = message.parts;
  if (fingerprint[at] !== parts || fingerprint[at + 1] !== parts.length || fingerprint[at + 2] !== finishReasonOf(message)) return -1;
  at += 3;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (fingerprint[at] !== part || fingerprint[at + 1] !== countFields(part) || fingerprint[at + 2] !== part.partKind) return -1;
    const count = fingerprint[at + 3] as number;
    at += 4;
    if (count >= 0) {
      if (readDeclaredFields(part) !== count) return -1;
      for (let j = 0; j < count; j++) if (fingerprint[at + j] !== declared[j]) return -1;
      at += count;
    } else {
      // An unknown part kind: every field, in the order for...in walks them.
      const fields = part as unknown as Readonly<Record<string, unknown>>;
      const fieldCount = fingerprint[at - 3] as number;
      let seen = 0;
      for (const field in fields) {
        if (seen === fieldCount || fingerprint[at + seen] !== fields[field]) return -1;
        seen += 1;
      }
      at += fieldCount;
    }
  }
  return at;
}

const MESSAGE_FINGERPRINT: IdentityJsonCacheFingerprint<ModelMessage> = {
  take: (message) => {
    const out: unknown[] = [];
    appendMessageFingerprint(out, message);
    return out;
  },
  matches: (message, fingerprint) => matchMessageFingerprint(message, fingerprint, 0) === fingerprint.length,
};

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
