/**
 * Which OTLP encoding each signal is exported in (pure): a `protocol` given in code wins, then the
 * signal's own `OTEL_EXPORTER_OTLP_<SIGNAL>_PROTOCOL`, then `OTEL_EXPORTER_OTLP_PROTOCOL`, then the
 * specification's default, `http/protobuf`. `grpc` is a valid specification value that
 * configureTelemetry does not support (it would pull in @grpc/grpc-js, and the viewer listens on
 * OTLP/HTTP only): it throws, as any unknown value does, naming the supported ones.
 */

/** The protocols configureTelemetry exports in. @example OTLP_PROTOCOLS.includes('http/json') */
export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];
/** The OpenTelemetry specification's default. @example DEFAULT_OTLP_PROTOCOL === 'http/protobuf' */
export const DEFAULT_OTLP_PROTOCOL: OtlpProtocol = 'http/protobuf';

export interface OtlpProtocols {
  readonly traces: OtlpProtocol;
  readonly metrics: OtlpProtocol;
  readonly logs: OtlpProtocol;
}

/**
 * A bad configureTelemetry option or OTEL_* variable; `option` and `validValues` say what to fix.
 * @example if (error instanceof TelemetryOptionError) console.error(error.option, error.validValues);
 */
export class TelemetryOptionError extends TypeError {
  constructor(
    readonly option: string,
    readonly received: unknown,
    readonly validValues: readonly string[],
    hint = '',
  ) {
    super(`configureTelemetry: invalid ${option} ${JSON.stringify(received) ?? String(received)}; valid values: ${validValues.join(', ')}${hint}`);
    this.name = 'TelemetryOptionError';
  }
}

const GRPC_HINT = ' (grpc is not supported here: set up an SDK with the @opentelemetry/exporter-*-otlp-grpc exporters yourself and call instrumentAll() without export)';

type Env = Readonly<Record<string, string | undefined>>;

function parseProtocol(option: string, value: string): OtlpProtocol {
  const trimmed = value.trim();
  const known = OTLP_PROTOCOLS.find((protocol) => protocol === trimmed);
  if (known !== undefined) return known;
  throw new TelemetryOptionError(option, value, OTLP_PROTOCOLS, trimmed === 'grpc' ? GRPC_HINT : '');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * @example parseOtlpProtocols({ env: { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' } }).traces === 'http/json'
 */
export function parseOtlpProtocols(o: { protocol?: string | undefined; env: Env }): OtlpProtocols {
  const signal = (name: 'TRACES' | 'METRICS' | 'LOGS'): OtlpProtocol => {
    if (o.protocol !== undefined) return parseProtocol('protocol', o.protocol);
    const own = `OTEL_EXPORTER_OTLP_${name}_PROTOCOL`;
    const ownValue = nonEmpty(o.env[own]);
    if (ownValue !== undefined) return parseProtocol(own, ownValue);
    const shared = nonEmpty(o.env['OTEL_EXPORTER_OTLP_PROTOCOL']);
    return shared === undefined ? DEFAULT_OTLP_PROTOCOL : parseProtocol('OTEL_EXPORTER_OTLP_PROTOCOL', shared);
  };
  return { traces: signal('TRACES'), metrics: signal('METRICS'), logs: signal('LOGS') };
}
