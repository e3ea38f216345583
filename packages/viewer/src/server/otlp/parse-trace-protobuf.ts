import { setAttribute } from './any-value.js';
import type { NormalizedEvent, NormalizedLink, NormalizedResource, NormalizedScope, NormalizedSpan, TaggedAttributes, TaggedValue } from './normalized-types.js';
import { OtlpDecodeError } from './otlp-decode-error.js';
import type { ParsedTraceRequest } from './parse-trace-request.js';
import { ProtobufReader, toOtlpDecodeError } from './protobuf-reader.js';

const MAX_DEPTH = 64;

/** Thrown for a span with a bad id; the span alone is refused. */
class RejectSpan extends Error {}

type IdField = string | null | { error: string };

/** A bytes id field as lowercase hex; null when empty or all zero; an error text for a wrong length (as parseIdField). */
function readId(reader: ProtobufReader, bytes: number): IdField {
  const start = reader.bytesStart();
  const length = reader.pos - start;
  if (length === 0) return null;
  if (length !== bytes) return { error: `expected ${bytes} bytes, got ${length}` };
  const hex = reader.buf.toString('hex', start, start + length);
  for (let index = 0; index < hex.length; index++) if (hex.charCodeAt(index) !== 48) return hex;
  return null;
}

function requireId(id: IdField, where: () => string): string {
  if (id === null) throw new RejectSpan(`${where()}: missing or all-zero id`);
  if (typeof id !== 'string') throw new RejectSpan(`${where()}: ${id.error}`);
  return id;
}

/** An AnyValue; with several oneof members on the wire, the one parseAnyValue prefers wins. */
function readAnyValue(reader: ProtobufReader, depth: number): TaggedValue {
  if (depth > MAX_DEPTH) throw new OtlpDecodeError('attributes', `values nested deeper than ${MAX_DEPTH} levels`);
  const outer = reader.enter();
  let string: string | undefined;
  let bool: boolean | undefined;
  let int: number | string | undefined;
  let double: number | undefined;
  let bytes: string | undefined;
  let array: TaggedValue[] | undefined;
  let kvlist: [string, TaggedValue][] | undefined;
  while (reader.pos < reader.end) {
    const tag = reader.uint32();
    switch (tag) {
      case 10: string = reader.recurringString(); break;
      case 16: bool = reader.uint32() !== 0; break;
      case 24: int = reader.int64(); break;
      case 33: double = reader.double(); break;
      case 42: {
        array = [];
        const inner = reader.enter();
        while (reader.pos < reader.end) {
          const field = reader.uint32();
          if (field === 10) array.push(readAnyValue(reader, depth + 1));
          else reader.skip(field & 7);
        }
        reader.leave(inner);
        break;
      }
      case 50: {
        kvlist = [];
        const inner = reader.enter();
        while (reader.pos < reader.end) {
          const field = reader.uint32();
          if (field === 10) readKeyValue(reader, depth + 1, kvlist);
          else reader.skip(field & 7);
        }
        reader.leave(inner);
        break;
      }
      case 58: {
        const start = reader.bytesStart();
        bytes = reader.buf.toString('base64', start, reader.pos);
        break;
      }
      default: reader.skip(tag & 7);
    }
  }
  reader.leave(outer);
  if (string !== undefined) return string;
  if (bool !== undefined) return bool;
  if (int !== undefined) return typeof int === 'number' ? int : { $i: int };
  if (double !== undefined) return toTaggedDouble(double);
  if (bytes !== undefined) return { $b: bytes };
  if (array !== undefined) return array;
  if (kvlist !== undefined) return { $kv: kvlist };
  return null;
}

function toTaggedDouble(number: number): TaggedValue {
  if (Number.isNaN(number)) return { $d: 'NaN' };
  if (!Number.isFinite(number)) return { $d: number > 0 ? 'Infinity' : '-Infinity' };
  return Number.isInteger(number) ? { $d: number === 0 && 1 / number < 0 ? '-0' : number } : number;
}

/**
 * Reads one KeyValue into `into`: a kvlist's entries (appended) or attributes (a later
 * duplicate key wins, as in parseKeyValues). No pair is allocated for attributes.
 */
function readKeyValue(reader: ProtobufReader, depth: number, into: [string, TaggedValue][] | TaggedAttributes): void {
  const outer = reader.enter();
  let key = '';
  let value: TaggedValue = null;
  while (reader.pos < reader.end) {
    const tag = reader.uint32();
    if (tag === 10) key = reader.recurringString();
    else if (tag === 18) value = readAnyValue(reader, depth);
    else reader.skip(tag & 7);
  }
  reader.leave(outer);
  if (Array.isArray(into)) into.push([key, value]);
  else setAttribute(into, key, value);
}

/** Adds one KeyValue to `attributes`. */
const readAttribute = (reader: ProtobufReader, attributes: TaggedAttributes): void => readKeyValue(reader, 0, attributes);

