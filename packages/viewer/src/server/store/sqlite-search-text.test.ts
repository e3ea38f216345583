import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSpan, toTestId } from '../testing/build-spans.js';
import { SqliteSpanStore } from './sqlite-span-store.js';

let dir: string;
let store: SqliteSpanStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hopscope-search-text-'));
  store = SqliteSpanStore.open({ path: dir });
  const messages = JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Weather?\nParis, then Zürich' }] }]);
  await store.ingestSpans([buildSpan({ trace: 1, span: 1, attributes: { 'gen_ai.input.messages': messages } }), buildSpan({ trace: 2, span: 1, attributes: { 'gen_ai.input.messages': 'role play' } })]);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('trace list search over message JSON', () => {
  const found = async (q: string): Promise<string[]> => (await store.listTraces({ q })).traces.map((trace) => trace.traceId);

  it('finds the word after an escaped newline and non-ASCII words inside JSON strings', async () => {
    expect(await found('Paris')).toEqual([toTestId(1, 16)]);
    expect(await found('zürich')).toEqual([toTestId(1, 16)]);
  });

  it('does not match JSON keys: only a trace whose text says "role" does', async () => {
    expect(await found('role')).toEqual([toTestId(2, 16)]);
    expect(await found('parts')).toEqual([]);
  });
});
