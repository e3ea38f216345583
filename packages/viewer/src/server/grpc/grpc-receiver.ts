import { Server, ServerCredentials, status, type ServiceDefinition, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { encodeOtlpResponse } from '../otlp/otlp-codec.js';
import { IngestOverloadError } from '../otlp/ingest-overload-error.js';
import { OtlpDecodeError } from '../otlp/otlp-decode-error.js';
import type { OtlpSignal } from '../otlp/otlp-messages.js';
import type { TraceBodyPreparer } from '../otlp/trace-body-preparer.js';
import type { IngestGate } from '../http/ingest-gate.js';
import { ingestOtlpBody, toRejectionMessage } from '../http/otlp-ingest.js';
import type { SpanStore } from '../store/span-store.js';

const SERVICES: Record<OtlpSignal, string> = {
  traces: '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
  logs: '/opentelemetry.proto.collector.logs.v1.LogsService/Export',
  metrics: '/opentelemetry.proto.collector.metrics.v1.MetricsService/Export',
};

const passThrough = (value: Buffer): Buffer => value;

/** A pure-JS service definition: raw bytes in and out, decoded by our protobufjs messages. */
const toServiceDefinition = (signal: OtlpSignal): ServiceDefinition => ({
  Export: {
    path: SERVICES[signal],
    requestStream: false,
    responseStream: false,
    requestSerialize: passThrough,
    requestDeserialize: passThrough,
    responseSerialize: passThrough,
    responseDeserialize: passThrough,
  },
});

/** Options for startGrpcReceiver. */
export interface GrpcReceiverOptions {
  readonly store: SpanStore;
  readonly gate: IngestGate;
  readonly host: string;
  readonly port: number;
  readonly maxRequestBytes: number;
  readonly onIngest: (traceIds: readonly string[]) => void;
  /** Where trace bodies are parsed and prepared (default: the process-wide worker). */
  readonly preparer?: TraceBodyPreparer;
}

/** A running OTLP/gRPC receiver. */
export interface GrpcReceiver {
  readonly port: number;
  close(): Promise<void>;
}

const formatHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * OTLP/gRPC on @grpc/grpc-js: TraceService, LogsService and MetricsService Export.
 *
 * @example
 * const grpc = await startGrpcReceiver({ store, gate, host: '127.0.0.1', port: 4317, maxRequestBytes, onIngest });
 */
/** grpc-js reports a port in use in its message only: give it the `EADDRINUSE` code a listen error has. */
function toBindError(error: Error, options: Pick<GrpcReceiverOptions, 'host' | 'port'>): Error {
  if (!error.message.includes('EADDRINUSE')) return error;
  return Object.assign(new Error(`gRPC port ${options.port} is already in use on ${options.host}`, { cause: error }), { code: 'EADDRINUSE' });
}

export async function startGrpcReceiver(options: GrpcReceiverOptions): Promise<GrpcReceiver> {
  const server = new Server({ 'grpc.max_receive_message_length': options.maxRequestBytes });
  for (const signal of ['traces', 'logs', 'metrics'] as const) {
    server.addService(toServiceDefinition(signal), {
      Export: (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => void handleExport(options, signal, call.request, callback),
    });
  }
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${formatHost(options.host)}:${options.port}`, ServerCredentials.createInsecure(), (error, boundPort) => (error ? reject(toBindError(error, options)) : resolve(boundPort)));
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.forceShutdown(), 2_000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

async function handleExport(options: GrpcReceiverOptions, signal: OtlpSignal, body: Buffer, callback: sendUnaryData<Buffer>): Promise<void> {
  const release = options.gate.tryEnter(body.length);
  if (release === null) return callback({ code: status.UNAVAILABLE, details: 'Ingest queue is full; retry later' });
  try {
    const outcome = await ingestOtlpBody(options.store, signal, 'protobuf', body, options.preparer);
    if (outcome.result.changedTraceIds.length > 0) options.onIngest(outcome.result.changedTraceIds);
    callback(null, Buffer.from(encodeOtlpResponse(signal, 'protobuf', outcome.rejected.length, toRejectionMessage(outcome.rejected)) as Uint8Array));
  } catch (error) {
    if (OtlpDecodeError.is(error)) callback({ code: status.INVALID_ARGUMENT, details: `Bad OTLP ${signal} request: ${error.message}` });
    else if (IngestOverloadError.is(error)) callback({ code: status.UNAVAILABLE, details: `${error.message}; retry later` });
    else {
      console.error('[hopscope] gRPC export failed:', error);
      callback({ code: status.INTERNAL, details: 'Internal server error' });
    }
  } finally {
    release();
  }
}
