import type { ModelMessage } from '../../messages.js';
import type { ModelRequestParameters } from '../../settings.js';

/**
 * The instructions in force, as pydantic-ai computes them: those of the most recent request that
 * has some, else the request parameters' instruction parts joined by a blank line.
 * @example computeInstructions([modelRequest([userPrompt('hi')], { instructions: 'Be brief.' })], params) === 'Be brief.'
 */
export function computeInstructions(messages: readonly ModelMessage[], parameters: ModelRequestParameters): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.kind === 'request' && message.instructions !== undefined && message.instructions !== '') return message.instructions;
  }
  const parts = parameters.instructionParts?.map((p) => p.content).filter((c) => c !== '') ?? [];
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

/**
 * A tool return's content as the text the model reads: strings verbatim, anything else as JSON.
 * @example convertToToolReturnText({ tempC: 21 }) === '{"tempC":21}'
 */
export function convertToToolReturnText(content: unknown): string {
  if (typeof content === 'string') return content;
  try {
    return JSON.stringify(content) ?? String(content);
  } catch {
    return String(content);
  }
}
