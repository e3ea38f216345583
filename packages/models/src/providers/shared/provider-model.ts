/**
 * The base of the SDK-backed models: identity (name, system, base URL), Hopscope's retry policy,
 * and one `call` that passes SDK request options, maps errors and retries outside fallback chains.
 */
import type { ModelMessage, ModelResponse } from '../../messages.js';
import { ModelBase, type RequestOptions } from '../../model.js';
import { parseRetryPolicy, type RetryPolicy } from '../../retry/index.js';
import type { ModelRequestParameters, ModelSettings } from '../../settings.js';
import type { StreamedResponse } from '../../stream.js';
import { computeSdkRequestOptions, runProviderCall, type SdkRequestOptions } from './call.js';
import { mapProviderError, type SdkErrorClasses } from './map-error.js';
import type { ProviderModelOptions } from './model-options.js';
import type { ResponseContext } from './response-context.js';

/** What the base needs to know of an SDK client. */
export interface SdkClientShape {
  readonly baseURL: string;
  readonly timeout?: number;
}

/**
 * Subclasses say how to build the body, send it with their SDK, parse a response and wrap a
 * stream; the request flow (options, error mapping, retries) is shared.
 * @example class MyModel extends ProviderModel<MyClient> { protected send(body, o) { return this.client.create(body, o); } ... }
 */
export abstract class ProviderModel<Client extends SdkClientShape> extends ModelBase {
  readonly modelName: string;
  readonly system: string;
  /** The SDK client this model calls. */
  readonly client: Client;
  private readonly retryPolicy: RetryPolicy;

  protected constructor(modelName: string, defaultSystem: string, options: ProviderModelOptions<Client>, createClient: () => Client, private readonly sdkErrors: SdkErrorClasses) {
    super(options.settings ? { settings: options.settings } : {});
    this.modelName = modelName;
    this.system = options.system ?? defaultSystem;
    this.client = options.client ?? createClient();
    this.retryPolicy = parseRetryPolicy(options.retry);
  }

  override get baseUrl(): string {
    return this.client.baseURL.replace(/\/+$/, '');
  }

  protected responseContext(): ResponseContext {
    return { modelName: this.modelName, providerName: this.system, providerUrl: this.baseUrl };
  }

  /** Maps any error of this model's SDK to a typed Hopscope error. */
  protected errorMapper(settings: ModelSettings | undefined, options: RequestOptions): (error: unknown) => unknown {
    const context = { modelName: this.modelName, provider: this.system, timeoutMs: settings?.timeout ?? this.client.timeout, signal: options.signal };
    return (error) => mapProviderError(error, context, this.sdkErrors);
  }

  /** Runs one SDK call with the request options, error mapping and retry policy of this request. */
  protected call<T>(send: (requestOptions: SdkRequestOptions) => Promise<T>, settings: ModelSettings | undefined, options: RequestOptions): Promise<T> {
    const requestOptions = computeSdkRequestOptions(settings, options.signal);
    return runProviderCall(() => send(requestOptions), { policy: this.retryPolicy, options, mapError: this.errorMapper(settings, options) });
  }

  protected abstract convertBody(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, stream: boolean): Record<string, unknown>;
  /** One SDK call with the body; resolves to the parsed JSON, or to the SDK's event stream when the body asks to stream. */
  protected abstract send(body: Record<string, unknown>, requestOptions: SdkRequestOptions): Promise<unknown>;
  protected abstract parseResponse(body: unknown, context: ResponseContext): ModelResponse;
  protected abstract createStream(context: ResponseContext, events: AsyncIterable<unknown>, mapError: (error: unknown) => unknown): StreamedResponse;

  protected async doRequest(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<ModelResponse> {
    const body = this.convertBody(messages, settings, parameters, false);
    const response = await this.call((requestOptions) => this.send(body, requestOptions), settings, options);
    return this.parseResponse(response, this.responseContext());
  }

  protected async doRequestStream(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<StreamedResponse> {
    const body = this.convertBody(messages, settings, parameters, true);
    const events = (await this.call((requestOptions) => this.send(body, requestOptions), settings, options)) as AsyncIterable<unknown>;
    return this.createStream(this.responseContext(), endOnAbort(events, options.signal), this.errorMapper(settings, options));
  }
}

/**
 * The SDK's events, then the caller's abort reason if the caller aborted: both SDKs end their
 * event iterator quietly on abort, which would read as a complete (cut-off) answer.
 */
async function* endOnAbort<Event>(events: AsyncIterable<Event>, signal: AbortSignal | undefined): AsyncIterable<Event> {
  yield* events;
  signal?.throwIfAborted();
}
