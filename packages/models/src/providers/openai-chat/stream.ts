/** Chat Completions chunks -> part events, with usage / finish reason / id set as they arrive. */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { StreamedResponse, type ModelResponseStreamEvent } from '../../stream.js';
import type { ResponseContext } from '../shared/response-context.js';
import { mapOpenAIChatFinishReason, parseOpenAIChatReasoning, parseOpenAIChatUsage } from './parse-response.js';

/**
 * A streamed Chat Completions answer. A broken stream throws the mapped error; `get()` still
 * returns what arrived.
 * @example for await (const event of await model.requestStream(messages)) console.log(event.eventKind);
 */
export class OpenAIChatStreamedResponse extends StreamedResponse {
  constructor(
    context: ResponseContext,
    private readonly chunks: AsyncIterable<ChatCompletionChunk>,
    private readonly mapError: (error: unknown) => unknown,
  ) {
    super(context.modelName, context.providerName, context.providerUrl);
  }

  protected async *iterateEvents(): AsyncIterable<ModelResponseStreamEvent> {
    try {
      for await (const chunk of this.chunks) yield* this.handleChunk(chunk);
    } catch (error) {
      throw this.mapError(error);
    }
  }

  private *handleChunk(chunk: ChatCompletionChunk): Iterable<ModelResponseStreamEvent> {
    if (chunk.id) this.responseId = chunk.id;
    if (chunk.model) this.responseModelName = chunk.model;
    if (chunk.usage) this.usageSoFar = parseOpenAIChatUsage(chunk.usage);
    const choice = chunk.choices?.[0];
    if (!choice) return;
    if (choice.finish_reason) {
      this.finish = mapOpenAIChatFinishReason(choice.finish_reason);
      this.details = { finish_reason: choice.finish_reason };
    }
    const delta = choice.delta ?? {};
    const reasoning = parseOpenAIChatReasoning(delta);
    if (reasoning !== undefined) yield this.partsManager.handleThinkingDelta('reasoning', { content: reasoning, providerName: this.providerName });
    if (typeof delta.content === 'string' && delta.content !== '') {
      const event = this.partsManager.handleTextDelta('content', delta.content);
      if (event) yield event;
    }
    for (const call of delta.tool_calls ?? []) {
      yield this.partsManager.handleToolCallDelta(`tool-${call.index}`, {
        ...(call.function?.name ? { toolName: call.function.name } : {}),
        ...(call.function?.arguments ? { args: call.function.arguments } : {}),
        ...(call.id ? { toolCallId: call.id } : {}),
      });
    }
  }
}
