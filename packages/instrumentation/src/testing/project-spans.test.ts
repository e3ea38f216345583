import { describe, expect, it } from 'vitest';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { parseJsonLooking, projectSpans } from './project-spans.js';

describe('parseJsonLooking', () => {
  it('parses JSON objects and arrays and leaves everything else alone', () => {
    expect(parseJsonLooking('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonLooking('[1,2]')).toEqual([1, 2]);
    expect(parseJsonLooking('{not json')).toBe('{not json');
    expect(parseJsonLooking('plain')).toBe('plain');
    expect(parseJsonLooking(3)).toBe(3);
  });
});

describe('projectSpans', () => {
  it('projects name, kind, parent name, parsed attributes, events and status', () => {
    const exporter = new InMemorySpanExporter();
    const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer('t');
    const parent = tracer.startSpan('parent');
    const child = tracer.startSpan('child', { kind: SpanKind.CLIENT, attributes: { json: '[{"x":1}]', n: 2 } }, trace.setSpan(context.active(), parent));
    child.addEvent('exception', { 'exception.type': 'Error' });
    child.setStatus({ code: SpanStatusCode.ERROR, message: 'Error: boom' });
    child.end();
    parent.end();
    expect(projectSpans(exporter.getFinishedSpans())).toEqual([
      { name: 'child', kind: 'CLIENT', parent: 'parent', attributes: { json: [{ x: 1 }], n: 2 }, events: [{ name: 'exception', attributes: { 'exception.type': 'Error' } }], status: { code: 'ERROR', message: 'Error: boom' } },
      { name: 'parent', kind: 'INTERNAL', parent: null, attributes: {}, events: [], status: { code: 'UNSET' } },
    ]);
  });
});
