/**
 * Projections of captured telemetry for snapshots (pure): only what a reader compares, with
 * JSON-looking string attributes parsed, as pydantic-ai's own test helpers do.
 */
import { SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

export type ProjectedSpanKind = 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';

export interface ProjectedEvent {
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

export interface ProjectedStatus {
  readonly code: 'UNSET' | 'OK' | 'ERROR';
  readonly message?: string;
}

/** A span as snapshots show it. `parent` is the parent span's name (null for a root). */
export interface ProjectedSpan {
  readonly name: string;
  readonly kind: ProjectedSpanKind;
  readonly parent: string | null;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly events: readonly ProjectedEvent[];
  readonly status: ProjectedStatus;
}

/** Parses a string that looks like a JSON object or array; other values are returned as they are. @example parseJsonLooking('[1]') // [1] */
export function parseJsonLooking(value: unknown): unknown {
  if (typeof value !== 'string' || !(value.startsWith('{') || value.startsWith('['))) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Attributes with JSON-looking strings parsed. @example toParsedAttributes({ a: '{"b":1}' }) // { a: { b: 1 } } */
export function toParsedAttributes(attributes: Attributes | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes ?? {})) out[key] = parseJsonLooking(value);
  return out;
}

function mapKind(kind: SpanKind): ProjectedSpanKind {
  switch (kind) {
    case SpanKind.INTERNAL:
      return 'INTERNAL';
    case SpanKind.SERVER:
      return 'SERVER';
    case SpanKind.CLIENT:
      return 'CLIENT';
    case SpanKind.PRODUCER:
      return 'PRODUCER';
    case SpanKind.CONSUMER:
      return 'CONSUMER';
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

function toProjectedStatus(status: ReadableSpan['status']): ProjectedStatus {
  const code = status.code === SpanStatusCode.ERROR ? 'ERROR' : status.code === SpanStatusCode.OK ? 'OK' : 'UNSET';
  return status.message ? { code, message: status.message } : { code };
}

/**
 * `{name, kind, parent, attributes, events, status}` per span, in the order given.
 * @example
 * expect(projectSpans(telemetry.finishedSpans())).toMatchSnapshot();
 */
export function projectSpans(spans: readonly ReadableSpan[]): ProjectedSpan[] {
  const names = new Map(spans.map((span) => [span.spanContext().spanId, span.name] as const));
  return spans.map((span) => ({
    name: span.name,
    kind: mapKind(span.kind),
    parent: span.parentSpanContext ? (names.get(span.parentSpanContext.spanId) ?? null) : null,
    attributes: toParsedAttributes(span.attributes),
    events: span.events.map((event) => ({ name: event.name, attributes: toParsedAttributes(event.attributes) })),
    status: toProjectedStatus(span.status),
  }));
}
