import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, DEFAULT_MAX_REQUEST_BYTES } from './app.js';
import { startGrpcReceiver, type GrpcReceiver } from './grpc/grpc-receiver.js';
import type { SpanStore } from './store/span-store.js';
import { SqliteSpanStore } from './store/sqlite-span-store.js';

/** Options for startViewer. */
export interface StartViewerOptions {
  /** OTLP/HTTP + UI + API port (default 4318; 0 picks a free one). */
  readonly port?: number;
  /** Bind address (default 127.0.0.1). A non-loopback address needs allowRemote. */
  readonly host?: string;
  /** Data directory or database file (default `.hopscope` in the working directory). */
  readonly db?: string;
  /** OTLP/gRPC port (default 4317; 0 picks a free one; null turns gRPC off). */
  readonly grpcPort?: number | null;
  /** Byte cap of the store (whole old traces are evicted beyond it). */
  readonly maxBytes?: number;
  /** Limit on one OTLP request after decompression (default 64 MiB). */
  readonly maxRequestBytes?: number;
  readonly allowRemote?: boolean;
  /** Use this store instead of opening one at `db`. */
  readonly store?: SpanStore;
  readonly uiDir?: string;
  /** Where warnings go (default console.warn). */
  readonly warn?: (message: string) => void;
}

/** A running viewer. */
export interface ViewerHandle {
  readonly url: string;
  readonly port: number;
  readonly grpcPort: number | null;
  readonly store: SpanStore;
  close(): Promise<void>;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

/** True for loopback bind addresses. */
export const isLoopbackHost = (host: string): boolean => LOOPBACK.test(host);

/** Thrown when a non-loopback bind is asked for without allowRemote. */
export class RemoteBindError extends Error {
  readonly host: string;
  constructor(host: string) {
    super(`Refusing to bind ${host}: traces hold prompts and model output. Pass --allow-remote (allowRemote: true) to expose the viewer beyond this machine.`);
    this.name = 'RemoteBindError';
    this.host = host;
  }
}

/**
 * Opens the store and starts OTLP/HTTP + API + UI on `port` and OTLP/gRPC on `grpcPort`.
 *
 * @example
 * const viewer = await startViewer({ port: 0, grpcPort: null, db: tmpDir });
 * await viewer.close();
 */
export async function startViewer(options: StartViewerOptions = {}): Promise<ViewerHandle> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    if (!options.allowRemote) throw new RemoteBindError(host);
    (options.warn ?? console.warn)(`[hopscope] WARNING: listening on ${host}, reachable from other machines. Traces hold prompts and model output; anyone who can reach this port can read them.`);
  }
  const store = options.store ?? SqliteSpanStore.open({ path: options.db ?? '.hopscope', maxBytes: options.maxBytes });
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const viewer = createApp({ store, maxRequestBytes, uiDir: options.uiDir, remote: !isLoopbackHost(host) });
  let server: Server | undefined;
  let grpc: GrpcReceiver | null = null;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const listening = viewer.app.listen(options.port ?? 4318, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
      listening.once('error', reject);
    });
    server.requestTimeout = 120_000;
    if (options.grpcPort !== null) {
      grpc = await startGrpcReceiver({ store, gate: viewer.gate, host, port: options.grpcPort ?? 4317, maxRequestBytes, onIngest: viewer.notifyIngest });
    }
  } catch (error) {
    viewer.close();
    server?.close();
    if (!options.store) await store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const httpServer = server;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    grpcPort: grpc?.port ?? null,
    store,
    close: async () => {
      viewer.close();
      await Promise.all([
        new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeAllConnections();
        }),
        grpc?.close(),
      ]);
      if (!options.store) await store.close();
    },
  };
}
