import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeOtlpBody } from './otlp-codec.js';
import { OtlpDecodeError } from './otlp-decode-error.js';
import { OTLP_MESSAGES } from './otlp-messages.js';
import { parseTraceProtobuf } from './parse-trace-protobuf.js';
import { parseTraceRequest } from './parse-trace-request.js';

const type = OTLP_MESSAGES.traces.request;
const encode = (request: Record<string, unknown>): Uint8Array => type.encode(type.fromObject(request)).finish();
/** What the protobufjs path makes of the same bytes: the reference. */
const reference = (bytes: Uint8Array) => parseTraceRequest(decodeOtlpBody('traces', 'protobuf', bytes));

const id = (bytes: number) => fc.oneof(fc.uint8Array({ minLength: bytes, maxLength: bytes }), fc.constant(new Uint8Array(bytes)), fc.constant(new Uint8Array()), fc.uint8Array({ minLength: 1, maxLength: 20 }));
const int64 = fc.oneof(fc.integer(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String), fc.constant('9007199254740993'), fc.constant('-9223372036854775808'));
const double = fc.oneof(fc.double(), fc.constant(-0), fc.constant(5), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY));
const anyValue: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ value: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ stringValue: fc.string({ unit: 'grapheme' }) }),
    fc.record({ boolValue: fc.boolean() }),
    fc.record({ intValue: int64 }),
    fc.record({ doubleValue: double }),
    fc.record({ bytesValue: fc.uint8Array({ maxLength: 8 }) }),
    fc.constant({}),
    fc.record({ arrayValue: fc.record({ values: fc.array(tie('value'), { maxLength: 3 }) }) }),
    fc.record({ kvlistValue: fc.record({ values: fc.array(fc.record({ key: fc.string(), value: tie('value') }), { maxLength: 3 }) }) }),
  ),
})).value;
const attributes = fc.array(fc.record({ key: fc.oneof(fc.string(), fc.constantFrom('a', 'gen_ai.request.model', '__proto__')), value: anyValue }, { requiredKeys: ['key'] }), { maxLength: 4 });
const nanos = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String);
const span = fc.record({
  traceId: id(16),
  spanId: id(8),
  parentSpanId: id(8),
  traceState: fc.string(),
  flags: fc.nat(),
  name: fc.string(),
  kind: fc.integer({ min: -3, max: 9 }),
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  attributes,
  droppedAttributesCount: fc.nat(),
  events: fc.array(fc.record({ timeUnixNano: nanos, name: fc.string(), attributes, droppedAttributesCount: fc.nat() }, { requiredKeys: [] }), { maxLength: 2 }),
  droppedEventsCount: fc.nat(),
  links: fc.array(fc.record({ traceId: id(16), spanId: id(8), traceState: fc.string(), attributes, droppedAttributesCount: fc.nat(), flags: fc.nat() }, { requiredKeys: [] }), { maxLength: 2 }),
  droppedLinksCount: fc.nat(),
  status: fc.record({ code: fc.integer({ min: -1, max: 3 }), message: fc.string() }, { requiredKeys: [] }),
}, { requiredKeys: [] });
const request = fc.record({
  resourceSpans: fc.array(fc.record({
    resource: fc.record({ attributes, droppedAttributesCount: fc.nat() }, { requiredKeys: [] }),
    schemaUrl: fc.string(),
    scopeSpans: fc.array(fc.record({
      scope: fc.record({ name: fc.string(), version: fc.string(), attributes, droppedAttributesCount: fc.nat() }, { requiredKeys: [] }),
      schemaUrl: fc.string(),
      spans: fc.array(span, { maxLength: 4 }),
    }, { requiredKeys: [] }), { maxLength: 2 }),
  }, { requiredKeys: [] }), { maxLength: 2 }),
}, { requiredKeys: [] });

