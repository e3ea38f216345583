/** Chat Completions chunks -> part events, with usage / finish reason / id set as they arrive. */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ModelResponseStreamEvent } from '../../stream.js';
import { SdkStreamedResponse } from '../shared/sdk-stream.js';
import { mapOpenAIChatFinishReason, parseOpenAIChatReasoning, parseOpenAIChatUsage } from './parse-response.js';

/**
 * A streamed Chat Completions answer. A broken stream throws the mapped error; `get()` still
 * returns what arrived.
 * @example for await (const event of await model.requestStream(messages)) console.log(event.eventKind);
 */
export class OpenAIChatStreamedResponse extends SdkStreamedResponse<ChatCompletionChunk> {
  protected *handleEvent(chunk: ChatCompletionChunk): Iterable<ModelResponseStreamEvent | undefined> {
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
    if (typeof delta.content === 'string' && delta.content !== '') yield this.partsManager.handleTextDelta('content', delta.content);
    for (const call of delta.tool_calls ?? []) {
      yield this.partsManager.handleToolCallDelta(`tool-${call.index}`, {
        ...(call.function?.name ? { toolName: call.function.name } : {}),
        ...(call.function?.arguments ? { args: call.function.arguments } : {}),
        ...(call.id ? { toolCallId: call.id } : {}),
      });
    }
  }
}
