import { afterEach, describe, expect, it } from 'vitest';
import type { TraceDetail } from '../shared/api-types.js';
import { OTLP_MESSAGES } from './otlp/otlp-messages.js';
import { startTestViewer, type TestViewer } from './testing/start-test-viewer.js';

let viewer: TestViewer | undefined;
afterEach(async () => viewer?.close());

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const kv = (key: string, value: Record<string, unknown>) => ({ key, value });

/** An ExportTraceServiceRequest in canonical OTLP/JSON using every field and every AnyValue type. */
const FULL_REQUEST = {
  resourceSpans: [{
    resource: { attributes: [kv('service.name', { stringValue: 'round-trip' }), kv('host.cores', { intValue: '2' })], droppedAttributesCount: 3 },
    schemaUrl: 'https://opentelemetry.io/schemas/1.26.0',
    scopeSpans: [{
      scope: { name: 'scope-name', version: '9.9.9', attributes: [kv('scope.attr', { boolValue: true })], droppedAttributesCount: 4 },
      schemaUrl: 'https://opentelemetry.io/schemas/1.27.0',
      spans: [{
        traceId: TRACE_ID,
        spanId: '00f067aa0ba902b7',
        traceState: 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE',
        parentSpanId: '1111111111111111',
        flags: 769,
        name: 'chat fallback:a,b',
        kind: 3,
        startTimeUnixNano: '1700000000123456789',
        endTimeUnixNano: '1700000001987654321',
        attributes: [
          kv('string', { stringValue: 'héllo' }),
          kv('bool', { boolValue: false }),
          kv('int', { intValue: '-42' }),
          kv('big', { intValue: '9223372036854775807' }),
          kv('double', { doubleValue: 2.5 }),
          kv('integral.double', { doubleValue: 3 }),
          kv('bytes', { bytesValue: 'AAEC/w==' }),
          kv('array', { arrayValue: { values: [{ stringValue: 'a' }, { intValue: '1' }, { arrayValue: { values: [{ boolValue: true }] } }] } }),
          kv('kvlist', { kvlistValue: { values: [kv('inner', { doubleValue: 0.5 }), kv('nested', { kvlistValue: { values: [kv('deep', { bytesValue: 'AQ==' })] } })] } }),
          kv('empty', {}),
          kv('gen_ai.input.messages', { stringValue: 'z'.repeat(300 * 1024) }),
        ],
        droppedAttributesCount: 5,
        events: [{ name: 'gen_ai.choice', timeUnixNano: '1700000000500000000', attributes: [kv('index', { intValue: '0' })], droppedAttributesCount: 6 }],
        droppedEventsCount: 7,
        links: [{ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceState: 'a=b', flags: 257, attributes: [kv('link.attr', { stringValue: 'x' })], droppedAttributesCount: 8 }],
        droppedLinksCount: 9,
        status: { code: 2, message: 'all hops failed' },
      }],
    }],
  }],
};

const toProtobufObject = (value: unknown, key = ''): unknown => {
  if (Array.isArray(value)) return value.map((item) => toProtobufObject(item));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, toProtobufObject(item, name)]));
  if (typeof value === 'string' && ['traceId', 'spanId', 'parentSpanId'].includes(key)) return Buffer.from(value, 'hex');
  if (typeof value === 'string' && key === 'bytesValue') return Buffer.from(value, 'base64');
  return value;
};

/** An export request as each OTLP/HTTP encoding sends it. */
const toEncodings = (request: Record<string, unknown>) => [
  { name: 'protobuf', contentType: 'application/x-protobuf', encode: () => { const type = OTLP_MESSAGES.traces.request; return type.encode(type.fromObject(toProtobufObject(request) as Record<string, unknown>)).finish(); } },
  { name: 'JSON', contentType: 'application/json', encode: () => JSON.stringify(request) },
];

/** Starts a test viewer and posts one trace export to it, which must be accepted. */
async function postToNewViewer(contentType: string, body: string | Uint8Array): Promise<TestViewer> {
  const started = (viewer = await startTestViewer());
  const response = await fetch(`${started.url}/v1/traces`, { method: 'POST', body: body as string, headers: { 'Content-Type': contentType } });
  expect(response.status).toBe(200);
  return started;
}

describe('no OTLP field is dropped on the way to the store', () => {
  it.each(toEncodings(FULL_REQUEST))('$name in, OTLP/JSON out, equal field for field', async ({ contentType, encode }) => {
    const viewer = await postToNewViewer(contentType, encode());
    const exported = await (await fetch(`${viewer.url}/api/traces/${TRACE_ID}/otlp`)).json();
    expect(exported).toEqual(FULL_REQUEST);
    const detail = (await (await fetch(`${viewer.url}/api/traces/${TRACE_ID}`)).json()) as TraceDetail;
    expect(detail.spans[0]?.truncatedAttributes).toEqual({ 'gen_ai.input.messages': { totalChars: 300 * 1024 } });
    expect(detail.spans[0]?.attributes).toMatchObject({ big: '9223372036854775807', bytes: { bytesBase64: 'AAEC/w==' }, kvlist: { inner: 0.5, nested: { deep: { bytesBase64: 'AQ==' } } }, empty: null });
    expect(detail.spans[0]?.scope).toEqual({ name: 'scope-name', version: '9.9.9', attributes: { 'scope.attr': true }, droppedAttributesCount: 4, schemaUrl: 'https://opentelemetry.io/schemas/1.27.0' });
  });
});

