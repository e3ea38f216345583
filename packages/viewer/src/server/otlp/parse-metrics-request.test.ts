import { describe, expect, it } from 'vitest';
import { parseMetricsRequest } from './parse-metrics-request.js';

const request = (metric: Record<string, unknown>) => ({ resourceMetrics: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] }, scopeMetrics: [{ metrics: [{ name: 'm', unit: '1', ...metric }] }] }] });
const point = { attributes: [{ key: 'k', value: { intValue: '7' } }], startTimeUnixNano: 1700000000000000000, timeUnixNano: '1700000010000000000' };

describe('parseMetricsRequest', () => {
  it.each([
    { name: 'cumulative sum', metric: { sum: { aggregationTemporality: 2, dataPoints: [{ ...point, asInt: '5' }] } }, expected: { type: 'sum', cumulative: true, valueSum: 5, valueCount: 1 } },
    { name: 'temporality by name', metric: { sum: { aggregationTemporality: 'AGGREGATION_TEMPORALITY_CUMULATIVE', dataPoints: [{ ...point, asDouble: 0.5 }] } }, expected: { cumulative: true, valueSum: 0.5 } },
    { name: 'delta histogram', metric: { histogram: { aggregationTemporality: 1, dataPoints: [{ ...point, sum: 12, count: '3' }] } }, expected: { type: 'histogram', cumulative: false, valueSum: 12, valueCount: 3 } },
    { name: 'summary (always a running total)', metric: { summary: { dataPoints: [{ ...point, sum: 4, count: 2 }] } }, expected: { type: 'summary', cumulative: true, valueSum: 4, valueCount: 2 } },
    { name: 'gauge', metric: { gauge: { dataPoints: [{ ...point, asDouble: 0.25 }] } }, expected: { type: 'gauge', cumulative: false, valueSum: 0.25 } },
  ])('$name: one entry per data point with what identifies it', ({ metric, expected }) => {
    const points = parseMetricsRequest(request(metric));
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({
      serviceName: 'api', name: 'm', unit: '1', attributes: { k: 7 }, startTimeUnixNano: '1700000000000000000', timeUnixNano: '1700000010000000000', ...expected,
    });
  });

  it('keeps the metric with its one point as data, and gives nothing for a metric without points', () => {
    const sum = { aggregationTemporality: 1, isMonotonic: true, dataPoints: [{ ...point, asInt: 1 }, { ...point, asInt: 2, timeUnixNano: '1700000020000000000' }] };
    const points = parseMetricsRequest(request({ description: 'd', sum }));
    expect(points.map((entry) => entry.data)).toEqual([
      { name: 'm', unit: '1', description: 'd', sum: { ...sum, dataPoints: [sum.dataPoints[0]] } },
      { name: 'm', unit: '1', description: 'd', sum: { ...sum, dataPoints: [sum.dataPoints[1]] } },
    ]);
    expect(parseMetricsRequest(request({}))).toEqual([]);
  });
});
