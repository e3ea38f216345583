import { describe, expect, it } from 'vitest';
import { computeResourceAttributes, parseResourceAttributes } from './telemetry-resource.js';

describe('parseResourceAttributes', () => {
  it('reads comma-separated key=value pairs, trimmed, unquoted and percent-decoded', () => {
    expect(parseResourceAttributes(' deployment.environment.name = prod ,team=ai%20platform,quoted="x",')).toEqual({ 'deployment.environment.name': 'prod', team: 'ai platform', quoted: 'x' });
  });

  it('throws on a pair that is not key=value or not baggage octets', () => {
    expect(() => parseResourceAttributes('a=1,oops')).toThrow('"oops" is not key=value');
    expect(() => parseResourceAttributes('team=ai platform')).toThrow(/value of "team"/);
    expect(() => parseResourceAttributes('bad=%E0%A4%A')).toThrow(URIError);
  });
});

describe('computeResourceAttributes', () => {
  const OTEL_RESOURCE_ATTRIBUTES = 'service.name=from-attributes,team=ai';

  it('takes service.name from OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME over it, the option over both', () => {
    expect(computeResourceAttributes({ env: { OTEL_RESOURCE_ATTRIBUTES } })).toEqual({ serviceName: 'from-attributes', attributes: { 'service.name': 'from-attributes', team: 'ai' } });
    expect(computeResourceAttributes({ env: { OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME: 'from-env' } }).attributes).toEqual({ 'service.name': 'from-env', team: 'ai' });
    expect(computeResourceAttributes({ serviceName: 'from-code', env: { OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME: 'from-env' } }).serviceName).toBe('from-code');
    expect(computeResourceAttributes({ env: {} })).toEqual({ serviceName: 'unknown_service:node', attributes: { 'service.name': 'unknown_service:node' } });
  });

  it('discards a malformed OTEL_RESOURCE_ATTRIBUTES whole and says why', () => {
    expect(computeResourceAttributes({ env: { OTEL_RESOURCE_ATTRIBUTES: 'team=ai,oops', OTEL_SERVICE_NAME: 'api' } })).toEqual({
      serviceName: 'api',
      attributes: { 'service.name': 'api' },
      problem: 'OTEL_RESOURCE_ATTRIBUTES discarded: "oops" is not key=value',
    });
  });
});
