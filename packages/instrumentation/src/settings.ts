/**
 * InstrumentationSettings: what to record and where (seed 000, spec section 1). Holds the
 * tracer, logger and chat instruments; validates at construction. A provider not given in the
 * options is the global one in force at each use, not at construction: the API has no proxy meter
 * provider, and a global provider replaced later leaves old proxies on the old SDK.
 */
import { createNoopMeter, metrics, trace, type Meter, type MeterProvider, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { logs, type Logger, type LoggerProvider } from '@opentelemetry/api-logs';
import type { ModelMessage, ModelRequestParameters } from '@hopscope/models';
import { ensureContextManager } from './context-manager.js';
import { createChatInstruments, type ChatInstruments } from './metrics.js';
import { ProviderBound } from './provider-bound.js';
import { reportTelemetryFailure } from './report-failure.js';
import { toOtelEvents } from './mapper/events.js';
import { toOtelMessages } from './mapper/messages.js';
import type { ContentOptions, OtelEvent } from './mapper/types.js';
import type { OtelMessage } from './semconv/otel-messages.js';
import { INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION } from './scope.js';
import { parseInstrumentationOptions, type EventMode, type InstrumentationFormatOptions, type InstrumentationVersion } from './settings-options.js';

/** Options of InstrumentationSettings; every one is optional. */
export interface InstrumentationOptions extends InstrumentationFormatOptions {
  /** Defaults to the global tracer provider. */
  readonly tracerProvider?: TracerProvider;
  /** Defaults to the global meter provider. */
  readonly meterProvider?: MeterProvider;
  /** Defaults to the global logger provider (used only by version 1 with `eventMode: 'logs'`). */
  readonly loggerProvider?: LoggerProvider;
}

const NOOP_METER = createNoopMeter();
const NOOP_INSTRUMENTS = Object.freeze({ meter: NOOP_METER, instruments: createChatInstruments(NOOP_METER) });

/** The scope's meter and chat histograms on a provider; a failure is reported through diag, once per provider, and gives no-op ones. */
function makeChatInstruments(provider: MeterProvider): { readonly meter: Meter; readonly instruments: ChatInstruments } {
  try {
    const meter = provider.getMeter(INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION);
    return { meter, instruments: createChatInstruments(meter) };
  } catch (error) {
    reportTelemetryFailure('creating the chat metric instruments', error);
    return NOOP_INSTRUMENTS;
  }
}

let warnedAboutEventMode = false;

function warnOnce(message: string): void {
  if (warnedAboutEventMode) return;
  warnedAboutEventMode = true;
  process.emitWarning(message, { type: 'DeprecationWarning', code: 'HOPSCOPE_EVENT_MODE' });
}

/**
 * What instrumentation records, and the providers it records to.
 * @example
 * const settings = new InstrumentationSettings({ includeContent: false, version: 5 });
 * const model = new InstrumentedModel('openai:gpt-4o', settings);
 */
export class InstrumentationSettings {
  readonly includeContent: boolean;
  readonly includeBinaryContent: boolean;
  readonly version: InstrumentationVersion;
  readonly eventMode: EventMode;
  readonly useAggregatedUsageAttributeNames: boolean;
  /** The content options the mappers read (frozen, built once). */
  readonly content: ContentOptions;
  private readonly tracers: ProviderBound<TracerProvider, Tracer>;
  private readonly loggers: ProviderBound<LoggerProvider, Logger>;
  private readonly meters: ProviderBound<MeterProvider, { readonly meter: Meter; readonly instruments: ChatInstruments }>;

  constructor(options: InstrumentationOptions = {}) {
    const resolved = parseInstrumentationOptions(options);
    if (resolved.warning) warnOnce(resolved.warning);
    this.includeContent = resolved.includeContent;
    this.includeBinaryContent = resolved.includeBinaryContent;
    this.version = resolved.version;
    this.eventMode = resolved.eventMode;
    this.useAggregatedUsageAttributeNames = resolved.useAggregatedUsageAttributeNames;
    this.content = Object.freeze({ version: this.version, includeContent: this.includeContent, includeBinaryContent: this.includeBinaryContent });
    ensureContextManager();
    this.tracers = new ProviderBound(options.tracerProvider, () => trace.getTracerProvider(), (provider) => provider.getTracer(INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION));
    this.loggers = new ProviderBound(options.loggerProvider, () => logs.getLoggerProvider(), (provider) => provider.getLogger(INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION));
    this.meters = new ProviderBound(options.meterProvider, () => metrics.getMeterProvider(), makeChatInstruments);
  }

  /** The tracer, on the `tracerProvider` option or on the global tracer provider in force now. */
  get tracer(): Tracer {
    return this.tracers.get();
  }

  /** The logger, on the `loggerProvider` option or on the global logger provider in force now. */
  get logger(): Logger {
    return this.loggers.get();
  }

  /**
   * The chat histograms, on the `meterProvider` option or on the global meter provider in force now
   * (made again when it changes: a provider registered after these settings were made gets the metrics).
   */
  get instruments(): ChatInstruments {
    return this.meters.get().instruments;
  }

  /** The meter the instruments come from. */
  get meter(): Meter {
    return this.meters.get().meter;
  }

  /**
   * Version 1 events for a conversation, as the chat span would record them.
   * @example settings.messagesToOtelEvents([modelRequest([userPrompt('Hello')])])[0]?.name === 'gen_ai.user.message'
   */
  messagesToOtelEvents(messages: readonly ModelMessage[], parameters?: ModelRequestParameters): OtelEvent[] {
    return toOtelEvents(messages, { ...this.content, version: 1 }, parameters === undefined ? {} : { parameters });
  }

  /**
   * Version 2+ GenAI messages for a conversation, shaped by this settings' version.
   * @example settings.messagesToOtelMessages([modelRequest([userPrompt('Hello')])]) // [{ role: 'user', parts: [{ type: 'text', content: 'Hello' }] }]
   */
  messagesToOtelMessages(messages: readonly ModelMessage[], parameters?: ModelRequestParameters): OtelMessage[] {
    const version = this.version === 1 ? 2 : this.version;
    return toOtelMessages(messages, { ...this.content, version }, parameters === undefined ? {} : { parameters });
  }
}
