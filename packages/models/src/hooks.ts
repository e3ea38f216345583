/**
 * Extension points for other packages (instrumentation) without this package knowing them:
 * a model wrapper applied to every model `inferModel` creates, and a request interceptor that
 * every `ModelBase` request runs through. Installing replaces what was installed; it never stacks.
 */
import type { ModelMessage, ModelResponse } from './messages.js';
import type { Model, RequestOptions } from './model.js';
import type { ModelRequestParameters, ModelSettings } from './settings.js';
import type { StreamedResponse } from './stream.js';
import { createGlobalSlot } from './global-slot.js';

/** What an interceptor sees of a request. */
export interface InterceptedRequest {
  readonly model: Model;
  readonly messages: readonly ModelMessage[];
  readonly settings: ModelSettings | undefined;
  readonly parameters: ModelRequestParameters | undefined;
  readonly options: RequestOptions;
  readonly stream: boolean;
}

/** `next` runs the request; pass options to replace the call's options (e.g. to add `onHop`). */
export type RequestInterceptor = <T extends ModelResponse | StreamedResponse>(request: InterceptedRequest, next: (options?: RequestOptions) => Promise<T>) => Promise<T>;

/** What a concurrency limiter reports when a request must wait for a slot (spec section 11). */
export interface ConcurrencyWaitInfo {
  /** `model:<model name>`, or the limiter's own source label. */
  readonly source: string;
  readonly limiterName?: string;
  /** Requests waiting, this one included. */
  readonly waitingCount: number;
  readonly maxRunning: number;
  readonly maxQueued?: number;
}

export interface ModelHooks {
  /** Applied to every model that `inferModel` returns (including FallbackModel members). */
  readonly wrapModel?: (model: Model) => Model;
  /** Runs around every request of every `ModelBase` model. */
  readonly interceptRequest?: RequestInterceptor;
  /** Runs around a wait for a concurrency slot (instrumentation opens the waiting span here). */
  readonly wrapConcurrencyWait?: <T>(info: ConcurrencyWaitInfo, wait: () => Promise<T>) => Promise<T>;
}

const slot = createGlobalSlot<ModelHooks>('hopscope.models.hooks');

/**
 * Installs hooks process-wide, replacing any installed before. Returns a function that removes them.
 * @example
 * const uninstall = installModelHooks({ wrapModel: (m) => new LoggingModel(m) });
 */
export function installModelHooks(hooks: ModelHooks): () => void {
  return slot.install(hooks);
}

/** The hooks in force, if any. */
export function getModelHooks(): ModelHooks | undefined {
  return slot.get();
}

/** Applies the installed model wrapper, if any. */
export function applyModelWrapper(model: Model): Model {
  const wrap = getModelHooks()?.wrapModel;
  return wrap ? wrap(model) : model;
}

/** Runs `next` through the installed interceptor, if any. */
export function interceptRequest<T extends ModelResponse | StreamedResponse>(request: InterceptedRequest, next: (options?: RequestOptions) => Promise<T>): Promise<T> {
  const interceptor = getModelHooks()?.interceptRequest;
  return interceptor ? interceptor(request, next) : next();
}
