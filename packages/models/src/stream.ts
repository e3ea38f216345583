/**
 * Streaming: part events, the parts manager that turns provider deltas into events, and the
 * `StreamedResponse` base every model's stream extends.
 */
import type { FinishReason, ModelResponse, ModelResponsePart, TextPart, ThinkingPart, ToolCallPart } from './messages.js';
import { requestUsage, type RequestUsage } from './usage.js';
import { UnexpectedModelBehavior } from './errors.js';

export interface PartStartEvent {
  readonly eventKind: 'part-start';
  readonly index: number;
  readonly part: ModelResponsePart;
}

export type PartDelta =
  | { readonly partDeltaKind: 'text'; readonly contentDelta: string }
  | { readonly partDeltaKind: 'thinking'; readonly contentDelta?: string; readonly signatureDelta?: string }
  | { readonly partDeltaKind: 'tool-call'; readonly toolNameDelta?: string; readonly argsDelta?: string; readonly toolCallId?: string };

export interface PartDeltaEvent {
  readonly eventKind: 'part-delta';
  readonly index: number;
  readonly delta: PartDelta;
}

/** The last event of every stream: the complete response. */
export interface FinalResponseEvent {
  readonly eventKind: 'final-response';
  readonly response: ModelResponse;
}

export type ModelResponseStreamEvent = PartStartEvent | PartDeltaEvent | FinalResponseEvent;

type MutablePart =
  | { partKind: 'text'; content: string; id?: string }
  | { partKind: 'thinking'; content: string; id?: string; signature?: string; providerName?: string }
  | { partKind: 'tool-call'; toolName: string; args: string | Record<string, unknown> | undefined; toolCallId: string }
  | ModelResponsePart;

/**
 * Accumulates parts from provider deltas keyed by the provider's own part ids, and returns the
 * events to emit. Pure state, no I/O.
 */
export class ModelResponsePartsManager {
  private readonly parts: MutablePart[] = [];
  private readonly byVendorId = new Map<string | number, number>();

  /** Appends text; a new part starts when the vendor id is new (or absent and the last part is not text). */
  handleTextDelta(vendorPartId: string | number | undefined, content: string, id?: string): ModelResponseStreamEvent | undefined {
    const index = this.findIndex(vendorPartId, 'text');
    if (index === undefined) {
      if (content === '') return undefined;
      return this.start(vendorPartId, { partKind: 'text', content, ...(id !== undefined ? { id } : {}) });
    }
    const part = this.parts[index] as { content: string };
    part.content += content;
    return { eventKind: 'part-delta', index, delta: { partDeltaKind: 'text', contentDelta: content } };
  }

  handleThinkingDelta(vendorPartId: string | number | undefined, delta: { content?: string; signature?: string; providerName?: string; id?: string }): ModelResponseStreamEvent {
    const index = this.findIndex(vendorPartId, 'thinking');
    if (index === undefined) {
      return this.start(vendorPartId, {
        partKind: 'thinking',
        content: delta.content ?? '',
        ...(delta.id !== undefined ? { id: delta.id } : {}),
        ...(delta.signature !== undefined ? { signature: delta.signature } : {}),
        ...(delta.providerName !== undefined ? { providerName: delta.providerName } : {}),
      });
    }
    const part = this.parts[index] as { content: string; signature?: string };
    if (delta.content) part.content += delta.content;
    if (delta.signature) part.signature = (part.signature ?? '') + delta.signature;
    return { eventKind: 'part-delta', index, delta: { partDeltaKind: 'thinking', ...(delta.content ? { contentDelta: delta.content } : {}), ...(delta.signature ? { signatureDelta: delta.signature } : {}) } };
  }

  handleToolCallDelta(vendorPartId: string | number | undefined, delta: { toolName?: string; args?: string; toolCallId?: string }): ModelResponseStreamEvent {
    const index = this.findIndex(vendorPartId, 'tool-call');
    if (index === undefined) {
      return this.start(vendorPartId, { partKind: 'tool-call', toolName: delta.toolName ?? '', args: delta.args ?? '', toolCallId: delta.toolCallId ?? `call_${this.parts.length}` });
    }
    const part = this.parts[index] as { toolName: string; args: string | Record<string, unknown> | undefined; toolCallId: string };
    if (delta.toolName) part.toolName += delta.toolName;
    if (delta.args) part.args = (typeof part.args === 'string' ? part.args : '') + delta.args;
    if (delta.toolCallId) part.toolCallId = delta.toolCallId;
    return {
      eventKind: 'part-delta',
      index,
      delta: { partDeltaKind: 'tool-call', ...(delta.toolName ? { toolNameDelta: delta.toolName } : {}), ...(delta.args ? { argsDelta: delta.args } : {}), ...(delta.toolCallId ? { toolCallId: delta.toolCallId } : {}) },
    };
  }

