/**
 * The fixed clock of the testing entry point. A span processor counts ticks as spans start and
 * end, in program order; `toFixedClockSpans` (pure) then puts every span on a clock that starts
 * at FIXED_CLOCK_START_MS and moves one millisecond per tick, so order is kept and values never
 * change between runs (real timestamps have millisecond ties that come and go). Events take their
 * span's end time. Values that only measure time or the machine (stack traces, time to first
 * chunk) are replaced as well, and random run and conversation ids (UUIDv7) become sequential
 * UUIDs in order of first appearance.
 */
import type { Attributes, HrTime } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor, TimedEvent } from '@opentelemetry/sdk-trace-base';

/** 2025-01-01T00:00:00Z, in milliseconds. @example new Date(FIXED_CLOCK_START_MS).toISOString() === '2025-01-01T00:00:00.000Z' */
export const FIXED_CLOCK_START_MS = Date.UTC(2025, 0, 1);
/** One tick of the fixed clock, in seconds. @example FIXED_CLOCK_TICK_SECONDS === 0.001 */
export const FIXED_CLOCK_TICK_SECONDS = 0.001;

/** Start and end tick of each span, by span id. */
export type SpanTicks = ReadonlyMap<string, { readonly start: number; readonly end: number }>;

/**
 * Counts a tick at every span start and end.
 * @example new BasicTracerProvider({ spanProcessors: [ticks, new SimpleSpanProcessor(exporter)] })
 */
export class TickCountingSpanProcessor implements SpanProcessor {
  private tick = 0;
  private readonly ticks = new Map<string, { start: number; end: number }>();

  onStart(span: Span): void {
    this.tick += 1;
    this.ticks.set(span.spanContext().spanId, { start: this.tick, end: this.tick });
  }

  onEnd(span: ReadableSpan): void {
    this.tick += 1;
    const entry = this.ticks.get(span.spanContext().spanId);
    if (entry) entry.end = this.tick;
  }

  snapshot(): SpanTicks {
    return new Map(this.ticks);
  }

  reset(): void {
    this.tick = 0;
    this.ticks.clear();
  }

  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

const RANDOM_ID_ATTRIBUTES = ['gen_ai.agent.call.id', 'gen_ai.conversation.id'];

/** Replaces each distinct random id by `00000000-0000-7000-8000-<n>`, the same id by the same value. */
class StableIds {
  private readonly ids = new Map<string, string>();
  map(value: string): string {
    if (value === '') return value;
    let stable = this.ids.get(value);
    if (stable === undefined) {
      stable = `00000000-0000-7000-8000-${(this.ids.size + 1).toString(16).padStart(12, '0')}`;
      this.ids.set(value, stable);
    }
    return stable;
  }
}

function toStableAttributes(attributes: Attributes, ids: StableIds): Attributes {
  const out: Attributes = { ...attributes };
  for (const key of RANDOM_ID_ATTRIBUTES) {
    const value = out[key];
    if (typeof value === 'string') out[key] = ids.map(value);
  }
  const stack = out['exception.stacktrace'];
  if (typeof stack === 'string') out['exception.stacktrace'] = stack.split('\n')[0] ?? '';
  if (typeof out['gen_ai.client.operation.time_to_first_chunk'] === 'number') out['gen_ai.client.operation.time_to_first_chunk'] = FIXED_CLOCK_TICK_SECONDS;
  return out;
}

function atTick(tick: number): HrTime {
  const ms = FIXED_CLOCK_START_MS + tick;
  return [Math.floor(ms / 1000), (ms % 1000) * 1_000_000];
}

/**
 * Copies of the spans on the fixed clock, in start-tick order, with stable attribute values.
 * Spans without ticks (not seen by the processor) go last, in the order given.
 * @example const stable = toFixedClockSpans(exporter.getFinishedSpans(), ticks.snapshot());
 */
export function toFixedClockSpans(spans: readonly ReadableSpan[], ticks: SpanTicks): ReadableSpan[] {
  const tickOf = (span: ReadableSpan) => ticks.get(span.spanContext().spanId) ?? { start: Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER };
  const ordered = [...spans].sort((a, b) => tickOf(a).start - tickOf(b).start);
  const ids = new StableIds();
  return ordered.map((span): ReadableSpan => {
    const { start, end } = tickOf(span);
    const known = start !== Number.MAX_SAFE_INTEGER;
    const startTime = known ? atTick(start) : span.startTime;
    const endTime = known ? atTick(end) : span.endTime;
    const events: TimedEvent[] = span.events.map((event) => ({ ...event, time: endTime, ...(event.attributes ? { attributes: toStableAttributes(event.attributes, ids) } : {}) }));
    return {
      name: span.name,
      kind: span.kind,
      spanContext: () => span.spanContext(),
      ...(span.parentSpanContext ? { parentSpanContext: span.parentSpanContext } : {}),
      startTime,
      endTime,
      status: span.status,
      attributes: toStableAttributes(span.attributes, ids),
      links: span.links,
      events,
      duration: known ? [0, (end - start) * 1_000_000] : span.duration,
      ended: span.ended,
      resource: span.resource,
      instrumentationScope: span.instrumentationScope,
      droppedAttributesCount: span.droppedAttributesCount,
      droppedEventsCount: span.droppedEventsCount,
      droppedLinksCount: span.droppedLinksCount,
    };
  });
}
