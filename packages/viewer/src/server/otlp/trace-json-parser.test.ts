import { describe, expect, it } from 'vitest';
import { decodeOtlpBody } from './otlp-codec.js';
import { OtlpDecodeError } from './otlp-decode-error.js';
import { parseTraceRequest } from './parse-trace-request.js';
import { TraceJsonParser } from './trace-json-parser.js';

/** A JSON export well over the size that goes to the worker. */
const bigExport = (extra: Record<string, unknown> = {}): Buffer => {
  const spans = Array.from({ length: 300 }, (_, index) => ({
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: (index + 1).toString(16).padStart(16, '0'),
    name: `span ${index}`,
    attributes: [{ key: 'gen_ai.input.messages', value: { stringValue: 'x'.repeat(300) } }, { key: 'n', value: { intValue: String(index) } }],
    ...extra,
  }));
  spans.push({ ...spans[0]!, spanId: 'not-hex' });
  return Buffer.from(JSON.stringify({ resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 's' } }] }, scopeSpans: [{ spans }] }] }));
};

describe('TraceJsonParser', () => {
  it('gives what parsing in place gives, rejected spans included (bodies big enough for the worker)', async () => {
    const body = bigExport();
    expect(body.length).toBeGreaterThan(64 * 1024);
    const parsed = await TraceJsonParser.shared().parse(body);
    expect(parsed).toEqual(parseTraceRequest(decodeOtlpBody('traces', 'json', body)));
    expect(parsed.rejected).toHaveLength(1);
    expect(parsed.spans[0]?.resource).toBe(parsed.spans[1]?.resource);
  });

  it('rejects a bad body with the OtlpDecodeError and where that parsing in place throws', async () => {
    const badShape = bigExport({ kind: 'SIDEWAYS' });
    await expect(TraceJsonParser.shared().parse(badShape)).rejects.toSatisfy((error) => OtlpDecodeError.is(error) && error.where === 'resourceSpans[0].scopeSpans[0].spans[0].kind');
    const notJson = Buffer.concat([bigExport(), Buffer.from('}')]);
    await expect(TraceJsonParser.shared().parse(notJson)).rejects.toSatisfy((error) => OtlpDecodeError.is(error) && /not valid JSON/.test(error.message));
  });

  it('parses small bodies in place', async () => {
    expect(await TraceJsonParser.shared().parse(Buffer.from('{"resourceSpans":[]}'))).toEqual({ spans: [], rejected: [] });
  });
});
