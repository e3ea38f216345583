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
  readonly bigValues: [string, string][];
  readonly bytes: number;
}

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
    bigValues,
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
