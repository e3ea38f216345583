import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** A value bound to a statement parameter. */
export type SqlValue = string | number | bigint | null;

/**
 * The lowest SQLITE_MAX_VARIABLE_NUMBER of any SQLite Node bundles (32766 since SQLite 3.32).
 * A statement never binds more parameters than this.
 */
export const SQLITE_MAX_VARIABLES = 32_766;

/** Thrown at construction when a row shape cannot fit SQLite's variable limit. */
export class MultiInsertShapeError extends Error {
  readonly columns: number;
  readonly rowsPerStatement: number;
  constructor(columns: number, rowsPerStatement: number) {
    super(`SqliteMultiInsert: ${columns} columns x ${rowsPerStatement} rows needs ${columns * rowsPerStatement} variables; SQLite allows ${SQLITE_MAX_VARIABLES} (columns and rowsPerStatement must be positive integers)`);
    this.name = 'MultiInsertShapeError';
    this.columns = columns;
    this.rowsPerStatement = rowsPerStatement;
  }
}

/** Options for SqliteMultiInsert. */
export interface SqliteMultiInsertOptions {
  /** `INSERT ... INTO table (columns) VALUES`, without the value tuples. */
  readonly head: string;
  /** Values per row. */
  readonly columns: number;
  /** SQL after the value tuples (an `ON CONFLICT` clause), or ''. */
  readonly tail?: string;
  /** Rows bound per statement call (default: as many as fit in 999 variables, at most 64). */
  readonly rowsPerStatement?: number;
}

/**
 * One multi-row INSERT for many rows: values are bound in chunks of up to `rowsPerStatement`
 * rows, each chunk size prepared once and reused. Far cheaper than one statement call per row,
 * and never over SQLite's variable limit.
 *
 * @example
 * const insert = new SqliteMultiInsert(db, { head: 'INSERT OR IGNORE INTO facets (kind, value) VALUES', columns: 2 });
 * insert.run(['model', 'a', 'model', 'b']); // 2
 */
export class SqliteMultiInsert {
  private readonly statements = new Map<number, StatementSync>();
  private readonly db: DatabaseSync;
  private readonly head: string;
  private readonly tail: string;
  private readonly columns: number;
  private readonly rowsPerStatement: number;

  constructor(db: DatabaseSync, options: SqliteMultiInsertOptions) {
    const { columns } = options;
    const rowsPerStatement = options.rowsPerStatement ?? Math.max(1, Math.min(64, Math.floor(999 / columns)));
    if (!Number.isInteger(columns) || columns < 1 || !Number.isInteger(rowsPerStatement) || rowsPerStatement < 1 || columns * rowsPerStatement > SQLITE_MAX_VARIABLES) {
      throw new MultiInsertShapeError(columns, rowsPerStatement);
    }
    this.db = db;
    this.head = options.head;
    this.tail = options.tail ?? '';
    this.columns = columns;
    this.rowsPerStatement = rowsPerStatement;
  }

  /** Inserts `values` (row after row, `columns` values each); returns the rows changed. */
  run(values: readonly SqlValue[]): number {
    if (values.length % this.columns !== 0) throw new RangeError(`SqliteMultiInsert: ${values.length} values is not a whole number of ${this.columns}-column rows`);
    let changes = 0;
    const chunk = this.rowsPerStatement * this.columns;
    for (let start = 0; start < values.length; start += chunk) {
      const part = start === 0 && values.length <= chunk ? values : values.slice(start, start + chunk);
      changes += Number(this.statementFor(part.length / this.columns).run(...part).changes);
    }
    return changes;
  }

  private statementFor(rows: number): StatementSync {
    let statement = this.statements.get(rows);
    if (!statement) {
      const row = `(${Array(this.columns).fill('?').join(', ')})`;
      statement = this.db.prepare(`${this.head} ${Array(rows).fill(row).join(', ')} ${this.tail}`);
      this.statements.set(rows, statement);
    }
    return statement;
  }
}
