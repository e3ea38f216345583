/** `get_instructions` (spec section 3.1): the instructions a request was sent with. */
import type { ModelMessage, ModelRequest, ModelRequestParameters } from '@hopscope/models';

/** True when every part is a tool result, as Python's `all()`: also for a request with no parts. */
function isToolResultsOnly(request: ModelRequest): boolean {
  return request.parts.every((part) => part.partKind === 'tool-return' || part.partKind === 'retry-prompt');
}

/** The newest request and the one before it, found from the end without copying the list. */
function newestRequests(messages: readonly ModelMessage[]): [ModelRequest | undefined, ModelRequest | undefined] {
  let newest: ModelRequest | undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.kind !== 'request') continue;
    if (newest !== undefined) return [newest, message];
    newest = message;
  }
  return [newest, undefined];
}

function fromHistory(messages: readonly ModelMessage[]): string | undefined {
  const [newest, previous] = newestRequests(messages);
  if (newest === undefined) return undefined;
  if (newest.instructions !== undefined) return newest.instructions;
  return isToolResultsOnly(newest) ? previous?.instructions : undefined;
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
