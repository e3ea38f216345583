import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceListResponse } from '../shared/api-types.js';
import { spawnCli } from './testing/spawn-cli.js';

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the real CLI as a child process and resolves with its URL once it listens. */
async function startCli(db: string): Promise<{ child: ChildProcess; url: string }> {
  const cli = spawnCli(['--port', '0', '--grpc-port', '0', '--db', db]);
  children.push(cli.child);
  return { child: cli.child, url: await cli.listening };
}

describe('durability', () => {
  it('a span that got 200 survives kill -9 and a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hopscope-durable-'));
    dirs.push(dir);
    const first = await startCli(dir);
    const traceIds = Array.from({ length: 20 }, (_, index) => (index + 1).toString(16).padStart(32, 'a'));
    for (const traceId of traceIds) {
      const body = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId, spanId: '0102030405060708', name: `durable ${traceId}`, startTimeUnixNano: '1700000000000000000', endTimeUnixNano: '1700000000100000000' }] }] }] });
      const response = await fetch(`${first.url}/v1/traces`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
      expect(response.status).toBe(200);
    }
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    const second = await startCli(dir);
    const list = (await (await fetch(`${second.url}/api/traces?limit=100`)).json()) as TraceListResponse;
    expect(list.traces.map((trace) => trace.traceId).sort()).toEqual([...traceIds].sort());
    expect(await (await fetch(`${second.url}/api/health`)).json()).toMatchObject({ ok: true, spans: 20 });
  });
});
