import Long from 'long';
import protobuf from 'protobufjs';
import { OTLP_PROTO_TEXT } from './otlp-proto-text.js';

// 64-bit fields (nanosecond times, int64 values) must decode exactly: give protobufjs Long
// explicitly, since its own optional lookup of the `long` package fails under bundlers.
protobuf.util.Long = Long;
protobuf.configure();

/** The three OTLP signals the receiver accepts. */
export type OtlpSignal = 'traces' | 'logs' | 'metrics';

const root = protobuf.parse(OTLP_PROTO_TEXT, { keepCase: false }).root;
const lookup = (name: string): protobuf.Type => root.lookupType(`opentelemetry.proto.${name}`);

/** Request and response message types per signal, plus google.rpc.Status for error bodies. */
export const OTLP_MESSAGES = {
  traces: { request: lookup('ExportTraceServiceRequest'), response: lookup('ExportTraceServiceResponse'), rejectedField: 'rejectedSpans' },
  logs: { request: lookup('ExportLogsServiceRequest'), response: lookup('ExportLogsServiceResponse'), rejectedField: 'rejectedLogRecords' },
  metrics: { request: lookup('ExportMetricsServiceRequest'), response: lookup('ExportMetricsServiceResponse'), rejectedField: 'rejectedDataPoints' },
  status: lookup('RpcStatus'),
  metric: lookup('Metric'),
} as const;

/** The key under which each signal's request carries its resource entries. */
export const RESOURCE_FIELD: Record<OtlpSignal, string> = {
  traces: 'resourceSpans',
  logs: 'resourceLogs',
  metrics: 'resourceMetrics',
};
