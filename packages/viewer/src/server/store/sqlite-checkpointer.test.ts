import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
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
});
