import { createHash } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { NormalizedLog, NormalizedMetric, NormalizedResource, NormalizedScope } from '../otlp/normalized-types.js';
import { toMicros } from '../otlp/wire-read.js';
import { MESSAGE_CONTENT_ATTRIBUTES } from './genai-attributes.js';
import { toSearchText } from './span-facts.js';
import type { InternTable } from './sqlite-intern.js';
import type { StoredLogData } from './stored-span.js';

/**
 * Writes log records (deduplicated by content hash, so a retried export adds nothing) and
 * metrics. Runs inside the caller's transaction.
 */
export class SqliteSignalIngest {
  private readonly insertLog: StatementSync;
  private readonly insertSearchDoc: StatementSync;
  private readonly insertSearch: StatementSync;
  private readonly insertMetric: StatementSync;
  private readonly resources: InternTable<NormalizedResource>;
  private readonly scopes: InternTable<NormalizedScope>;

  constructor(db: DatabaseSync, resources: InternTable<NormalizedResource>, scopes: InternTable<NormalizedScope>) {
    this.resources = resources;
    this.scopes = scopes;
    this.insertLog = db.prepare('INSERT OR IGNORE INTO logs (hash, trace_id, span_id, time_us, resource_id, scope_id, bytes, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.insertSearchDoc = db.prepare('INSERT INTO search_docs (trace_id) VALUES (?)');
    this.insertSearch = db.prepare('INSERT INTO search (rowid, content) VALUES (?, ?)');
    this.insertMetric = db.prepare('INSERT INTO metrics (time_us, service, name, unit, type, points, value_sum, value_count, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
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
      if (this.insertLog.run(hash, traceId, spanId, toMicros(time), resourceId, scopeId, json.length + 120, json).changes === 0) continue;
      accepted += 1;
      bytes += json.length + 120;
      if (traceId === null) continue;
      traceIds.add(traceId);
      const text = [toSearchText(log.body), ...MESSAGE_CONTENT_ATTRIBUTES.map((key) => toSearchText(log.attributes[key]))].filter((part) => part !== '').join('\n');
      if (text !== '') this.insertSearch.run(this.insertSearchDoc.run(traceId).lastInsertRowid, text);
    }
    return { accepted, bytes, traceIds };
  }

  /** Stores metrics as received, with their summary figures. */
  ingestMetrics(metrics: readonly NormalizedMetric[]): number {
    for (const metric of metrics) {
      this.insertMetric.run(toMicros(metric.timeUnixNano), metric.serviceName, metric.name, metric.unit, metric.type, metric.dataPointCount,
        metric.valueSum, metric.valueCount, JSON.stringify(metric.data));
    }
    return metrics.length;
  }
}
