import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { OTLP_MESSAGES } from '../otlp/otlp-messages.js';
import type { TraceDetail } from '../../shared/api-types.js';
import { startTestViewer, type TestViewer } from '../testing/start-test-viewer.js';

let viewer: TestViewer | undefined;
afterEach(async () => viewer?.close());

const TRACE_ID = 'AABBCCDDEEFF00112233445566778899';
const spanJson = (spanId: string, extra: Record<string, unknown> = {}) => ({ traceId: TRACE_ID, spanId, name: `s-${spanId}`, startTimeUnixNano: '1700000000000000000', endTimeUnixNano: 1700000000500000000, ...extra });
const body = (...spans: unknown[]) => JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] });
const post = (url: string, payload: string | Uint8Array, headers: Record<string, string>) => fetch(`${url}/v1/traces`, { method: 'POST', body: payload as string, headers });

describe('OTLP/HTTP wire rules', () => {
  it('accepts JSON with Content-Type parameters in any case, and is idempotent on retry', async () => {
    viewer = await startTestViewer();
    const payload = body(spanJson('0102030405060708', { kind: 'SPAN_KIND_CLIENT' }));
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await post(viewer.url, payload, { 'Content-Type': 'Application/JSON; charset=UTF-8' });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({});
    }
    expect((await viewer.store.getStats()).spans).toBe(1);
    const detail = (await (await fetch(`${viewer.url}/api/traces/${TRACE_ID.toLowerCase()}`)).json()) as TraceDetail;
    expect(detail.spans[0]).toMatchObject({ kind: 'CLIENT', durationMs: 500 });
  });

  it('answers gzip protobuf in protobuf, with partialSuccess for a span with a bad id', async () => {
    viewer = await startTestViewer();
    const type = OTLP_MESSAGES.traces.request;
    const bytes = type.encode(type.fromObject({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: Buffer.from(TRACE_ID, 'hex'), spanId: Buffer.alloc(8, 1), name: 'ok' }, { traceId: Buffer.alloc(3), spanId: Buffer.alloc(8, 2), name: 'bad' }] }] }],
    })).finish();
    const response = await post(viewer.url, gzipSync(bytes), { 'Content-Type': 'application/x-protobuf', 'Content-Encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/x-protobuf/);
    const decoded = OTLP_MESSAGES.traces.response.toObject(OTLP_MESSAGES.traces.response.decode(new Uint8Array(await response.arrayBuffer())), { longs: Number });
    expect(decoded.partialSuccess).toMatchObject({ rejectedSpans: 1, errorMessage: expect.stringContaining('spans[1].traceId') });
    expect((await viewer.store.getStats()).spans).toBe(1);
  });

  it.each([
    { name: 'empty JSON body', payload: '', type: 'application/json', status: 200 },
    { name: 'empty protobuf body', payload: new Uint8Array(), type: 'application/x-protobuf', status: 200 },
    { name: 'undecodable JSON', payload: '{"resourceSpans": [', type: 'application/json', status: 400 },
    { name: 'wrong shape', payload: '{"resourceSpans": [{"scopeSpans": 5}]}', type: 'application/json', status: 400 },
    { name: 'undecodable protobuf', payload: new Uint8Array([0x0a, 0x05, 0x01]), type: 'application/x-protobuf', status: 400 },
    { name: 'unsupported media type', payload: 'x', type: 'text/plain', status: 415 },
  ])('$name -> $status', async ({ payload, type, status }) => {
    viewer = await startTestViewer();
    const response = await post(viewer.url, payload, { 'Content-Type': type });
    expect(response.status).toBe(status);
    if (status === 400 && type === 'application/json') expect(((await response.json()) as { message: string }).message).toMatch(/resourceSpans|JSON/);
    if (status === 415) expect(((await response.json()) as { message: string }).message).toMatch(/application\/x-protobuf, application\/json/);
    if (status === 400 && type === 'application/x-protobuf') {
      const decoded = OTLP_MESSAGES.status.toObject(OTLP_MESSAGES.status.decode(new Uint8Array(await response.arrayBuffer())));
      expect(decoded).toMatchObject({ code: 3, message: expect.stringMatching(/ExportTraceServiceRequest/) });
    }
  });

  it.each(['gzip', 'deflate'])('answers 200 to an empty request with Content-Encoding %s, JSON or protobuf', async (encoding) => {
    viewer = await startTestViewer();
    for (const type of ['application/json', 'application/x-protobuf']) {
      const response = await post(viewer.url, new Uint8Array(), { 'Content-Type': type, 'Content-Encoding': encoding });
      expect(response.status).toBe(200);
    }
    const url = new URL(`${viewer.url}/v1/traces`);
    const chunked = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding, 'Transfer-Encoding': 'chunked' } });
      request.on('response', (response) => resolve(response.statusCode ?? 0)).on('error', reject);
      request.end();
    });
    expect(chunked).toBe(200);
    expect((await post(viewer.url, Buffer.from('not gzip'), { 'Content-Type': 'application/json', 'Content-Encoding': encoding })).status).toBe(400);
  });

  it.each([
    { name: 'chunked (no Content-Length)', headers: { 'Transfer-Encoding': 'chunked' }, encode: (data: Buffer) => data },
    // all of the deflate data and none of the gzip trailer: the body holds every inflated byte while its request waits for the rest
    { name: 'gzip (its compressed size declared)', headers: { 'Content-Encoding': 'gzip' }, encode: (data: Buffer) => gzipSync(data).subarray(0, -8) },
  ])('counts a pending $name body at the bytes it holds against the ingest byte budget', async ({ headers, encode }) => {
    viewer = await startTestViewer({ ingestGate: { maxPendingBytes: 50_000 } });
    const url = new URL(`${viewer.url}/v1/traces`);
    const held = Buffer.from(body(spanJson('0102030405060708', { name: 'h'.repeat(40_000) })));
    const wire = encode(held);
    const slow = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers, ...('Content-Encoding' in headers ? { 'Content-Length': wire.length + 8 } : {}) } });
    slow.on('error', () => undefined);
    slow.write(wire);
    await expect.poll(() => viewer!.viewer.gate.pendingBodyBytes, { timeout: 5_000 }).toBe(held.length);
    const second = body(spanJson('1112131415161718', { name: 's'.repeat(20_000) }));
    const chunkedBody = new ReadableStream({ start: (controller) => { controller.enqueue(new TextEncoder().encode(second)); controller.close(); } });
    const rejected = await fetch(`${viewer.url}/v1/traces`, { method: 'POST', body: chunkedBody, headers: { 'Content-Type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(rejected.status).toBe(503);
    expect(rejected.headers.get('retry-after')).toBe('1');
    slow.destroy();
    await expect.poll(() => viewer!.viewer.gate.pending).toBe(0);
    expect(viewer.viewer.gate.pendingBodyBytes).toBe(0);
    expect((await post(viewer.url, second, { 'Content-Type': 'application/json' })).status).toBe(200);
  });

  it('says where a JSON body is bad', async () => {
    viewer = await startTestViewer();
    const response = await post(viewer.url, body(spanJson('0102030405060708', { kind: 'SIDEWAYS' })), { 'Content-Type': 'application/json' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('resourceSpans[0].scopeSpans[0].spans[0].kind');
  });

  it('answers 413 when the body is over the limit after decompression, even if small on the wire', async () => {
    viewer = await startTestViewer({ maxRequestBytes: 10_000 });
    const bomb = gzipSync(Buffer.from(body(spanJson('0102030405060708', { name: 'z'.repeat(200_000) }))));
    expect(bomb.length).toBeLessThan(10_000);
    expect((await post(viewer.url, bomb, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })).status).toBe(413);
    expect((await post(viewer.url, 'x'.repeat(20_000), { 'Content-Type': 'application/json' })).status).toBe(413);
    expect((await post(viewer.url, body(spanJson('0102030405060708')), { 'Content-Type': 'application/json' })).status).toBe(200);
  });

  it('answers 503 with Retry-After while the ingest queue is full, then recovers', async () => {
    viewer = await startTestViewer({ ingestGate: { maxPendingRequests: 1 } });
    const url = new URL(`${viewer.url}/v1/traces`);
    const payload = Buffer.from(body(spanJson('0102030405060708')));
    const slow = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': payload.length } });
    const slowStatus = new Promise<number>((resolve) => slow.on('response', (response) => resolve(response.statusCode ?? 0)));
    slow.write(payload.subarray(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const rejected = await post(viewer.url, body(spanJson('1112131415161718')), { 'Content-Type': 'application/json' });
    expect(rejected.status).toBe(503);
    expect(rejected.headers.get('retry-after')).toBe('1');
    slow.end(payload.subarray(10));
    expect(await slowStatus).toBe(200);
    expect((await post(viewer.url, body(spanJson('1112131415161718')), { 'Content-Type': 'application/json' })).status).toBe(200);
  });
});

describe('API and UI responses', () => {
  it('sends the strict CSP and nosniff everywhere and JSON errors under /api', async () => {
    viewer = await startTestViewer({ uiDir: '/nonexistent' });
    for (const path of ['/', '/traces/abc', '/api/health', '/api/nope']) {
      const response = await fetch(`${viewer.url}${path}`);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'; script-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const missing = await fetch(`${viewer.url}/api/traces/${'ab'.repeat(16)}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/json/);
    const bad = await fetch(`${viewer.url}/api/traces?status=MAYBE`);
    expect(await bad.json()).toEqual({ error: expect.stringContaining('status'), where: 'status' });
    expect((await fetch(`${viewer.url}/api/traces?cursor=garbage`)).status).toBe(400);
    expect(await (await fetch(`${viewer.url}/`)).text()).toMatch(/UI is not built/);
  });

  it('pushes live updates over SSE as spans arrive', async () => {
    viewer = await startTestViewer();
    const controller = new AbortController();
    const live = await fetch(`${viewer.url}/api/live`, { signal: controller.signal });
    expect(live.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = live.body!.getReader();
    await post(viewer.url, body(spanJson('0102030405060708')), { 'Content-Type': 'application/json' });
    let text = '';
    while (!text.includes('event: traces')) text += new TextDecoder().decode((await reader.read()).value);
    while (!text.endsWith('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    const data = JSON.parse(text.split('event: traces\ndata: ')[1]!.trim());
    expect(data.traces[0]).toMatchObject({ traceId: TRACE_ID.toLowerCase(), spanCount: 1 });
    controller.abort();
  });
});
