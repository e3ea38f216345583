import { Router } from 'express';
import type { CompareResponse } from '../../shared/api-types.js';
import { InvalidCursorError } from '../store/invalid-cursor-error.js';
import { MAX_SPAN_BATCH, type SpanStore } from '../store/span-store.js';
import { HttpError } from './http-error.js';
import type { LiveHub } from './live-hub.js';
import { parseHexIdParam, parseTraceListQuery } from './parse-api-query.js';

const DEFAULT_SLICE_CHARS = 64 * 1024;
const MAX_SLICE_CHARS = 4 * 1024 * 1024;

/** `found`, or a 404 that names the trace (`where` is the request field that held the id). */
function requireStored<T>(found: T | undefined | null, traceId: string, where: string): T {
  if (found === undefined || found === null) throw new HttpError(404, `Trace ${traceId} is not stored`, { where });
  return found;
}

/**
 * The JSON API of packages/viewer/src/shared/api-types.ts, plus /api/traces/:id/otlp (the trace
 * as OTLP/JSON) and /api/metrics (per-service metric summaries).
 *
 * @example
 * app.use('/api', createApiRouter({ store, live }));
 */
export function createApiRouter(options: { store: SpanStore; live: LiveHub }): Router {
  const { store, live } = options;
  const router = Router();
  router.use((_request, response, next) => {
    response.set('Cache-Control', 'no-store');
    next();
  });

  router.get('/traces', async (request, response) => {
    const query = parseTraceListQuery(request.query as Record<string, unknown>);
    try {
      response.json(await store.listTraces(query));
    } catch (error) {
      if (InvalidCursorError.is(error)) throw new HttpError(400, error.message, { where: 'cursor' });
      throw error;
    }
  });

  const loadTrace = async (value: unknown, name: string) => {
    const traceId = parseHexIdParam(value, 16, name);
    return requireStored(await store.getTrace(traceId), traceId, name);
  };

  router.get('/traces/:traceId', async (request, response) => {
    response.json(await loadTrace(request.params.traceId, 'traceId'));
  });

  router.get('/traces/:traceId/skeleton', async (request, response) => {
    const traceId = parseHexIdParam(request.params.traceId, 16, 'traceId');
    response.json(requireStored(await store.getTraceSkeleton(traceId), traceId, 'traceId'));
  });

  router.get('/traces/:traceId/spans', async (request, response) => {
    const traceId = parseHexIdParam(request.params.traceId, 16, 'traceId');
    const raw = request.query.ids;
    if (typeof raw !== 'string' || raw === '') throw new HttpError(400, 'ids must be a comma-separated list of span ids', { where: 'ids' });
    const ids = raw.split(',').map((id) => parseHexIdParam(id, 8, 'ids'));
    if (ids.length > MAX_SPAN_BATCH) throw new HttpError(400, `at most ${MAX_SPAN_BATCH} span ids per request`, { where: 'ids' });
    response.json(await store.getSpans(traceId, ids));
  });

  router.get('/traces/:traceId/search', async (request, response) => {
    const traceId = parseHexIdParam(request.params.traceId, 16, 'traceId');
    const query = request.query.q ?? '';
    if (typeof query !== 'string') throw new HttpError(400, 'q must be given once', { where: 'q' });
    response.json(requireStored(await store.searchSpans(traceId, query), traceId, 'traceId'));
  });

  router.get('/traces/:traceId/otlp', async (request, response) => {
    const traceId = parseHexIdParam(request.params.traceId, 16, 'traceId');
    response.json(requireStored(await store.exportTrace(traceId), traceId, 'traceId'));
  });

  router.get('/traces/:traceId/spans/:spanId/attributes/:key', async (request, response) => {
    const traceId = parseHexIdParam(request.params.traceId, 16, 'traceId');
    const spanId = parseHexIdParam(request.params.spanId, 8, 'spanId');
    const offset = Number(request.query.offset ?? 0);
    const length = Number(request.query.length ?? DEFAULT_SLICE_CHARS);
    if (!Number.isSafeInteger(offset) || offset < 0) throw new HttpError(400, 'offset must be a non-negative integer', { where: 'offset' });
    if (!Number.isSafeInteger(length) || length < 1) throw new HttpError(400, 'length must be a positive integer', { where: 'length' });
    const slice = await store.getAttributeSlice(traceId, spanId, request.params.key, offset, Math.min(length, MAX_SLICE_CHARS));
    if (!slice) throw new HttpError(404, `Span ${spanId} of trace ${traceId} has no attribute "${request.params.key}"`, { where: 'key' });
    response.json(slice);
  });

  router.get('/facets', async (_request, response) => {
    response.json(await store.getFacets());
  });

  router.get('/compare', async (request, response) => {
    const body: CompareResponse = { a: await loadTrace(request.query.a, 'a'), b: await loadTrace(request.query.b, 'b') };
    response.json(body);
  });

  router.get('/metrics', async (_request, response) => {
    response.json({ metrics: await store.getMetricSummaries() });
  });

  router.get('/health', async (_request, response) => {
    response.json({ ok: true, ...(await store.getStats()) });
  });

  router.get('/live', (_request, response) => {
    live.subscribe(response);
  });

  router.all('/{*rest}', (request) => {
    throw new HttpError(404, `No API endpoint ${request.method} ${request.originalUrl.split('?')[0]}`);
  });
  return router;
}
