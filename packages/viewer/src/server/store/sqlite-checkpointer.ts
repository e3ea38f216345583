import { statSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';

/** Options for SqliteCheckpointer.start. */
export interface SqliteCheckpointerOptions {
  /** WAL size that asks the worker for a checkpoint (default 8 MiB, about SQLite's own 1000 pages x2). */
  readonly walBytes?: number;
  /** WAL size at which the writer checkpoints itself, in case the worker falls behind (default 256 MiB). */
  readonly hardWalBytes?: number;
}

// Plain CommonJS so it runs from the TypeScript sources and from dist alike (eval worker).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// The writer's thread loaded node:sqlite first (its ExperimentalWarning went out there, or the
// CLI quieted it): this thread's copy of that warning would only repeat it.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  if (/SQLite/.test(typeof warning === 'string' ? warning : String(warning && warning.message))) return;
  emitWarning(warning, ...rest);
};
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file);
db.exec('PRAGMA busy_timeout = 5000');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
parentPort.on('message', () => {
  let error = null;
  try { checkpoint.get(); } catch (caught) { error = String(caught && caught.message || caught); }
  parentPort.postMessage({ error });
});
`;

/**
 * Moves WAL checkpoints off the ingest path: the writer connection stops checkpointing on
 * commit (`wal_autocheckpoint = 0`) and, when the WAL has grown past `walBytes`, a worker
 * thread with its own connection runs a PASSIVE checkpoint (which never blocks the writer).
 * Copying WAL pages into the database file and its fsync then cost the receiver nothing.
 * Durability is unchanged: a commit is in the WAL before the receiver answers, checkpointed
 * or not. Should the worker fail or fall far behind, the writer checkpoints itself again.
 *
 * @example
 * const checkpointer = SqliteCheckpointer.start(db, '/data/hopscope.db');
 * checkpointer?.afterCommit(); // after each write transaction
 */
export class SqliteCheckpointer {
  private readonly db: DatabaseSync;
  private readonly walFile: string;
  private readonly walBytes: number;
  private readonly hardWalBytes: number;
  private worker: Worker | null;
  private running = false;

  private constructor(db: DatabaseSync, file: string, worker: Worker, options: SqliteCheckpointerOptions) {
    this.db = db;
    this.walFile = `${file}-wal`;
    this.walBytes = options.walBytes ?? 8 * 1024 * 1024;
    this.hardWalBytes = options.hardWalBytes ?? 256 * 1024 * 1024;
    this.worker = worker;
    worker.on('message', (message: { error: string | null }) => {
      this.running = false;
      if (message.error !== null) this.fallBack();
    });
    worker.on('error', () => this.fallBack());
    worker.on('exit', () => this.fallBack());
    // After the listeners: adding a 'message' listener refs the worker's port again.
    worker.unref();
    db.exec('PRAGMA wal_autocheckpoint = 0');
    // A WAL that restarts after a complete checkpoint is cut back to this size; without it the
    // file keeps its largest size, and past hardWalBytes the writer would checkpoint on every commit.
    db.exec(`PRAGMA journal_size_limit = ${Math.floor(this.hardWalBytes / 4)}`);
  }

  /** Starts the worker for the database `file` (null for ':memory:', which has no WAL). */
  static start(db: DatabaseSync, file: string, options: SqliteCheckpointerOptions = {}): SqliteCheckpointer | null {
    if (file === ':memory:') return null;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file } });
    return new SqliteCheckpointer(db, file, worker, options);
  }

  /** Call after each commit: asks the worker for a checkpoint when the WAL is big enough. */
  afterCommit(): void {
    if (this.worker === null) return;
    let size: number;
    try {
      size = statSync(this.walFile).size;
    } catch {
      return;
    }
    if (size >= this.hardWalBytes) this.db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    else if (size >= this.walBytes && !this.running) {
      this.running = true;
      this.worker.postMessage('checkpoint');
    }
  }

  /** Stops the worker (the writer checkpoints on commit again). */
  async close(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return;
    this.fallBack();
    await worker.terminate();
  }

  /** The writer checkpoints on commit again, as SQLite does by default. */
  private fallBack(): void {
    if (this.worker === null) return;
    this.worker = null;
    this.running = false;
    try {
      if (this.db.isOpen) this.db.exec('PRAGMA wal_autocheckpoint = 1000');
    } catch {
      // the database is closing: nothing left to checkpoint for
    }
  }
}
