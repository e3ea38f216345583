import type { LogRecordEntry, SpanKindName, SpanRecord, StatusCodeName } from '../../shared/api-types.js';
import { setAttribute, toAttributeRecord, toAttributeValue, toOtlpKeyValues } from '../otlp/any-value.js';
import type { NormalizedLog, NormalizedResource, NormalizedScope, NormalizedSpan, TaggedAttributes } from '../otlp/normalized-types.js';

/**
 * The JSON kept per span row beside its indexed columns. Fields at their OTLP default (empty
 * status message and trace state, zero flags and dropped counts, no events or links) are left
 * out: about an eighth of a typical row. readStoredSpanData puts them back, and reads rows
 * written with every field too.
 */
export type StoredSpanData = Pick<NormalizedSpan, 'statusMessage' | 'traceState' | 'flags' | 'attributes' | 'droppedAttributesCount' | 'events' | 'droppedEventsCount' | 'links' | 'droppedLinksCount'> & {
  readonly start: string;
  readonly end: string;
  /** Keys whose string value is kept whole in big_values and only previewed here. */
  readonly truncated?: Record<string, { readonly totalChars: number }>;
};

/** StoredSpanData as written: the fields at their default may be missing. */
type WrittenSpanData = Pick<StoredSpanData, 'start' | 'end' | 'attributes' | 'truncated'> & Partial<Omit<StoredSpanData, 'start' | 'end' | 'attributes' | 'truncated'>>;

/**
 * A span row's stored JSON with every field present (defaults where the row left one out).
 *
 * @example
 * readStoredSpanData(row.data).events; // [] when the span had none
 */
export function readStoredSpanData(json: string): StoredSpanData {
  const data = JSON.parse(json) as WrittenSpanData;
  return {
    start: data.start,
    end: data.end,
    statusMessage: data.statusMessage ?? '',
    traceState: data.traceState ?? '',
    flags: data.flags ?? 0,
    attributes: data.attributes,
    droppedAttributesCount: data.droppedAttributesCount ?? 0,
    events: data.events ?? [],
    droppedEventsCount: data.droppedEventsCount ?? 0,
    links: data.links ?? [],
    droppedLinksCount: data.droppedLinksCount ?? 0,
    ...(data.truncated ? { truncated: data.truncated } : {}),
  };
}

/** The indexed columns of a span row the mappers read. */
export interface SpanRow {
  readonly trace_id: string;
  readonly span_id: string;
  readonly parent_span_id: string | null;
  readonly name: string;
  readonly kind: number;
  readonly status_code: number;
  readonly data: string;
}

/** Attribute strings longer than this are stored apart and previewed. */
export const BIG_VALUE_CHARS = 256 * 1024;
/** How much of a big value is inlined in the span. */
export const BIG_VALUE_PREVIEW_CHARS = 64 * 1024;

const KIND_NAMES: readonly SpanKindName[] = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS_NAMES: readonly StatusCodeName[] = ['UNSET', 'OK', 'ERROR'];

/** SpanKind number to name (unknown numbers read as UNSPECIFIED). */
export const mapSpanKind = (kind: number): SpanKindName => KIND_NAMES[kind] ?? 'UNSPECIFIED';
/** StatusCode number to name (unknown numbers read as UNSET). */
export const mapStatusCode = (code: number): StatusCodeName => STATUS_NAMES[code] ?? 'UNSET';

/**
 * A span as its stored JSON, with string attributes over BIG_VALUE_CHARS moved to `bigValues`.
 *
 * @example
 * const { data, bigValues } = toStoredSpanData(span);
 */
export function toStoredSpanData(span: NormalizedSpan): { data: WrittenSpanData; bigValues: [string, string][] } {
  const bigValues: [string, string][] = [];
  let attributes = span.attributes;
  let truncated: Record<string, { totalChars: number }> | undefined;
  for (const key in span.attributes) {
    const value = span.attributes[key];
    if (typeof value === 'string' && value.length > BIG_VALUE_CHARS) {
      if (attributes === span.attributes) attributes = { ...span.attributes };
      setAttribute(attributes, key, value.slice(0, BIG_VALUE_PREVIEW_CHARS));
      setAttribute((truncated ??= {}), key, { totalChars: value.length });
      bigValues.push([key, value]);
    }
  }
  const data: { -readonly [K in keyof WrittenSpanData]: WrittenSpanData[K] } = { start: span.startTimeUnixNano, end: span.endTimeUnixNano, attributes };
  if (span.statusMessage !== '') data.statusMessage = span.statusMessage;
  if (span.traceState !== '') data.traceState = span.traceState;
  if (span.flags !== 0) data.flags = span.flags;
  if (span.droppedAttributesCount !== 0) data.droppedAttributesCount = span.droppedAttributesCount;
  if (span.events.length > 0) data.events = span.events;
  if (span.droppedEventsCount !== 0) data.droppedEventsCount = span.droppedEventsCount;
  if (span.links.length > 0) data.links = span.links;
  if (span.droppedLinksCount !== 0) data.droppedLinksCount = span.droppedLinksCount;
  if (truncated) data.truncated = truncated;
  return { data, bigValues };
}

