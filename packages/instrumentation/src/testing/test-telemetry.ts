/**
 * In-memory telemetry for tests: spans, log records and metrics captured in process, sequential
 * ids and a fixed clock, so a snapshot is the same on every run.
 */
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { InstrumentationSettings, type InstrumentationOptions } from '../settings.js';
import { ensureContextManager } from '../context-manager.js';
import { TickCountingSpanProcessor, toFixedClockSpans } from './fixed-clock.js';
import { toOtlpTraceJson, type OtlpTraceRequestJson } from './otlp-json.js';
import { projectSpans, type ProjectedSpan } from './project-spans.js';
import { projectLogRecords, projectMetrics, type ProjectedLogRecord, type ProjectedMetric } from './project-signals.js';
import { SequentialIdGenerator } from './sequential-id-generator.js';

/** A metric reader that only collects when asked. */
class OnDemandMetricReader extends MetricReader {
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

/** Captured telemetry and the providers that capture it. */
export interface TestTelemetry {
  readonly tracerProvider: BasicTracerProvider;
  readonly meterProvider: MeterProvider;
  readonly loggerProvider: LoggerProvider;
  /** InstrumentationSettings wired to these providers. */
  settings(options?: Omit<InstrumentationOptions, 'tracerProvider' | 'meterProvider' | 'loggerProvider'>): InstrumentationSettings;
  /** Finished spans on the fixed clock, in start order. */
  finishedSpans(): ReadableSpan[];
  projectSpans(): ProjectedSpan[];
  projectLogRecords(): ProjectedLogRecord[];
  collectMetrics(): Promise<ProjectedMetric[]>;
  /** The finished spans as the OTLP/HTTP JSON body of an export to `/v1/traces`. */
  toOtlpJson(): OtlpTraceRequestJson;
  /** Forgets captured spans and log records and restarts the ids. */
  reset(): void;
  shutdown(): Promise<void>;
}

/**
 * @example
 * const telemetry = createTestTelemetry();
 * const model = new InstrumentedModel(new TestModel(), telemetry.settings({ version: 5 }));
 * await model.request([modelRequest([userPrompt('hi')])]);
 * expect(telemetry.projectSpans()).toMatchSnapshot();
 */
export function createTestTelemetry(options: { serviceName?: string } = {}): TestTelemetry {
  ensureContextManager();
  const resource = resourceFromAttributes({ 'service.name': options.serviceName ?? 'hopscope-test' });
  const ids = new SequentialIdGenerator();
  const spanExporter = new InMemorySpanExporter();
  const logExporter = new InMemoryLogRecordExporter();
  const reader = new OnDemandMetricReader();
  const ticks = new TickCountingSpanProcessor();
  const tracerProvider = new BasicTracerProvider({ resource, idGenerator: ids, spanProcessors: [ticks, new SimpleSpanProcessor(spanExporter)] });
  const loggerProvider = new LoggerProvider({ resource, processors: [new SimpleLogRecordProcessor(logExporter)] });
  const meterProvider = new MeterProvider({ resource, readers: [reader] });
  const finishedSpans = () => toFixedClockSpans(spanExporter.getFinishedSpans(), ticks.snapshot());
  return {
    tracerProvider,
    meterProvider,
    loggerProvider,
    settings: (settingsOptions = {}) => new InstrumentationSettings({ ...settingsOptions, tracerProvider, meterProvider, loggerProvider }),
    finishedSpans,
    projectSpans: () => projectSpans(finishedSpans()),
    projectLogRecords: () => {
      const names = new Map(spanExporter.getFinishedSpans().map((span) => [span.spanContext().spanId, span.name] as const));
      return projectLogRecords(logExporter.getFinishedLogRecords(), names);
    },
    collectMetrics: async () => projectMetrics((await reader.collect()).resourceMetrics),
    toOtlpJson: () => toOtlpTraceJson(finishedSpans()),
    reset: () => {
      spanExporter.reset();
      logExporter.reset();
      ids.reset();
      ticks.reset();
    },
    shutdown: async () => {
      await Promise.all([tracerProvider.shutdown(), loggerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}
