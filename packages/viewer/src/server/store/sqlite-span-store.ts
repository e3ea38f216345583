import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AttributeSlice, Facets, SpanBatch, SpanSearchResult, TraceDetail, TraceListQuery, TraceListResponse, TraceSkeleton, TraceSummary } from '../../shared/api-types.js';
import { IngestOverloadError } from '../otlp/ingest-overload-error.js';
import type { NormalizedLog, NormalizedMetricPoint, NormalizedResource, NormalizedScope, NormalizedSpan } from '../otlp/normalized-types.js';
import { toPreparedSpanBatch, type PreparedSpanBatch } from './prepared-span.js';
import type { IngestResult, MetricSummary, SpanStore, StoreStats } from './span-store.js';
import { SqliteCheckpointer } from './sqlite-checkpointer.js';
import { SqliteEviction } from './sqlite-eviction.js';
import { InternTable } from './sqlite-intern.js';
import { SCHEMA_SQL } from './sqlite-schema.js';
import { upgradeSchema } from './sqlite-schema-upgrade.js';
import { readMetricSummaries } from './sqlite-metric-reader.js';
import { SqliteSignalIngest } from './sqlite-signal-ingest.js';
import { SqliteSpanIngest } from './sqlite-span-ingest.js';
import { restrictToOwner } from './store-file-mode.js';
import { StoreLock } from './store-lock.js';
import { toStoreOpenError } from './store-open-error.js';
import { SqliteTraceReader } from './sqlite-trace-reader.js';

/** Options for SqliteSpanStore.open. */
export interface SqliteSpanStoreOptions {
  /** A data directory (the file is `hopscope.db` inside), a `.db`/`.sqlite` file, or ':memory:'. */
  readonly path: string;
  /** Byte cap on stored data (spans, logs, metric points); the oldest go first, a trace whole with its logs. Default 1 GiB. */
  readonly maxBytes?: number;
  /** Checkpoint the WAL from a worker thread instead of on commit (default true; false or ':memory:' keeps SQLite's own). */
  readonly backgroundCheckpoints?: boolean;
}

/** One ingestSpans call waiting for the next group commit. */
interface PendingSpans {
  readonly batch: PreparedSpanBatch;
  readonly resolve: (result: IngestResult) => void;
  readonly reject: (error: unknown) => void;
}

const toMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Default byte cap of the store. */
export const DEFAULT_STORE_MAX_BYTES = 1024 * 1024 * 1024;

/**
 * The database file for a `--db` value: a directory gets `hopscope.db` inside it.
 *
 * @example
 * resolveDatabaseFile('.hopscope'); // '.hopscope/hopscope.db'
 */
export function resolveDatabaseFile(path: string): string {
  return locateDatabaseFile(path).file;
}

/** Where the database of `path` lives, and whether `path` is an existing regular file without a .db name; creates the directory. */
function locateDatabaseFile(path: string): { file: string; fileGiven: boolean } {
  if (path === ':memory:') return { file: path, fileGiven: false };
  const named = /\.(db|sqlite3?)$/i.test(path);
  const fileGiven = !named && (() => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  })();
  const file = named || fileGiven ? path : join(path, 'hopscope.db');
  // Traces hold prompts and model output: a directory made here is the user's alone.
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  return { file, fileGiven };
}


/**
 * SpanStore on Node's built-in SQLite: WAL with synchronous=NORMAL (a commit is in the WAL before
 * the receiver answers), one transaction per request, a summary row per trace kept up to date
 * on ingest, FTS5 over message content, and a byte cap over spans, logs and metric points that
 * evicts the oldest first (whole traces with their logs).
 *
 * @example
 * const store = SqliteSpanStore.open({ path: '.hopscope', maxBytes: 512 * 1024 * 1024 });
 */
