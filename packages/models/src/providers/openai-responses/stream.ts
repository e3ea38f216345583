/** Responses API events -> part events, with usage / finish reason / id set as they arrive. */
import type { Response as OpenAIResponse, ResponseStreamEvent } from 'openai/resources/responses/responses';
import type { ModelResponseStreamEvent } from '../../stream.js';
import { SdkStreamedResponse } from '../shared/sdk-stream.js';
import { parseOpenAIResponsesFinish, parseOpenAIResponsesUsage } from './parse-response.js';

/**
 * A streamed Responses answer. A broken stream throws the mapped error; `get()` still returns
 * what arrived.
 * @example const response = await (await model.requestStream(messages)).finalResponse();
 */
export class OpenAIResponsesStreamedResponse extends SdkStreamedResponse<ResponseStreamEvent> {
  /** Per reasoning item, the summary or content segment its last delta belonged to. */
  private readonly reasoningSegments = new Map<string, string>();

  private setResponse(response: OpenAIResponse, final: boolean): void {
    if (response.id) this.responseId = response.id;
    if (response.model) this.responseModelName = response.model;
    if (!final) return;
    this.usageSoFar = parseOpenAIResponsesUsage(response.usage);
    const { finishReason, raw } = parseOpenAIResponsesFinish(response);
    this.finish = finishReason;
    if (raw) this.details = { finish_reason: raw };
  }

  /** The delta, after a blank line when it starts a new summary or content segment of the item (as the parsed response joins them). */
  private separated(itemId: string, segment: string, delta: string): string {
    const previous = this.reasoningSegments.get(itemId);
    this.reasoningSegments.set(itemId, segment);
    return previous === undefined || previous === segment ? delta : `\n\n${delta}`;
  }

  protected *handleEvent(event: ResponseStreamEvent): Iterable<ModelResponseStreamEvent | undefined> {
    yield this.mapEvent(event);
  }

  private mapEvent(event: ResponseStreamEvent): ModelResponseStreamEvent | undefined {
    switch (event.type) {
      case 'response.created':
      case 'response.in_progress':
        this.setResponse(event.response, false);
        return undefined;
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed':
        this.setResponse(event.response, true);
        return undefined;
      case 'response.output_item.added':
        if (event.item.type === 'function_call') {
          return this.partsManager.handleToolCallDelta(event.item.id ?? event.item.call_id, { toolName: event.item.name, toolCallId: event.item.call_id, args: event.item.arguments });
        }
        if (event.item.type === 'reasoning') return this.partsManager.handleThinkingDelta(event.item.id, { providerName: this.providerName, id: event.item.id });
        return undefined;
      case 'response.output_item.done':
        if (event.item.type === 'reasoning' && event.item.encrypted_content) return this.partsManager.handleThinkingDelta(event.item.id, { signature: event.item.encrypted_content });
        return undefined;
      case 'response.output_text.delta':
        return this.partsManager.handleTextDelta(`${event.item_id}:${event.content_index}`, event.delta, event.item_id);
      case 'response.reasoning_summary_text.delta':
        return this.partsManager.handleThinkingDelta(event.item_id, { content: this.separated(event.item_id, `summary:${event.summary_index}`, event.delta) });
      case 'response.reasoning_text.delta':
        return this.partsManager.handleThinkingDelta(event.item_id, { content: this.separated(event.item_id, `content:${event.content_index}`, event.delta) });
      case 'response.function_call_arguments.delta':
        return this.partsManager.handleToolCallDelta(event.item_id, { args: event.delta });
      default:
        return undefined;
    }
  }
}
