/** AnthropicModel: the Messages API through the real `@anthropic-ai/sdk`. */
import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParams, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { UserError } from '../../errors.js';
import type { ModelMessage, ModelResponse } from '../../messages.js';
import type { ModelRequestParameters, ModelSettings } from '../../settings.js';
import type { StreamedResponse } from '../../stream.js';
import type { SdkRequestOptions } from '../shared/call.js';
import type { SdkErrorClasses } from '../shared/map-error.js';
import type { ProviderModelOptions } from '../shared/model-options.js';
import { ProviderModel } from '../shared/provider-model.js';
import type { ResponseContext } from '../shared/response-context.js';
import { convertToAnthropicBody } from './convert-request.js';
import { parseAnthropicResponse } from './parse-response.js';
import { AnthropicStreamedResponse } from './stream.js';

/** @example const options: AnthropicModelOptions = { settings: { maxTokens: 1024 }, retry: { maxRetries: 1 } }; */
export type AnthropicModelOptions = ProviderModelOptions<Anthropic>;

const ANTHROPIC_ERROR_CLASSES: SdkErrorClasses = {
  APIError: Anthropic.APIError,
  APIConnectionError: Anthropic.APIConnectionError,
  APIConnectionTimeoutError: Anthropic.APIConnectionTimeoutError,
  APIUserAbortError: Anthropic.APIUserAbortError,
  bodyOf: (error) => error.error,
};

/**
 * The Anthropic SDK emits its own OpenTelemetry spans by default; Hopscope's instrumentation owns
 * the GenAI spans, so clients Hopscope builds keep trace propagation but emit no spans of their own.
 */
export const ANTHROPIC_SDK_TELEMETRY = Object.freeze({ traces: false });

function createAnthropicClient(options: AnthropicModelOptions): Anthropic {
  const apiKey = options.apiKey ?? process.env['ANTHROPIC_API_KEY'];
  if (apiKey === undefined || apiKey === '') throw new UserError('No Anthropic API key: pass `apiKey` or set the ANTHROPIC_API_KEY environment variable');
  return new Anthropic({ apiKey, maxRetries: 0, openTelemetry: ANTHROPIC_SDK_TELEMETRY, ...(options.baseUrl !== undefined ? { baseURL: options.baseUrl } : {}) });
}

/**
 * A model behind Anthropic's Messages API.
 * @example
 * const model = new AnthropicModel('claude-sonnet-4-6', { apiKey: process.env.ANTHROPIC_API_KEY });
 * const response = await model.request([modelRequest([userPrompt('Hello')])], { maxTokens: 512 });
 */
export class AnthropicModel extends ProviderModel<Anthropic> {
  constructor(modelName: string, options: AnthropicModelOptions = {}) {
    super(modelName, 'anthropic', options, () => createAnthropicClient(options), ANTHROPIC_ERROR_CLASSES);
  }

  protected convertBody(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, stream: boolean): Record<string, unknown> {
    return convertToAnthropicBody({ modelName: this.modelName, messages, settings, parameters, stream });
  }

  protected send(body: Record<string, unknown>, requestOptions: SdkRequestOptions): Promise<unknown> {
    return this.client.messages.create(body as unknown as MessageCreateParams, requestOptions);
  }

  protected parseResponse(body: unknown, context: ResponseContext): ModelResponse {
    return parseAnthropicResponse(body, context);
  }

  protected createStream(context: ResponseContext, events: AsyncIterable<unknown>, mapError: (error: unknown) => unknown): StreamedResponse {
    return new AnthropicStreamedResponse(context, events as AsyncIterable<RawMessageStreamEvent>, mapError);
  }
}
