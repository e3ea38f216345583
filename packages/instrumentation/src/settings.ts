/**
 * InstrumentationSettings: what to record and where (seed 000, spec section 1). Holds the
 * tracer, logger and chat instruments; validates at construction. The tracer and logger follow
 * the global providers through the API's proxies; the API has no proxy meter provider, so without
 * an explicit `meterProvider` the instruments are made again whenever the global one changes.
 */
import { createNoopMeter, metrics, trace, type Meter, type MeterProvider, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { logs, type Logger, type LoggerProvider } from '@opentelemetry/api-logs';
import type { ModelMessage, ModelRequestParameters } from '@hopscope/models';
import { ensureContextManager } from './context-manager.js';
import { createChatInstruments, type ChatInstruments } from './metrics.js';
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
const NOOP_INSTRUMENTS = createChatInstruments(NOOP_METER);

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
  readonly tracer: Tracer;
  readonly logger: Logger;
  /** The content options the mappers read (frozen, built once). */
  readonly content: ContentOptions;
  /** The `meterProvider` option; undefined: follow the global one. */
  private readonly fixedMeterProvider: MeterProvider | undefined;
  /** The provider that `currentMeter` and `currentInstruments` were made from. */
  private instrumentsSource: MeterProvider | undefined;
  private currentMeter: Meter = NOOP_METER;
  private currentInstruments: ChatInstruments = NOOP_INSTRUMENTS;

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
    this.tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION);
    this.logger = (options.loggerProvider ?? logs.getLoggerProvider()).getLogger(INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION);
    this.fixedMeterProvider = options.meterProvider;
    if (options.meterProvider !== undefined) this.acquireInstruments(options.meterProvider);
  }

  /**
   * The chat histograms, on the `meterProvider` option or on the global meter provider in force now.
   * Read once per request: an identity check, and new instruments only when the global provider changed.
   */
  get instruments(): ChatInstruments {
    this.followMeterProvider();
    return this.currentInstruments;
  }

  /** The meter the instruments come from; like them, it follows the global meter provider. */
  get meter(): Meter {
    this.followMeterProvider();
    return this.currentMeter;
  }

  private followMeterProvider(): void {
    const provider = this.fixedMeterProvider ?? metrics.getMeterProvider();
    if (provider !== this.instrumentsSource) this.acquireInstruments(provider);
  }

  private acquireInstruments(provider: MeterProvider): void {
    this.instrumentsSource = provider;
    try {
      const meter = provider.getMeter(INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION);
      this.currentInstruments = createChatInstruments(meter);
      this.currentMeter = meter;
    } catch (error) {
      // Reported once per provider: the same provider is not asked again.
      reportTelemetryFailure('creating the chat metric instruments', error);
      this.currentMeter = NOOP_METER;
      this.currentInstruments = NOOP_INSTRUMENTS;
    }
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
