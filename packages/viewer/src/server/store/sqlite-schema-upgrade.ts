import type { DatabaseSync } from 'node:sqlite';

const hasColumn = (db: DatabaseSync, table: string, column: string): boolean =>
  (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).some((row) => row.name === column);

/** Runs `statements` in one transaction, rolled back when one fails. */
function runInTransaction(db: DatabaseSync, statements: readonly string[]): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const statement of statements) db.exec(statement);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Facets gain `trace_count`, counted from the trace_values rows of models, providers and
 * operations, which are then dropped (trace_values keeps services only).
 */
const FACET_TRACE_COUNT_UPGRADE = [
  'ALTER TABLE facets ADD COLUMN trace_count INTEGER NOT NULL DEFAULT 0',
  `UPDATE facets SET trace_count = (SELECT count(*) FROM trace_values v WHERE v.kind = facets.kind AND v.value = facets.value) WHERE kind <> 'service'`,
  `DELETE FROM trace_values WHERE kind <> 'service'`,
];

/**
 * Traces gain `skipped_hop_count`; before it, `failed_hop_count` counted skipped hops too. The
 * existing rows are recomputed rather than left combined: only traces with a failed hop are
 * read, and only their spans whose JSON mentions "skipped" are parsed, once, on open.
 */
const SKIPPED_HOP_COUNT_UPGRADE = [
  'ALTER TABLE traces ADD COLUMN skipped_hop_count INTEGER NOT NULL DEFAULT 0',
  `UPDATE traces SET skipped_hop_count = skipped.n, failed_hop_count = failed_hop_count - skipped.n
   FROM (SELECT trace_id, count(*) AS n FROM spans
         WHERE trace_id IN (SELECT trace_id FROM traces WHERE failed_hop_count > 0)
           AND instr(data, '"skipped"') > 0 AND json_extract(data, '$.attributes."hopscope.hop.outcome"') = 'skipped'
         GROUP BY trace_id) AS skipped
   WHERE traces.trace_id = skipped.trace_id`,
];

/**
 * Brings a database written by an earlier version up to SCHEMA_SQL (after it ran), one step
 * per missing column (FACET_TRACE_COUNT_UPGRADE, SKIPPED_HOP_COUNT_UPGRADE), each in one
 * transaction; a no-op on a current database.
 *
 * @example
 * db.exec(SCHEMA_SQL);
 * upgradeSchema(db);
 */
export function upgradeSchema(db: DatabaseSync): void {
  if (!hasColumn(db, 'facets', 'trace_count')) runInTransaction(db, FACET_TRACE_COUNT_UPGRADE);
  if (!hasColumn(db, 'traces', 'skipped_hop_count')) runInTransaction(db, SKIPPED_HOP_COUNT_UPGRADE);
}
