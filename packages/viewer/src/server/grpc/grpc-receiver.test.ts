import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { IngestGate } from '../http/ingest-gate.js';
import type { SpanStore } from '../store/span-store.js';
import { startGrpcReceiver } from './grpc-receiver.js';

describe('startGrpcReceiver', () => {
  it('rejects a port in use with the EADDRINUSE code a listen error has, naming the port', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      // The bind fails before the store or gate is used.
      const error = await startGrpcReceiver({ store: {} as SpanStore, gate: {} as IngestGate, host: '127.0.0.1', port, maxRequestBytes: 1024, onIngest: () => undefined }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'EADDRINUSE', message: `gRPC port ${port} is already in use on 127.0.0.1` });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
