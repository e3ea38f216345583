import { describe, expect, it } from 'vitest';
import {
  binaryContent, modelRequest, modelRequestParameters, requestUsage, systemPrompt, textPart, toolCallPart, toolReturnPart, userPrompt,
  type ModelMessage, type ModelResponse,
} from '@hopscope/models';
import { toChoiceEvent, toEventDict, toOtelEvents } from './events.js';
import { toOtelEventsJson } from './events-json.js';
import { toJsonText } from './serialize.js';
import type { ContentOptions } from './types.js';

const response = (parts: ModelResponse['parts']): ModelResponse => ({ kind: 'response', parts, usage: requestUsage(), timestamp: new Date(0), finishReason: 'stop' });
const history: ModelMessage[] = [
  modelRequest([systemPrompt('S'), userPrompt(['U', binaryContent(new Uint8Array([255]), 'image/png')])], { instructions: 'Be brief.' }),
  response([textPart('calling'), toolCallPart('f', { a: 1 }, 'c1')]),
  modelRequest([toolReturnPart('f', { raw: new Uint8Array([9]) }, 'c1'), { partKind: 'retry-prompt', content: 'again', toolCallId: 'c2' }]),
];
const options: ContentOptions[] = [true, false].flatMap((includeContent) => [true, false].map((includeBinaryContent) => ({ version: 1, includeContent, includeBinaryContent })));

describe('toOtelEventsJson', () => {
  it.each(options.map((content) => [toJsonText(content), content] as const))('is the JSON text of the event dicts for %s, first and repeated calls', (_name, content) => {
    const parameters = modelRequestParameters({ instructionParts: [{ content: 'From parameters.', dynamic: false }] });
    for (const o of [{}, { system: 'openai' }, { system: 'openai', parameters }]) {
      const choice = toChoiceEvent(response([textPart('answer')]), content, o.system ?? undefined);
      const expected = toJsonText([...toOtelEvents(history, content, o), choice].map(toEventDict));
      expect(toOtelEventsJson(history, content, o, [choice])).toBe(expected);
      expect(toOtelEventsJson(history, content, o, [choice])).toBe(expected);
    }
  });

  it('gives each message its index in this list, also when the same message object moves', () => {
    const content = options[0]!;
    const moved = [modelRequest([userPrompt('first')]), ...history];
    toOtelEventsJson(history, content);
    expect(toOtelEventsJson(moved, content)).toBe(toJsonText(toOtelEvents(moved, content).map(toEventDict)));
  });
});
