import type { FinishReason, ModelMessage, ModelResponse, ModelResponsePart } from '../messages.js';
import { ModelBase, type RequestOptions } from '../model.js';
import type { ModelRequestParameters, ModelSettings } from '../settings.js';
import { EventListStreamedResponse, type StreamedResponse } from '../stream.js';
import { UserError } from '../errors.js';
import type { RequestUsage } from '../usage.js';
import { computeEstimatedUsage } from './estimate-usage.js';

/** What a FunctionModel's function learns about the request. */
export interface FunctionCallInfo {
  readonly parameters: ModelRequestParameters;
  readonly settings: ModelSettings | undefined;
  readonly signal: AbortSignal | undefined;
  readonly model: FunctionModel;
}

/** A function's answer: parts, or parts with usage / finish reason / model name overrides. */
export type FunctionAnswer =
  | readonly ModelResponsePart[]
  | string
  | { readonly parts: readonly ModelResponsePart[]; readonly usage?: RequestUsage; readonly finishReason?: FinishReason; readonly modelName?: string; readonly providerResponseId?: string };

/** One streamed chunk: a text delta, tool-call deltas or thinking deltas keyed by part index. */
export type FunctionStreamChunk =
  | string
  | { readonly toolCalls: Readonly<Record<number, { readonly name?: string; readonly jsonArgs?: string; readonly toolCallId?: string }>> }
  | { readonly thinking: Readonly<Record<number, { readonly content?: string; readonly signature?: string }>> };

export type AnswerFunction = (messages: readonly ModelMessage[], info: FunctionCallInfo) => FunctionAnswer | Promise<FunctionAnswer>;
export type StreamAnswerFunction = (messages: readonly ModelMessage[], info: FunctionCallInfo) => AsyncIterable<FunctionStreamChunk>;

export interface FunctionModelOptions {
  readonly stream?: StreamAnswerFunction;
  readonly modelName?: string;
  readonly system?: string;
  readonly settings?: ModelSettings;
  readonly usage?: (messages: readonly ModelMessage[], parts: readonly ModelResponsePart[]) => RequestUsage;
}

/**
 * A model whose answer comes from your function; for tests that script a conversation exactly.
 * @example
 * const model = new FunctionModel((messages) => [textPart(`you sent ${messages.length} messages`)]);
 */
export class FunctionModel extends ModelBase {
  readonly modelName: string;
  readonly system: string;
  private readonly fn: AnswerFunction | undefined;
  private readonly options: FunctionModelOptions;

  constructor(fn: AnswerFunction | undefined, options: FunctionModelOptions = {}) {
    super(options.settings ? { settings: options.settings } : {});
    if (!fn && !options.stream) throw new UserError('FunctionModel needs an answer function, a stream function, or both');
    this.fn = fn;
    this.options = options;
    this.modelName = options.modelName ?? `function:${fn?.name || 'anonymous'}:${options.stream?.name || ''}`;
    this.system = options.system ?? 'function';
  }

  private info(parameters: ModelRequestParameters, settings: ModelSettings | undefined, options: RequestOptions): FunctionCallInfo {
    return { parameters, settings, signal: options.signal, model: this };
  }

  protected async doRequest(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<ModelResponse> {
    if (!this.fn) throw new UserError('This FunctionModel has only a stream function; use requestStream');
    options.signal?.throwIfAborted();
    const answer = await this.fn(messages, this.info(parameters, settings, options));
    options.signal?.throwIfAborted();
    const normalized = typeof answer === 'string' ? { parts: [{ partKind: 'text', content: answer } as const] } : Array.isArray(answer) ? { parts: answer as readonly ModelResponsePart[] } : (answer as Exclude<FunctionAnswer, string | readonly ModelResponsePart[]>);
    const parts = normalized.parts;
    return {
      kind: 'response',
      parts,
      usage: normalized.usage ?? (this.options.usage ?? computeEstimatedUsage)(messages, parts),
      modelName: normalized.modelName ?? this.modelName,
      providerName: this.system,
      timestamp: new Date(),
      ...(normalized.finishReason !== undefined ? { finishReason: normalized.finishReason } : {}),
      ...(normalized.providerResponseId !== undefined ? { providerResponseId: normalized.providerResponseId } : {}),
    };
  }

  protected async doRequestStream(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<StreamedResponse> {
    const streamFn = this.options.stream;
    if (!streamFn) throw new UserError('This FunctionModel has no stream function; pass { stream } to stream');
    options.signal?.throwIfAborted();
    const info = this.info(parameters, settings, options);
    const usageFn = this.options.usage ?? computeEstimatedUsage;
    return new EventListStreamedResponse(this.modelName, this.system, async function* (manager, setUsage) {
      for await (const chunk of streamFn(messages, info)) {
        options.signal?.throwIfAborted();
        if (typeof chunk === 'string') {
          yield manager.handleTextDelta('text', chunk);
        } else if ('toolCalls' in chunk) {
          for (const [index, delta] of Object.entries(chunk.toolCalls)) {
            yield manager.handleToolCallDelta(`tool-${index}`, { ...(delta.name !== undefined ? { toolName: delta.name } : {}), ...(delta.jsonArgs !== undefined ? { args: delta.jsonArgs } : {}), ...(delta.toolCallId !== undefined ? { toolCallId: delta.toolCallId } : {}) });
          }
        } else {
          for (const [index, delta] of Object.entries(chunk.thinking)) {
            yield manager.handleThinkingDelta(`thinking-${index}`, { ...(delta.content !== undefined ? { content: delta.content } : {}), ...(delta.signature !== undefined ? { signature: delta.signature } : {}) });
          }
        }
        setUsage(usageFn(messages, manager.getParts()));
      }
    });
  }
}
