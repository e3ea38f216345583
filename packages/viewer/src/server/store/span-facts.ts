import { MODEL_CALL_OPERATIONS } from '../../shared/genai-operations.js';
import { GEN_AI_USAGE_PREFIX, toUsageTokenAttributes } from '../../shared/usage-attributes.js';
import { toAttributeValue } from '../otlp/any-value.js';
import type { NormalizedSpan, TaggedAttributes, TaggedValue } from '../otlp/normalized-types.js';
import * as attr from './genai-attributes.js';

/** Token counts carried by one span's `gen_ai.usage.*` attributes. */
export interface SpanUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
  readonly reasoningTokens: number;
}

/** What a trace summary needs from one span. */
export interface SpanFacts {
  readonly serviceName: string;
  /**
   * Non-null when the span is a model call the trace's usage and cost roll up: it reports token
   * usage (any spelling), or a cost (`operation.cost`), or it is a GenAI inference operation
   * that reported neither and did not fail (see isUnreportedModelCall). Tokens it did not report
   * are 0. Of these spans only those with none of them below count (a wrapper that repeats its
   * children's usage or cost is not summed twice).
   */
  readonly usage: SpanUsage | null;
  /** `operation.cost` in USD; null when the span has no price (a counted call then makes the trace's cost unknown). */
  readonly costUsd: number | null;
  readonly models: readonly string[];
  readonly providers: readonly string[];
  readonly operations: readonly string[];
  readonly isFallback: boolean;
  /** A hop that was tried and did not answer: outcome `error` or `rejected`. */
  readonly isFailedHop: boolean;
  /** A hop that was not tried (outcome `skipped`, e.g. its member was cooling down). */
  readonly isSkippedHop: boolean;
  readonly isError: boolean;
  /** Message content for full-text search ('' when none). */
  readonly searchText: string;
}

/** The most characters of a span's (or log's) text indexed or searched: no more of a 5 MB message is read. */
export const MAX_SEARCH_CHARS = 1_000_000;

const toNumberOrNull = (value: TaggedValue | undefined): number | null => {
  if (value === undefined || value === null || typeof value === 'boolean' || Array.isArray(value)) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null;
  if ('$i' in value) return Number(value.$i);
  if ('$d' in value) return typeof value.$d === 'number' ? value.$d : null;
  return null;
};

/**
 * A count clamped to ±(2^53 - 1): an integer column holding more could not be read back by
 * node:sqlite, and a row it cannot read would break the list, the live feed and eviction. Token
 * counts and the trace's totals are kept within that range.
 *
 * @example
 * toStoredCount(2 ** 60); // Number.MAX_SAFE_INTEGER
 */
export const toStoredCount = (count: number): number =>
  count > Number.MAX_SAFE_INTEGER ? Number.MAX_SAFE_INTEGER : count < -Number.MAX_SAFE_INTEGER ? -Number.MAX_SAFE_INTEGER : count;

/** A token count within the stored range, or null when the value is not a number. */
const toCountOrNull = (value: TaggedValue | undefined): number | null => {
  const count = toNumberOrNull(value);
  return count === null ? null : toStoredCount(count);
};

const toStringOrNull = (value: TaggedValue | undefined): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Whitespace and the JSON punctuation that separates values, by character code (below 128). */
const SEPARATORS = new Uint8Array(128);
for (const char of ' \n\r\t,:[]{}') SEPARATORS[char.charCodeAt(0)] = 1;
const isSeparator = (code: number): boolean => code < 128 && SEPARATORS[code] === 1;

/** A JSON string literal's body with its escapes decoded; as is when they are not valid JSON. */
function decodeJsonString(body: string): string {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return body;
  }
}

/**
 * The leaves of JSON text, one per line: string values (escapes decoded) and bare words
 * (numbers, true, false; not null). A string followed by `:` is an object key and is left out.
 * One pass, no parse tree and no recursion; text that is not valid JSON is read the same way.
 * Stops once MAX_SEARCH_CHARS are collected: no more of a span is indexed.
 *
 * @example
 * collectJsonLeaves('{"city":"caf\\u00e9","n":1}'); // 'café\n1'
 */