describe('parseTraceProtobuf', () => {
  it('gives exactly what protobufjs + parseTraceRequest give, for any request (ids bad, zero, missing; every AnyValue; 64-bit edges)', () => {
    fc.assert(
      fc.property(request, (value) => {
        const bytes = encode(value);
        expect(parseTraceProtobuf(bytes)).toEqual(reference(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps one resource and one scope object per group, as the JSON path does (the store interns them by identity)', () => {
    const bytes = encode({ resourceSpans: [{ scopeSpans: [{ spans: [1, 2].map((n) => ({ traceId: new Uint8Array(16).fill(n), spanId: new Uint8Array(8).fill(n) })) }] }] });
    const [first, second] = parseTraceProtobuf(bytes).spans;
    expect(first?.resource).toBe(second?.resource);
    expect(first?.scope).toBe(second?.scope);
  });

  it('keeps an attribute named __proto__ as data on spans, resources, scopes, events and links, its value a string or a kvlist', () => {
    const proto = [{ key: '__proto__', value: { stringValue: 'text' } }, { key: 'next', value: { intValue: 1 } }];
    const kvlist = [{ key: '__proto__', value: { kvlistValue: { values: [{ key: 'gen_ai.request.model', value: { stringValue: 'injected' } }] } } }];
    const bytes = encode({ resourceSpans: [{ resource: { attributes: proto }, scopeSpans: [{ scope: { attributes: kvlist }, spans: [{
      traceId: new Uint8Array(16).fill(1), spanId: new Uint8Array(8).fill(2), attributes: kvlist,
      events: [{ attributes: proto }], links: [{ traceId: new Uint8Array(16).fill(3), spanId: new Uint8Array(8).fill(4), attributes: kvlist }],
    }] }] }] });
    for (const { spans: [span] } of [parseTraceProtobuf(bytes), reference(bytes)]) {
      for (const attributes of [span!.attributes, span!.resource.attributes, span!.scope.attributes, span!.events[0]!.attributes, span!.links[0]!.attributes]) {
        expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
        expect(Object.keys(attributes)).toContain('__proto__');
        expect((attributes as Record<string, unknown>)['gen_ai.request.model']).toBeUndefined();
      }
      expect(Object.getOwnPropertyDescriptor(span!.resource.attributes, '__proto__')?.value).toBe('text');
      expect(JSON.parse(JSON.stringify(span!.attributes))).toEqual(JSON.parse('{"__proto__":{"$kv":[["gen_ai.request.model","injected"]]}}'));
    }
  });

  it('reads an empty body as an empty request', () => {
    expect(parseTraceProtobuf(new Uint8Array())).toEqual({ spans: [], rejected: [] });
  });

  it('skips unknown fields of every wire type', () => {
    const known = encode({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: new Uint8Array(16).fill(1), spanId: new Uint8Array(8).fill(2), name: 'x' }] }] }] });
    // field 99 varint, field 98 fixed64, field 97 bytes, field 96 fixed32, field 95 group (start+end), then the real request
    const unknown = Buffer.from([0x98, 0x06, 0x01, 0x91, 0x06, 1, 2, 3, 4, 5, 6, 7, 8, 0x8a, 0x06, 0x01, 0xff, 0x85, 0x06, 1, 2, 3, 4, 0xfb, 0x05, 0xfc, 0x05]);
    expect(parseTraceProtobuf(Buffer.concat([unknown, known]))).toEqual(reference(known));
  });

  it('throws OtlpDecodeError (never anything else) for bytes that are not a request', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          parseTraceProtobuf(bytes);
        } catch (error) {
          expect(OtlpDecodeError.is(error)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
    expect(() => parseTraceProtobuf(Buffer.from([0x0a, 0xff, 0xff, 0xff]))).toThrow(/ExportTraceServiceRequest/);
  });

  it('reads recurring short strings right when they share a cache slot, are not ASCII, or are not valid UTF-8', () => {
    // Same length, first, middle and last byte: one slot of the short-string cache for all.
    const colliding = Array.from({ length: 12 }, (_, index) => `a${index % 10}m${Math.floor(index / 10)}z`);
    const keys = [...colliding, 'é-model', 'mod\u00e9l', 'QQQ'];
    const body = Buffer.from(encode({
      resourceSpans: [{ scopeSpans: [{ spans: [0, 1, 2].map((index) => ({
        traceId: Buffer.alloc(16, 1), spanId: Buffer.alloc(8, index + 1), name: index % 2 === 0 ? 'a0m0z' : 'a1m0z',
        attributes: [...keys, ...[...keys].reverse()].map((key, at) => ({ key, value: { stringValue: at % 2 === 0 ? key : `${key}!` } })),
      })) }] }],
    }));
    // 'QQQ' becomes three bytes that are not UTF-8 (the decoders give U+FFFD for each).
    for (let at = body.indexOf('QQQ'); at >= 0; at = body.indexOf('QQQ', at + 3)) body.set([0xff, 0xfe, 0x80], at);
    for (let round = 0; round < 3; round++) expect(parseTraceProtobuf(body)).toEqual(reference(body));
    expect(Object.keys(parseTraceProtobuf(body).spans[0]!.attributes)).toContain('\ufffd\ufffd\ufffd');
  });
});
