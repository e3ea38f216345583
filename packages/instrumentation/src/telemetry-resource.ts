/**
 * The attributes configureTelemetry puts on its resource (pure), as the OpenTelemetry env resource
 * detector reads them: `OTEL_RESOURCE_ATTRIBUTES` (comma-separated `key=value`, values optionally
 * quoted and percent-decoded), then `OTEL_SERVICE_NAME` over its `service.name`, then a `serviceName` given in
 * code over both. A malformed `OTEL_RESOURCE_ATTRIBUTES` is discarded whole, as the specification
 * says, and returned as `problem` for the caller to report.
 */

/** `service.name` when nothing names the service. @example UNKNOWN_SERVICE_NAME === 'unknown_service:node' */
export const UNKNOWN_SERVICE_NAME = 'unknown_service:node';
const MAX_LENGTH = 255;

type Env = Readonly<Record<string, string | undefined>>;

/** W3C baggage octets, as the OTel env detector checks them: printable ASCII without space, `,`, `;` and `\`. */
function isBaggageOctets(text: string): boolean {
  if (text.length > MAX_LENGTH) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x21 || code === 0x2c || code === 0x3b || code === 0x5c || code > 0x7e) return false;
  }
  return true;
}

/**
 * Parses `OTEL_RESOURCE_ATTRIBUTES`; throws on a malformed pair (the caller discards the whole value).
 * @example parseResourceAttributes('deployment.environment.name=prod,team=ai%20platform') // { 'deployment.environment.name': 'prod', team: 'ai platform' }
 */
export function parseResourceAttributes(raw: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const pair of raw.split(',')) {
    if (pair.trim() === '') continue;
    const separator = pair.indexOf('=');
    if (separator <= 0) throw new Error(`"${pair.trim()}" is not key=value`);
    const key = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim().replace(/^"|"$/g, '');
    if (key === '' || !isBaggageOctets(key)) throw new Error(`the key "${key}" must be 1-${MAX_LENGTH} printable ASCII characters`);
    if (!isBaggageOctets(value)) throw new Error(`the value of "${key}" must be at most ${MAX_LENGTH} printable ASCII characters, percent-encoded`);
    attributes[key] = decodeURIComponent(value);
  }
  return attributes;
}

export interface TelemetryResourceAttributes {
  readonly serviceName: string;
  /** Every attribute, `service.name` included. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Why `OTEL_RESOURCE_ATTRIBUTES` was discarded, if it was. */
  readonly problem?: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * @example computeResourceAttributes({ env: { OTEL_RESOURCE_ATTRIBUTES: 'service.name=api,team=ai' } }).serviceName === 'api'
 */
export function computeResourceAttributes(o: { serviceName?: string | undefined; env: Env }): TelemetryResourceAttributes {
  const raw = nonEmpty(o.env['OTEL_RESOURCE_ATTRIBUTES']);
  let fromEnv: Record<string, string> = {};
  let problem: string | undefined;
  if (raw !== undefined) {
    try {
      fromEnv = parseResourceAttributes(raw);
    } catch (error) {
      problem = `OTEL_RESOURCE_ATTRIBUTES discarded: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const serviceName = o.serviceName ?? nonEmpty(o.env['OTEL_SERVICE_NAME']) ?? fromEnv['service.name'] ?? UNKNOWN_SERVICE_NAME;
  const attributes = { ...fromEnv, 'service.name': serviceName };
  return problem === undefined ? { serviceName, attributes } : { serviceName, attributes, problem };
}
