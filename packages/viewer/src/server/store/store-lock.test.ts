import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteSpanStore } from './sqlite-span-store.js';
import { StoreOpenError } from './store-open-error.js';

const HOOKS = fileURLToPath(new URL('../testing/register-ts-hooks.ts', import.meta.url));
const STORE_MODULE = fileURLToPath(new URL('./sqlite-span-store.ts', import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];
const stores: SqliteSpanStore[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'hopscope-lock-'));
  dirs.push(dir);
  return dir;
};

const open = (path: string): SqliteSpanStore => {
  const store = SqliteSpanStore.open({ path, backgroundCheckpoints: false });
  stores.push(store);
  return store;
};

/** The error SqliteSpanStore.open throws for `path`, or null when it opens. */
const openError = (path: string): unknown => {
  try {
    open(path);
    return null;
  } catch (error) {
    return error;
  }
};

/** Another process that opens the store at `path` and holds it until killed. */
function holdInChild(path: string): Promise<ChildProcess> {
  const script = `import { SqliteSpanStore } from ${JSON.stringify(STORE_MODULE)}; SqliteSpanStore.open({ path: ${JSON.stringify(path)}, backgroundCheckpoints: false }); console.log('open'); setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '--import', HOOKS, '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('open')) resolve(child);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`holder exited (${code}):\n${output}`)));
  });
}

describe('SqliteSpanStore single writer', () => {
  it('refuses a store another process has open, naming the directory and that pid', async () => {
    const dir = tempDir();
    const holder = await holdInChild(dir);
    const error = openError(dir);
    expect(StoreOpenError.is(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'in-use', path: dir, holderPid: holder.pid });
    expect((error as Error).message).toContain(dir);
    expect((error as Error).message).toContain(`pid ${holder.pid}`);
    expect((error as Error).message).toMatch(/choose another --db/);
  });

  it('a holder killed with SIGKILL does not block the next open', async () => {
    const dir = tempDir();
    const holder = await holdInChild(dir);
    expect(openError(dir)).toMatchObject({ reason: 'in-use' });
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    expect(openError(dir)).toBeNull();
  });

  it('refuses a second open in the same process, and allows it once the first is closed', async () => {
    const dir = tempDir();
    const first = open(dir);
    expect(openError(dir)).toMatchObject({ reason: 'in-use', holderPid: process.pid });
    await first.close();
    expect(openError(dir)).toBeNull();
  });

  it('locks a .db file store by its file', async () => {
    const file = join(tempDir(), 'viewer.db');
    open(file);
    expect(openError(file)).toMatchObject({ reason: 'in-use', path: file });
  });

  it('a failed open leaves no lock behind', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hopscope.db'), 'not a database');
    expect(openError(dir)).toMatchObject({ reason: 'not-sqlite' });
    rmSync(join(dir, 'hopscope.db'));
    expect(openError(dir)).toBeNull();
  });

  it('two stores on ":memory:" need no lock', () => {
    expect(openError(':memory:')).toBeNull();
    expect(openError(':memory:')).toBeNull();
  });
});
