/**
 * configureTelemetry(): the whole OpenTelemetry SDK in one call for users who have none yet:
 * tracer, meter and logger providers, OTLP/HTTP exporters (the local viewer by default, the
 * standard OTEL_* variables honoured), batch processors, and a flush when the process ends.
 */
import { metrics } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { computeOtlpEndpoints, computeServiceName, type OtlpEndpoints } from './otlp-endpoints.js';
import { installExitFlush } from './exit-flush.js';

export interface ConfigureTelemetryOptions {
  /** `service.name`; defaults to OTEL_SERVICE_NAME, then `unknown_service:node`. */
  readonly serviceName?: string;
  /** OTLP/HTTP base URL; defaults to the OTEL_EXPORTER_OTLP_* variables, then http://localhost:4318. */
  readonly endpoint?: string;
  /** Extra HTTP headers on every export (the exporters also read OTEL_EXPORTER_OTLP_HEADERS). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Metric export interval in milliseconds (default 10 000). */
  readonly metricExportIntervalMs?: number;
  /** Register the providers as the OpenTelemetry globals (default true). */
  readonly registerGlobal?: boolean;
  /** Flush on beforeExit, SIGTERM and SIGINT, then let the signal end the process (default true). */
  readonly flushOnExit?: boolean;
  /** Environment to read OTEL_* from (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The configured SDK. */
export interface TelemetryHandle {
  readonly tracerProvider: NodeTracerProvider;
  readonly meterProvider: MeterProvider;
  readonly loggerProvider: LoggerProvider;
  readonly endpoints: OtlpEndpoints;
  readonly serviceName: string;
  /** Exports everything buffered now. */
  forceFlush(): Promise<void>;
  /** Flushes, then shuts the providers down and removes the exit handlers; safe to call twice. */
  shutdown(): Promise<void>;
}

/**
 * @example
 * const telemetry = configureTelemetry({ serviceName: 'support-bot' });
 * instrumentAll(new InstrumentationSettings(telemetry));
 */
export function configureTelemetry(options: ConfigureTelemetryOptions = {}): TelemetryHandle {
  const env = options.env ?? process.env;
  const endpoints = computeOtlpEndpoints({ ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}), env });
  const serviceName = computeServiceName({ ...(options.serviceName !== undefined ? { serviceName: options.serviceName } : {}), env });
  const resource = defaultResource().merge(resourceFromAttributes({ 'service.name': serviceName }));
  const headers = options.headers ? { headers: { ...options.headers } } : {};
  const tracerProvider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: endpoints.traces, ...headers }))] });
  const reader = new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter({ url: endpoints.metrics, ...headers }), exportIntervalMillis: options.metricExportIntervalMs ?? 10_000 });
  const meterProvider = new MeterProvider({ resource, readers: [reader] });
  const loggerProvider = new LoggerProvider({ resource, processors: [new BatchLogRecordProcessor(new OTLPLogExporter({ url: endpoints.logs, ...headers }))] });
  if (options.registerGlobal !== false) {
    tracerProvider.register();
    metrics.setGlobalMeterProvider(meterProvider);
    logs.setGlobalLoggerProvider(loggerProvider);
  }
  const forceFlush = async () => {
    await Promise.all([tracerProvider.forceFlush(), meterProvider.forceFlush(), loggerProvider.forceFlush()]);
  };
  let shutdownPromise: Promise<void> | undefined;
  let removeExitFlush = () => {};
  const shutdown = () => {
    shutdownPromise ??= (async () => {
      removeExitFlush();
      await Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown(), loggerProvider.shutdown()]);
    })();
    return shutdownPromise;
  };
  if (options.flushOnExit !== false) removeExitFlush = installExitFlush(shutdown);
  return { tracerProvider, meterProvider, loggerProvider, endpoints, serviceName, forceFlush, shutdown };
}
