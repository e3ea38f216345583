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
 * A PreparedSpanBatch as flat arrays, for postMessage: the structured clone of a few thousand
 * small objects (each writing its keys) costs the receiving thread more than the whole batch
 * of flat values does. fromPreparedSpanWire restores it exactly.
 */
export interface PreparedSpanWire {
  readonly resources: string[];
  readonly scopes: string[];
  /** WIRE_FIELDS values per span. */
  readonly values: unknown[];
}

const WIRE_FIELDS = 25;

/**
 * A prepared batch as its wire form.
 *
 * @example
 * parentPort.postMessage(toPreparedSpanWire(toPreparedSpanBatch(spans)));
 */
export function toPreparedSpanWire(batch: PreparedSpanBatch): PreparedSpanWire {
  const values: unknown[] = [];
  for (const span of batch.spans) {
    const { facts } = span;
    const usage = facts.usage;
    values.push(span.traceId, span.spanId, span.parentSpanId, span.name, span.kind, span.statusCode, span.startNs, span.endNs, span.startUs, span.endUs,
      span.resource, span.scope, span.json, span.bigValues.length === 0 ? null : span.bigValues, span.bytes, facts.serviceName, usage === null ? null : usage.inputTokens, usage?.outputTokens ?? 0,
      usage?.cacheReadTokens ?? 0, usage?.cacheWriteTokens ?? 0, usage?.reasoningTokens ?? 0, facts.costUsd, [facts.models, facts.providers, facts.operations],
      (facts.isFallback ? 1 : 0) | (facts.isFailedHop ? 2 : 0) | (facts.isError ? 4 : 0) | (facts.isSkippedHop ? 8 : 0), facts.searchText);
  }
  return { resources: batch.resources, scopes: batch.scopes, values };
}

/**
 * The prepared batch a wire form carries.
 *
 * @example
 * const batch = fromPreparedSpanWire(message.wire);
 */
export function fromPreparedSpanWire(wire: PreparedSpanWire): PreparedSpanBatch {
  const v = wire.values;
  const spans: PreparedSpan[] = [];
  for (let at = 0; at < v.length; at += WIRE_FIELDS) {
    const input = v[at + 16] as number | null;
    const lists = v[at + 22] as [string[], string[], string[]];
    const flags = v[at + 23] as number;
    spans.push({
      traceId: v[at] as string,
      spanId: v[at + 1] as string,
      parentSpanId: v[at + 2] as string | null,
      name: v[at + 3] as string,
      kind: v[at + 4] as number,
      statusCode: v[at + 5] as number,
      startNs: v[at + 6] as string,
      endNs: v[at + 7] as string,
      startUs: v[at + 8] as number,
      endUs: v[at + 9] as number,
      resource: v[at + 10] as number,
      scope: v[at + 11] as number,
      json: v[at + 12] as string,
      bigValues: (v[at + 13] as [string, string][] | null) ?? NO_BIG_VALUES,
      bytes: v[at + 14] as number,
      facts: {
        serviceName: v[at + 15] as string,
        usage: input === null ? null : { inputTokens: input, outputTokens: v[at + 17] as number, cacheReadTokens: v[at + 18] as number, cacheWriteTokens: v[at + 19] as number, reasoningTokens: v[at + 20] as number },
        costUsd: v[at + 21] as number | null,
        models: lists[0],
        providers: lists[1],
        operations: lists[2],
        isFallback: (flags & 1) !== 0,
        isFailedHop: (flags & 2) !== 0,
        isSkippedHop: (flags & 8) !== 0,
        isError: (flags & 4) !== 0,
        searchText: v[at + 24] as string,
      },
    });
  }
  return { spans, resources: wire.resources, scopes: wire.scopes };
}