function readResource(reader: ProtobufReader): { attributes: TaggedAttributes; droppedAttributesCount: number } {
  const outer = reader.enter();
  const attributes: TaggedAttributes = {};
  let droppedAttributesCount = 0;
  while (reader.pos < reader.end) {
    const tag = reader.uint32();
    if (tag === 10) readAttribute(reader, attributes);
    else if (tag === 16) droppedAttributesCount = reader.uint32();
    else reader.skip(tag & 7);
  }
  reader.leave(outer);
  return { attributes, droppedAttributesCount };
}

function readScope(reader: ProtobufReader): Omit<NormalizedScope, 'schemaUrl'> {
  const outer = reader.enter();
  let name = '';
  let version = '';
  const attributes: TaggedAttributes = {};
  let droppedAttributesCount = 0;
  while (reader.pos < reader.end) {
    const tag = reader.uint32();
    if (tag === 10) name = reader.string();
    else if (tag === 18) version = reader.string();
    else if (tag === 26) readAttribute(reader, attributes);
    else if (tag === 32) droppedAttributesCount = reader.uint32();
    else reader.skip(tag & 7);
  }
  reader.leave(outer);
  return { name, version, attributes, droppedAttributesCount };
}

function readEvent(reader: ProtobufReader): NormalizedEvent {
  const outer = reader.enter();
  let name = '';
  let timeUnixNano = '0';
  const attributes: TaggedAttributes = {};
  let droppedAttributesCount = 0;
  while (reader.pos < reader.end) {
    const tag = reader.uint32();
    if (tag === 9) timeUnixNano = reader.fixed64String();
    else if (tag === 18) name = reader.string();
    else if (tag === 26) readAttribute(reader, attributes);
    else if (tag === 32) droppedAttributesCount = reader.uint32();
    else reader.skip(tag & 7);
  }
  reader.leave(outer);
  return { name, timeUnixNano, attributes, droppedAttributesCount };
}

function readLink(reader: ProtobufReader, where: () => string): NormalizedLink {
  const outer = reader.enter();
  let traceId: IdField = null;
  let spanId: IdField = null;
  let traceState = '';
  const attributes: TaggedAttributes = {};
  let droppedAttributesCount = 0;
  let flags = 0;
  while (reader.pos < reader.end) {
    const tag = reader.uint32();
    if (tag === 10) traceId = readId(reader, 16);
    else if (tag === 18) spanId = readId(reader, 8);
    else if (tag === 26) traceState = reader.string();
    else if (tag === 34) readAttribute(reader, attributes);
    else if (tag === 40) droppedAttributesCount = reader.uint32();
    else if (tag === 53) flags = reader.fixed32();
    else reader.skip(tag & 7);
  }
  reader.leave(outer);
  return {
    traceId: requireId(traceId, () => `${where()}.traceId`),
    spanId: requireId(spanId, () => `${where()}.spanId`),
    traceState,
    flags,
    attributes,
    droppedAttributesCount,
  };
}

/** A Span, its ids checked in the order parseTraceRequest checks them. */
function readSpan(reader: ProtobufReader, resource: NormalizedResource, scope: NormalizedScope, where: () => string): NormalizedSpan {
  const outer = reader.enter();
  let traceId: IdField = null;
  let spanId: IdField = null;
  let parentSpanId: IdField = null;
  let traceState = '';
  let flags = 0;
  let name = '';
  let kind = 0;
  let startTimeUnixNano = '0';
  let endTimeUnixNano = '0';
  const attributes: TaggedAttributes = {};
  let droppedAttributesCount = 0;
  const events: NormalizedEvent[] = [];
  let droppedEventsCount = 0;
  const linkStarts: number[] = [];
  let droppedLinksCount = 0;
  let statusCode = 0;
  let statusMessage = '';
  while (reader.pos < reader.end) {
    const tag = reader.uint32();
    switch (tag) {
      case 10: traceId = readId(reader, 16); break;
      case 18: spanId = readId(reader, 8); break;
      case 26: traceState = reader.string(); break;
      case 34: parentSpanId = readId(reader, 8); break;
      case 42: name = reader.recurringString(); break;
      case 48: kind = reader.uint32() | 0; break;
      case 57: startTimeUnixNano = reader.fixed64String(); break;
      case 65: endTimeUnixNano = reader.fixed64String(); break;
      case 74: readAttribute(reader, attributes); break;
      case 80: droppedAttributesCount = reader.uint32(); break;
      case 90: events.push(readEvent(reader)); break;
      case 96: droppedEventsCount = reader.uint32(); break;
      case 106: linkStarts.push(reader.pos); reader.skip(2); break;
      case 112: droppedLinksCount = reader.uint32(); break;
      case 122: {
        // A repeated Status replaces the earlier one, as in protobufjs.
        statusCode = 0;
        statusMessage = '';
        const inner = reader.enter();
        while (reader.pos < reader.end) {
          const field = reader.uint32();
          if (field === 18) statusMessage = reader.string();
          else if (field === 24) statusCode = reader.uint32() | 0;
          else reader.skip(field & 7);
        }
        reader.leave(inner);
        break;
      }
      case 133: flags = reader.fixed32(); break;
      default: reader.skip(tag & 7);
    }
  }
  const end = reader.pos;
  if (parentSpanId !== null && typeof parentSpanId !== 'string') throw new RejectSpan(`${where()}.parentSpanId: ${parentSpanId.error}`);
  const checkedTraceId = requireId(traceId, () => `${where()}.traceId`);
  const checkedSpanId = requireId(spanId, () => `${where()}.spanId`);
  const links = linkStarts.map((start, index) => {
    reader.pos = start;
    return readLink(reader, () => `${where()}.links[${index}]`);
  });
  reader.pos = end;
  reader.leave(outer);
  return {
    traceId: checkedTraceId,
    spanId: checkedSpanId,
    parentSpanId,
    name,
    kind,
    startTimeUnixNano,
    endTimeUnixNano,
    statusCode,
    statusMessage,
    traceState,
    flags,
    attributes,
    droppedAttributesCount,
    events,
    droppedEventsCount,
    links,
    droppedLinksCount,
    resource,
    scope,
  };
}

