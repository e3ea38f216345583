/**
 * OTLP/JSON of captured spans: the exact body an OTLP/HTTP JSON exporter would POST to
 * `/v1/traces`, so the viewer's tests can ingest what instrumentation really emits.
 */
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** An OTLP ExportTraceServiceRequest in its JSON encoding. */
export interface OtlpTraceRequestJson {
  readonly resourceSpans: readonly unknown[];
}

/**
 * @example
 * writeFileSync('trace.json', JSON.stringify(toOtlpTraceJson(spans), null, 2));
 */
export function toOtlpTraceJson(spans: readonly ReadableSpan[]): OtlpTraceRequestJson {
  const bytes = JsonTraceSerializer.serializeRequest([...spans]);
  if (!bytes) throw new Error('the OTLP JSON serializer returned nothing');
  return JSON.parse(new TextDecoder().decode(bytes)) as OtlpTraceRequestJson;
}
