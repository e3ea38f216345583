import { parseKeyValues } from './any-value.js';
import type { NormalizedEvent, NormalizedLink, NormalizedSpan, RejectedItem } from './normalized-types.js';
import { parseScopedItems } from './parse-envelope.js';
import { parseArrayField, parseEnumField, parseIdField, parseMessageField, parseNanosField, parseStringField, parseUintField } from './wire-read.js';

const SPAN_KINDS = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'] as const;
const STATUS_CODES = ['UNSET', 'OK', 'ERROR'] as const;

/** The spans of one ExportTraceServiceRequest and the ones refused (bad ids). */
export interface ParsedTraceRequest {
  readonly spans: NormalizedSpan[];
  readonly rejected: RejectedItem[];
}

class RejectSpan extends Error {}

function requireId(value: unknown, bytes: number, where: string): string {
  const parsed = parseIdField(value, bytes);
  if ('error' in parsed) throw new RejectSpan(`${where}: ${parsed.error}`);
  if (parsed.id === null) throw new RejectSpan(`${where}: missing or all-zero id`);
  return parsed.id;
}

function parseEvent(raw: unknown, where: string): NormalizedEvent {
  const event = parseMessageField(raw, where);
  return {
    name: parseStringField(event.name, `${where}.name`),
    timeUnixNano: parseNanosField(event.timeUnixNano, `${where}.timeUnixNano`),
    attributes: parseKeyValues(event.attributes, `${where}.attributes`),
    droppedAttributesCount: parseUintField(event.droppedAttributesCount, `${where}.droppedAttributesCount`),
  };
}

function parseLink(raw: unknown, where: string): NormalizedLink {
  const link = parseMessageField(raw, where);
  return {
    traceId: requireId(link.traceId, 16, `${where}.traceId`),
    spanId: requireId(link.spanId, 8, `${where}.spanId`),
    traceState: parseStringField(link.traceState, `${where}.traceState`),
    flags: parseUintField(link.flags, `${where}.flags`),
    attributes: parseKeyValues(link.attributes, `${where}.attributes`),
    droppedAttributesCount: parseUintField(link.droppedAttributesCount, `${where}.droppedAttributesCount`),
  };
}

/**
 * An ExportTraceServiceRequest (decoded protobuf or OTLP/JSON) as normalised spans. A span with
 * a bad id is refused alone; a body of the wrong shape throws OtlpDecodeError with `where`.
 *
 * @example
 * parseTraceRequest({ resourceSpans: [] }); // { spans: [], rejected: [] }
 */
export function parseTraceRequest(body: unknown): ParsedTraceRequest {
  const spans: NormalizedSpan[] = [];
  const rejected: RejectedItem[] = [];
  for (const group of parseScopedItems(body, 'resourceSpans', 'scopeSpans', 'spans')) {
    group.items.forEach((raw, index) => {
      const where = `${group.where}[${index}]`;
      try {
        spans.push(parseSpan(raw, where, group));
      } catch (error) {
        if (error instanceof RejectSpan) rejected.push({ where, reason: error.message });
        else throw error;
      }
    });
  }
  return { spans, rejected };
}

function parseSpan(raw: unknown, where: string, group: Pick<NormalizedSpan, 'resource' | 'scope'>): NormalizedSpan {
  const span = parseMessageField(raw, where);
  const parent = parseIdField(span.parentSpanId, 8);
  if ('error' in parent) throw new RejectSpan(`${where}.parentSpanId: ${parent.error}`);
  const status = parseMessageField(span.status, `${where}.status`);
  const startTimeUnixNano = parseNanosField(span.startTimeUnixNano, `${where}.startTimeUnixNano`);
  const endTimeUnixNano = parseNanosField(span.endTimeUnixNano, `${where}.endTimeUnixNano`);
  return {
    traceId: requireId(span.traceId, 16, `${where}.traceId`),
    spanId: requireId(span.spanId, 8, `${where}.spanId`),
    parentSpanId: parent.id,
    name: parseStringField(span.name, `${where}.name`),
    kind: parseEnumField(span.kind, SPAN_KINDS, 'SPAN_KIND_', `${where}.kind`),
    startTimeUnixNano,
    endTimeUnixNano,
    statusCode: parseEnumField(status.code, STATUS_CODES, 'STATUS_CODE_', `${where}.status.code`),
    statusMessage: parseStringField(status.message, `${where}.status.message`),
    traceState: parseStringField(span.traceState, `${where}.traceState`),
    flags: parseUintField(span.flags, `${where}.flags`),
    attributes: parseKeyValues(span.attributes, `${where}.attributes`),
    droppedAttributesCount: parseUintField(span.droppedAttributesCount, `${where}.droppedAttributesCount`),
    events: parseArrayField(span.events, `${where}.events`).map((event, index) => parseEvent(event, `${where}.events[${index}]`)),
    droppedEventsCount: parseUintField(span.droppedEventsCount, `${where}.droppedEventsCount`),
    links: parseArrayField(span.links, `${where}.links`).map((link, index) => parseLink(link, `${where}.links[${index}]`)),
    droppedLinksCount: parseUintField(span.droppedLinksCount, `${where}.droppedLinksCount`),
    resource: group.resource,
    scope: group.scope,
  };
}