/** Reads one ScopeSpans into `spans` / `rejected`. */
function readScopeSpans(reader: ProtobufReader, resource: NormalizedResource, scopeWhere: string, out: ParsedTraceRequest): void {
  const outer = reader.enter();
  let scope: Omit<NormalizedScope, 'schemaUrl'> = { name: '', version: '', attributes: {}, droppedAttributesCount: 0 };
  let schemaUrl = '';
  const spanStarts: number[] = [];
  while (reader.pos < reader.end) {
    const tag = reader.uint32();
    if (tag === 10) scope = readScope(reader);
    else if (tag === 18) {
      spanStarts.push(reader.pos);
      reader.skip(2);
    } else if (tag === 26) schemaUrl = reader.string();
    else reader.skip(tag & 7);
  }
  const end = reader.pos;
  const normalizedScope: NormalizedScope = { ...scope, schemaUrl };
  const scopeEnd = reader.end;
  spanStarts.forEach((start, index) => {
    reader.pos = start;
    const where = (): string => `${scopeWhere}.spans[${index}]`;
    try {
      out.spans.push(readSpan(reader, resource, normalizedScope, where));
    } catch (error) {
      if (!(error instanceof RejectSpan)) throw error;
      reader.end = scopeEnd;
      out.rejected.push({ where: where(), reason: error.message });
    }
  });
  reader.pos = end;
  reader.leave(outer);
}

/** Reads one ResourceSpans into `out`. */
function readResourceSpans(reader: ProtobufReader, resourceWhere: string, out: ParsedTraceRequest): void {
  const outer = reader.enter();
  let resource: { attributes: TaggedAttributes; droppedAttributesCount: number } = { attributes: {}, droppedAttributesCount: 0 };
  let schemaUrl = '';
  const scopeStarts: number[] = [];
  while (reader.pos < reader.end) {
    const tag = reader.uint32();
    if (tag === 10) resource = readResource(reader);
    else if (tag === 18) {
      scopeStarts.push(reader.pos);
      reader.skip(2);
    } else if (tag === 26) schemaUrl = reader.string();
    else reader.skip(tag & 7);
  }
  const end = reader.pos;
  const normalized: NormalizedResource = { attributes: resource.attributes, droppedAttributesCount: resource.droppedAttributesCount, schemaUrl };
  scopeStarts.forEach((start, index) => {
    reader.pos = start;
    readScopeSpans(reader, normalized, `${resourceWhere}.scopeSpans[${index}]`, out);
  });
  reader.pos = end;
  reader.leave(outer);
}

/**
 * An ExportTraceServiceRequest in protobuf wire format straight to normalised spans, without
 * protobufjs message objects: the same result as `parseTraceRequest(decodeOtlpBody('traces',
 * 'protobuf', body))` (a span with a bad id is refused alone, `where` as there), several times
 * faster. Bytes that are not a valid message throw OtlpDecodeError.
 *
 * @example
 * const { spans, rejected } = parseTraceProtobuf(body);
 */
export function parseTraceProtobuf(body: Uint8Array): ParsedTraceRequest {
  const out: ParsedTraceRequest = { spans: [], rejected: [] };
  const reader = new ProtobufReader(body);
  try {
    let index = 0;
    while (reader.pos < reader.end) {
      const tag = reader.uint32();
      if (tag === 10) readResourceSpans(reader, `resourceSpans[${index++}]`, out);
      else reader.skip(tag & 7);
    }
  } catch (error) {
    throw toOtlpDecodeError(error, 'ExportTraceServiceRequest');
  }
  return out;
}
