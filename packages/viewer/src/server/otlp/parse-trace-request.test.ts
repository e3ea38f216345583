import { describe, expect, it } from 'vitest';
import { parseTraceRequest } from './parse-trace-request.js';

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const SPAN_ID = 'eee19b7ec3c1b174';

const request = (span: Record<string, unknown>) => ({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: TRACE_ID, spanId: SPAN_ID, name: 's', ...span }] }] }] });
const only = (span: Record<string, unknown>) => {
  const { spans, rejected } = parseTraceRequest(request(span));
  expect(rejected).toEqual([]);
  return spans[0];
};

describe('parseTraceRequest wire cases', () => {
  it.each([
    { name: 'upper-case hex ids', span: { traceId: TRACE_ID.toUpperCase(), spanId: SPAN_ID.toUpperCase() }, expected: { traceId: TRACE_ID, spanId: SPAN_ID } },
    { name: 'base64 ids from older JSON encoders', span: { traceId: Buffer.from(TRACE_ID, 'hex').toString('base64') }, expected: { traceId: TRACE_ID } },
    { name: 'times as strings', span: { startTimeUnixNano: '1700000000123456789', endTimeUnixNano: '1700000000223456789' }, expected: { startTimeUnixNano: '1700000000123456789', endTimeUnixNano: '1700000000223456789' } },
    { name: 'times as numbers', span: { startTimeUnixNano: 1700000000000000000 }, expected: { startTimeUnixNano: '1700000000000000000' } },
    { name: 'kind as integer', span: { kind: 3 }, expected: { kind: 3 } },
    { name: 'kind as full name', span: { kind: 'SPAN_KIND_SERVER' }, expected: { kind: 2 } },
    { name: 'kind as short name', span: { kind: 'consumer' }, expected: { kind: 5 } },
    { name: 'status code as name', span: { status: { code: 'STATUS_CODE_ERROR', message: 'boom' } }, expected: { statusCode: 2, statusMessage: 'boom' } },
    { name: 'empty parent is a root', span: { parentSpanId: '' }, expected: { parentSpanId: null } },
    { name: 'all-zero parent is a root', span: { parentSpanId: '0000000000000000' }, expected: { parentSpanId: null } },
    { name: 'unknown fields ignored', span: { somethingNew: { a: 1 } }, expected: { name: 's' } },
    { name: 'trace state and flags kept', span: { traceState: 'a=b', flags: 257 }, expected: { traceState: 'a=b', flags: 257 } },
    { name: 'dropped counts kept', span: { droppedAttributesCount: 1, droppedEventsCount: '2', droppedLinksCount: 3 }, expected: { droppedAttributesCount: 1, droppedEventsCount: 2, droppedLinksCount: 3 } },
  ])('$name', ({ span, expected }) => {
    expect(only(span)).toMatchObject(expected);
  });

  it('keeps events and links with their attributes', () => {
    const span = only({
      events: [{ name: 'e', timeUnixNano: '5', attributes: [{ key: 'k', value: { intValue: 1 } }], droppedAttributesCount: 2 }],
      links: [{ traceId: TRACE_ID, spanId: SPAN_ID, traceState: 'x=y', flags: 1, attributes: [{ key: 'l', value: { boolValue: true } }], droppedAttributesCount: 4 }],
    });
    expect(span?.events).toEqual([{ name: 'e', timeUnixNano: '5', attributes: { k: 1 }, droppedAttributesCount: 2 }]);
    expect(span?.links).toEqual([{ traceId: TRACE_ID, spanId: SPAN_ID, traceState: 'x=y', flags: 1, attributes: { l: true }, droppedAttributesCount: 4 }]);
  });

  it.each([
    { name: 'short trace id', span: { traceId: 'abc' }, reason: /traceId: expected 32 hex/ },
    { name: 'all-zero trace id', span: { traceId: '0'.repeat(32) }, reason: /traceId: missing or all-zero/ },
    { name: 'missing span id', span: { spanId: undefined }, reason: /spanId: missing/ },
    { name: 'bad parent id', span: { parentSpanId: 'xyz' }, reason: /parentSpanId/ },
  ])('rejects only the span with $name', ({ span, reason }) => {
    const body = request(span);
    (body.resourceSpans[0]?.scopeSpans[0]?.spans as unknown[]).push({ traceId: TRACE_ID, spanId: '1111111111111111', name: 'good' });
    const { spans, rejected } = parseTraceRequest(body);
    expect(spans.map((item) => item.name)).toEqual(['good']);
    expect(rejected).toEqual([{ where: 'resourceSpans[0].scopeSpans[0].spans[0]', reason: expect.stringMatching(reason) }]);
  });

  it.each([
    { body: { resourceSpans: {} }, where: 'resourceSpans' },
    { body: { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: TRACE_ID, spanId: SPAN_ID, name: 7 }] }] }] }, where: 'resourceSpans[0].scopeSpans[0].spans[0].name' },
    { body: { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: TRACE_ID, spanId: SPAN_ID, kind: 'SIDEWAYS' }] }] }] }, where: 'resourceSpans[0].scopeSpans[0].spans[0].kind' },
    { body: { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: TRACE_ID, spanId: SPAN_ID, startTimeUnixNano: '-1' }] }] }] }, where: 'resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano' },
    { body: [], where: '' },
  ])('throws for a request of the wrong shape at $where', ({ body, where }) => {
    expect(() => parseTraceRequest(body)).toThrow(expect.objectContaining({ where }));
  });

  it('shares resource and scope (with schema URLs and scope attributes) across spans', () => {
    const { spans } = parseTraceRequest({
      resourceSpans: [{
        schemaUrl: 'https://opentelemetry.io/schemas/1.26.0',
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }], droppedAttributesCount: 1 },
        scopeSpans: [{ schemaUrl: 'scope-schema', scope: { name: 'n', version: 'v', attributes: [{ key: 'sa', value: { stringValue: 'x' } }], droppedAttributesCount: 2 }, spans: [{ traceId: TRACE_ID, spanId: SPAN_ID }, { traceId: TRACE_ID, spanId: '1111111111111111' }] }],
      }],
    });
    expect(spans[0]?.resource).toEqual({ attributes: { 'service.name': 'svc' }, droppedAttributesCount: 1, schemaUrl: 'https://opentelemetry.io/schemas/1.26.0' });
    expect(spans[0]?.scope).toEqual({ name: 'n', version: 'v', attributes: { sa: 'x' }, droppedAttributesCount: 2, schemaUrl: 'scope-schema' });
    expect(spans[1]?.scope).toBe(spans[0]?.scope);
  });
});
