/**
 * Validation of InstrumentationSettings options (pure): defaults, the valid values, and the
 * reference's rule that `eventMode: 'logs'` only exists for version 1 (spec section 1).
 */

import { DEFAULT_INSTRUMENTATION_VERSION, INSTRUMENTATION_VERSIONS, type InstrumentationVersion } from './semconv/versions.js';

export type { InstrumentationVersion };

/** Where version 1 puts its message events: a span attribute, or OTel log records. */
export type EventMode = 'attributes' | 'logs';

/** @example EVENT_MODES.includes('logs') === true */
export const EVENT_MODES: readonly EventMode[] = ['attributes', 'logs'];

/** The content and format options, as given by the user. */
export interface InstrumentationFormatOptions {
  readonly includeContent?: boolean;
  readonly includeBinaryContent?: boolean;
  readonly version?: InstrumentationVersion;
  readonly eventMode?: EventMode;
  readonly useAggregatedUsageAttributeNames?: boolean;
}

/** The options after defaults and validation. */
export interface ResolvedFormatOptions {
  readonly includeContent: boolean;
  readonly includeBinaryContent: boolean;
  readonly version: InstrumentationVersion;
  readonly eventMode: EventMode;
  readonly useAggregatedUsageAttributeNames: boolean;
  /** Set when `eventMode: 'logs'` forced version 1; the caller warns with it. */
  readonly warning?: string;
}

/**
 * A bad InstrumentationSettings option; `option` and `validValues` say what to fix.
 * @example if (error instanceof InstrumentationOptionError) console.error(error.option, error.validValues);
 */
export class InstrumentationOptionError extends TypeError {
  constructor(
    readonly option: string,
    readonly received: unknown,
    readonly validValues: readonly unknown[],
  ) {
    super(`InstrumentationSettings: invalid ${option} ${JSON.stringify(received) ?? String(received)}; valid values: ${validValues.map((v) => JSON.stringify(v)).join(', ')}`);
    this.name = 'InstrumentationOptionError';
  }
}

export const EVENT_MODE_WARNING = 'eventMode is only relevant for version 1, which is deprecated; eventMode "logs" forces version 1.';

function parseBoolean(option: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new InstrumentationOptionError(option, value, [true, false]);
  return value;
}

function parseOneOf<T>(option: string, value: unknown, valid: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!valid.includes(value as T)) throw new InstrumentationOptionError(option, value, valid);
  return value as T;
}

/**
 * Applies defaults and validates; throws InstrumentationOptionError naming the valid values.
 * @example
 * parseInstrumentationOptions({ eventMode: 'logs' }) // { version: 1, eventMode: 'logs', warning: '...', ... }
 */
export function parseInstrumentationOptions(options: InstrumentationFormatOptions = {}): ResolvedFormatOptions {
  const includeContent = parseBoolean('includeContent', options.includeContent, true);
  const includeBinaryContent = parseBoolean('includeBinaryContent', options.includeBinaryContent, true);
  const useAggregatedUsageAttributeNames = parseBoolean('useAggregatedUsageAttributeNames', options.useAggregatedUsageAttributeNames, false);
  const requestedVersion = parseOneOf('version', options.version, INSTRUMENTATION_VERSIONS, DEFAULT_INSTRUMENTATION_VERSION);
  const eventMode = parseOneOf('eventMode', options.eventMode, EVENT_MODES, 'attributes');
  const forced = eventMode === 'logs' && requestedVersion !== 1;
  const resolved = { includeContent, includeBinaryContent, version: forced ? 1 : requestedVersion, eventMode, useAggregatedUsageAttributeNames } as const;
  return forced ? { ...resolved, warning: EVENT_MODE_WARNING } : resolved;
}
