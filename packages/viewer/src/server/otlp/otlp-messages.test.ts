import { describe, expect, it } from 'vitest';
import { OTLP_MESSAGES } from './otlp-messages.js';

describe('OTLP_MESSAGES', () => {
  it('round-trips a span with 64-bit times through the parsed definitions', () => {
    const request = OTLP_MESSAGES.traces.request;
    const bytes = request.encode(request.fromObject({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: Buffer.alloc(16, 1), spanId: Buffer.alloc(8, 2), name: 's', startTimeUnixNano: '1700000000123456789' }] }] }],
    })).finish();
    const decoded = request.toObject(request.decode(bytes), { longs: String }) as { resourceSpans: { scopeSpans: { spans: { name: string; startTimeUnixNano: string }[] }[] }[] };
    expect(decoded.resourceSpans[0]?.scopeSpans[0]?.spans[0]).toMatchObject({ name: 's', startTimeUnixNano: '1700000000123456789' });
  });
});
