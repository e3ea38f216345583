/** OpenAIChatModel: the Chat Completions API through the real `openai` SDK. */
import type OpenAI from 'openai';
import type { ChatCompletionChunk, ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import type { ModelMessage, ModelResponse } from '../../messages.js';
import type { ModelRequestParameters, ModelSettings } from '../../settings.js';
import type { StreamedResponse } from '../../stream.js';
import type { SdkRequestOptions } from '../shared/call.js';
import type { ProviderModelOptions } from '../shared/model-options.js';
import { createOpenAIClient, OPENAI_ERROR_CLASSES } from '../shared/openai-client.js';
import { ProviderModel } from '../shared/provider-model.js';
import type { ResponseContext } from '../shared/response-context.js';
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

  protected convertBody(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, stream: boolean): Record<string, unknown> {
    return convertToOpenAIChatBody({ modelName: this.modelName, system: this.system, messages, settings, parameters, stream });
  }

  protected send(body: Record<string, unknown>, requestOptions: SdkRequestOptions): Promise<unknown> {
    return this.client.chat.completions.create(body as unknown as ChatCompletionCreateParams, requestOptions);
  }

  protected parseResponse(body: unknown, context: ResponseContext): ModelResponse {
    return parseOpenAIChatResponse(body, context);
  }

  protected createStream(context: ResponseContext, events: AsyncIterable<unknown>, mapError: (error: unknown) => unknown): StreamedResponse {
    return new OpenAIChatStreamedResponse(context, events as AsyncIterable<ChatCompletionChunk>, mapError);
  }
}
