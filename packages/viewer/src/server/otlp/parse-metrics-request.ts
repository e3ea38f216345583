import { parseKeyValues } from './any-value.js';
import type { NormalizedMetricPoint } from './normalized-types.js';
import { parseScopedItems } from './parse-envelope.js';
import { parseArrayField, parseMessageField, parseNanosField, parseStringField } from './wire-read.js';

const METRIC_TYPES = ['gauge', 'sum', 'histogram', 'exponentialHistogram', 'summary'] as const;

/** AGGREGATION_TEMPORALITY_CUMULATIVE, as a number (protobuf, OTLP/JSON) or by name. */
const isCumulative = (temporality: unknown): boolean => temporality === 2 || temporality === '2' || temporality === 'AGGREGATION_TEMPORALITY_CUMULATIVE';

const toNumber = (value: unknown): number => {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : 0;
};

/**
 * An ExportMetricsServiceRequest in OTLP/JSON shape (protobuf is converted to it first) as one
 * entry per data point, with what identifies the point (resource, scope, metric, attributes,
 * start and time) and its figures for the per-service summary. A metric without points gives
 * no entry.
 *
 * @example
 * parseMetricsRequest({ resourceMetrics: [] }); // []
 */
export function parseMetricsRequest(body: unknown): NormalizedMetricPoint[] {
  const points: NormalizedMetricPoint[] = [];
  for (const group of parseScopedItems(body, 'resourceMetrics', 'scopeMetrics', 'metrics')) {
    const service = group.resource.attributes['service.name'];
    const serviceName = typeof service === 'string' ? service : '';
    group.items.forEach((raw, index) => {
      const where = `${group.where}[${index}]`;
      const metric = parseMessageField(raw, where);
      const type = METRIC_TYPES.find((candidate) => metric[candidate] !== undefined && metric[candidate] !== null);
      if (type === undefined) return;
      const body = parseMessageField(metric[type], `${where}.${type}`);
      // Summaries are running totals by definition; gauges have no temporality.
      const cumulative = type === 'summary' || (type !== 'gauge' && isCumulative(body.aggregationTemporality));
      const name = parseStringField(metric.name, `${where}.name`);
      const unit = parseStringField(metric.unit, `${where}.unit`);
      parseArrayField(body.dataPoints, `${where}.${type}.dataPoints`).forEach((rawPoint, pointIndex) => {
        const pointWhere = `${where}.${type}.dataPoints[${pointIndex}]`;
        const point = parseMessageField(rawPoint, pointWhere);
        const single = type === 'gauge' || type === 'sum';
        points.push({
          resource: group.resource,
          scope: group.scope,
          serviceName,
          name,
          unit,
          type,
          cumulative,
          attributes: parseKeyValues(point.attributes, `${pointWhere}.attributes`),
          startTimeUnixNano: parseNanosField(point.startTimeUnixNano, `${pointWhere}.startTimeUnixNano`),
          timeUnixNano: parseNanosField(point.timeUnixNano, `${pointWhere}.timeUnixNano`),
          valueSum: toNumber(single ? (point.asDouble ?? point.asInt) : point.sum),
          valueCount: single ? 1 : toNumber(point.count),
          data: { ...metric, [type]: { ...body, dataPoints: [rawPoint] } },
        });
      });
    });
  }
  return points;
}
