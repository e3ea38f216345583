/**
 * configureTelemetry(): the whole OpenTelemetry SDK in one call for users who have none yet:
 * tracer, meter and logger providers, OTLP/HTTP exporters (the local viewer by default, the
 * standard OTEL_* variables honoured), batch processors, and a flush when the process ends.
 */
import { diag, metrics, propagation, trace, type TracerProvider } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { OTLPLogExporter as JsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtobufLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtobufMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider, type LogRecordExporter } from '@opentelemetry/sdk-logs';
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { hasWorkingContextManager } from './context-manager.js';
import { installExitFlush } from './exit-flush.js';
import { computeOtlpEndpoints, type OtlpEndpoints } from './otlp-endpoints.js';
import { parseOtlpProtocols, type OtlpProtocol, type OtlpProtocols } from './otlp-protocol.js';
import { computeResourceAttributes } from './telemetry-resource.js';

export interface ConfigureTelemetryOptions {
  /** `service.name`; wins over OTEL_SERVICE_NAME, which wins over `service.name` in OTEL_RESOURCE_ATTRIBUTES; then `unknown_service:node`. */
  readonly serviceName?: string;
  /** OTLP/HTTP base URL; defaults to the OTEL_EXPORTER_OTLP_* variables, then http://localhost:4318. */
  readonly endpoint?: string;
  /** `'http/protobuf'` or `'http/json'`; defaults to the OTEL_EXPORTER_OTLP_[SIGNAL_]PROTOCOL variables, then `'http/protobuf'` (the specification's default). */
  readonly protocol?: OtlpProtocol;
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
  readonly protocols: OtlpProtocols;
  readonly serviceName: string;
  /** Exports everything buffered now. */
  forceFlush(): Promise<void>;
  /** Flushes, then shuts the providers down, removes the exit handlers and the global registrations still its own; safe to call twice. */
  shutdown(): Promise<void>;
}

/** Everything the options and the environment decide, resolved before any provider is made. */
interface TelemetryPlan {
  readonly endpoints: OtlpEndpoints;
  readonly protocols: OtlpProtocols;
  readonly serviceName: string;
  readonly resourceAttributes: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>> | undefined;
  readonly metricExportIntervalMs: number;
  readonly registerGlobal: boolean;
  readonly flushOnExit: boolean;
}

function planTelemetry(options: ConfigureTelemetryOptions): TelemetryPlan {
  const env = options.env ?? process.env;
  const protocols = parseOtlpProtocols({ protocol: options.protocol, env });
  const resource = computeResourceAttributes({ serviceName: options.serviceName, env });
  if (resource.problem !== undefined) diag.warn(`@hopscope/instrumentation: ${resource.problem}`);
  return {
    endpoints: computeOtlpEndpoints({ ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}), env }),
    protocols,
    serviceName: resource.serviceName,
    resourceAttributes: resource.attributes,
    headers: options.headers ? { ...options.headers } : undefined,
    metricExportIntervalMs: options.metricExportIntervalMs ?? 10_000,
    registerGlobal: options.registerGlobal !== false,
    flushOnExit: options.flushOnExit !== false,
  };
}

interface ExporterConfig {
  readonly url: string;
  readonly headers?: Record<string, string>;
}

const EXPORTERS: Record<OtlpProtocol, { traces(c: ExporterConfig): SpanExporter; metrics(c: ExporterConfig): PushMetricExporter; logs(c: ExporterConfig): LogRecordExporter }> = {
  'http/protobuf': { traces: (c) => new ProtobufTraceExporter(c), metrics: (c) => new ProtobufMetricExporter(c), logs: (c) => new ProtobufLogExporter(c) },
  'http/json': { traces: (c) => new JsonTraceExporter(c), metrics: (c) => new JsonMetricExporter(c), logs: (c) => new JsonLogExporter(c) },
};

interface Providers {
  readonly tracerProvider: NodeTracerProvider;
  readonly meterProvider: MeterProvider;
  readonly loggerProvider: LoggerProvider;
}

/** The providers this module last made global (one SDK at a time: a new registration replaces them). */
let registered: Providers | undefined;

function isGlobalTracerProvider(provider: TracerProvider): boolean {
  const global = trace.getTracerProvider() as TracerProvider & { getDelegate?: () => TracerProvider };
  return (global.getDelegate?.() ?? global) === provider;
}

