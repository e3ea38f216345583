/**
 * Trace and span ids that count up (`...0001`, `...0002`), so snapshots and exported OTLP are
 * the same on every run.
 */
import type { IdGenerator } from '@opentelemetry/sdk-trace-base';

/**
 * @example
 * new BasicTracerProvider({ idGenerator: new SequentialIdGenerator() })
 */
export class SequentialIdGenerator implements IdGenerator {
  private traces = 0;
  private spans = 0;

  generateTraceId(): string {
    this.traces += 1;
    return this.traces.toString(16).padStart(32, '0');
  }

  generateSpanId(): string {
    this.spans += 1;
    return this.spans.toString(16).padStart(16, '0');
  }

  reset(): void {
    this.traces = 0;
    this.spans = 0;
  }
}
