import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { IngestOverloadError } from './ingest-overload-error.js';
import { OtlpDecodeError } from './otlp-decode-error.js';
import { OTLP_MESSAGES } from './otlp-messages.js';
import { parseTraceBody, TraceBodyPreparer, type TraceBodyPreparerOptions } from './trace-body-preparer.js';

/** An export with a rejected span, usage, message content and a big value. */
const exportRequest = (extra: Record<string, unknown> = {}): Record<string, unknown> => {
  const spans: Record<string, unknown>[] = Array.from({ length: 40 }, (_, index) => ({
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: (index + 1).toString(16).padStart(16, '0'),
    parentSpanId: index === 0 ? '' : '0000000000000001',
    name: `span ${index}`,
    startTimeUnixNano: String(1_700_000_000_000_000_000n + BigInt(index)),
    endTimeUnixNano: String(1_700_000_000_000_000_100n + BigInt(index)),
    attributes: [
      { key: 'gen_ai.input.messages', value: { stringValue: index === 3 ? 'y'.repeat(300 * 1024) : `hello ${index}` } },
      { key: 'gen_ai.usage.input_tokens', value: { intValue: String(index) } },
      { key: 'gen_ai.request.model', value: { stringValue: 'm' } },
    ],
    ...extra,
  }));
  spans.push({ ...spans[1], spanId: 'abcd' });
  return { resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 's' } }] }, scopeSpans: [{ scope: { name: 'sc' }, spans }] }] };
};
const type = OTLP_MESSAGES.traces.request;
const toHexBytes = (value: unknown): unknown => (typeof value === 'string' ? Buffer.from(value.length % 2 === 0 ? value : `0${value}`, 'hex') : value);
const toProtobuf = (request: Record<string, unknown>): Uint8Array => {
  const copy = JSON.parse(JSON.stringify(request)) as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] };
  for (const span of copy.resourceSpans[0]?.scopeSpans[0]?.spans ?? []) for (const key of ['traceId', 'spanId', 'parentSpanId']) span[key] = toHexBytes(span[key]);
  return type.encode(type.fromObject(copy)).finish();
};
const jsonBody = (request = exportRequest()): Buffer => Buffer.from(JSON.stringify(request));

const preparers: TraceBodyPreparer[] = [];
const preparer = (options: TraceBodyPreparerOptions = {}): TraceBodyPreparer => {
  const created = new TraceBodyPreparer({ minWorkerBytes: 0, ...options });
  preparers.push(created);
  return created;
};
afterEach(async () => {
  await Promise.all(preparers.splice(0).map((created) => created.close()));
});

/** A worker that dies on its first message, as a crash would. */
const dyingWorker = (): Worker => new Worker("require('node:worker_threads').parentPort.on('message', () => process.exit(7));", { eval: true });

describe('TraceBodyPreparer', () => {
  it('gives what preparing in place gives, for protobuf and JSON, rejected spans and big values included', async () => {
    const created = preparer();
    for (const [encoding, body] of [['protobuf', toProtobuf(exportRequest())], ['json', jsonBody()]] as const) {
      const prepared = await created.prepare(encoding, body);
      expect(prepared).toEqual(parseTraceBody(encoding, body));
      expect(prepared.rejected).toHaveLength(1);
      expect(prepared.batch.spans).toHaveLength(40);
      expect(prepared.batch.resources).toHaveLength(1);
      expect(prepared.batch.spans[3]?.bigValues[0]?.[1]).toHaveLength(300 * 1024);
    }
  });

  it('rejects a bad body with the OtlpDecodeError and where that preparing in place throws', async () => {
    const created = preparer();
    await expect(created.prepare('json', jsonBody(exportRequest({ kind: 'SIDEWAYS' })))).rejects.toSatisfy((error) => OtlpDecodeError.is(error) && error.where === 'resourceSpans[0].scopeSpans[0].spans[0].kind');
    await expect(created.prepare('protobuf', Buffer.from([0x0a, 0xff, 0xff, 0x01]))).rejects.toSatisfy((error) => OtlpDecodeError.is(error));
    expect(await created.prepare('protobuf', toProtobuf({ resourceSpans: [] }))).toEqual({ batch: { spans: [], resources: [], scopes: [] }, rejected: [] });
  });

  it('bounds its queue: past it, IngestOverloadError; the bodies already queued still succeed', async () => {
    const created = preparer({ maxQueuedBodies: 2 });
    const body = toProtobuf(exportRequest());
    const calls = [created.prepare('protobuf', body), created.prepare('protobuf', body), created.prepare('protobuf', body)];
    const [first, second, third] = await Promise.allSettled(calls);
    expect(first?.status).toBe('fulfilled');
    expect(second?.status).toBe('fulfilled');
    expect(third).toMatchObject({ status: 'rejected', reason: expect.any(IngestOverloadError) });
    expect(created.queued).toBe(0);
  });

  it('loses nothing when the worker dies: what it had is prepared in place, new workers are started a few times', async () => {
    let started = 0;
    const created = preparer({ maxRestarts: 2, startWorker: () => (started++, dyingWorker()) });
    const body = toProtobuf(exportRequest());
    const expected = parseTraceBody('protobuf', body);
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all([created.prepare('protobuf', body), created.prepare('json', jsonBody())]);
      expect(results[0]).toEqual(expected);
      expect(results[1].batch.spans).toHaveLength(40);
    }
    await expect(created.prepare('json', jsonBody(exportRequest({ kind: 'SIDEWAYS' })))).rejects.toSatisfy((error) => OtlpDecodeError.is(error));
    expect(started).toBe(3);
    expect(created.queued).toBe(0);
  });

  it('prepares what is in flight in place when closed', async () => {
    const created = preparer();
    const body = toProtobuf(exportRequest());
    const inFlight = created.prepare('protobuf', body);
    await created.close();
    expect(await inFlight).toEqual(parseTraceBody('protobuf', body));
    expect(await created.prepare('protobuf', body)).toEqual(parseTraceBody('protobuf', body));
  });

  it('starts its worker from the TypeScript sources even when the process runs with V8 flags a worker refuses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hopscope-preparer-'));
    // queued counts bodies on the worker: 0 right after prepare() means the body went in place.
    const script = `
      const { TraceBodyPreparer } = await import(${JSON.stringify(new URL('./trace-body-preparer.ts', import.meta.url).href)});
      const preparer = new TraceBodyPreparer({ minWorkerBytes: 0 });
      const prepared = preparer.prepare('json', Buffer.from(${JSON.stringify(JSON.stringify(exportRequest()))}));
      const queued = preparer.queued;
      const { batch } = await prepared;
      await preparer.close();
      process.stdout.write(JSON.stringify({ queued, spans: batch.spans.length }));
    `;
    try {
      writeFileSync(join(dir, 'child.mjs'), script);
      const hooks = fileURLToPath(new URL('../testing/register-ts-hooks.ts', import.meta.url));
      const child = spawnSync(process.execPath, ['--expose-gc', '--max-semi-space-size=16', '--import', hooks, join(dir, 'child.mjs')], { encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(0);
      expect(JSON.parse(child.stdout)).toEqual({ queued: 1, spans: 40 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
