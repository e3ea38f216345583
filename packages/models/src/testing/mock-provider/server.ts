/**
 * The loopback mock provider: a node:http server on 127.0.0.1 that speaks the Chat Completions,
 * Responses and Anthropic Messages wire formats, scripted per model name.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { convertToMockErrorBody, NOT_JSON_BODY } from './error-body.js';
import { computeMockReply } from './resolve-reply.js';
import { lowerHeaders, readBody, sendJson, sendSse, type SseCut } from './http-io.js';
import type { MockApi, MockProvider, MockReply, MockRequestLog, MockStep, RecordedExchange } from './types.js';
import { convertToMockWireAnswer, mapPathToMockApi } from './wire-answer.js';

const REQUEST_ID_HEADER: Record<MockApi, string> = { 'openai-chat': 'x-request-id', 'openai-responses': 'x-request-id', anthropic: 'request-id' };

/**
 * Starts a mock provider on 127.0.0.1 (port 0 = an ephemeral port).
 * @example
 * const mock = await startMockProvider();
 * mock.script('gpt-4o', [{ fail: { status: 429, headers: { 'retry-after': '1' } } }, 'ok']);
 * const client = new OpenAI({ baseURL: mock.baseUrl('openai'), apiKey: 'test', maxRetries: 0 });
 */
export async function startMockProvider(options: { port?: number } = {}): Promise<MockProvider> {
  const scripts = new Map<string, MockStep[]>();
  const latencies = new Map<string, number>();
  const replies = new Map<string, MockReply>();
  const requests: MockRequestLog[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let sequence = 0;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const api = mapPathToMockApi(path);
    const text = await readBody(req);
    if (req.method !== 'POST' || api === undefined) return sendJson(res, 404, { error: { message: `mock provider: no route for ${req.method} ${path}`, type: 'invalid_request_error', param: null, code: null } });
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SyntaxError('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, convertToMockErrorBody(api, 400));
    }
    const modelName = typeof body['model'] === 'string' ? body['model'] : '';
    const stream = body['stream'] === true;
    requests.push({ api, path, modelName, stream, body, headers: lowerHeaders(req), receivedAt: Date.now() });
    const step = scripts.get(modelName)?.shift() ?? 'ok';
    const latency = latencies.get(modelName) ?? 0;
    if (latency > 0) await wait(latency);
    if (res.destroyed) return;
    sequence += 1;
    const idHeaders = { [REQUEST_ID_HEADER[api]]: `req_mock_${sequence}` };
    answer(res, api, step, { body, modelName, stream, idHeaders });
  }

  function answer(res: ServerResponse, api: MockApi, step: MockStep, call: { body: Record<string, unknown>; modelName: string; stream: boolean; idHeaders: Record<string, string> }): void {
    if (step === 'ok') {
      const reply = computeMockReply({ api, reply: replies.get(call.modelName), modelName: call.modelName, body: call.body, sequence, now: Date.now() });
      const includeUsage = (call.body['stream_options'] as { include_usage?: unknown } | undefined)?.include_usage === true;
      const wire = convertToMockWireAnswer(api, reply, { stream: call.stream, includeUsage });
      return wire.kind === 'json' ? sendJson(res, 200, wire.body, call.idHeaders) : sendSse(res, wire.events, call.idHeaders);
    }
    if ('fail' in step) return sendJson(res, step.fail.status, step.fail.body ?? convertToMockErrorBody(api, step.fail.status), { ...call.idHeaders, ...step.fail.headers });
    if ('hang' in step) return;
    if ('notJson' in step) {
      if (call.stream) return sendSse(res, [{ data: NOT_JSON_BODY }], call.idHeaders);
      res.writeHead(200, { 'content-type': 'application/json', ...call.idHeaders });
      return void res.end(NOT_JSON_BODY);
    }
    if ('resetMidStream' in step || 'stallMidStream' in step) {
      const cut: SseCut = 'resetMidStream' in step ? { afterChunks: step.resetMidStream.afterChunks, then: 'reset' } : { afterChunks: step.stallMidStream.afterChunks, then: 'stall' };
      const reply = computeMockReply({ api, reply: replies.get(call.modelName), modelName: call.modelName, body: call.body, sequence, now: Date.now() });
      const wire = convertToMockWireAnswer(api, reply, { stream: call.stream, includeUsage: true });
      if (wire.kind === 'sse') return sendSse(res, wire.events, call.idHeaders, cut);
      const json = JSON.stringify(wire.body);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(json.length), ...call.idHeaders });
      return void res.write(json.slice(0, json.length >> 1), () => setTimeout(() => res.socket?.destroy(), 20));
    }
    if ('replay' in step) return replay(res, step.replay, call.idHeaders);
    const _exhaustive: never = step;
    throw new Error(`unknown mock step ${JSON.stringify(_exhaustive)}`);
  }

  function replay(res: ServerResponse, exchange: RecordedExchange, idHeaders: Record<string, string>): void {
    const r = exchange.response;
    const headers = { ...idHeaders, ...r.headers };
    if (r.hang) return;
    if (r.sse !== undefined) return sendSse(res, r.sse, headers, r.resetAfterChunks === undefined ? undefined : { afterChunks: r.resetAfterChunks, then: 'reset' });
    if (r.text !== undefined) {
      res.writeHead(r.status, { 'content-type': 'application/json', ...headers });
      return void res.end(r.text);
    }
    sendJson(res, r.status, r.body ?? null, headers);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `mock provider failure: ${String(error)}`, type: 'server_error', param: null, code: null } });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('mock provider: no TCP address');
  const url = `http://127.0.0.1:${address.port}`;

  return {
    url,
    baseUrl: (api) => (api === 'openai' ? `${url}/v1` : url),
    script: (modelName, steps) => void scripts.set(modelName, [...steps]),
    setLatency: (modelName, ms) => void latencies.set(modelName, ms),
    setReply: (modelName, reply) => void replies.set(modelName, reply),
    get requests() {
      return requests;
    },
    reset() {
      scripts.clear();
      latencies.clear();
      replies.clear();
      requests.length = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
