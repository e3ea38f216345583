import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceListResponse } from '../shared/api-types.js';

const HOOKS = fileURLToPath(new URL('./testing/register-ts-hooks.ts', import.meta.url));
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the real CLI as a child process and resolves with its URL once it listens. */
function startCli(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', HOOKS, CLI, '--port', '0', '--grpc-port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /viewer on (http:\/\/[^\s]+)/.exec(output);
      if (match) resolve({ child, url: match[1]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`CLI exited (${code}) before listening:\n${output}`)));
  });
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
