import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestViewer, type TestViewer } from '../testing/start-test-viewer.js';
import { isLoopbackAuthority, toHostName } from './host-guard.js';

describe('toHostName and isLoopbackAuthority', () => {
  it.each([
    ['127.0.0.1:4318', '127.0.0.1', true],
    ['localhost:4318', 'localhost', true],
    ['LOCALHOST', 'localhost', true],
    ['[::1]:4318', '[::1]', true],
    ['app.localhost:4318', 'app.localhost', true],
    ['http://127.0.0.1:4318', '127.0.0.1', true],
    ['attacker.example:4318', 'attacker.example', false],
    ['http://attacker.example', 'attacker.example', false],
    ['127.0.0.1.attacker.example', '127.0.0.1.attacker.example', false],
    ['localhost.attacker.example:80', 'localhost.attacker.example', false],
    ['[::2]:4318', '[::2]', false],
  ])('%s names %s (loopback: %s)', (value, name, loopback) => {
    expect(toHostName(value)).toBe(name);
    expect(isLoopbackAuthority(value)).toBe(loopback);
  });
});

let viewer: TestViewer | undefined;
afterEach(async () => {
  await viewer?.close();
  viewer = undefined;
});

/** A raw request, so the Host and Origin headers are exactly what a rebinding page would send. */
function send(url: string, o: { method?: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: o.method ?? 'GET', headers: o.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

const EMPTY_EXPORT = JSON.stringify({ resourceSpans: [] });

describe('the host guard of a loopback viewer', () => {
  it('refuses a page whose own name was rebound to 127.0.0.1: no trace read, no span written', async () => {
    viewer = await startTestViewer();
    const port = new URL(viewer.url).port;
    const read = await send(`${viewer.url}/api/traces`, { headers: { host: `attacker.example:${port}` } });
    expect(read.status).toBe(403);
    expect(JSON.parse(read.body)).toMatchObject({ where: 'host' });
    expect(read.body).toContain('DNS rebinding');
    const write = await send(`${viewer.url}/v1/traces`, { method: 'POST', headers: { host: `attacker.example:${port}`, 'content-type': 'application/json' }, body: EMPTY_EXPORT });
    expect(write.status).toBe(403);
    const page = await send(`${viewer.url}/`, { headers: { host: `attacker.example:${port}` } });
    expect(page.status).toBe(403);
  });

  it('refuses writes from a page of another origin, and serves loopback names', async () => {
    viewer = await startTestViewer();
    const port = new URL(viewer.url).port;
    const foreign = await send(`${viewer.url}/v1/traces`, { method: 'POST', headers: { host: `127.0.0.1:${port}`, origin: 'http://attacker.example', 'content-type': 'application/json' }, body: EMPTY_EXPORT });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('attacker.example');
    const opaque = await send(`${viewer.url}/v1/traces`, { method: 'POST', headers: { host: `127.0.0.1:${port}`, origin: 'null', 'content-type': 'application/json' }, body: EMPTY_EXPORT });
    expect(opaque.status).toBe(403);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await send(`${viewer.url}/api/traces`, { headers: { host } })).status).toBe(200);
    }
    const own = await send(`${viewer.url}/v1/traces`, { method: 'POST', headers: { host: `localhost:${port}`, origin: `http://localhost:${port}`, 'content-type': 'application/json' }, body: EMPTY_EXPORT });
    expect(own.status).toBe(200);
    const exporter = await send(`${viewer.url}/v1/traces`, { method: 'POST', headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' }, body: EMPTY_EXPORT });
    expect(exporter.status).toBe(200);
  });

  it('serves any name when the viewer was bound beyond loopback on purpose', async () => {
    viewer = await startTestViewer({ remote: true });
    const port = new URL(viewer.url).port;
    expect((await send(`${viewer.url}/api/traces`, { headers: { host: `viewer.lan:${port}` } })).status).toBe(200);
  });
});
