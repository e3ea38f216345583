import type { NormalizedSpan } from '../otlp/normalized-types.js';
import { toMicros } from '../otlp/wire-read.js';
import { computeSpanFacts, type SpanFacts } from './span-facts.js';
import { toStoredSpanData } from './stored-span.js';

/** Row overhead counted per span beside its JSON, for the byte cap. */
const ROW_OVERHEAD_BYTES = 160;

/**
 * A span with everything its rows need that does not depend on the database: its columns, the
 * facts its trace summary needs, its stored data JSON and its big values. Plain data (no
 * NormalizedSpan inside), so a worker thread can build it and post it to the writer.
 */
export interface PreparedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly name: string;
  readonly kind: number;
  readonly statusCode: number;
  readonly startNs: string;
  readonly endNs: string;
  readonly startUs: number;
  readonly endUs: number;
  /** Index into the batch's `resources`. */
  readonly resource: number;
  /** Index into the batch's `scopes`. */
  readonly scope: number;
  readonly facts: SpanFacts;
  readonly json: string;
  readonly bigValues: readonly (readonly [string, string])[];
  readonly bytes: number;
}

/** The bigValues of the (many) spans that have none: one shared empty list, on the wire as null. */
const NO_BIG_VALUES: readonly (readonly [string, string])[] = Object.freeze([]);

/** The spans of one export request, prepared for the store; resources and scopes as their stored JSON, once each. */
export interface PreparedSpanBatch {
  readonly spans: PreparedSpan[];
  readonly resources: string[];
  readonly scopes: string[];
}

/**
 * One span prepared for its row; `resource` and `scope` are indexes chosen by the caller.
 *
 * @example
 * const prepared = toPreparedSpan(span, 0, 0);
 */
export function toPreparedSpan(span: NormalizedSpan, resource: number, scope: number): PreparedSpan {
  const facts = computeSpanFacts(span);
  const { data, bigValues } = toStoredSpanData(span);
  const json = JSON.stringify(data);
  let bytes = json.length + ROW_OVERHEAD_BYTES;
  for (const [, value] of bigValues) bytes += value.length;
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: span.name,
    kind: span.kind,
    statusCode: span.statusCode,
    startNs: span.startTimeUnixNano,
    endNs: span.endTimeUnixNano,
    startUs: toMicros(span.startTimeUnixNano),
    endUs: toMicros(span.endTimeUnixNano),
    resource,
    scope,
    facts,
    json,
    bigValues: bigValues.length === 0 ? NO_BIG_VALUES : bigValues,
    bytes,
  };
}

/**
 * The spans of a request prepared for the store (pure: no database involved), each distinct
 * resource and scope serialised once. Runs on the ingest worker thread or in place; throws when
 * a span cannot be serialised.
 *
 * @example
 * await store.ingestPreparedSpans(toPreparedSpanBatch(spans));
 */
export function toPreparedSpanBatch(spans: readonly NormalizedSpan[]): PreparedSpanBatch {
  const resources: string[] = [];
  const scopes: string[] = [];
  const resourceIndex = new Map<object, number>();
  const scopeIndex = new Map<object, number>();
  const jsonIndex = new Map<string, number>();
  const indexOf = (value: object, byObject: Map<object, number>, list: string[], kind: string): number => {
    let index = byObject.get(value);
    if (index !== undefined) return index;
    const json = JSON.stringify(value);
    const key = `${kind}\u0000${json}`;
    index = jsonIndex.get(key);
    if (index === undefined) {
      index = list.push(json) - 1;
      jsonIndex.set(key, index);
    }
    byObject.set(value, index);
    return index;
  };
  const prepared: PreparedSpan[] = [];
  for (const span of spans) {
    prepared.push(toPreparedSpan(span, indexOf(span.resource, resourceIndex, resources, 'r'), indexOf(span.scope, scopeIndex, scopes, 's')));
  }
  return { spans: prepared, resources, scopes };
}

/**
 * A PreparedSpanBatch packed for postMessage. The structured clone costs per value, and the
 * receiving thread (the one that runs the SQL) pays for every value it rebuilds: a batch of a
 * few hundred spans as plain values was some 18,000 of them. Packed, it is a handful:
 * - `text`: the spans' unique strings (ids, times, stored JSON, search text) end to end, in
 *   chunks of at most TEXT_CHUNK_CHARS; the receiver takes substrings, which V8 shares with the
 *   chunk instead of copying;
 * - `words`: strings that recur within a batch (trace ids, span names, services, models,
 *   providers, operations), once each;
 * - `numbers`, `bounds`, `refs`: typed arrays, moved rather than copied (wirePackTransfer).
 * fromPreparedSpanWire restores the batch exactly.
 */