describe('an attribute named __proto__ is kept as data', () => {
  const PROTO_TRACE_ID = '5bf92f3577b34da6a3ce929d0e0e4737';
  const proto = (value: Record<string, unknown>) => [kv('__proto__', value), kv('after', { stringValue: 'kept' })];
  const kvlist = { kvlistValue: { values: [kv('gen_ai.request.model', { stringValue: 'injected' })] } };
  const REQUEST = {
    resourceSpans: [{
      resource: { attributes: proto({ stringValue: 'resource' }), droppedAttributesCount: 0 },
      schemaUrl: '',
      scopeSpans: [{
        scope: { name: 's', version: '', attributes: proto(kvlist), droppedAttributesCount: 0 },
        schemaUrl: '',
        spans: [{
          traceId: PROTO_TRACE_ID, spanId: '00f067aa0ba902b7', traceState: '', parentSpanId: '', flags: 0, name: 'chat', kind: 1,
          startTimeUnixNano: '1700000000123456789', endTimeUnixNano: '1700000001987654321',
          attributes: [kv('__proto__', kvlist), kv('big', { stringValue: 'b' }), kv('gen_ai.input.messages', { stringValue: 'z'.repeat(300 * 1024) })],
          droppedAttributesCount: 0,
          events: [{ name: 'e', timeUnixNano: '1700000000500000000', attributes: proto({ intValue: '7' }), droppedAttributesCount: 0 }],
          droppedEventsCount: 0,
          links: [{ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceState: '', flags: 0, attributes: proto({ boolValue: true }), droppedAttributesCount: 0 }],
          droppedLinksCount: 0,
          status: { code: 0, message: '' },
        }, {
          traceId: PROTO_TRACE_ID, spanId: '00f067aa0ba902b8', traceState: '', parentSpanId: '00f067aa0ba902b7', flags: 0, name: 'big', kind: 1,
          startTimeUnixNano: '1700000000123456790', endTimeUnixNano: '1700000001987654321',
          attributes: [kv('__proto__', { stringValue: 'p'.repeat(300 * 1024) })],
          droppedAttributesCount: 0, events: [], droppedEventsCount: 0, links: [], droppedLinksCount: 0, status: { code: 0, message: '' },
        }],
      }],
    }],
  };
  const own = (record: object | undefined): unknown => (record === undefined ? undefined : Object.getOwnPropertyDescriptor(record, '__proto__')?.value);

  it.each(toEncodings(REQUEST))('$name in: on spans, resources, scopes, events, links and big values, read back and exported', async ({ contentType, encode }) => {
    const viewer = await postToNewViewer(contentType, encode());
    expect(await (await fetch(`${viewer.url}/api/traces/${PROTO_TRACE_ID}/otlp`)).json()).toEqual(REQUEST);
    const [span, big] = ((await (await fetch(`${viewer.url}/api/traces/${PROTO_TRACE_ID}`)).json()) as TraceDetail).spans;
    expect(own(span?.attributes)).toEqual({ 'gen_ai.request.model': 'injected' });
    expect(span?.attributes.big).toBe('b');
    expect(own(span?.resource.attributes)).toBe('resource');
    expect(own(span?.scope.attributes)).toEqual({ 'gen_ai.request.model': 'injected' });
    expect(own(span?.events[0]?.attributes)).toBe(7);
    expect(own(span?.links[0]?.attributes)).toBe(true);
    expect(span?.resource.attributes.after).toBe('kept');
    expect(own(big?.truncatedAttributes)).toEqual({ totalChars: 300 * 1024 });
    const slice = await (await fetch(`${viewer.url}/api/traces/${PROTO_TRACE_ID}/spans/00f067aa0ba902b8/attributes/__proto__?offset=0&length=5`)).json();
    expect(slice).toEqual({ key: '__proto__', offset: 0, totalChars: 300 * 1024, text: 'ppppp' });
  });

  it('on log records', async () => {
    viewer = await startTestViewer();
    const logs = { resourceLogs: [{ resource: { attributes: proto({ stringValue: 'resource' }) }, scopeLogs: [{ scope: { name: 'l' }, logRecords: [{ traceId: PROTO_TRACE_ID, timeUnixNano: '1700000000500000000', body: { kvlistValue: { values: [kv('__proto__', { stringValue: 'body' })] } }, attributes: proto(kvlist) }] }] }] };
    expect((await fetch(`${viewer.url}/v1/logs`, { method: 'POST', body: JSON.stringify(logs), headers: { 'Content-Type': 'application/json' } })).status).toBe(200);
    const stored = await fetch(`${viewer.url}/v1/traces`, { method: 'POST', body: JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: PROTO_TRACE_ID, spanId: '00f067aa0ba902b7', name: 'root' }] }] }] }), headers: { 'Content-Type': 'application/json' } });
    expect(stored.status).toBe(200);
    const detail = (await (await fetch(`${viewer.url}/api/traces/${PROTO_TRACE_ID}`)).json()) as TraceDetail;
    expect(own(detail.logs[0]?.attributes)).toEqual({ 'gen_ai.request.model': 'injected' });
    expect(own(detail.logs[0]?.resource.attributes)).toBe('resource');
    expect(own(detail.logs[0]?.body as object)).toBe('body');
  });
});
