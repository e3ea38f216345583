import type { NormalizedMetric } from './normalized-types.js';
import { parseScopedItems } from './parse-envelope.js';
import { parseArrayField, parseMessageField, parseStringField } from './wire-read.js';

const METRIC_TYPES = ['gauge', 'sum', 'histogram', 'exponentialHistogram', 'summary'] as const;

const toNumber = (value: unknown): number => {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : 0;
};

/**
 * An ExportMetricsServiceRequest in OTLP/JSON shape (protobuf is converted to it first) as one
 * entry per metric, with data point counts and value sums for the per-service summary.
 *
 * @example
 * parseMetricsRequest({ resourceMetrics: [] }); // []
 */
export function parseMetricsRequest(body: unknown): NormalizedMetric[] {
  const metrics: NormalizedMetric[] = [];
  for (const group of parseScopedItems(body, 'resourceMetrics', 'scopeMetrics', 'metrics')) {
    const service = group.resource.attributes['service.name'];
    const serviceName = typeof service === 'string' ? service : '';
    group.items.forEach((raw, index) => {
      const where = `${group.where}[${index}]`;
      const metric = parseMessageField(raw, where);
      const type = METRIC_TYPES.find((candidate) => metric[candidate] !== undefined && metric[candidate] !== null) ?? 'empty';
      const points = type === 'empty' ? [] : parseArrayField(parseMessageField(metric[type], `${where}.${type}`).dataPoints, `${where}.${type}.dataPoints`);
      let valueSum = 0;
      let valueCount = 0;
      let time = '0';
      for (const rawPoint of points) {
        const point = parseMessageField(rawPoint, `${where}.${type}.dataPoints`);
        if (type === 'gauge' || type === 'sum') {
          valueSum += toNumber(point.asDouble ?? point.asInt);
          valueCount += 1;
        } else {
          valueSum += toNumber(point.sum);
          valueCount += toNumber(point.count);
        }
        const pointTime = typeof point.timeUnixNano === 'string' || typeof point.timeUnixNano === 'number' ? String(point.timeUnixNano) : '0';
        if (pointTime.length > time.length || (pointTime.length === time.length && pointTime > time)) time = pointTime;
      }
      metrics.push({
        serviceName,
        name: parseStringField(metric.name, `${where}.name`),
        unit: parseStringField(metric.unit, `${where}.unit`),
        type,
        dataPointCount: points.length,
        valueSum,
        valueCount,
        timeUnixNano: time,
        data: metric,
      });
    });
  }
  return metrics;
}
