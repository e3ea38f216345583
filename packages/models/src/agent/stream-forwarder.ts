/**
 * Decides which streamed events reach the caller of `runStream`: a response's events are held
 * back until the response shows it is the final answer (a text part when text is allowed, or the
 * output tool's call), then flushed and forwarded live. Tool-calling rounds stay silent.
 */
import type { ModelRequestParameters } from '../settings.js';
import type { ModelResponseStreamEvent } from '../stream.js';
import type { EventChannel } from './event-channel.js';

export class StreamForwarder {
  private held: ModelResponseStreamEvent[] = [];
  private live = false;
  private sawFunctionCall = false;

  constructor(
    private readonly channel: EventChannel<ModelResponseStreamEvent>,
    private readonly parameters: ModelRequestParameters,
  ) {}

  handle(event: ModelResponseStreamEvent): void {
    if (!this.live && event.eventKind === 'part-start') {
      const part = event.part;
      const outputNames = this.parameters.outputTools.map((t) => t.name);
      if (part.partKind === 'tool-call' && outputNames.includes(part.toolName)) this.live = true;
      else if (part.partKind === 'tool-call') this.sawFunctionCall = true;
      else if (part.partKind === 'text' && this.parameters.allowTextOutput && !this.sawFunctionCall) this.live = true;
    }
    if (!this.live) {
      this.held.push(event);
      return;
    }
    for (const held of this.held) this.channel.push(held);
    this.held = [];
    this.channel.push(event);
  }
}
