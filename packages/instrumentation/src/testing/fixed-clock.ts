/**
 * The fixed clock of the testing entry point (pure). Real timestamps are replaced by their rank
 * on a clock that starts at FIXED_CLOCK_START and ticks one millisecond per distinct instant, so
 * order is kept and values never change between runs. Values that only measure time or the
 * machine (stack traces, time to first chunk) are replaced as well, and random run and
 * conversation ids (UUIDv7) become sequential UUIDs in order of first appearance.
 */
import type { Attributes, HrTime } from '@opentelemetry/api';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';

/** 2025-01-01T00:00:00Z, in milliseconds. */
export const FIXED_CLOCK_START_MS = Date.UTC(2025, 0, 1);
/** One tick of the fixed clock, in seconds. */
export const FIXED_CLOCK_TICK_SECONDS = 0.001;

function toNanos(time: HrTime): bigint {
  return BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);
}

function fromMillis(ms: number): HrTime {
  return [Math.floor(ms / 1000), (ms % 1000) * 1_000_000];
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

/**
 * Copies of the spans on the fixed clock, in start order, with stable attribute values.
 * @example
 * const stable = toFixedClockSpans(exporter.getFinishedSpans());
 */
export function toFixedClockSpans(spans: readonly ReadableSpan[]): ReadableSpan[] {
  const instants = new Set<bigint>();
  for (const span of spans) {
    instants.add(toNanos(span.startTime));
    instants.add(toNanos(span.endTime));
    for (const event of span.events) instants.add(toNanos(event.time));
  }
  const ranks = new Map([...instants].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((instant, index) => [instant, index + 1] as const));
  const at = (time: HrTime): HrTime => fromMillis(FIXED_CLOCK_START_MS + (ranks.get(toNanos(time)) ?? 0));
  const ids = new StableIds();
  const byStart = [...spans].sort((a, b) => (toNanos(a.startTime) < toNanos(b.startTime) ? -1 : toNanos(a.startTime) > toNanos(b.startTime) ? 1 : 0));
  const copies = byStart.map((span): ReadableSpan => {
    const startTime = at(span.startTime);
    const endTime = at(span.endTime);
    const events: TimedEvent[] = span.events.map((event) => ({ ...event, time: at(event.time), ...(event.attributes ? { attributes: toStableAttributes(event.attributes, ids) } : {}) }));
    const durationMs = (ranks.get(toNanos(span.endTime)) ?? 0) - (ranks.get(toNanos(span.startTime)) ?? 0);
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
      duration: fromMillis(durationMs),
      ended: span.ended,
      resource: span.resource,
      instrumentationScope: span.instrumentationScope,
      droppedAttributesCount: span.droppedAttributesCount,
      droppedEventsCount: span.droppedEventsCount,
      droppedLinksCount: span.droppedLinksCount,
    };
  });
  return copies;
}
