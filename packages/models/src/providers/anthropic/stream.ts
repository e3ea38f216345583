/** Anthropic stream events -> part events, with usage / stop reason / id set as they arrive. */
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { StreamedResponse, type ModelResponseStreamEvent } from '../../stream.js';
import type { ResponseContext } from '../shared/response-context.js';
import { computeAnthropicUsageMerge, mapAnthropicStopReason, parseAnthropicUsage, type AnthropicUsageFields } from './parse-response.js';

/**
 * A streamed Anthropic answer. A broken stream throws the mapped error; `get()` still returns
 * what arrived (usage from message_start included).
 * @example const response = await (await model.requestStream(messages)).finalResponse();
 */
export class AnthropicStreamedResponse extends StreamedResponse {
  private rawUsage: AnthropicUsageFields = {};

  constructor(
    context: ResponseContext,
    private readonly events: AsyncIterable<RawMessageStreamEvent>,
    private readonly mapError: (error: unknown) => unknown,
  ) {
    super(context.modelName, context.providerName, context.providerUrl);
  }

  protected async *iterateEvents(): AsyncIterable<ModelResponseStreamEvent> {
    try {
      for await (const event of this.events) {
        const out = this.handleEvent(event);
        if (out) yield out;
      }
    } catch (error) {
      throw this.mapError(error);
    }
  }

  private addUsage(update: AnthropicUsageFields): void {
    this.rawUsage = computeAnthropicUsageMerge(this.rawUsage, update);
    this.usageSoFar = parseAnthropicUsage(this.rawUsage);
  }

  private handleEvent(event: RawMessageStreamEvent): ModelResponseStreamEvent | undefined {
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
