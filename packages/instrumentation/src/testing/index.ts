// @hopscope/instrumentation/testing: snapshot-test your own spans. Explicit export list.
export type { TestTelemetry } from './test-telemetry.js';
export { createTestTelemetry } from './test-telemetry.js';
export type { ProjectedEvent, ProjectedSpan, ProjectedSpanKind, ProjectedStatus } from './project-spans.js';
export { parseJsonLooking, projectSpans } from './project-spans.js';
export type { ProjectedLogRecord, ProjectedMetric, ProjectedMetricPoint } from './project-signals.js';
export { projectLogRecords, projectMetrics } from './project-signals.js';
export type { ScenarioContext, VersionRun } from './run-under-each-version.js';
export { runUnderEachVersion } from './run-under-each-version.js';
export { SequentialIdGenerator } from './sequential-id-generator.js';
export type { SpanTicks } from './fixed-clock.js';
export { FIXED_CLOCK_START_MS, FIXED_CLOCK_TICK_SECONDS, TickCountingSpanProcessor, toFixedClockSpans } from './fixed-clock.js';
export type { OtlpTraceRequestJson } from './otlp-json.js';
export { toOtlpTraceJson } from './otlp-json.js';
