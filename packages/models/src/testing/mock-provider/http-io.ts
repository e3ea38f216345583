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

/** Writes SSE events one by one; with `resetAfter`, destroys the socket after that many events. */
export function sendSse(res: ServerResponse, events: readonly RecordedSseEvent[], headers: Readonly<Record<string, string>>, resetAfter?: number): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', ...headers });
  res.flushHeaders();
  const limit = resetAfter === undefined ? events.length : Math.min(resetAfter, events.length);
  for (let i = 0; i < limit; i++) res.write(convertToSseText(events[i]!));
  if (resetAfter === undefined) {
    res.end();
    return;
  }
  res.write('', () => setTimeout(() => res.socket?.destroy(), 20));
}
