/**
 * Shared inputs for the provider tests: the conversations behind the recorded exchanges in
 * fixtures/providers, and small helpers. Used by tests only (no package entry point exports it).
 */
import { readFileSync } from 'node:fs';
import { modelRequest, systemPrompt, userPrompt, type ModelMessage } from '../../messages.js';
import { modelRequestParameters, type ModelRequestParameters, type ToolDefinition } from '../../settings.js';
import type { MockApi, RecordedExchange } from '../../testing/mock-provider/types.js';

/**
 * A recorded exchange from fixtures/providers/<api>/<name>.json.
 * @example const exchange = readRecordedExchange('anthropic', 'error-529');
 */
export function readRecordedExchange(api: MockApi, name: string): RecordedExchange {
  return JSON.parse(readFileSync(new URL(`../../../../../fixtures/providers/${api}/${name}.json`, import.meta.url), 'utf8')) as RecordedExchange;
}

/**
 * The error a promise rejects with; throws if it resolves.
 * @example expect(await errorOf(model.request(messages))).toBeInstanceOf(ModelAuthError)
 */
export function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

/** A 1x1 PNG, the inline image of the image-input exchanges. */
export const TINY_PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64'));

export const WEATHER_TOOL: ToolDefinition = {
  name: 'get_weather',
  description: 'Current weather for a city.',
  parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  strict: true,
};

/** The text exchanges: a system prompt, instructions and a question. */
export const TEXT_MESSAGES: readonly ModelMessage[] = [modelRequest([systemPrompt('You are a geography tutor.'), userPrompt('What is the capital of France?')], { instructions: 'Answer in one short sentence.' })];
/** The tool exchanges. */
export const TOOL_MESSAGES: readonly ModelMessage[] = [modelRequest([userPrompt('What is the weather in Paris?')])];
export const TOOL_PARAMETERS: ModelRequestParameters = modelRequestParameters({ functionTools: [WEATHER_TOOL] });
/** The reasoning / thinking exchanges. */
export const REASONING_MESSAGES: readonly ModelMessage[] = [modelRequest([userPrompt('How many r letters are in strawberry?')])];