export function collectJsonLeaves(text: string): string {
  const leaves: string[] = [];
  const length = text.length;
  let at = 0;
  let collected = 0;
  const add = (leaf: string): void => {
    leaves.push(leaf);
    collected += leaf.length + 1;
  };
  while (at < length && collected < MAX_SEARCH_CHARS) {
    const code = text.charCodeAt(at);
    if (code === 34 /* " */) {
      let end = at + 1;
      let escaped = false;
      while (end < length) {
        const inner = text.charCodeAt(end);
        if (inner === 34) break;
        if (inner === 92 /* \ */) {
          escaped = true;
          end += 1;
        }
        end += 1;
      }
      const start = at + 1;
      at = end + 1;
      let next = at;
      while (next < length && isSeparator(text.charCodeAt(next)) && text.charCodeAt(next) !== 58) next += 1;
      if (next < length && text.charCodeAt(next) === 58) {
        at = next + 1;
        continue;
      }
      if (end > start) add(escaped ? decodeJsonString(text.slice(start, end)) : text.slice(start, end));
    } else if (isSeparator(code)) {
      at += 1;
    } else {
      let end = at + 1;
      while (end < length && !isSeparator(text.charCodeAt(end)) && text.charCodeAt(end) !== 34) end += 1;
      const word = text.slice(at, end);
      if (word !== 'null') add(word);
      at = end;
    }
  }
  return leaves.join('\n');
}

