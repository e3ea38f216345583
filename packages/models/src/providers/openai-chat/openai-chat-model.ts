/** OpenAIChatModel: the Chat Completions API through the real `openai` SDK. */
import type OpenAI from 'openai';
import type { ChatCompletionChunk, ChatCompletionCreateParamsNonStreaming, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { ModelMessage, ModelResponse } from '../../messages.js';
import type { RequestOptions } from '../../model.js';
import type { ModelRequestParameters, ModelSettings } from '../../settings.js';
import type { StreamedResponse } from '../../stream.js';
import type { ProviderModelOptions } from '../shared/model-options.js';
import { createOpenAIClient, OPENAI_ERROR_CLASSES } from '../shared/openai-client.js';
import { ProviderModel } from '../shared/provider-model.js';
import { convertToOpenAIChatBody } from './convert-request.js';
import { parseOpenAIChatResponse } from './parse-response.js';
import { OpenAIChatStreamedResponse } from './stream.js';

/** @example const options: OpenAIChatModelOptions = { baseUrl: 'http://127.0.0.1:11434/v1', apiKey: 'ollama', system: 'ollama' }; */
export type OpenAIChatModelOptions = ProviderModelOptions<OpenAI>;

/**
 * A model behind OpenAI's Chat Completions API (or any OpenAI-compatible server).
 * @example
 * const model = new OpenAIChatModel('gpt-4o', { apiKey: process.env.OPENAI_API_KEY });
 * const response = await model.request([modelRequest([userPrompt('Hello')])]);
 */
export class OpenAIChatModel extends ProviderModel<OpenAI> {
  constructor(modelName: string, options: OpenAIChatModelOptions = {}) {
    super(modelName, 'openai', options, () => createOpenAIClient(options), OPENAI_ERROR_CLASSES);
  }

  private body(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, stream: boolean) {
    return convertToOpenAIChatBody({ modelName: this.modelName, system: this.system, messages, settings, parameters, stream });
  }

  protected async doRequest(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<ModelResponse> {
    const body = this.body(messages, settings, parameters, false) as unknown as ChatCompletionCreateParamsNonStreaming;
    const completion: unknown = await this.call((requestOptions) => this.client.chat.completions.create(body, requestOptions), settings, options);
    return parseOpenAIChatResponse(completion, this.responseContext());
  }

  protected async doRequestStream(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<StreamedResponse> {
    const body = this.body(messages, settings, parameters, true) as unknown as ChatCompletionCreateParamsStreaming;
    const chunks: AsyncIterable<ChatCompletionChunk> = await this.call((requestOptions) => this.client.chat.completions.create(body, requestOptions), settings, options);
    return new OpenAIChatStreamedResponse(this.responseContext(), chunks, this.errorMapper(settings, options));
  }
}