/** Removes the global registrations of `providers` that are still theirs (never a user's own SDK). */
function unregisterGlobals(providers: Providers): void {
  if (isGlobalTracerProvider(providers.tracerProvider)) trace.disable();
  if (metrics.getMeterProvider() === providers.meterProvider) metrics.disable();
  if (logs.getLoggerProvider() === providers.loggerProvider) logs.disable();
  if (registered === providers) registered = undefined;
}

/** Registers the providers, replacing the ones this module registered before; a context manager and propagator already in place are kept. */
function registerGlobals(providers: Providers): void {
  if (registered !== undefined) unregisterGlobals(registered);
  providers.tracerProvider.register({ ...(hasWorkingContextManager() ? { contextManager: null } : {}), ...(propagation.fields().length > 0 ? { propagator: null } : {}) });
  metrics.setGlobalMeterProvider(providers.meterProvider);
  logs.setGlobalLoggerProvider(providers.loggerProvider);
  registered = providers;
}

/** The plan of every handle not yet shut down, as JSON: what instrumentAll compares to reuse one. */
const livePlans = new WeakMap<TelemetryHandle, string>();

function buildTelemetry(plan: TelemetryPlan, retiring: Promise<void> | undefined): TelemetryHandle {
  const { endpoints, protocols } = plan;
  const resource = defaultResource().merge(resourceFromAttributes(plan.resourceAttributes));
  const headers = plan.headers ? { headers: { ...plan.headers } } : {};
  const exporters = (signal: 'traces' | 'metrics' | 'logs') => ({ url: endpoints[signal], ...headers });
  const tracerProvider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(EXPORTERS[protocols.traces].traces(exporters('traces')))] });
  const reader = new PeriodicExportingMetricReader({ exporter: EXPORTERS[protocols.metrics].metrics(exporters('metrics')), exportIntervalMillis: plan.metricExportIntervalMs });
  const meterProvider = new MeterProvider({ resource, readers: [reader] });
  const loggerProvider = new LoggerProvider({ resource, processors: [new BatchLogRecordProcessor(EXPORTERS[protocols.logs].logs(exporters('logs')))] });
  const providers = { tracerProvider, meterProvider, loggerProvider };
  if (plan.registerGlobal) registerGlobals(providers);
  const forceFlush = async () => {
    await Promise.all([tracerProvider.forceFlush(), meterProvider.forceFlush(), loggerProvider.forceFlush()]);
  };
  let shutdownPromise: Promise<void> | undefined;
  let removeExitFlush = () => {};
  const shutdown = () => {
    shutdownPromise ??= (async () => {
      livePlans.delete(handle);
      removeExitFlush();
      unregisterGlobals(providers);
      // A handle replaced by this one may still be flushing: an exit waits for both.
      await Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown(), loggerProvider.shutdown(), retiring]);
    })();
    return shutdownPromise;
  };
  if (plan.flushOnExit) removeExitFlush = installExitFlush(shutdown);
  const handle: TelemetryHandle = { ...providers, endpoints, protocols, serviceName: plan.serviceName, forceFlush, shutdown };
  livePlans.set(handle, JSON.stringify(plan));
  return handle;
}

/**
 * @example
 * const telemetry = configureTelemetry({ serviceName: 'support-bot' });
 * instrumentAll(new InstrumentationSettings(telemetry));
 */
export function configureTelemetry(options: ConfigureTelemetryOptions = {}): TelemetryHandle {
  return buildTelemetry(planTelemetry(options), undefined);
}

/**
 * instrumentAll's `export: 'otlp'` on a later call: `previous` (the SDK it configured before) is
 * kept when the options resolve to the same SDK and it is not shut down; otherwise it is shut down
 * (flushed) and a new SDK takes its place, global registrations included. Invalid options throw
 * before `previous` is touched.
 * @example telemetry = reconfigureTelemetry(telemetry, { serviceName: 'support-bot' });
 */
export function reconfigureTelemetry(previous: TelemetryHandle | undefined, options: ConfigureTelemetryOptions = {}): TelemetryHandle {
  const plan = planTelemetry(options);
  if (previous !== undefined && livePlans.get(previous) === JSON.stringify(plan)) return previous;
  return buildTelemetry(plan, previous?.shutdown());
}
