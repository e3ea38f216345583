import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { restrictToOwner } from './store-file-mode.js';
import { StoreOpenError } from './store-open-error.js';

const HOLDER_TABLE = 'CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, token TEXT NOT NULL, started_at TEXT NOT NULL)';
const ATTEMPTS = 5;

interface Holder {
  readonly pid: number;
  readonly token: string;
  readonly started_at: string;
}

const isBusy = (error: unknown): boolean => (error as { code?: unknown }).code === 'ERR_SQLITE_ERROR' && (Number((error as { errcode?: unknown }).errcode) & 0xff) === 5;

/**
 * One writer per store: a lock file `<database file>.lock` beside the database, itself a tiny
 * SQLite file whose write lock (an OS-level lock, taken by SQLite and held in an open
 * transaction) this process keeps until release(). The OS drops that lock when the process dies,
 * even by kill -9, so a dead holder never blocks the next start and a reused pid cannot fake a
 * live one. The holder's pid is recorded in the file (committed before the hold is taken) so the
 * refusal can name it.
 *
 * @example
 * const lock = StoreLock.acquire({ file: '.hopscope/hopscope.db', path: '.hopscope' });
 * lock.release();
 */
export class StoreLock {
  private readonly db: DatabaseSync;
  private released = false;

  private constructor(db: DatabaseSync) {
    this.db = db;
  }

  /** Takes the lock of the store whose database is `file` (`path` as the user gave it, for messages), or throws StoreOpenError 'in-use'. */
  static acquire(options: { file: string; path: string }): StoreLock {
    const db = new DatabaseSync(`${options.file}.lock`, { timeout: 0 });
    restrictToOwner(`${options.file}.lock`);
    try {
      const token = randomUUID();
      db.exec(HOLDER_TABLE);
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        try {
          db.exec('BEGIN IMMEDIATE');
        } catch (error) {
          if (!isBusy(error)) throw error;
          throw StoreLock.inUse(db, options.path, token, error);
        }
        const holder = db.prepare('SELECT pid, token, started_at FROM holder WHERE id = 1').get() as Holder | undefined;
        if (holder?.token === token) return new StoreLock(db);
        // Record this process, commit so others can read it, and take the hold again: if another
        // process took it in between, its record wins and this one is refused.
        db.prepare('INSERT OR REPLACE INTO holder (id, pid, token, started_at) VALUES (1, ?, ?, ?)').run(process.pid, token, new Date().toISOString());
        db.exec('COMMIT');
      }
      throw StoreLock.inUse(db, options.path, token, null);
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      db.close();
      throw error;
    }
  }

  private static inUse(db: DatabaseSync, path: string, ownToken: string, cause: unknown): StoreOpenError {
    let holder: Holder | undefined;
    try {
      holder = db.prepare('SELECT pid, token, started_at FROM holder WHERE id = 1').get() as Holder | undefined;
    } catch {
      holder = undefined; // the holder is committing its record right now
    }
    const other = holder !== undefined && holder.token !== ownToken ? holder : null;
    const who = other === null ? 'another process' : `${other.pid === process.pid ? 'this' : 'another'} process (pid ${other.pid}, since ${other.started_at})`;
    return new StoreOpenError(
      `the Hopscope store ${path} is in use by ${who}; only one viewer can write a store at a time. Stop that viewer first, or choose another --db`,
      { path, reason: 'in-use', holderPid: other?.pid ?? null, cause },
    );
  }

  /** Gives the store up (idempotent). */
  release(): void {
    if (this.released) return;
    this.released = true;
    try {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
    } finally {
      this.db.close();
    }
  }
}
