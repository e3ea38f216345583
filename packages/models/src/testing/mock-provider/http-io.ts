/** The mock provider's HTTP plumbing: reading bodies, writing JSON and SSE (optionally cut short). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { convertToSseText } from './sse.js';
import type { RecordedSseEvent } from './types.js';

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Where a stream stops early: after `afterChunks` events the socket is destroyed (`reset`) or left open with nothing more sent (`stall`). */
export interface SseCut {
  readonly afterChunks: number;
  readonly then: 'reset' | 'stall';
}

/** Writes SSE events one by one; with `cut`, stops after that many events as it says. */
export function sendSse(res: ServerResponse, events: readonly RecordedSseEvent[], headers: Readonly<Record<string, string>>, cut?: SseCut): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', ...headers });
  res.flushHeaders();
  const limit = cut === undefined ? events.length : Math.min(cut.afterChunks, events.length);
  for (let i = 0; i < limit; i++) res.write(convertToSseText(events[i]!));
  if (cut === undefined) {
    res.end();
    return;
  }
  if (cut.then === 'reset') res.write('', () => setTimeout(() => res.socket?.destroy(), 20));
}
