import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSpan } from '../testing/build-spans.js';
import { SqliteSpanStore } from './sqlite-span-store.js';
import { restrictToOwner } from './store-file-mode.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe("store files are their owner's alone", () => {
  it('creates the data directory 0700 and the database, WAL, shared-memory and lock files 0600', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hopscope-mode-'));
    dirs.push(root);
    const dir = join(root, 'data');
    const store = SqliteSpanStore.open({ path: dir, backgroundCheckpoints: false });
    try {
      await store.ingestSpans([buildSpan({ trace: 1, span: 1 })]);
      expect(modeOf(dir)).toBe(0o700);
      for (const name of ['hopscope.db', 'hopscope.db-wal', 'hopscope.db-shm', 'hopscope.db.lock']) expect([name, modeOf(join(dir, name))]).toEqual([name, 0o600]);
    } finally {
      await store.close();
    }
  });

  it('narrows the files of a store written before (0644) when it opens', () => {
    const root = mkdtempSync(join(tmpdir(), 'hopscope-mode-'));
    dirs.push(root);
    const file = join(root, 'old.db');
    writeFileSync(file, '');
    writeFileSync(`${file}-wal`, '');
    restrictToOwner(file);
    expect([modeOf(file), modeOf(`${file}-wal`)]).toEqual([0o600, 0o600]);
  });
});
