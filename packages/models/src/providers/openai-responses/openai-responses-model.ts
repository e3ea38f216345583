/** OpenAIResponsesModel: the Responses API through the real `openai` SDK. */
import type OpenAI from 'openai';
import type { ResponseCreateParamsNonStreaming, ResponseCreateParamsStreaming, ResponseStreamEvent } from 'openai/resources/responses/responses';
import type { ModelMessage, ModelResponse } from '../../messages.js';
import type { RequestOptions } from '../../model.js';
import type { ModelRequestParameters, ModelSettings } from '../../settings.js';
import type { StreamedResponse } from '../../stream.js';
import type { ProviderModelOptions } from '../shared/model-options.js';
import { createOpenAIClient, OPENAI_ERROR_CLASSES } from '../shared/openai-client.js';
import { ProviderModel } from '../shared/provider-model.js';
import { convertToOpenAIResponsesBody } from './convert-request.js';
import { parseOpenAIResponsesResponse } from './parse-response.js';
import { OpenAIResponsesStreamedResponse } from './stream.js';

/** @example const options: OpenAIResponsesModelOptions = { settings: { thinking: 'high' }, retry: false }; */
export type OpenAIResponsesModelOptions = ProviderModelOptions<OpenAI>;

/**
 * A model behind OpenAI's Responses API (reasoning summaries, function tools).
 * @example
 * const model = new OpenAIResponsesModel('gpt-5', { apiKey: process.env.OPENAI_API_KEY });
 * const response = await model.request([modelRequest([userPrompt('Hello')])]);
 */
export class OpenAIResponsesModel extends ProviderModel<OpenAI> {
  constructor(modelName: string, options: OpenAIResponsesModelOptions = {}) {
    super(modelName, 'openai', options, () => createOpenAIClient(options), OPENAI_ERROR_CLASSES);
  }

  private body(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, stream: boolean) {
    return convertToOpenAIResponsesBody({ modelName: this.modelName, messages, settings, parameters, stream });
  }

  protected async doRequest(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<ModelResponse> {
    const body = this.body(messages, settings, parameters, false) as unknown as ResponseCreateParamsNonStreaming;
    const response: unknown = await this.call((requestOptions) => this.client.responses.create(body, requestOptions), settings, options);
    return parseOpenAIResponsesResponse(response, this.responseContext());
  }

  protected async doRequestStream(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<StreamedResponse> {
    const body = this.body(messages, settings, parameters, true) as unknown as ResponseCreateParamsStreaming;
    const events: AsyncIterable<ResponseStreamEvent> = await this.call((requestOptions) => this.client.responses.create(body, requestOptions), settings, options);
    return new OpenAIResponsesStreamedResponse(this.responseContext(), events, this.errorMapper(settings, options));
  }
}
