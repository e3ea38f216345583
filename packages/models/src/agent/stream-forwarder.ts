/**
 * Decides which streamed events reach the caller of `runStream`: exactly one response's events,
 * the one that gives the final answer, so part indexes never collide and there is one
 * `final-response`. One forwarder serves a whole run; `begin` starts each response.
 *
 * A response goes live (its held events flushed, the rest forwarded as they come) as soon as it
 * is sure to be the final answer: at the output tool's call, or at a text part when text output
 * is allowed and the request offers no function tools. Otherwise its events are held (at most one
 * response's worth) until its `final-response`, then released when the response is final (an
 * output tool call, or text with no function tool call: step.ts's rule) and dropped when it is not,
 * such as a "Let me check…" text followed by a tool call. Once a response has been forwarded,
 * later responses stay unseen; an output tool call streamed live that then fails validation is
 * therefore the response the caller saw, and the run's retry rounds are not streamed after it.
 */
import type { ModelResponse, ModelResponsePart } from '../messages.js';
import type { ModelRequestParameters } from '../settings.js';
import type { ModelResponseStreamEvent } from '../stream.js';
import type { EventChannel } from './event-channel.js';

export class StreamForwarder {
  private parameters: ModelRequestParameters | undefined;
  private held: ModelResponseStreamEvent[] = [];
  private live = false;
  private sawFunctionCall = false;
  /** A response's `final-response` reached the caller: nothing more is forwarded. */
  private forwarded = false;

  constructor(private readonly channel: EventChannel<ModelResponseStreamEvent>) {}

  /** Starts a response (a new request, or a retried attempt of one); drops what an unfinished one held. */
  begin(parameters: ModelRequestParameters): void {
    this.parameters = parameters;
    this.held = [];
    this.live = false;
    this.sawFunctionCall = false;
  }

  handle(event: ModelResponseStreamEvent): void {
    const parameters = this.parameters;
    if (this.forwarded || !parameters) return;
    if (!this.live) {
      if (event.eventKind === 'final-response') {
        const held = this.held;
        this.held = [];
        if (!isFinal(event.response, parameters)) return;
        for (const e of held) this.channel.push(e);
        this.forwarded = true;
        this.channel.push(event);
        return;
      }
      if (event.eventKind !== 'part-start' || !this.goesLive(event.part, parameters)) {
        this.held.push(event);
        return;
      }
      this.live = true;
      for (const e of this.held) this.channel.push(e);
      this.held = [];
    }
    this.channel.push(event);
    if (event.eventKind === 'final-response') this.forwarded = true;
  }

  private goesLive(part: ModelResponsePart, parameters: ModelRequestParameters): boolean {
    if (part.partKind === 'tool-call') {
      if (isOutputTool(part.toolName, parameters)) return true;
      this.sawFunctionCall = true;
      return false;
    }
    return part.partKind === 'text' && parameters.allowTextOutput && parameters.functionTools.length === 0 && !this.sawFunctionCall;
  }
}

function isOutputTool(name: string, parameters: ModelRequestParameters): boolean {
  return parameters.outputTools.some((t) => t.name === name);
}

/** Whether the run takes this response as its final answer (before output validation), as step.ts decides. */
function isFinal(response: ModelResponse, parameters: ModelRequestParameters): boolean {
  let text = false;
  let functionCall = false;
  for (const part of response.parts) {
    if (part.partKind === 'tool-call') {
      if (isOutputTool(part.toolName, parameters)) return true;
      functionCall = true;
    } else if (part.partKind === 'text') {
      text = true;
    }
  }
  return text && !functionCall && parameters.allowTextOutput;
}