export interface PreparedSpanWire {
  readonly resources: string[];
  readonly scopes: string[];
  readonly text: string[];
  readonly words: string[];
  /** NUMBER_FIELDS per span. */
  readonly numbers: Float64Array;
  /** Per span: its text chunk, then where each of its TEXT_FIELDS starts, then where the last ends. */
  readonly bounds: Uint32Array;
  /** Per span: trace id, name and service as word indexes, then models, providers and operations each as a count and that many word indexes. */
  readonly refs: Uint32Array;
  /** The big values of the (few) spans that have them, by span index. */
  readonly bigValues: [number, (readonly [string, string])[]][];
}

const NUMBER_FIELDS = 14;
const TEXT_FIELDS = 6;
const BOUNDS_PER_SPAN = TEXT_FIELDS + 2;
/** Text chunks stay far below V8's longest string (2^29 - 24 characters). */
const TEXT_CHUNK_CHARS = 1 << 26;
const FLAG_FALLBACK = 1;
const FLAG_FAILED_HOP = 2;
const FLAG_ERROR = 4;
const FLAG_SKIPPED_HOP = 8;
const FLAG_USAGE = 16;
const FLAG_COST = 32;
const FLAG_PARENT = 64;

/** The buffers of a wire form, to move with postMessage instead of copying. */
export const wirePackTransfer = (wire: PreparedSpanWire): ArrayBuffer[] => [wire.numbers.buffer as ArrayBuffer, wire.bounds.buffer as ArrayBuffer, wire.refs.buffer as ArrayBuffer];

/**
 * A prepared batch as its wire form; `chunkChars` bounds a text chunk (tests make it small).
 *
 * @example
 * const wire = toPreparedSpanWire(toPreparedSpanBatch(spans));
 * parentPort.postMessage(wire, wirePackTransfer(wire));
 */
export function toPreparedSpanWire(batch: PreparedSpanBatch, chunkChars = TEXT_CHUNK_CHARS): PreparedSpanWire {
  const count = batch.spans.length;
  const numbers = new Float64Array(count * NUMBER_FIELDS);
  const bounds = new Uint32Array(count * BOUNDS_PER_SPAN);
  const refs: number[] = [];
  const words: string[] = [];
  const wordIndex = new Map<string, number>();
  const word = (value: string): number => {
    let index = wordIndex.get(value);
    if (index === undefined) {
      index = words.push(value) - 1;
      wordIndex.set(value, index);
    }
    return index;
  };
  const pushList = (list: readonly string[]): void => {
    refs.push(list.length);
    for (const value of list) refs.push(word(value));
  };
  const text: string[] = [];
  let chunk = '';
  let at = 0;
  const bigValues: [number, (readonly [string, string])[]][] = [];
  for (let index = 0; index < count; index++) {
    const span = batch.spans[index]!;
    const { facts } = span;
    const usage = facts.usage;
    const parentSpanId = span.parentSpanId ?? '';
    const length = span.spanId.length + parentSpanId.length + span.startNs.length + span.endNs.length + span.json.length + facts.searchText.length;
    if (at > 0 && at + length > chunkChars) {
      text.push(chunk);
      chunk = '';
      at = 0;
    }
    const b = index * BOUNDS_PER_SPAN;
    bounds[b] = text.length;
    bounds[b + 1] = at;
    bounds[b + 2] = at += span.spanId.length;
    bounds[b + 3] = at += parentSpanId.length;
    bounds[b + 4] = at += span.startNs.length;
    bounds[b + 5] = at += span.endNs.length;
    bounds[b + 6] = at += span.json.length;
    at += facts.searchText.length;
    chunk += span.spanId + parentSpanId + span.startNs + span.endNs + span.json + facts.searchText;
    bounds[b + 1 + TEXT_FIELDS] = at;
    const n = index * NUMBER_FIELDS;
    numbers[n] = span.kind;
    numbers[n + 1] = span.statusCode;
    numbers[n + 2] = span.startUs;
    numbers[n + 3] = span.endUs;
    numbers[n + 4] = span.resource;
    numbers[n + 5] = span.scope;
    numbers[n + 6] = span.bytes;
    if (usage !== null) {
      numbers[n + 7] = usage.inputTokens;
      numbers[n + 8] = usage.outputTokens;
      numbers[n + 9] = usage.cacheReadTokens;
      numbers[n + 10] = usage.cacheWriteTokens;
      numbers[n + 11] = usage.reasoningTokens;
    }
    if (facts.costUsd !== null) numbers[n + 12] = facts.costUsd;
    numbers[n + 13] =
      (facts.isFallback ? FLAG_FALLBACK : 0) | (facts.isFailedHop ? FLAG_FAILED_HOP : 0) | (facts.isError ? FLAG_ERROR : 0) | (facts.isSkippedHop ? FLAG_SKIPPED_HOP : 0) |
      (usage !== null ? FLAG_USAGE : 0) | (facts.costUsd !== null ? FLAG_COST : 0) | (span.parentSpanId !== null ? FLAG_PARENT : 0);
    refs.push(word(span.traceId), word(span.name), word(facts.serviceName));
    pushList(facts.models);
    pushList(facts.providers);
    pushList(facts.operations);
    if (span.bigValues.length > 0) bigValues.push([index, [...span.bigValues]]);
  }
  if (chunk.length > 0) text.push(chunk);
  return { resources: batch.resources, scopes: batch.scopes, text, words, numbers, bounds, refs: Uint32Array.from(refs), bigValues };
}

