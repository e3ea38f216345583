/** `get_instructions` (spec section 3.1): the instructions a request was sent with. */
import type { ModelMessage, ModelRequest, ModelRequestParameters } from '@hopscope/models';

function isToolResultsOnly(request: ModelRequest): boolean {
  return request.parts.length > 0 && request.parts.every((part) => part.partKind === 'tool-return' || part.partKind === 'retry-prompt');
}

function fromHistory(messages: readonly ModelMessage[]): string | undefined {
  const requests = messages.filter((message): message is ModelRequest => message.kind === 'request');
  const newest = requests.at(-1);
  if (newest === undefined) return undefined;
  if (newest.instructions !== undefined) return newest.instructions;
  return isToolResultsOnly(newest) ? requests.at(-2)?.instructions : undefined;
}

/**
 * The instructions of a request: the parameters' instruction parts when there are any (joined by a
 * blank line, trimmed, undefined when empty), else the newest request's `instructions`, or the one
 * before it when the newest only carries tool returns and retry prompts.
 * @example computeInstructions([modelRequest([userPrompt('hi')], { instructions: 'Be brief.' })]) === 'Be brief.'
 */
export function computeInstructions(messages: readonly ModelMessage[], parameters?: ModelRequestParameters): string | undefined {
  const parts = parameters?.instructionParts;
  if (parts !== undefined && parts.length > 0) {
    const joined = parts.map((part) => part.content).join('\n\n').trim();
    return joined === '' ? undefined : joined;
  }
  return fromHistory(messages);
}
