/** Anthropic stream events -> part events, with usage / stop reason / id set as they arrive. */
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import type { ModelResponseStreamEvent } from '../../stream.js';
import { SdkStreamedResponse } from '../shared/sdk-stream.js';
import { computeAnthropicUsageMerge, mapAnthropicStopReason, parseAnthropicUsage, type AnthropicUsageFields } from './parse-response.js';

/**
 * A streamed Anthropic answer. A broken stream throws the mapped error; `get()` still returns
 * what arrived (usage from message_start included).
 * @example const response = await (await model.requestStream(messages)).finalResponse();
 */
export class AnthropicStreamedResponse extends SdkStreamedResponse<RawMessageStreamEvent> {
  private rawUsage: AnthropicUsageFields = {};

  private addUsage(update: AnthropicUsageFields): void {
    this.rawUsage = computeAnthropicUsageMerge(this.rawUsage, update);
    this.usageSoFar = parseAnthropicUsage(this.rawUsage);
  }

  protected *handleEvent(event: RawMessageStreamEvent): Iterable<ModelResponseStreamEvent | undefined> {
    yield this.mapEvent(event);
  }

  private mapEvent(event: RawMessageStreamEvent): ModelResponseStreamEvent | undefined {
    switch (event.type) {
      case 'message_start':
        this.responseId = event.message.id;
        this.responseModelName = event.message.model;
        this.addUsage(event.message.usage);
        return undefined;
      case 'message_delta':
        this.addUsage(event.usage);
        if (event.delta.stop_reason) {
          this.finish = mapAnthropicStopReason(event.delta.stop_reason);
          this.details = { finish_reason: event.delta.stop_reason };
        }
        return undefined;
      case 'content_block_start': {
        const block = event.content_block;
        if (block.type === 'text') return this.partsManager.handleTextDelta(event.index, block.text);
        if (block.type === 'thinking') return this.partsManager.handleThinkingDelta(event.index, { content: block.thinking, providerName: 'anthropic', ...(block.signature ? { signature: block.signature } : {}) });
        if (block.type === 'redacted_thinking') return this.partsManager.handleThinkingDelta(event.index, { providerName: 'anthropic', signature: block.data, id: 'redacted_thinking' });
        if (block.type === 'tool_use') return this.partsManager.handleToolCallDelta(event.index, { toolName: block.name, toolCallId: block.id, args: '' });
        return undefined;
      }
      case 'content_block_delta': {
        const delta = event.delta;
        if (delta.type === 'text_delta') return this.partsManager.handleTextDelta(event.index, delta.text);
        if (delta.type === 'thinking_delta') return this.partsManager.handleThinkingDelta(event.index, { content: delta.thinking });
        if (delta.type === 'signature_delta') return this.partsManager.handleThinkingDelta(event.index, { signature: delta.signature });
        if (delta.type === 'input_json_delta') return this.partsManager.handleToolCallDelta(event.index, { args: delta.partial_json });
        return undefined;
      }
      case 'content_block_stop':
      case 'message_stop':
        return undefined;
      default:
        return undefined;
    }
  }
}
