/**
 * The receiver's normalised form of OTLP data, shared by the protobuf and JSON paths and
 * stored as is. Values keep their OTLP type exactly (see TaggedValue), so nothing on the wire
 * is lost between decoding and the store.
 */

/**
 * An OTLP AnyValue without loss: strings, booleans, safe integers and non-integral doubles as
 * JSON; `$i` an int64 beyond 2^53, `$d` a double JSON would confuse with an int (5.0, NaN, ±Inf,
 * -0), `$b` base64 bytes, `$kv` an ordered kvlist, null an empty AnyValue.
 */
export type TaggedValue =
  | string
  | number
  | boolean
  | null
  | TaggedValue[]
  | { readonly $i: string }
  | { readonly $d: number | string }
  | { readonly $b: string }
  | { readonly $kv: [string, TaggedValue][] };

export type TaggedAttributes = Record<string, TaggedValue>;

export interface NormalizedResource {
  readonly attributes: TaggedAttributes;
  readonly droppedAttributesCount: number;
  readonly schemaUrl: string;
}

export interface NormalizedScope {
  readonly name: string;
  readonly version: string;
  readonly attributes: TaggedAttributes;
  readonly droppedAttributesCount: number;
  readonly schemaUrl: string;
}

export interface NormalizedEvent {
  readonly name: string;
  readonly timeUnixNano: string;
  readonly attributes: TaggedAttributes;
  readonly droppedAttributesCount: number;
}

export interface NormalizedLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceState: string;
  readonly flags: number;
  readonly attributes: TaggedAttributes;
  readonly droppedAttributesCount: number;
}

export interface NormalizedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly name: string;
  /** OTLP SpanKind number (0 unspecified … 5 consumer). */
  readonly kind: number;
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  /** OTLP StatusCode number (0 unset, 1 ok, 2 error). */
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly traceState: string;
  readonly flags: number;
  readonly attributes: TaggedAttributes;
  readonly droppedAttributesCount: number;
  readonly events: readonly NormalizedEvent[];
  readonly droppedEventsCount: number;
  readonly links: readonly NormalizedLink[];
  readonly droppedLinksCount: number;
  readonly resource: NormalizedResource;
  readonly scope: NormalizedScope;
}

export interface NormalizedLog {
  readonly traceId: string | null;
  readonly spanId: string | null;
  readonly timeUnixNano: string;
  readonly observedTimeUnixNano: string;
  readonly severityNumber: number;
  readonly severityText: string;
  readonly eventName: string;
  readonly body: TaggedValue;
  readonly attributes: TaggedAttributes;
  readonly droppedAttributesCount: number;
  readonly flags: number;
  readonly resource: NormalizedResource;
  readonly scope: NormalizedScope;
}

/**
 * One metric data point as received, with what identifies it in OTLP (resource, scope, metric
 * name and type, point attributes, start and time) and the figures the viewer summarises.
 */
export interface NormalizedMetricPoint {
  readonly resource: NormalizedResource;
  readonly scope: NormalizedScope;
  readonly serviceName: string;
  readonly name: string;
  readonly unit: string;
  readonly type: 'gauge' | 'sum' | 'histogram' | 'exponentialHistogram' | 'summary';
  /** A running total since startTimeUnixNano (cumulative sums and histograms, summaries): the latest point of a series counts, not every point. */
  readonly cumulative: boolean;
  readonly attributes: TaggedAttributes;
  readonly startTimeUnixNano: string;
  readonly timeUnixNano: string;
  /** The histogram/summary sum, or the gauge/sum value. */
  readonly valueSum: number;
  /** The histogram/summary count, or 1 for a gauge/sum point. */
  readonly valueCount: number;
  /** The metric in OTLP/JSON shape with this one data point. */
  readonly data: unknown;
}

/** A single item the receiver refused, with where it was in the request. */
export interface RejectedItem {
  readonly where: string;
  readonly reason: string;
}
