import type { DatabaseSync } from 'node:sqlite';

/**
 * Brings a database written by an earlier version up to SCHEMA_SQL (after it ran): facets gain
 * `trace_count`, counted from the trace_values rows of models, providers and operations, which
 * are then dropped (trace_values keeps services only). Runs in one transaction; a no-op on a
 * current database.
 *
 * @example
 * db.exec(SCHEMA_SQL);
 * upgradeSchema(db);
 */
export function upgradeSchema(db: DatabaseSync): void {
  const columns = db.prepare("SELECT name FROM pragma_table_info('facets')").all() as { name: string }[];
  if (columns.some((column) => column.name === 'trace_count')) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec('ALTER TABLE facets ADD COLUMN trace_count INTEGER NOT NULL DEFAULT 0');
    db.exec(`UPDATE facets SET trace_count = (SELECT count(*) FROM trace_values v WHERE v.kind = facets.kind AND v.value = facets.value) WHERE kind <> 'service'`);
    db.exec(`DELETE FROM trace_values WHERE kind <> 'service'`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