  /** Adds a complete part at once (a tool call with parsed args, a file...). */
  handlePart(vendorPartId: string | number | undefined, part: ModelResponsePart): ModelResponseStreamEvent {
    return this.start(vendorPartId, { ...part } as MutablePart);
  }

  /** A snapshot of the parts so far. */
  getParts(): ModelResponsePart[] {
    return this.parts.map((p) => ({ ...p }) as ModelResponsePart);
  }

  private findIndex(vendorPartId: string | number | undefined, kind: 'text' | 'thinking' | 'tool-call'): number | undefined {
    if (vendorPartId === undefined) {
      const last = this.parts.length - 1;
      return last >= 0 && this.parts[last]!.partKind === kind ? last : undefined;
    }
    const index = this.byVendorId.get(vendorPartId);
    if (index === undefined) return undefined;
    if (this.parts[index]!.partKind !== kind) {
      throw new UnexpectedModelBehavior(`Cannot apply a ${kind} delta to a ${this.parts[index]!.partKind} part (vendor part id ${String(vendorPartId)})`);
    }
    return index;
  }

  private start(vendorPartId: string | number | undefined, part: MutablePart): PartStartEvent {
    const index = this.parts.length;
    this.parts.push(part);
    if (vendorPartId !== undefined) this.byVendorId.set(vendorPartId, index);
    return { eventKind: 'part-start', index, part: { ...part } as ModelResponsePart };
  }
}

export type { TextPart, ThinkingPart, ToolCallPart };

/**
 * A response being streamed. Iterate it for events (the last one is `final-response`), or call
 * `finalResponse()` to drain it. `get()` is a snapshot at any time, so a broken stream still has
 * its partial response.
 */
export abstract class StreamedResponse implements AsyncIterable<ModelResponseStreamEvent> {
  protected readonly partsManager = new ModelResponsePartsManager();
  protected usageSoFar: RequestUsage = requestUsage();
  protected responseId: string | undefined;
  protected finish: FinishReason | undefined;
  protected details: Record<string, unknown> | undefined;
  protected responseModelName: string | undefined;
  private iterated = false;
  private done = false;
  readonly timestamp: Date = new Date();

  constructor(
    readonly modelName: string,
    readonly providerName: string,
    readonly providerUrl?: string,
  ) {}

  /** Provider-specific: yields events while updating parts and usage. */
  protected abstract iterateEvents(): AsyncIterable<ModelResponseStreamEvent>;

  async *[Symbol.asyncIterator](): AsyncIterator<ModelResponseStreamEvent> {
    if (this.iterated) throw new UnexpectedModelBehavior('A StreamedResponse can be iterated only once');
    this.iterated = true;
    for await (const event of this.iterateEvents()) yield event;
    this.done = true;
    yield { eventKind: 'final-response', response: this.get() };
  }

  /** True once the provider's stream ended normally. */
  get isComplete(): boolean {
    return this.done;
  }

  /** The response as received so far. */
  get(): ModelResponse {
    const response: ModelResponse = {
      kind: 'response',
      parts: this.partsManager.getParts(),
      usage: this.usageSoFar,
      modelName: this.responseModelName ?? this.modelName,
      providerName: this.providerName,
      timestamp: this.timestamp,
      ...(this.providerUrl !== undefined ? { providerUrl: this.providerUrl } : {}),
      ...(this.responseId !== undefined ? { providerResponseId: this.responseId } : {}),
      ...(this.finish !== undefined ? { finishReason: this.finish } : {}),
      ...(this.details !== undefined ? { providerDetails: this.details } : {}),
    };
    return response;
  }

  usage(): RequestUsage {
    return this.usageSoFar;
  }

  /** Drains the stream (if not started) and returns the complete response. */
  async finalResponse(): Promise<ModelResponse> {
    if (!this.iterated) {
      for await (const event of this) if (event.eventKind === 'final-response') return event.response;
    }
    return this.get();
  }
}

/** A stream over an already known list of events (used by test models and adapters). */
export class EventListStreamedResponse extends StreamedResponse {
  constructor(
    modelName: string,
    providerName: string,
    private readonly produce: (manager: ModelResponsePartsManager, setUsage: (u: RequestUsage) => void, setFinish: (f: FinishReason | undefined) => void) => AsyncIterable<ModelResponseStreamEvent | undefined>,
    providerUrl?: string,
  ) {
    super(modelName, providerName, providerUrl);
  }

  protected async *iterateEvents(): AsyncIterable<ModelResponseStreamEvent> {
    const setUsage = (u: RequestUsage) => {
      this.usageSoFar = u;
    };
    const setFinish = (f: FinishReason | undefined) => {
      this.finish = f;
    };
    for await (const event of this.produce(this.partsManager, setUsage, setFinish)) if (event) yield event;
  }
}