/** Milliseconds between two nanosecond decimal strings. */
export const computeDurationMs = (start: string, end: string): number => Number(BigInt(end) - BigInt(start)) / 1e6;

/**
 * A stored span row as the API's SpanRecord.
 *
 * @example
 * toSpanRecord(row, resource, scope).attributes['gen_ai.request.model'];
 */
export function toSpanRecord(row: SpanRow, resource: NormalizedResource, scope: NormalizedScope): SpanRecord {
  const data = readStoredSpanData(row.data);
  return {
    traceId: row.trace_id,
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    name: row.name,
    kind: mapSpanKind(row.kind),
    startTimeUnixNano: data.start,
    endTimeUnixNano: data.end,
    durationMs: computeDurationMs(data.start, data.end),
    status: { code: mapStatusCode(row.status_code), message: data.statusMessage },
    traceState: data.traceState,
    flags: data.flags,
    attributes: toAttributeRecord(data.attributes),
    droppedAttributesCount: data.droppedAttributesCount,
    events: data.events.map((event) => ({ ...event, attributes: toAttributeRecord(event.attributes) })),
    droppedEventsCount: data.droppedEventsCount,
    links: data.links.map((link) => ({ ...link, attributes: toAttributeRecord(link.attributes) })),
    droppedLinksCount: data.droppedLinksCount,
    resource: { attributes: toAttributeRecord(resource.attributes), droppedAttributesCount: resource.droppedAttributesCount, schemaUrl: resource.schemaUrl },
    scope: { name: scope.name, version: scope.version, attributes: toAttributeRecord(scope.attributes), droppedAttributesCount: scope.droppedAttributesCount, schemaUrl: scope.schemaUrl },
    ...(data.truncated ? { truncatedAttributes: data.truncated } : {}),
  };
}

/**
 * A stored span row as an OTLP/JSON span, big values restored: the exact inverse of ingest.
 *
 * @example
 * toOtlpJsonSpan(row, new Map());
 */
export function toOtlpJsonSpan(row: SpanRow, bigValues: ReadonlyMap<string, string>): Record<string, unknown> {
  const data = readStoredSpanData(row.data);
  const attributes: TaggedAttributes = { ...data.attributes };
  for (const [key, value] of bigValues) setAttribute(attributes, key, value);
  return {
    traceId: row.trace_id,
    spanId: row.span_id,
    traceState: data.traceState,
    parentSpanId: row.parent_span_id ?? '',
    flags: data.flags,
    name: row.name,
    kind: row.kind,
    startTimeUnixNano: data.start,
    endTimeUnixNano: data.end,
    attributes: toOtlpKeyValues(attributes),
    droppedAttributesCount: data.droppedAttributesCount,
    events: data.events.map((event) => ({ ...event, attributes: toOtlpKeyValues(event.attributes) })),
    droppedEventsCount: data.droppedEventsCount,
    links: data.links.map((link) => ({ ...link, attributes: toOtlpKeyValues(link.attributes) })),
    droppedLinksCount: data.droppedLinksCount,
    status: { code: row.status_code, message: data.statusMessage },
  };
}

/** The JSON kept per log row. */
export type StoredLogData = Omit<NormalizedLog, 'resource' | 'scope' | 'traceId' | 'spanId'>;

/**
 * A stored log row as the API's LogRecordEntry.
 *
 * @example
 * toLogRecordEntry({ trace_id: null, span_id: null, data }, resource, scope);
 */
export function toLogRecordEntry(row: { trace_id: string | null; span_id: string | null; data: string }, resource: NormalizedResource, scope: NormalizedScope): LogRecordEntry {
  const data = JSON.parse(row.data) as StoredLogData;
  return {
    traceId: row.trace_id,
    spanId: row.span_id,
    timeUnixNano: data.timeUnixNano,
    observedTimeUnixNano: data.observedTimeUnixNano,
    severityNumber: data.severityNumber,
    severityText: data.severityText,
    eventName: data.eventName,
    body: toAttributeValue(data.body),
    attributes: toAttributeRecord(data.attributes),
    droppedAttributesCount: data.droppedAttributesCount,
    flags: data.flags,
    resource: { attributes: toAttributeRecord(resource.attributes), schemaUrl: resource.schemaUrl },
    scope: { name: scope.name, version: scope.version },
  };
}

/** OTLP/JSON resource and scope wrappers, for the trace export. */
export const toOtlpJsonResource = (resource: NormalizedResource): Record<string, unknown> => ({
  attributes: toOtlpKeyValues(resource.attributes),
  droppedAttributesCount: resource.droppedAttributesCount,
});
export const toOtlpJsonScope = (scope: NormalizedScope): Record<string, unknown> => ({
  name: scope.name,
  version: scope.version,
  attributes: toOtlpKeyValues(scope.attributes),
  droppedAttributesCount: scope.droppedAttributesCount,
});
