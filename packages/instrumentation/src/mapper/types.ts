/** Shared input and output types of the pure mappers. */
import type { Attributes } from '@opentelemetry/api';
import type { InstrumentationVersion } from '../semconv/versions.js';

export type { InstrumentationVersion };

/** What may be recorded. `includeContent: false` drops all text; `includeBinaryContent: false` drops all bytes. */
export interface ContentOptions {
  readonly version: InstrumentationVersion;
  readonly includeContent: boolean;
  readonly includeBinaryContent: boolean;
}

/** Who answers a request: the instrumented model, or a fallback's winner. */
export interface ModelIdentity {
  readonly modelName: string;
  /** The provider name (`openai`, `test`, `fallback:a,b`). */
  readonly system: string;
  readonly baseUrl: string | undefined;
}

/** Agent-run identifiers carried in OTel baggage and copied onto child spans. */
export interface BaggageIds {
  readonly agentName?: string;
  readonly agentCallId?: string;
  readonly conversationId?: string;
}

/** A version 1 event: its name, its attributes (`gen_ai.system`?, `gen_ai.message.index`?, `event.name`) and its body. */
export interface OtelEvent {
  readonly name: string;
  readonly attributes: Attributes;
  readonly body: Record<string, unknown>;
}

/** A log record to emit in the chat span's context (v1 `eventMode: 'logs'`). */
export interface OtelLogRecordData {
  readonly eventName: string;
  readonly body: Record<string, unknown>;
  readonly attributes: Attributes;
}

/** What a tool-span outcome asks of the span. */
export interface ToolSpanOutcome {
  readonly attributes: Attributes;
  readonly recordException: boolean;
  readonly setError: boolean;
}
