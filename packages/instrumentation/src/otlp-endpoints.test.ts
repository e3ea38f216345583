import { describe, expect, it } from 'vitest';
import { computeOtlpEndpoints } from './otlp-endpoints.js';

describe('computeOtlpEndpoints', () => {
  it('defaults to the local viewer', () => {
    expect(computeOtlpEndpoints({ env: {} })).toEqual({ traces: 'http://localhost:4318/v1/traces', metrics: 'http://localhost:4318/v1/metrics', logs: 'http://localhost:4318/v1/logs' });
  });

  it('honours the general and the per-signal variables', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces.example:9999/custom' };
    expect(computeOtlpEndpoints({ env })).toEqual({ traces: 'http://traces.example:9999/custom', metrics: 'http://collector:4318/v1/metrics', logs: 'http://collector:4318/v1/logs' });
  });

  it('lets an endpoint given in code win over the environment', () => {
    expect(computeOtlpEndpoints({ endpoint: 'http://127.0.0.1:5000', env: { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://x/v1/traces' } }).traces).toBe('http://127.0.0.1:5000/v1/traces');
  });
});
