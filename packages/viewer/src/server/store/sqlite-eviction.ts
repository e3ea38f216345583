import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** A row eviction may delete: `(order_key, id)` is its place in its kind's order, `time_us` its age. */
interface EvictionRow {
  readonly order_key: number;
  readonly id: number;
  readonly time_us: number;
  readonly bytes: number;
}

interface TraceRow extends EvictionRow {
  readonly trace_id: string;
  readonly span_count: number;
  readonly models: string;
  readonly providers: string;
  readonly operations: string;
}

interface LogRow extends EvictionRow {
  readonly trace_id: string | null;
}

const PAGE_SIZE = 256;

/** The rows of one kind, oldest first, read a page at a time after the last row read (its own index serves the order). */
class OldestFirst<Row extends EvictionRow> {
  private readonly select: StatementSync;
  private readonly skip: (row: Row) => boolean;
  private rows: Row[] = [];
  private index = 0;
  private after: [number, number] = [Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
  private exhausted = false;

  constructor(select: StatementSync, skip: (row: Row) => boolean) {
    this.select = select;
    this.skip = skip;
  }

  peek(): Row | undefined {
    while (this.index >= this.rows.length && !this.exhausted) {
      const page = this.select.all(this.after[0], this.after[1]) as unknown as Row[];
      const last = page.at(-1);
      if (last !== undefined) this.after = [last.order_key, last.id];
      this.exhausted = page.length < PAGE_SIZE;
      this.rows = page.filter((row) => !this.skip(row));
      this.index = 0;
    }
    return this.rows[this.index];
  }

  take(): void {
    this.index += 1;
  }
}

/**
 * Deletes the oldest stored data: whole traces (least recently written first, with their logs),
 * log records of no stored trace and metric points (each oldest first by time). The three are
 * merged by time, so whichever kind holds the oldest data gives way first. Runs inside the
 * caller's transaction.
 */
export class SqliteEviction {
  private readonly selectTraces: StatementSync;
  private readonly selectOrphanLogs: StatementSync;
  private readonly selectMetricPoints: StatementSync;
  private readonly traceLogBytes: StatementSync;
  private readonly deleteTraceStatements: StatementSync[];
  private readonly uncountFacets: StatementSync;
  private readonly deleteTraceServices: StatementSync;
  private readonly deleteLog: StatementSync;
  private readonly deleteLogSearchStatements: StatementSync[];
  private readonly deleteMetricPoint: StatementSync;
  private readonly deleteUnusedFacets: StatementSync;

  constructor(db: DatabaseSync) {
    const page = `LIMIT ${PAGE_SIZE}`;
    this.selectTraces = db.prepare(`SELECT seq AS order_key, rowid AS id, end_us AS time_us, bytes, trace_id, span_count, models, providers, operations
      FROM traces WHERE (seq, rowid) > (?1, ?2) ORDER BY seq, rowid ${page}`);
    this.selectOrphanLogs = db.prepare(`SELECT time_us AS order_key, id, time_us, bytes, trace_id FROM logs
      WHERE (time_us, id) > (?1, ?2) AND (trace_id IS NULL OR NOT EXISTS (SELECT 1 FROM traces t WHERE t.trace_id = logs.trace_id))
      ORDER BY time_us, id ${page}`);
    this.selectMetricPoints = db.prepare(`SELECT time_us AS order_key, id, time_us, bytes FROM metric_points WHERE (time_us, id) > (?1, ?2) ORDER BY time_us, id ${page}`);
    this.traceLogBytes = db.prepare('SELECT COALESCE(SUM(bytes), 0) AS bytes FROM logs WHERE trace_id = ?');
    this.deleteTraceStatements = [
      'DELETE FROM spans WHERE trace_id = ?1',
      'DELETE FROM big_values WHERE trace_id = ?1',
      'DELETE FROM search WHERE rowid IN (SELECT rowid FROM search_docs WHERE trace_id = ?1)',
      'DELETE FROM search_docs WHERE trace_id = ?1',
      'DELETE FROM logs WHERE trace_id = ?1',
      'DELETE FROM traces WHERE trace_id = ?1',
    ].map((sql) => db.prepare(sql));
    // The trace row lists its models, providers and operations: their facets count one trace less.
    this.uncountFacets = db.prepare(`UPDATE facets SET trace_count = trace_count - 1 WHERE
      (kind = 'model' AND value IN (SELECT value FROM json_each(?1)))
      OR (kind = 'provider' AND value IN (SELECT value FROM json_each(?2)))
      OR (kind = 'operation' AND value IN (SELECT value FROM json_each(?3)))`);
    // By primary key: services are few (facets).
    this.deleteTraceServices = db.prepare("DELETE FROM trace_values WHERE kind = 'service' AND trace_id = ?1 AND value IN (SELECT value FROM facets WHERE kind = 'service')");
    // A log of an unstored trace id is searchable under that id until its trace's last log goes.
    this.deleteLog = db.prepare('DELETE FROM logs WHERE id = ?');
    this.deleteLogSearchStatements = [
      'DELETE FROM search WHERE rowid IN (SELECT rowid FROM search_docs WHERE trace_id = ?1) AND NOT EXISTS (SELECT 1 FROM logs WHERE trace_id = ?1)',
      'DELETE FROM search_docs WHERE trace_id = ?1 AND NOT EXISTS (SELECT 1 FROM logs WHERE trace_id = ?1)',
    ].map((sql) => db.prepare(sql));
    this.deleteMetricPoint = db.prepare('DELETE FROM metric_points WHERE id = ?');
    this.deleteUnusedFacets = db.prepare(`DELETE FROM facets WHERE CASE WHEN kind = 'service' THEN NOT EXISTS (SELECT 1 FROM trace_values v WHERE v.kind = 'service' AND v.value = facets.value)
      ELSE trace_count <= 0 END`);
  }

  /** Deletes the oldest data, never a trace in `keep`, until at least `bytesToFree` are gone or nothing is left; returns what went. */
  evict(bytesToFree: number, keep: ReadonlySet<string>): { bytes: number; spans: number } {
    const traces = new OldestFirst<TraceRow>(this.selectTraces, (row) => keep.has(row.trace_id));
    const logs = new OldestFirst<LogRow>(this.selectOrphanLogs, () => false);
    const points = new OldestFirst<EvictionRow>(this.selectMetricPoints, () => false);
    let bytes = 0;
    let spans = 0;
    while (bytes < bytesToFree) {
      const trace = traces.peek();
      const log = logs.peek();
      const point = points.peek();
      const oldest = Math.min(trace?.time_us ?? Infinity, log?.time_us ?? Infinity, point?.time_us ?? Infinity);
      if (oldest === Infinity) break;
      if (trace !== undefined && trace.time_us === oldest) {
        traces.take();
        bytes += trace.bytes + (this.traceLogBytes.get(trace.trace_id) as { bytes: number }).bytes;
        spans += trace.span_count;
        this.uncountFacets.run(trace.models, trace.providers, trace.operations);
        this.deleteTraceServices.run(trace.trace_id);
        for (const statement of this.deleteTraceStatements) statement.run(trace.trace_id);
      } else if (log !== undefined && log.time_us === oldest) {
        logs.take();
        bytes += log.bytes;
        this.deleteLog.run(log.id);
        if (log.trace_id !== null) for (const statement of this.deleteLogSearchStatements) statement.run(log.trace_id);
      } else if (point !== undefined) {
        points.take();
        bytes += point.bytes;
        this.deleteMetricPoint.run(point.id);
      }
    }
    if (spans > 0) this.deleteUnusedFacets.run();
    return { bytes, spans };
  }
}
