import { describe, expect, it } from 'vitest';
import { modelRequest, modelRequestParameters, requestUsage, textPart, toolReturnPart, userPrompt, type ModelMessage } from '@hopscope/models';
import { computeInstructions } from './instructions.js';

const reply: ModelMessage = { kind: 'response', parts: [textPart('ok')], usage: requestUsage(), timestamp: new Date(0) };
const first = modelRequest([userPrompt('q')], { instructions: 'first' });

describe('computeInstructions', () => {
  it.each([
    ['newest request instructions', [first, reply, modelRequest([userPrompt('q2')], { instructions: 'second' })], undefined, 'second'],
    ['newest without instructions and not tool-only', [first, reply, modelRequest([userPrompt('q2')])], undefined, undefined],
    ['tool-return-only request falls back one', [first, reply, modelRequest([toolReturnPart('t', 1, 'c')])], undefined, 'first'],
    ['no requests', [reply], undefined, undefined],
    ['a request with no parts counts as tool-only (Python all() of nothing) and falls back one', [first, reply, modelRequest([])], undefined, 'first'],
    ['parameters win, joined and trimmed', [first], modelRequestParameters({ instructionParts: [{ content: ' a', dynamic: false }, { content: 'b ', dynamic: true }] }), 'a\n\nb'],
    ['blank parameter parts give undefined', [first], modelRequestParameters({ instructionParts: [{ content: '  ', dynamic: false }] }), undefined],
    ['empty parameter parts fall back to history', [first], modelRequestParameters({ instructionParts: [] }), 'first'],
  ] as const)('%s', (_name, messages, parameters, expected) => {
    expect(computeInstructions(messages, parameters)).toBe(expected);
  });
});
