import { describe, expect, it } from 'vitest';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { FIXED_CLOCK_START_MS, TickCountingSpanProcessor, toFixedClockSpans } from './fixed-clock.js';
import { SequentialIdGenerator } from './sequential-id-generator.js';

function setup() {
  const exporter = new InMemorySpanExporter();
  const ticks = new TickCountingSpanProcessor();
  const provider = new BasicTracerProvider({ idGenerator: new SequentialIdGenerator(), spanProcessors: [ticks, new SimpleSpanProcessor(exporter)] });
  return { exporter, ticks, tracer: provider.getTracer('t') };
}

describe('toFixedClockSpans', () => {
  it('puts spans on a one-millisecond-per-tick clock in start order, events at their span end', () => {
    const { exporter, ticks, tracer } = setup();
    const outer = tracer.startSpan('outer');
    const inner = tracer.startSpan('inner');
    inner.addEvent('exception', { 'exception.stacktrace': 'Error: x\n    at somewhere (file.ts:1:1)' });
    inner.end();
    outer.end();
    const [first, second] = toFixedClockSpans(exporter.getFinishedSpans(), ticks.snapshot());
    const ms = (time: [number, number]) => time[0] * 1000 + time[1] / 1e6 - FIXED_CLOCK_START_MS;
    expect([first?.name, ms(first!.startTime), ms(first!.endTime)]).toEqual(['outer', 1, 4]);
    expect([second?.name, ms(second!.startTime), ms(second!.endTime), ms(second!.events[0]!.time)]).toEqual(['inner', 2, 3, 3]);
    expect(second?.events[0]?.attributes?.['exception.stacktrace']).toBe('Error: x');
  });

  it('maps random run and conversation ids to sequential ones, consistently', () => {
    const { exporter, ticks, tracer } = setup();
    tracer.startSpan('run', { attributes: { 'gen_ai.agent.call.id': '0190abcd-random', 'gen_ai.conversation.id': '0190ffff-random' } }).end();
    tracer.startSpan('tool', { attributes: { 'gen_ai.agent.call.id': '0190abcd-random' } }).end();
    const spans = toFixedClockSpans(exporter.getFinishedSpans(), ticks.snapshot());
    expect(spans.map((s) => s.attributes['gen_ai.agent.call.id'])).toEqual(['00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-000000000001']);
    expect(spans[0]?.attributes['gen_ai.conversation.id']).toBe('00000000-0000-7000-8000-000000000002');
  });
});
