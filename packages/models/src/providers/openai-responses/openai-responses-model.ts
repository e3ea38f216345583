/** OpenAIResponsesModel: the Responses API through the real `openai` SDK. */
import type OpenAI from 'openai';
import type { ResponseCreateParams, ResponseStreamEvent } from 'openai/resources/responses/responses';
import type { ModelMessage, ModelResponse } from '../../messages.js';
import type { ModelRequestParameters, ModelSettings } from '../../settings.js';
import type { StreamedResponse } from '../../stream.js';
import type { SdkRequestOptions } from '../shared/call.js';
import type { ProviderModelOptions } from '../shared/model-options.js';
import { createOpenAIClient, OPENAI_ERROR_CLASSES } from '../shared/openai-client.js';
import { ProviderModel } from '../shared/provider-model.js';
import type { ResponseContext } from '../shared/response-context.js';
import { convertToOpenAIResponsesBody } from './convert-request.js';
import { parseOpenAIResponsesResponse } from './parse-response.js';
import { OpenAIResponsesStreamedResponse } from './stream.js';

/** @example const options: OpenAIResponsesModelOptions = { settings: { thinking: 'high' }, retry: false }; */
export type OpenAIResponsesModelOptions = ProviderModelOptions<OpenAI>;

/**
 * A model behind OpenAI's Responses API (reasoning summaries, function tools).
 * @example
 * const model = new OpenAIResponsesModel('gpt-5', { apiKey: process.env.OPENAI_API_KEY });
 * const response = await model.request([modelRequest([userPrompt('Hello')])], { thinking: 'low' });
 */
export class OpenAIResponsesModel extends ProviderModel<OpenAI> {
  constructor(modelName: string, options: OpenAIResponsesModelOptions = {}) {
    super(modelName, 'openai', options, () => createOpenAIClient(options), OPENAI_ERROR_CLASSES);
  }

  protected convertBody(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, stream: boolean): Record<string, unknown> {
    return convertToOpenAIResponsesBody({ modelName: this.modelName, messages, settings, parameters, stream });
  }

  protected send(body: Record<string, unknown>, requestOptions: SdkRequestOptions): Promise<unknown> {
    return this.client.responses.create(body as unknown as ResponseCreateParams, requestOptions);
  }

  protected parseResponse(body: unknown, context: ResponseContext): ModelResponse {
    return parseOpenAIResponsesResponse(body, context);
  }

  protected createStream(context: ResponseContext, events: AsyncIterable<unknown>, mapError: (error: unknown) => unknown): StreamedResponse {
    return new OpenAIResponsesStreamedResponse(context, events as AsyncIterable<ResponseStreamEvent>, mapError);
  }
}
