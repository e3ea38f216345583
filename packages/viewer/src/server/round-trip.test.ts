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

describe('no OTLP field is dropped on the way to the store', () => {
  it.each([
    { name: 'protobuf', contentType: 'application/x-protobuf', encode: () => { const type = OTLP_MESSAGES.traces.request; return type.encode(type.fromObject(toProtobufObject(FULL_REQUEST) as Record<string, unknown>)).finish(); } },
    { name: 'JSON', contentType: 'application/json', encode: () => JSON.stringify(FULL_REQUEST) },
  ])('$name in, OTLP/JSON out, equal field for field', async ({ contentType, encode }) => {
    viewer = await startTestViewer();
    const response = await fetch(`${viewer.url}/v1/traces`, { method: 'POST', body: encode(), headers: { 'Content-Type': contentType } });
    expect(response.status).toBe(200);
    const exported = await (await fetch(`${viewer.url}/api/traces/${TRACE_ID}/otlp`)).json();
    expect(exported).toEqual(FULL_REQUEST);
    const detail = (await (await fetch(`${viewer.url}/api/traces/${TRACE_ID}`)).json()) as TraceDetail;
    expect(detail.spans[0]?.truncatedAttributes).toEqual({ 'gen_ai.input.messages': { totalChars: 300 * 1024 } });
    expect(detail.spans[0]?.attributes).toMatchObject({ big: '9223372036854775807', bytes: { bytesBase64: 'AAEC/w==' }, kvlist: { inner: 0.5, nested: { deep: { bytesBase64: 'AQ==' } } }, empty: null });
    expect(detail.spans[0]?.scope).toEqual({ name: 'scope-name', version: '9.9.9', attributes: { 'scope.attr': true }, droppedAttributesCount: 4, schemaUrl: 'https://opentelemetry.io/schemas/1.27.0' });
  });
});
