import { createHash } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { NormalizedLog, NormalizedMetricPoint, NormalizedResource, NormalizedScope } from '../otlp/normalized-types.js';
import { toMicros } from '../otlp/wire-read.js';
import { MESSAGE_CONTENT_ATTRIBUTES } from './genai-attributes.js';
import { toSearchText } from './span-facts.js';
import type { InternTable } from './sqlite-intern.js';
import { SIGNAL_ROW_OVERHEAD_BYTES } from './sqlite-schema.js';
import type { StoredLogData } from './stored-span.js';

/**
 * Writes log records (deduplicated by content hash) and metric data points (deduplicated by
 * what identifies them in OTLP), so a retried export adds nothing. Runs inside the caller's
 * transaction.
 */
export class SqliteSignalIngest {
  private readonly insertLog: StatementSync;
  private readonly insertSearchDoc: StatementSync;
  private readonly insertSearch: StatementSync;
  private readonly insertMetricPoint: StatementSync;
  private readonly resources: InternTable<NormalizedResource>;
  private readonly scopes: InternTable<NormalizedScope>;

  constructor(db: DatabaseSync, resources: InternTable<NormalizedResource>, scopes: InternTable<NormalizedScope>) {
    this.resources = resources;
    this.scopes = scopes;
    this.insertLog = db.prepare('INSERT OR IGNORE INTO logs (hash, trace_id, span_id, time_us, resource_id, scope_id, bytes, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.insertSearchDoc = db.prepare('INSERT INTO search_docs (trace_id) VALUES (?)');
    this.insertSearch = db.prepare('INSERT INTO search (rowid, content) VALUES (?, ?)');
    this.insertMetricPoint = db.prepare(`INSERT OR IGNORE INTO metric_points (point_key, series_key, cumulative, time_us, resource_id, scope_id, service, name, unit, type, value_sum, value_count, bytes, data)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /** Stores new log records; returns how many were new, the bytes added and the traces they belong to. */
  ingestLogs(logs: readonly NormalizedLog[]): { accepted: number; bytes: number; traceIds: Set<string> } {
    let accepted = 0;
    let bytes = 0;
    const traceIds = new Set<string>();
    for (const log of logs) {
      const { resource, scope, traceId, spanId, ...rest } = log;
      const data: StoredLogData = rest;
      const json = JSON.stringify(data);
      const resourceId = this.resources.idOf(resource);
      const scopeId = this.scopes.idOf(scope);
      const hash = createHash('sha1').update(`${traceId}|${spanId}|${resourceId}|${scopeId}|${json}`).digest('base64');
      const time = log.timeUnixNano !== '0' ? log.timeUnixNano : log.observedTimeUnixNano;
      const rowBytes = json.length + SIGNAL_ROW_OVERHEAD_BYTES;
      if (this.insertLog.run(hash, traceId, spanId, toMicros(time), resourceId, scopeId, rowBytes, json).changes === 0) continue;
      accepted += 1;
      bytes += rowBytes;
      if (traceId === null) continue;
      traceIds.add(traceId);
      const text = [toSearchText(log.body), ...MESSAGE_CONTENT_ATTRIBUTES.map((key) => toSearchText(log.attributes[key]))].filter((part) => part !== '').join('\n');
      if (text !== '') this.insertSearch.run(this.insertSearchDoc.run(traceId).lastInsertRowid, text);
    }
    return { accepted, bytes, traceIds };
  }

  /**
   * Stores new metric data points; returns how many were new and the bytes added. A point is known by its resource,
   * scope, metric name, type and unit, attributes, start and time: a retry repeats all of them,
   * while the next export of a cumulative series repeats all but the time.
   */
  ingestMetricPoints(points: readonly NormalizedMetricPoint[]): { accepted: number; bytes: number } {
    let accepted = 0;
    let bytes = 0;
    for (const point of points) {
      const resourceId = this.resources.idOf(point.resource);
      const scopeId = this.scopes.idOf(point.scope);
      const series = JSON.stringify([resourceId, scopeId, point.name, point.type, point.unit, point.attributes, point.startTimeUnixNano]);
      const seriesKey = createHash('sha1').update(series).digest('base64');
      const pointKey = createHash('sha1').update(`${series}|${point.timeUnixNano}`).digest('base64');
      const json = JSON.stringify(point.data);
      const rowBytes = json.length + SIGNAL_ROW_OVERHEAD_BYTES;
      if (this.insertMetricPoint.run(pointKey, seriesKey, point.cumulative ? 1 : 0, toMicros(point.timeUnixNano), resourceId, scopeId,
        point.serviceName, point.name, point.unit, point.type, point.valueSum, point.valueCount, rowBytes, json).changes === 0) continue;
      accepted += 1;
      bytes += rowBytes;
    }
    return { accepted, bytes };
  }
}
