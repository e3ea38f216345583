import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SqliteCheckpointer } from './sqlite-checkpointer.js';

describe('SqliteCheckpointer', () => {
  it('turns off checkpoint-on-commit and checkpoints the WAL from its worker once it passes walBytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hopscope-checkpoint-'));
    const file = join(dir, 'x.db');
    const db = new DatabaseSync(file);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE t (v TEXT)');
    const checkpointer = SqliteCheckpointer.start(db, file, { walBytes: 64 * 1024 })!;
    try {
      expect(db.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({ wal_autocheckpoint: 0 });
      const insert = db.prepare('INSERT INTO t VALUES (?)');
      for (let index = 0; index < 50; index++) insert.run('x'.repeat(4000));
      checkpointer.afterCommit();
      let backfilled = false;
      for (let attempt = 0; attempt < 100 && !backfilled; attempt++) {
        await sleep(20);
        // A checkpoint from here finds nothing left to copy once the worker has done it.
        const result = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get() as { log: number; checkpointed: number };
        backfilled = result.log > 0 && result.log === result.checkpointed && statSync(join(dir, 'x.db')).size > 50 * 4000;
      }
      expect(backfilled).toBe(true);
    } finally {
      await checkpointer.close();
      expect(db.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({ wal_autocheckpoint: 1000 });
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cuts the WAL file back once the writer has checkpointed past hardWalBytes, so it does not checkpoint on every commit after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hopscope-checkpoint-'));
    const file = join(dir, 'x.db');
    const db = new DatabaseSync(file);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE t (v TEXT)');
    // walBytes out of reach: only the writer's own checkpoint past hardWalBytes runs.
    const checkpointer = SqliteCheckpointer.start(db, file, { walBytes: 1024 * 1024 * 1024, hardWalBytes: 1024 * 1024 })!;
    try {
      const insert = db.prepare('INSERT INTO t VALUES (?)');
      for (let index = 0; index < 400; index++) insert.run('x'.repeat(4000));
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(1024 * 1024);
      checkpointer.afterCommit();
      insert.run('after the checkpoint');
      expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(1024 * 1024 / 4);
    } finally {
      void checkpointer.close().finally(() => {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      });
    }
  });

  it('is not started for an in-memory database', () => {
    const db = new DatabaseSync(':memory:');
    expect(SqliteCheckpointer.start(db, ':memory:')).toBeNull();
    db.close();
  });

  it("does not repeat node:sqlite's ExperimentalWarning from its worker thread (which the CLI quiets on its own)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'hopscope-checkpoint-'));
    // A child process quiets the warning on its main thread as the CLI does, then lets the worker
    // checkpoint and stays up long enough for the worker's stderr to come through.
    const script = `
      const emitWarning = process.emitWarning.bind(process);
      process.emitWarning = (warning, ...rest) => (/SQLite/.test(String(warning?.message ?? warning)) ? undefined : emitWarning(warning, ...rest));
      const { DatabaseSync } = await import('node:sqlite');
      const { SqliteCheckpointer } = await import(${JSON.stringify(new URL('./sqlite-checkpointer.ts', import.meta.url).href)});
      const file = ${JSON.stringify(join(dir, 'x.db'))};
      const db = new DatabaseSync(file);
      db.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (v TEXT)');
      const checkpointer = SqliteCheckpointer.start(db, file, { walBytes: 1024 });
      for (let index = 0; index < 20; index++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(4000));
      checkpointer.afterCommit();
      const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      // The worker's checkpoint copies the rows into the database file.
      const { statSync } = await import('node:fs');
      for (let wait = 0; wait < 100 && statSync(file).size < 20 * 4000; wait++) await sleep(20);
      if (statSync(file).size < 20 * 4000) throw new Error('the worker did not checkpoint');
      await sleep(300);
      await checkpointer.close();
      db.close();
      console.warn('done');
    `;
    try {
      const hooks = fileURLToPath(new URL('../testing/register-ts-hooks.ts', import.meta.url));
      // A file, not -e: the worker would inherit --input-type=module and fail to start.
      writeFileSync(join(dir, 'child.mjs'), script);
      const child = spawnSync(process.execPath, ['--import', hooks, join(dir, 'child.mjs')], { encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(0);
      expect(child.stderr).toContain('done');
      expect(child.stderr).not.toMatch(/SQLite is an experimental feature/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
