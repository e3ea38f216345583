import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSpan } from '../testing/build-spans.js';
import { SqliteSpanStore } from './sqlite-span-store.js';
import { StoreOpenError } from './store-open-error.js';

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'hopscope-open-'));
  dirs.push(dir);
  return dir;
};

/** The StoreOpenError SqliteSpanStore.open throws for `path` (fails the test when it opens). */
async function openError(path: string): Promise<StoreOpenError> {
  let store: SqliteSpanStore;
  try {
    store = SqliteSpanStore.open({ path, backgroundCheckpoints: false });
  } catch (error) {
    expect(StoreOpenError.is(error), String(error)).toBe(true);
    return error as StoreOpenError;
  }
  await store.close();
  throw new Error(`${path} opened`);
}

describe('SqliteSpanStore.open errors name the path and say what to do', () => {
  it('a data directory whose hopscope.db is not SQLite', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hopscope.db'), 'x'.repeat(20_000));
    const error = await openError(dir);
    expect(error).toMatchObject({ reason: 'not-sqlite', path: dir });
    expect(error.message).toBe(`${join(dir, 'hopscope.db')} is not a Hopscope store (not an SQLite database): choose another --db (a data directory, created when missing), or move the file away`);
  });

  it('a --db that is an existing regular file, not a directory', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'hello\n');
    const error = await openError(file);
    expect(error).toMatchObject({ reason: 'not-sqlite', path: file });
    expect(error.message).toMatch(new RegExp(`^${file} is a file, not a data directory, and not a Hopscope store .*choose another --db.*move the file away$`));
    expect(statSync(file).size).toBe(6);
  });

  it('a damaged database', async () => {
    const dir = tempDir();
    const store = SqliteSpanStore.open({ path: dir, backgroundCheckpoints: false });
    for (let trace = 1; trace <= 20; trace++) await store.ingestSpans([buildSpan({ trace, span: 1, attributes: { filler: 'f'.repeat(4_000) } })]);
    await store.close();
    // Keep the header page, overwrite every page after it.
    const file = join(dir, 'hopscope.db');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(statSync(file).size - 4096, 0x5a), 0, statSync(file).size - 4096, 4096);
    closeSync(fd);
    const error = await openError(dir);
    expect(error.reason).toBe('damaged');
    expect(error.message).toMatch(new RegExp(`^${file} is damaged \\(database disk image is malformed\\): move it away .*choose another --db`));
  });

  it('a database path that cannot be opened (hopscope.db is a directory)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'hopscope.db'));
    const error = await openError(dir);
    expect(error.reason).toBe('not-writable');
    expect(error.message).toMatch(new RegExp(`^cannot open ${join(dir, 'hopscope.db')} for writing .*: make ${dir} a directory you can write to, or choose another --db`));
  });

  it('a data directory below a regular file', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'hello\n');
    const error = await openError(join(file, 'data'));
    expect(error.reason).toBe('not-a-directory');
    expect(error.message).toMatch(new RegExp(`^cannot use ${join(file, 'data')} as a data directory: part of that path is a file .*choose another --db`));
  });
});