/**
 * The prepared batch a wire form carries.
 *
 * @example
 * const batch = fromPreparedSpanWire(message.wire);
 */
export function fromPreparedSpanWire(wire: PreparedSpanWire): PreparedSpanBatch {
  const { numbers, bounds, refs, words, text } = wire;
  const count = numbers.length / NUMBER_FIELDS;
  const big = new Map(wire.bigValues);
  const spans: PreparedSpan[] = [];
  let r = 0;
  const readList = (): string[] => {
    const list: string[] = [];
    for (let end = r + 1 + refs[r]!, at = r + 1; at < end; at++) list.push(words[refs[at]!]!);
    r += 1 + refs[r]!;
    return list;
  };
  for (let index = 0; index < count; index++) {
    const n = index * NUMBER_FIELDS;
    const b = index * BOUNDS_PER_SPAN;
    const chunk = text[bounds[b]!]!;
    const field = (at: number): string => chunk.substring(bounds[b + 1 + at]!, bounds[b + 2 + at]!);
    const flags = numbers[n + 13]!;
    const traceId = words[refs[r]!]!;
    const name = words[refs[r + 1]!]!;
    const serviceName = words[refs[r + 2]!]!;
    r += 3;
    const models = readList();
    const providers = readList();
    const operations = readList();
    spans.push({
      traceId,
      spanId: field(0),
      parentSpanId: (flags & FLAG_PARENT) !== 0 ? field(1) : null,
      name,
      kind: numbers[n]!,
      statusCode: numbers[n + 1]!,
      startNs: field(2),
      endNs: field(3),
      startUs: numbers[n + 2]!,
      endUs: numbers[n + 3]!,
      resource: numbers[n + 4]!,
      scope: numbers[n + 5]!,
      json: field(4),
      bigValues: big.get(index) ?? NO_BIG_VALUES,
      bytes: numbers[n + 6]!,
      facts: {
        serviceName,
        usage: (flags & FLAG_USAGE) === 0 ? null : { inputTokens: numbers[n + 7]!, outputTokens: numbers[n + 8]!, cacheReadTokens: numbers[n + 9]!, cacheWriteTokens: numbers[n + 10]!, reasoningTokens: numbers[n + 11]! },
        costUsd: (flags & FLAG_COST) === 0 ? null : numbers[n + 12]!,
        models,
        providers,
        operations,
        isFallback: (flags & FLAG_FALLBACK) !== 0,
        isFailedHop: (flags & FLAG_FAILED_HOP) !== 0,
        isSkippedHop: (flags & FLAG_SKIPPED_HOP) !== 0,
        isError: (flags & FLAG_ERROR) !== 0,
        searchText: field(5),
      },
    });
  }
  return { spans, resources: wire.resources, scopes: wire.scopes };
}
