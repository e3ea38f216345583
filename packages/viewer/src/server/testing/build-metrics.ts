/** Start of the cumulative series in buildMetricsExport (nanoseconds). */
export const METRICS_START_NANO = '1700000000000000000';

/** What one export of the test meter holds at `seconds` after METRICS_START_NANO. */
export interface MetricsExportOptions {
  readonly seconds: number;
  /** Running totals of the cumulative token histogram, [sum, count] per token type. */
  readonly input: readonly [number, number];
  readonly output: readonly [number, number];
  /** The delta cost of the 10 seconds before. */
  readonly cost: number;
}

const nanosAt = (seconds: number): string => (BigInt(METRICS_START_NANO) + BigInt(seconds) * 1_000_000_000n).toString();

const tokenPoint = (type: string, time: string, [sum, count]: readonly [number, number]) => ({
  attributes: [{ key: 'gen_ai.token.type', value: { stringValue: type } }, { key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o' } }],
  startTimeUnixNano: METRICS_START_NANO,
  timeUnixNano: time,
  count: String(count),
  sum,
  bucketCounts: ['0', String(count)],
  explicitBounds: [1],
});

/**
 * An OTLP/JSON ExportMetricsServiceRequest the way an SDK meter exports GenAI metrics: a
 * cumulative token histogram (running totals since METRICS_START_NANO) and a delta cost sum.
 *
 * @example
 * buildMetricsExport({ seconds: 10, input: [100, 2], output: [40, 2], cost: 0.5 });
 */
export function buildMetricsExport(options: MetricsExportOptions): Record<string, unknown> {
  const time = nanosAt(options.seconds);
  return {
    resourceMetrics: [{
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'metrics-test' } }] },
      scopeMetrics: [{
        scope: { name: 'hopscope', version: '1.0.0' },
        metrics: [
          {
            name: 'gen_ai.client.token.usage',
            unit: '{token}',
            histogram: { aggregationTemporality: 2, dataPoints: [tokenPoint('input', time, options.input), tokenPoint('output', time, options.output)] },
          },
          {
            name: 'hopscope.cost',
            unit: 'USD',
            sum: { aggregationTemporality: 1, isMonotonic: true, dataPoints: [{ startTimeUnixNano: nanosAt(options.seconds - 10), timeUnixNano: time, asDouble: options.cost }] },
          },
        ],
      }],
    }],
  };
}
