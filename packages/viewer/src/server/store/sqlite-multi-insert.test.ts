import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { MultiInsertShapeError, SQLITE_MAX_VARIABLES, SqliteMultiInsert } from './sqlite-multi-insert.js';

const openDb = (): DatabaseSync => {
  const db = new DatabaseSync(':memory:');
  db.exec('CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT)');
  return db;
};

describe('SqliteMultiInsert', () => {
  it('inserts any number of rows in chunks, the last one partial, and counts the changes', () => {
    const db = openDb();
    const insert = new SqliteMultiInsert(db, { head: 'INSERT OR IGNORE INTO t (a, b) VALUES', columns: 2, rowsPerStatement: 64 });
    const values = Array.from({ length: 1000 }, (_, index) => [index, `row ${index}`]).flat();
    expect(insert.run(values)).toBe(1000);
    expect(insert.run(values.slice(0, 10))).toBe(0);
    expect(db.prepare('SELECT count(*) AS n, max(b) AS last FROM t').get()).toEqual({ n: 1000, last: 'row 999' });
  });

  it('binds exactly up to SQLite\'s variable limit and refuses shapes beyond it', () => {
    const db = openDb();
    const rows = SQLITE_MAX_VARIABLES / 2;
    const insert = new SqliteMultiInsert(db, { head: 'INSERT INTO t (a, b) VALUES', columns: 2, rowsPerStatement: rows });
    expect(insert.run(Array.from({ length: rows + 1 }, (_, index) => [index, 'x']).flat())).toBe(rows + 1);
    expect(() => new SqliteMultiInsert(db, { head: 'INSERT INTO t (a, b) VALUES', columns: 2, rowsPerStatement: rows + 1 })).toThrow(MultiInsertShapeError);
    expect(() => new SqliteMultiInsert(db, { head: 'INSERT INTO t (a, b) VALUES', columns: 0 })).toThrow(/positive integers/);
  });

  it('keeps the default chunk within 999 variables and appends the tail (upserts)', () => {
    const db = openDb();
    const upsert = new SqliteMultiInsert(db, { head: 'INSERT INTO t (a, b) VALUES', columns: 2, tail: 'ON CONFLICT (a) DO UPDATE SET b = b || excluded.b' });
    upsert.run([1, 'a', 2, 'b']);
    upsert.run([1, 'c']);
    expect(db.prepare('SELECT b FROM t ORDER BY a').all()).toEqual([{ b: 'ac' }, { b: 'b' }]);
    expect(() => upsert.run([1])).toThrow(RangeError);
  });
});
