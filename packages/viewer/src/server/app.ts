import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { SpanStore } from './store/span-store.js';
import { createApiRouter } from './http/api-routes.js';
import { createErrorMiddleware } from './http/error-middleware.js';
import { hostGuard } from './http/host-guard.js';
import { IngestGate, type IngestGateOptions } from './http/ingest-gate.js';
import { LiveHub } from './http/live-hub.js';
import { createOtlpRouter } from './http/otlp-routes.js';
import { securityHeaders } from './http/security-headers.js';
import { createStaticUiRouter } from './http/static-ui.js';

/** Default limit on one OTLP request body, measured after decompression. */
export const DEFAULT_MAX_REQUEST_BYTES = 64 * 1024 * 1024;

/** The built UI: packages/viewer/dist/ui, from both src/server and dist/server. */
export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../dist/ui', import.meta.url));

/** Options for createApp. */
export interface CreateAppOptions {
  readonly store: SpanStore;
  readonly uiDir?: string;
  readonly maxRequestBytes?: number;
  readonly ingestGate?: IngestGate | IngestGateOptions;
  readonly liveIntervalMs?: number;
  readonly log?: (message: string, error: unknown) => void;
  /** True when the viewer is bound beyond loopback (allowRemote): any Host name is then served. */
  readonly remote?: boolean;
}

/** The express app and what shares its lifetime. */
export interface ViewerApp {
  readonly app: Express;
  readonly live: LiveHub;
  readonly gate: IngestGate;
  /** Tell live subscribers that traces changed (the gRPC receiver calls this too). */
  readonly notifyIngest: (traceIds: readonly string[]) => void;
  readonly close: () => void;
}

/**
 * The viewer's HTTP side: OTLP/HTTP receiver, JSON API, live updates and the UI, behind strict
 * security headers and one error middleware. It does not listen; startViewer does.
 *
 * @example
 * const { app } = createApp({ store: SqliteSpanStore.open({ path: dir }) });
 * app.listen(0, '127.0.0.1');
 */
export function createApp(options: CreateAppOptions): ViewerApp {
  const { store } = options;
  const gate = options.ingestGate instanceof IngestGate ? options.ingestGate : new IngestGate(options.ingestGate);
  const live = new LiveHub({ getSummaries: (traceIds) => store.getSummaries(traceIds), intervalMs: options.liveIntervalMs });
  const notifyIngest = (traceIds: readonly string[]): void => live.notify(traceIds);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(securityHeaders);
  app.use(hostGuard({ remote: options.remote ?? false }));
  app.use(createOtlpRouter({ store, gate, maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES, onIngest: notifyIngest }));
  app.use('/api', createApiRouter({ store, live }));
  app.use(createStaticUiRouter(options.uiDir ?? DEFAULT_UI_DIR));
  app.use(createErrorMiddleware({ log: options.log ?? ((message, error) => console.error(`[hopscope] ${message}:`, error)) }));
  return { app, live, gate, notifyIngest, close: () => live.close() };
}
