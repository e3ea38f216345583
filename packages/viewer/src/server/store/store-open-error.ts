import { dirname } from 'node:path';

const MARKER = Symbol.for('hopscope.viewer.StoreOpenError');

/** Why a store could not be opened: what the caller (the CLI) branches on. */
export type StoreOpenFailure = 'in-use' | 'not-sqlite' | 'damaged' | 'not-writable' | 'not-a-directory' | 'io';

/**
 * The store at `path` cannot be opened; the message names the path and says what to do.
 * `holderPid` is the process that holds the store when `reason` is 'in-use' (null if unknown).
 *
 * @example
 * if (StoreOpenError.is(error) && error.reason === 'in-use') console.error(error.message);
 */
export class StoreOpenError extends Error {
  readonly [MARKER] = true;
  readonly path: string;
  readonly reason: StoreOpenFailure;
  readonly holderPid: number | null;

  constructor(message: string, options: { path: string; reason: StoreOpenFailure; holderPid?: number | null; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'StoreOpenError';
    this.path = options.path;
    this.reason = options.reason;
    this.holderPid = options.holderPid ?? null;
  }

  static is(value: unknown): value is StoreOpenError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}

// Primary SQLite result codes (node:sqlite's `errcode` may carry an extended code above them).
const SQLITE_BUSY = 5;
const SQLITE_READONLY = 8;
const SQLITE_CORRUPT = 11;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

const ANOTHER_DB = 'choose another --db (a data directory, created when missing)';

/**
 * The StoreOpenError for an error thrown while opening the store at `path` (as given) whose
 * database file is `file`; `fileGiven` says `path` named an existing regular file, not a directory.
 * Errors it does not recognise are kept as the cause of an 'io' failure that still names the path.
 *
 * @example
 * toStoreOpenError({ error, path: '.hopscope', file: '.hopscope/hopscope.db', fileGiven: false });
 */
export function toStoreOpenError(options: { error: unknown; path: string; file: string; fileGiven: boolean }): StoreOpenError {
  const { error, path, file } = options;
  if (StoreOpenError.is(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const make = (reason: StoreOpenFailure, message: string): StoreOpenError => new StoreOpenError(message, { path, reason, cause: error });
  const sqliteCode = (error as { code?: unknown; errcode?: unknown }).code === 'ERR_SQLITE_ERROR' ? Number((error as { errcode?: unknown }).errcode) & 0xff : null;
  const fsCode = (error as { code?: unknown }).code;
  if (sqliteCode === SQLITE_NOTADB) {
    return options.fileGiven
      ? make('not-sqlite', `${file} is a file, not a data directory, and not a Hopscope store (not an SQLite database): ${ANOTHER_DB}, or move the file away`)
      : make('not-sqlite', `${file} is not a Hopscope store (not an SQLite database): ${ANOTHER_DB}, or move the file away`);
  }
  if (sqliteCode === SQLITE_CORRUPT) {
    return make('damaged', `${file} is damaged (${detail}): move it away (with its -wal file, if any) and start again, or ${ANOTHER_DB}`);
  }
  if (sqliteCode === SQLITE_CANTOPEN || sqliteCode === SQLITE_READONLY || fsCode === 'EACCES' || fsCode === 'EPERM' || fsCode === 'EROFS') {
    return make('not-writable', `cannot open ${file} for writing (${detail}): make ${dirname(file)} a directory you can write to, or ${ANOTHER_DB}`);
  }
  if (fsCode === 'ENOTDIR' || fsCode === 'EEXIST') {
    return make('not-a-directory', `cannot use ${path} as a data directory: part of that path is a file (${detail}); ${ANOTHER_DB}`);
  }
  if (sqliteCode === SQLITE_BUSY) {
    return make('in-use', `${file} is locked by another process (${detail}): stop it, or ${ANOTHER_DB}`);
  }
  return make('io', `cannot open the store at ${path} (${detail}); ${ANOTHER_DB}`);
}
