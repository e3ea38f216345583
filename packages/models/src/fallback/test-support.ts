/**
 * Test doubles for fallback and concurrency tests: a model that follows a script step by step
 * and records what it was called with, a fake clock and a deferred. Not exported by the package.
 */
import { createModelHTTPError, type ModelHTTPError } from '../errors.js';
import type { ModelMessage, ModelResponse } from '../messages.js';
import { modelRequest, userPrompt } from '../messages.js';
import { ModelBase, type RequestOptions } from '../model.js';
import type { ModelRequestParameters, ModelSettings } from '../settings.js';
import { EventListStreamedResponse, type StreamedResponse } from '../stream.js';
import { requestUsage, type RequestUsage } from '../usage.js';

/**
 * ok: answer; hang: wait until aborted; error: throw before answering; gate: wait for the promise,
 * then answer; breakAfter: stream that many chunks then throw; stall: stream opens, first chunk never comes.
 */
export type Step =
  | 'ok'
  | 'hang'
  | 'stall'
  | { readonly error: unknown }
  | { readonly gate: Promise<unknown> }
  | { readonly breakAfter: number; readonly error: unknown }
  | { readonly text: string; readonly usage?: RequestUsage };

export const messages: readonly ModelMessage[] = [modelRequest([userPrompt('What is 2 + 2?')])];

export function httpError(statusCode: number, modelName: string, headers?: Record<string, string>): ModelHTTPError {
  return createModelHTTPError({ statusCode, modelName, provider: 'test', ...(headers ? { headers } : {}) });
}

function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** A model that follows `steps` (then answers 'ok') and records every call. */
export class ScriptedModel extends ModelBase {
  readonly system: string;
  readonly calls: { readonly messages: readonly ModelMessage[]; readonly options: RequestOptions }[] = [];
  readonly chunks: readonly string[];
  readonly usagePerCall: RequestUsage;
  private readonly url: string | undefined;

  constructor(
    readonly modelName: string,
    private readonly steps: Step[] = [],
    options: { system?: string; baseUrl?: string; chunks?: string[]; usage?: RequestUsage } = {},
  ) {
    super();
    this.system = options.system ?? 'test';
    this.url = options.baseUrl;
    this.chunks = options.chunks ?? ['Four', ' it', ' is.'];
    this.usagePerCall = options.usage ?? requestUsage({ inputTokens: 10, outputTokens: 5 });
  }

  override get baseUrl(): string | undefined {
    return this.url;
  }

  private async next(incoming: readonly ModelMessage[], options: RequestOptions): Promise<Step> {
    this.calls.push({ messages: incoming, options });
    const step = this.steps.shift() ?? 'ok';
    if (step === 'hang') await untilAborted(options.signal);
    if (typeof step === 'object' && 'gate' in step) await Promise.race([step.gate, untilAborted(options.signal)]);
    if (typeof step === 'object' && 'error' in step && !('breakAfter' in step)) throw step.error;
    return step;
  }

  private answer(step: Step): ModelResponse {
    const text = typeof step === 'object' && 'text' in step ? step.text : this.chunks.join('');
    const usage = typeof step === 'object' && 'text' in step && step.usage ? step.usage : this.usagePerCall;
    return { kind: 'response', parts: [{ partKind: 'text', content: text }], usage, modelName: this.modelName, providerName: this.system, timestamp: new Date() };
  }

  protected async doRequest(incoming: readonly ModelMessage[], _s: ModelSettings | undefined, _p: ModelRequestParameters, options: RequestOptions): Promise<ModelResponse> {
    return this.answer(await this.next(incoming, options));
  }

  protected async doRequestStream(incoming: readonly ModelMessage[], _s: ModelSettings | undefined, _p: ModelRequestParameters, options: RequestOptions): Promise<StreamedResponse> {
    const step = await this.next(incoming, options);
    const { chunks, usagePerCall } = this;
    return new EventListStreamedResponse(this.modelName, this.system, async function* (manager, setUsage) {
      if (step === 'stall') await untilAborted(options.signal);
      for (const [i, chunk] of chunks.entries()) {
        if (typeof step === 'object' && 'breakAfter' in step && i === step.breakAfter) throw step.error;
        options.signal?.throwIfAborted();
        setUsage(requestUsage({ inputTokens: usagePerCall.inputTokens, outputTokens: i + 1 }));
        yield manager.handleTextDelta('text', chunk);
      }
      setUsage(usagePerCall);
    });
  }
}

/** A clock tests move by hand. */
export function fakeClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

/** A promise with its resolve function outside. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
