/**
 * Projections of log records and metrics for snapshots (pure).
 */
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { DataPointType, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { toParsedAttributes } from './project-spans.js';

/** A log record as snapshots show it; `span` is the name of the span it was emitted in. */
export interface ProjectedLogRecord {
  readonly span: string | null;
  readonly body: unknown;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/**
 * @example projectLogRecords(exporter.getFinishedLogRecords(), spanNamesById)
 */
export function projectLogRecords(records: readonly ReadableLogRecord[], spanNames: ReadonlyMap<string, string>): ProjectedLogRecord[] {
  return records.map((record) => ({
    span: record.spanContext ? (spanNames.get(record.spanContext.spanId) ?? null) : null,
    body: record.body,
    attributes: toParsedAttributes(record.attributes as Record<string, never>),
  }));
}

/** One data point; time-valued histograms (unit `s`) show only their count, never their sum. */
export interface ProjectedMetricPoint {
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly count?: number;
  readonly sum?: number;
  readonly value?: number;
}

export interface ProjectedMetric {
  readonly name: string;
  readonly unit: string;
  readonly points: readonly ProjectedMetricPoint[];
}

/**
 * Metrics by name, sorted, with their points.
 * @example projectMetrics((await reader.collect()).resourceMetrics)
 */
export function projectMetrics(resourceMetrics: ResourceMetrics): ProjectedMetric[] {
  const out: ProjectedMetric[] = [];
  for (const scope of resourceMetrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      const timed = metric.descriptor.unit === 's';
      const points = metric.dataPoints.map((point): ProjectedMetricPoint => {
        const attributes = { ...point.attributes };
        if (metric.dataPointType === DataPointType.HISTOGRAM || metric.dataPointType === DataPointType.EXPONENTIAL_HISTOGRAM) {
          const value = point.value as { count: number; sum?: number };
          return timed || value.sum === undefined ? { attributes, count: value.count } : { attributes, count: value.count, sum: value.sum };
        }
        return { attributes, value: point.value as number };
      });
      out.push({ name: metric.descriptor.name, unit: metric.descriptor.unit, points });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
