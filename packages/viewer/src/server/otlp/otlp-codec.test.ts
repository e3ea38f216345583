import { describe, expect, it } from 'vitest';
import { decodeOtlpBody, encodeOtlpResponse, parseOtlpContentType } from './otlp-codec.js';
import { OTLP_MESSAGES } from './otlp-messages.js';

describe('parseOtlpContentType', () => {
  it.each([
    ['application/json', 'json'],
    ['Application/JSON; charset=UTF-8', 'json'],
    ['application/x-protobuf', 'protobuf'],
    ['APPLICATION/X-PROTOBUF ; foo=bar', 'protobuf'],
    ['application/protobuf', 'protobuf'],
    ['text/plain', null],
    [undefined, null],
  ])('%s -> %s', (header, expected) => {
    expect(parseOtlpContentType(header)).toBe(expected);
  });
});

describe('decodeOtlpBody', () => {
  it('treats an empty body as an empty request in both encodings', () => {
    expect(decodeOtlpBody('traces', 'json', new Uint8Array())).toEqual({});
    expect(decodeOtlpBody('traces', 'protobuf', new Uint8Array())).toEqual({});
  });

  it('reports invalid JSON and invalid protobuf readably', () => {
    expect(() => decodeOtlpBody('traces', 'json', Buffer.from('{nope'))).toThrow(/not valid JSON/);
    expect(() => decodeOtlpBody('logs', 'protobuf', Buffer.from([0x0a, 0xff, 0xff, 0xff]))).toThrow(/ExportLogsServiceRequest/);
  });
});

describe('encodeOtlpResponse', () => {
  it('answers JSON with partialSuccess only when something was rejected', () => {
    expect(encodeOtlpResponse('traces', 'json', 0, '')).toBe('{}');
    expect(JSON.parse(encodeOtlpResponse('logs', 'json', 2, 'bad') as string)).toEqual({ partialSuccess: { rejectedLogRecords: '2', errorMessage: 'bad' } });
  });

  it('answers protobuf that decodes as the service response', () => {
    const bytes = encodeOtlpResponse('traces', 'protobuf', 3, 'bad ids') as Uint8Array;
    const decoded = OTLP_MESSAGES.traces.response.toObject(OTLP_MESSAGES.traces.response.decode(bytes), { longs: Number });
    expect(decoded).toEqual({ partialSuccess: { rejectedSpans: 3, errorMessage: 'bad ids' } });
  });
});
