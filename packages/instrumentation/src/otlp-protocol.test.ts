import { describe, expect, it } from 'vitest';
import { parseOtlpProtocols, TelemetryOptionError } from './otlp-protocol.js';

describe('parseOtlpProtocols', () => {
  it('defaults every signal to http/protobuf, the specification default', () => {
    expect(parseOtlpProtocols({ env: {} })).toEqual({ traces: 'http/protobuf', metrics: 'http/protobuf', logs: 'http/protobuf' });
  });

  it('reads OTEL_EXPORTER_OTLP_PROTOCOL, overridden per signal, and the option over both', () => {
    const env = { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: ' http/protobuf ', OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: '' };
    expect(parseOtlpProtocols({ env })).toEqual({ traces: 'http/json', metrics: 'http/protobuf', logs: 'http/json' });
    expect(parseOtlpProtocols({ protocol: 'http/protobuf', env })).toEqual({ traces: 'http/protobuf', metrics: 'http/protobuf', logs: 'http/protobuf' });
  });

  it('rejects grpc and unknown values, naming the variable and the supported values', () => {
    expect(() => parseOtlpProtocols({ env: { OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' } })).toThrow(
      /invalid OTEL_EXPORTER_OTLP_TRACES_PROTOCOL "grpc"; valid values: http\/protobuf, http\/json \(grpc is not supported here/,
    );
    expect(() => parseOtlpProtocols({ env: { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/xml' } })).toThrow('configureTelemetry: invalid OTEL_EXPORTER_OTLP_PROTOCOL "http/xml"; valid values: http/protobuf, http/json');
    const error = (() => {
      try {
        parseOtlpProtocols({ protocol: 'json', env: {} });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(TelemetryOptionError);
    expect(error).toMatchObject({ option: 'protocol', received: 'json', validValues: ['http/protobuf', 'http/json'] });
  });
});
