import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type CreateAppOptions, type ViewerApp } from '../app.js';
import { SqliteSpanStore } from '../store/sqlite-span-store.js';

/** An in-process app on an ephemeral loopback port with a throwaway store. */
export interface TestViewer {
  readonly url: string;
  readonly store: SqliteSpanStore;
  readonly viewer: ViewerApp;
  close(): Promise<void>;
}

/**
 * Starts createApp on 127.0.0.1:0 over a temp-dir store; close() removes everything.
 *
 * @example
 * const viewer = await startTestViewer();
 * await fetch(`${viewer.url}/api/health`);
 */
export async function startTestViewer(options: Omit<CreateAppOptions, 'store'> & { maxBytes?: number } = {}): Promise<TestViewer> {
  const dir = mkdtempSync(join(tmpdir(), 'hopscope-app-'));
  const store = SqliteSpanStore.open({ path: dir, maxBytes: options.maxBytes });
  const viewer = createApp({ liveIntervalMs: 20, ...options, store, log: (message, error) => console.error(message, error) });
  const server = await new Promise<Server>((resolve) => {
    const listening = viewer.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    viewer,
    close: async () => {
      viewer.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
