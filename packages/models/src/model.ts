/**
 * The Model interface, the base class every Hopscope model extends, and WrapperModel.
 */
import type { ModelMessage, ModelResponse } from './messages.js';
import { mergeModelSettings, modelRequestParameters, type ModelRequestParameters, type ModelSettings } from './settings.js';
import type { StreamedResponse } from './stream.js';
import { interceptRequest } from './hooks.js';
import type { HopInfo, HopRecord } from './hop.js';

/** Options that are about the call, not the model. */
export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Set by a FallbackModel on the member it calls: which hop this request is. */
  readonly hop?: HopInfo;
  /** Receives a record of every hop when the model is a FallbackModel (instrumentation listens here). */
  readonly onHop?: (record: HopRecord) => void;
}

/** A language model behind a provider. */
export interface Model {
  /** The model's name as the provider knows it, e.g. `gpt-4o`. */
  readonly modelName: string;
  /** The provider's name (OpenTelemetry's `gen_ai.provider.name`), e.g. `openai`. */
  readonly system: string;
  /** The API base URL, when the model talks HTTP. */
  readonly baseUrl: string | undefined;
  /** Default settings merged under every request's settings. */
  readonly settings: ModelSettings | undefined;
  request(messages: readonly ModelMessage[], settings?: ModelSettings, parameters?: ModelRequestParameters, options?: RequestOptions): Promise<ModelResponse>;
  /** Resolves once the provider accepted the request; iterate the result for events. */
  requestStream(messages: readonly ModelMessage[], settings?: ModelSettings, parameters?: ModelRequestParameters, options?: RequestOptions): Promise<StreamedResponse>;
  /** The settings and parameters this model will really use (defaults merged in). */
  prepareRequest(settings: ModelSettings | undefined, parameters: ModelRequestParameters | undefined): [ModelSettings | undefined, ModelRequestParameters];
}

/**
 * Base of Hopscope's models. Subclasses implement `doRequest` / `doRequestStream`; the public
 * methods prepare settings and run the installed request interceptor (instrumentation's hook).
 * @example
 * class EchoModel extends ModelBase { ... }
 */
export abstract class ModelBase implements Model {
  abstract readonly modelName: string;
  abstract readonly system: string;
  readonly settings: ModelSettings | undefined;

  constructor(options: { settings?: ModelSettings } = {}) {
    this.settings = options.settings;
  }

  get baseUrl(): string | undefined {
    return undefined;
  }

  prepareRequest(settings: ModelSettings | undefined, parameters: ModelRequestParameters | undefined): [ModelSettings | undefined, ModelRequestParameters] {
    return [mergeModelSettings(this.settings, settings), parameters ?? modelRequestParameters()];
  }

  request(messages: readonly ModelMessage[], settings?: ModelSettings, parameters?: ModelRequestParameters, options: RequestOptions = {}): Promise<ModelResponse> {
    return interceptRequest({ model: this, messages, settings, parameters, options, stream: false }, (override) => {
      const [s, p] = this.prepareRequest(settings, parameters);
      return this.doRequest(messages, s, p, override ?? options);
    });
  }

  requestStream(messages: readonly ModelMessage[], settings?: ModelSettings, parameters?: ModelRequestParameters, options: RequestOptions = {}): Promise<StreamedResponse> {
    return interceptRequest({ model: this, messages, settings, parameters, options, stream: true }, (override) => {
      const [s, p] = this.prepareRequest(settings, parameters);
      return this.doRequestStream(messages, s, p, override ?? options);
    });
  }

  protected abstract doRequest(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<ModelResponse>;
  protected abstract doRequestStream(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<StreamedResponse>;
}

/**
 * A model that forwards everything to another model; extend it to add behaviour around calls.
 * Its identity (`modelName`, `system`, `baseUrl`) is the wrapped model's.
 * @example
 * class LoggingModel extends WrapperModel {
 *   override async request(...args: Parameters<Model['request']>) { console.log('request'); return super.request(...args); }
 * }
 */
export class WrapperModel implements Model {
  constructor(readonly wrapped: Model) {}

  get modelName(): string {
    return this.wrapped.modelName;
  }
  get system(): string {
    return this.wrapped.system;
  }
  get baseUrl(): string | undefined {
    return this.wrapped.baseUrl;
  }
  get settings(): ModelSettings | undefined {
    return this.wrapped.settings;
  }

  prepareRequest(settings: ModelSettings | undefined, parameters: ModelRequestParameters | undefined): [ModelSettings | undefined, ModelRequestParameters] {
    return this.wrapped.prepareRequest(settings, parameters);
  }

  request(messages: readonly ModelMessage[], settings?: ModelSettings, parameters?: ModelRequestParameters, options?: RequestOptions): Promise<ModelResponse> {
    return this.wrapped.request(messages, settings, parameters, options);
  }

  requestStream(messages: readonly ModelMessage[], settings?: ModelSettings, parameters?: ModelRequestParameters, options?: RequestOptions): Promise<StreamedResponse> {
    return this.wrapped.requestStream(messages, settings, parameters, options);
  }
}

/** Follows `wrapped` links down to the innermost model. */
export function unwrapModel(model: Model): Model {
  let current: Model = model;
  while (current instanceof WrapperModel) current = current.wrapped;
  return current;
}

/** True for anything shaped like a Model (works across package copies). */
export function isModel(value: unknown): value is Model {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Model).request === 'function' &&
    typeof (value as Model).requestStream === 'function' &&
    typeof (value as Model).modelName === 'string'
  );
}