const JSON_START = /^\s*[[{]/;

/**
 * True for a string that starts like a JSON object or array (its search text is its leaves).
 *
 * @example
 * isJsonLike(' [{"role":"user"}]'); // true
 */
export const isJsonLike = (text: string): boolean => JSON_START.test(text);

/**
 * The searchable text of a value: what it says, not its structure. Message attributes hold
 * JSON; indexed raw, every span would match `role` or `content`, and an escaped newline would
 * glue `n` to the next word (`\nParis` indexed as `nparis`). So a string that starts like a
 * JSON object or array, and a structured value, give their leaves (string values, numbers,
 * booleans), one per line, without the keys; any other string is kept as is.
 *
 * @example
 * toSearchText('[{"role":"user","parts":[{"type":"text","content":"hi\\nParis"}]}]'); // 'user\ntext\nhi\nParis'
 */
export function toSearchText(value: TaggedValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return collectJsonLeaves(JSON.stringify(toAttributeValue(value)));
  return isJsonLike(value) ? collectJsonLeaves(value) : value;
}

/** The span's own usage attributes, each count's spellings in the order the UI reads them too. */
const USAGE_ATTRIBUTES = toUsageTokenAttributes(GEN_AI_USAGE_PREFIX);

/** The count of the first of `names` that holds one (a lookup per spelling, no allocation). */
function readFirstCount(attributes: TaggedAttributes, names: readonly string[]): number | null {
  for (let index = 0; index < names.length; index++) {
    const value = attributes[names[index]!];
    if (value === undefined) continue;
    const count = toCountOrNull(value);
    if (count !== null) return count;
  }
  return null;
}

/**
 * The usage a span reports, or null when it carries no `gen_ai.usage.*` token count (any
 * spelling of shared/usage-attributes.ts).
 * `gen_ai.aggregated_usage.*` is deliberately ignored: it repeats its children's usage.
 *
 * @example
 * computeSpanUsage({ 'gen_ai.usage.input_tokens': 3 }); // { inputTokens: 3, outputTokens: 0, … }
 */
export function computeSpanUsage(attributes: TaggedAttributes): SpanUsage | null {
  const input = readFirstCount(attributes, USAGE_ATTRIBUTES.inputTokens);
  const output = readFirstCount(attributes, USAGE_ATTRIBUTES.outputTokens);
  const cacheRead = readFirstCount(attributes, USAGE_ATTRIBUTES.cacheReadTokens);
  const cacheWrite = readFirstCount(attributes, USAGE_ATTRIBUTES.cacheWriteTokens);
  const reasoning = readFirstCount(attributes, USAGE_ATTRIBUTES.reasoningTokens);
  if (input === null && output === null && cacheRead === null && cacheWrite === null && reasoning === null) return null;
  return { inputTokens: input ?? 0, outputTokens: output ?? 0, cacheReadTokens: cacheRead ?? 0, cacheWriteTokens: cacheWrite ?? 0, reasoningTokens: reasoning ?? 0 };
}

/** The usage of a counted model call that reported no tokens. */
const NO_TOKENS: SpanUsage = Object.freeze({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });

/**
 * A model call that reported neither tokens nor a cost, so what it cost is unknown (never $0):
 * a GenAI inference operation that did not fail. A call that failed (status ERROR, hop outcome
 * `error`) without reporting usage got no answer to bill, and a hop `skipped` was never made.
 */
const isUnreportedModelCall = (operation: string | null, statusCode: number, outcome: string | null): boolean =>
  operation !== null && MODEL_CALL_OPERATIONS.has(operation) && statusCode !== 2 && outcome !== 'error' && outcome !== 'skipped';

/** The non-null values, each once (in first-seen order); called with one or two values. */
const unique = (first: string | null, second: string | null = null): string[] => {
  if (first === null) return second === null ? [] : [second];
  return second === null || second === first ? [first] : [first, second];
};

function collectSearchText(span: NormalizedSpan): string {
  const parts: string[] = [];
  const add = (attributes: TaggedAttributes): void => {
    for (const key of attr.MESSAGE_CONTENT_ATTRIBUTES) {
      const value = attributes[key];
      if (value !== undefined) parts.push(toSearchText(value));
    }
  };
  add(span.attributes);
  for (const event of span.events) {
    add(event.attributes);
    if (event.name.startsWith('gen_ai.')) for (const key in event.attributes) if (key === 'content' || key === 'body') parts.push(toSearchText(event.attributes[key]));
  }
  const text = parts.join('\n');
  return text.length > MAX_SEARCH_CHARS ? text.slice(0, MAX_SEARCH_CHARS) : text;
}

/**
 * The facts a trace summary needs from one span: usage and cost (see SpanFacts.usage), models,
 * providers, operation, fallback and hop outcome, error status and searchable message content.
 *
 * @example
 * const facts = computeSpanFacts(span); // facts.usage?.inputTokens
 */
export function computeSpanFacts(span: NormalizedSpan): SpanFacts {
  const attributes = span.attributes;
  const requestModel = toStringOrNull(attributes[attr.ATTR_GEN_AI_REQUEST_MODEL]);
  const responseModel = toStringOrNull(attributes[attr.ATTR_GEN_AI_RESPONSE_MODEL]);
  const provider = toStringOrNull(attributes[attr.ATTR_GEN_AI_PROVIDER_NAME]) ?? toStringOrNull(attributes[attr.ATTR_GEN_AI_SYSTEM]);
  const outcome = toStringOrNull(attributes[attr.ATTR_HOPSCOPE_HOP_OUTCOME]);
  const operation = toStringOrNull(attributes[attr.ATTR_GEN_AI_OPERATION_NAME]);
  const costUsd = toNumberOrNull(attributes[attr.ATTR_OPERATION_COST]);
  const tokens = computeSpanUsage(attributes);
  const isFallback =
    span.name.startsWith('chat fallback:') ||
    (toStringOrNull(attributes[attr.ATTR_LOGFIRE_MSG])?.startsWith('chat fallback:') ?? false) ||
    (requestModel?.startsWith('fallback:') ?? false) ||
    (provider?.startsWith('fallback:') ?? false) ||
    attributes[attr.ATTR_HOPSCOPE_HOP_INDEX] !== undefined;
  return {
    serviceName: toStringOrNull(span.resource.attributes[attr.ATTR_SERVICE_NAME]) ?? '',
    usage: tokens ?? (costUsd !== null || isUnreportedModelCall(operation, span.statusCode, outcome) ? NO_TOKENS : null),
    costUsd,
    models: unique(requestModel, responseModel),
    providers: unique(provider),
    operations: unique(operation),
    isFallback,
    isFailedHop: outcome === 'error' || outcome === 'rejected',
    isSkippedHop: outcome === 'skipped',
    isError: span.statusCode === 2,
    searchText: collectSearchText(span),
  };
}
