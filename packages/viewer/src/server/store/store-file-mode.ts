import { chmodSync, existsSync } from 'node:fs';

/**
 * Makes the database file and its WAL and shared-memory files readable by their owner only (SQLite
 * creates them 0644 under the usual umask; it gives the WAL and SHM files the database's mode, so
 * this runs before they exist on a new store). A file owned by someone else is left as it is.
 */
export function restrictToOwner(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (existsSync(path)) chmodSync(path, 0o600);
    } catch {
      // not ours to change: the store works all the same
    }
  }
}