export class SqliteSpanStore implements SpanStore {
  private readonly db: DatabaseSync;
  private readonly maxBytes: number;
  private readonly resources: InternTable<NormalizedResource>;
  private readonly scopes: InternTable<NormalizedScope>;
  private readonly spanIngest: SqliteSpanIngest;
  private readonly signalIngest: SqliteSignalIngest;
  private readonly reader: SqliteTraceReader;
  private readonly eviction: SqliteEviction;
  private checkpointer: SqliteCheckpointer | null = null;
  private pending: PendingSpans[] = [];
  private flushScheduled = false;
  private seq: number;
  private spanCount: number;
  private totalBytes: number;
  /** Why the last eviction failed; null once one succeeds. */
  private evictionError: unknown = null;
  private closed = false;
  /** This process's hold on the store (null for ':memory:'), released by close(). */
  private lock: StoreLock | null = null;

  private constructor(db: DatabaseSync, maxBytes: number) {
    this.db = db;
    this.maxBytes = maxBytes;
    this.resources = new InternTable<NormalizedResource>(db, 'resources');
    this.scopes = new InternTable<NormalizedScope>(db, 'scopes');
    this.spanIngest = new SqliteSpanIngest(db, this.resources, this.scopes);
    this.signalIngest = new SqliteSignalIngest(db, this.resources, this.scopes);
    this.reader = new SqliteTraceReader(db, this.resources, this.scopes);
    this.eviction = new SqliteEviction(db);
    const totals = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq, COALESCE(SUM(span_count), 0) AS spans, COALESCE(SUM(bytes), 0) AS bytes FROM traces').get() as { seq: number; spans: number; bytes: number };
    const signalBytes = db.prepare('SELECT (SELECT COALESCE(SUM(bytes), 0) FROM logs) + (SELECT COALESCE(SUM(bytes), 0) FROM metric_points) AS bytes').get() as { bytes: number };
    this.seq = totals.seq;
    this.spanCount = totals.spans;
    this.totalBytes = totals.bytes + signalBytes.bytes;
  }

  /**
   * Opens (creating when needed) the store at `options.path`, for this process alone: a store
   * another process has open throws StoreOpenError 'in-use' naming its pid (see StoreLock). A
   * path that cannot hold a store (not SQLite, damaged, not writable) throws StoreOpenError
   * naming it and saying what to do.
   */
  static open(options: SqliteSpanStoreOptions): SqliteSpanStore {
    let located = { file: options.path, fileGiven: false };
    let lock: StoreLock | null = null;
    let db: DatabaseSync | null = null;
    try {
      located = locateDatabaseFile(options.path);
      if (located.file !== ':memory:') lock = StoreLock.acquire({ file: located.file, path: options.path });
      db = new DatabaseSync(located.file);
      if (located.file !== ':memory:') restrictToOwner(located.file);
      const store = SqliteSpanStore.setUp(db, options);
      store.lock = lock;
      if (options.backgroundCheckpoints ?? true) store.checkpointer = SqliteCheckpointer.start(db, located.file);
      return store;
    } catch (error) {
      try {
        db?.close();
      } finally {
        lock?.release();
      }
      throw toStoreOpenError({ error, path: options.path, ...located });
    }
  }

  private static setUp(db: DatabaseSync, options: SqliteSpanStoreOptions): SqliteSpanStore {
    db.exec('PRAGMA auto_vacuum = INCREMENTAL');
    db.exec('PRAGMA journal_mode = WAL');
    // NORMAL in WAL mode: a commit is in the WAL (OS page cache) before the receiver answers, so it
    // survives kill -9 of this process; only an OS crash or power loss can drop the newest commits,
    // never corrupt the file. FULL would fsync every request and cut ingest several times over.
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA cache_size = -65536');
    db.exec('PRAGMA temp_store = MEMORY');
    db.exec(SCHEMA_SQL);
    upgradeSchema(db);
    return new SqliteSpanStore(db, options.maxBytes ?? DEFAULT_STORE_MAX_BYTES);
  }

