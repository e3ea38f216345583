/**
 * Where OTLP/HTTP exports go (pure): an endpoint given in code wins, then the signal's own
 * `OTEL_EXPORTER_OTLP_<SIGNAL>_ENDPOINT` (used as is), then `OTEL_EXPORTER_OTLP_ENDPOINT` plus
 * the signal path, then the local viewer at http://localhost:4318.
 */

/** The local viewer's OTLP/HTTP receiver. @example computeOtlpEndpoints({ env: {} }).traces === `${DEFAULT_OTLP_ENDPOINT}/v1/traces` */
export const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';

export interface OtlpEndpoints {
  readonly traces: string;
  readonly metrics: string;
  readonly logs: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function join(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * @example computeOtlpEndpoints({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' } }).traces === 'http://collector:4318/v1/traces'
 */
export function computeOtlpEndpoints(o: { endpoint?: string; env: Env }): OtlpEndpoints {
  const signal = (name: 'TRACES' | 'METRICS' | 'LOGS', path: string): string => {
    if (o.endpoint !== undefined) return join(o.endpoint, path);
    return nonEmpty(o.env[`OTEL_EXPORTER_OTLP_${name}_ENDPOINT`]) ?? join(nonEmpty(o.env['OTEL_EXPORTER_OTLP_ENDPOINT']) ?? DEFAULT_OTLP_ENDPOINT, path);
  };
  return { traces: signal('TRACES', 'v1/traces'), metrics: signal('METRICS', 'v1/metrics'), logs: signal('LOGS', 'v1/logs') };
}
