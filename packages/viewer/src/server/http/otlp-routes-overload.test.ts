import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { TraceBodyPreparer } from '../otlp/trace-body-preparer.js';
import { SqliteSpanStore } from '../store/sqlite-span-store.js';
import { createErrorMiddleware } from './error-middleware.js';
import { IngestGate } from './ingest-gate.js';
import { createOtlpRouter } from './otlp-routes.js';

const payload = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'aabbccddeeff00112233445566778899', spanId: '0102030405060708', name: 's', startTimeUnixNano: '1', endTimeUnixNano: '2' }] }] }] });

describe('OTLP/HTTP under overload of the parse worker', () => {
  it('answers 503 with Retry-After when the worker queue is full, and stores nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hopscope-overload-'));
    const store = SqliteSpanStore.open({ path: dir });
    const preparer = new TraceBodyPreparer({ minWorkerBytes: 0, maxQueuedBodies: 0 });
    const app = express();
    app.use(createOtlpRouter({ store, gate: new IngestGate(), maxRequestBytes: 1024 * 1024, onIngest: () => undefined, preparer }));
    app.use(createErrorMiddleware({ log: () => undefined }));
    const server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`, { method: 'POST', body: payload, headers: { 'Content-Type': 'application/json' } });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await response.text()).toMatch(/queue is full/);
      expect((await store.getStats()).spans).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await preparer.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