  private transaction<T>(work: () => T): T {
    if (this.closed) throw new Error('SqliteSpanStore is closed');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      this.checkpointer?.afterCommit();
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      this.resetCaches();
      throw error;
    }
  }

  private resetCaches(): void {
    this.resources.reset();
    this.scopes.reset();
    this.spanIngest.reset();
  }

  /**
   * Group commit: the spans wait for the next turn of the event loop, and every call that
   * arrived by then is written in one transaction. A batch that fails fails alone: the
   * transaction is rolled back and written again without it (no savepoint per batch, which
   * would make SQLite copy every page it changes into a sub-journal). The promise resolves
   * only after that transaction has committed.
   */
  ingestSpans(spans: readonly NormalizedSpan[]): Promise<IngestResult> {
    if (spans.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0, changedTraceIds: [] });
    let batch: PreparedSpanBatch;
    try {
      batch = toPreparedSpanBatch(spans);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.ingestPreparedSpans(batch);
  }

  /** As ingestSpans, for spans already prepared (on the ingest worker thread): only SQL runs here. */
  ingestPreparedSpans(batch: PreparedSpanBatch): Promise<IngestResult> {
    if (batch.spans.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0, changedTraceIds: [] });
    if (this.closed) return Promise.reject(new Error('SqliteSpanStore is closed'));
    try {
      this.requireRoom();
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<IngestResult>((resolve, reject) => {
      this.pending.push({ batch, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flushSpans());
      }
    });
  }

  private flushSpans(): void {
    this.flushScheduled = false;
    let group = this.pending;
    this.pending = [];
    while (group.length > 0) {
      const written: { item: PendingSpans; result: IngestResult; bytes: number }[] = [];
      let failed: { index: number; error: unknown } | null = null;
      try {
        this.transaction(() => {
          for (const [index, item] of group.entries()) {
            try {
              const { deltas, duplicates } = this.spanIngest.ingest(item.batch, ++this.seq);
              const accepted = deltas.reduce((sum, delta) => sum + delta.spanCount, 0);
              const bytes = deltas.reduce((sum, delta) => sum + delta.bytes, 0);
              written.push({ item, result: { accepted, duplicates, changedTraceIds: deltas.map((delta) => delta.traceId) }, bytes });
            } catch (error) {
              failed = { index, error };
              throw error;
            }
          }
        });
      } catch (error) {
        // Nothing of this group is committed. A failed batch is rejected and the others are
        // written again; when BEGIN or COMMIT failed, every caller hears so.
        const failure = failed as { index: number; error: unknown } | null;
        if (failure === null) {
          for (const item of group) item.reject(error);
          return;
        }
        group[failure.index]?.reject(failure.error);
        group = group.filter((_, index) => index !== failure.index);
        continue;
      }
      this.settleWritten(written);
      return;
    }
  }

  /** After the commit: the counts, the callers, and eviction over the cap. */
  private settleWritten(written: readonly { item: PendingSpans; result: IngestResult; bytes: number }[]): void {
    const changed = new Set<string>();
    for (const { result, bytes } of written) {
      this.spanCount += result.accepted;
      this.totalBytes += bytes;
      for (const traceId of result.changedTraceIds) changed.add(traceId);
    }
    for (const { item, result } of written) item.resolve(result);
    this.evictOverCap(changed);
  }

  async ingestLogs(logs: readonly NormalizedLog[]): Promise<IngestResult> {
    if (logs.length === 0) return { accepted: 0, duplicates: 0, changedTraceIds: [] };
    this.requireRoom();
    const { accepted, bytes, traceIds } = this.transaction(() => this.signalIngest.ingestLogs(logs));
    this.totalBytes += bytes;
    this.evictOverCap(traceIds);
    return { accepted, duplicates: logs.length - accepted, changedTraceIds: [...traceIds] };
  }

  async ingestMetrics(points: readonly NormalizedMetricPoint[]): Promise<IngestResult> {
    if (points.length === 0) return { accepted: 0, duplicates: 0, changedTraceIds: [] };
    this.requireRoom();
    const { accepted, bytes } = this.transaction(() => this.signalIngest.ingestMetricPoints(points));
    this.totalBytes += bytes;
    this.evictOverCap(new Set());
    return { accepted, duplicates: points.length - accepted, changedTraceIds: [] };
  }

  /**
   * After a commit: when over the cap, deletes the oldest data (see SqliteEviction; never the
   * traces in `keep`, just written) until under 90% of it. The data written is committed. A
   * failed eviction is logged, kept for getStats, and retried before the next write, which is
   * refused while the store stays over its cap (requireRoom): the cap holds even then.
   */
  private evictOverCap(keep: ReadonlySet<string>): void {
    if (this.totalBytes <= this.maxBytes) {
      this.evictionError = null;
      return;
    }
    try {
      const evicted = this.transaction(() => this.eviction.evict(this.totalBytes - this.maxBytes * 0.9, keep));
      this.totalBytes -= evicted.bytes;
      this.spanCount -= evicted.spans;
      this.spanIngest.reset();
      this.evictionError = null;
      this.db.exec('PRAGMA incremental_vacuum');
    } catch (error) {
      if (this.evictionError === null) console.error('[hopscope] evicting old data failed; writes are refused while the store is over its cap:', error);
      this.evictionError = error;
    }
  }

  /**
   * Throws IngestOverloadError (503 + Retry-After to the exporter, which retries) while the
   * store is over its cap because eviction failed, after trying to evict once more. Without
   * this a store whose eviction keeps failing grows without bound.
   */
  private requireRoom(): void {
    if (this.evictionError === null || this.totalBytes <= this.maxBytes) return;
    this.evictOverCap(new Set());
    if (this.evictionError === null || this.totalBytes <= this.maxBytes) return;
    throw new IngestOverloadError(`the store is over its byte cap (${this.maxBytes} bytes) and evicting old data fails (${toMessage(this.evictionError)})`, 5_000);
  }

  async listTraces(query: TraceListQuery): Promise<TraceListResponse> {
    return this.reader.listTraces(query);
  }

  async getSummaries(traceIds: readonly string[]): Promise<TraceSummary[]> {
    return this.reader.getSummaries(traceIds);
  }

  async getTrace(traceId: string): Promise<TraceDetail | null> {
    return this.reader.getTrace(traceId);
  }

  async getTraceSkeleton(traceId: string): Promise<TraceSkeleton | null> {
    return this.reader.getTraceSkeleton(traceId);
  }

  async getSpans(traceId: string, spanIds: readonly string[]): Promise<SpanBatch> {
    return this.reader.getSpans(traceId, spanIds);
  }

  async searchSpans(traceId: string, query: string): Promise<SpanSearchResult | null> {
    return this.reader.searchSpans(traceId, query);
  }

  async exportTrace(traceId: string): Promise<Record<string, unknown> | null> {
    return this.reader.exportTrace(traceId);
  }

  async getAttributeSlice(traceId: string, spanId: string, key: string, offset: number, length: number): Promise<AttributeSlice | null> {
    return this.reader.getAttributeSlice(traceId, spanId, key, offset, length);
  }

  async getFacets(): Promise<Facets> {
    return this.reader.getFacets();
  }

  async getMetricSummaries(): Promise<MetricSummary[]> {
    return readMetricSummaries(this.db);
  }

  async getStats(): Promise<StoreStats> {
    const stats = { spans: this.spanCount, bytes: this.totalBytes };
    return this.evictionError === null ? stats : { ...stats, evictionError: toMessage(this.evictionError) };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flushSpans();
    this.closed = true;
    try {
      await this.checkpointer?.close();
      this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } finally {
      try {
        this.db.close();
      } finally {
        this.lock?.release();
      }
    }
  }
}
