import { describe, expect, it } from 'vitest';
import { buildSpan } from '../testing/build-spans.js';
import { computeSpanFacts } from './span-facts.js';

describe('computeSpanFacts', () => {
  it.each([
    [{ 'gen_ai.request.model': 'a', 'gen_ai.response.model': 'b' }, ['a', 'b']],
    [{ 'gen_ai.request.model': 'a', 'gen_ai.response.model': 'a' }, ['a']],
    [{ 'gen_ai.response.model': 'b' }, ['b']],
    [{ 'gen_ai.request.model': '', 'gen_ai.response.model': 7 }, []],
  ])('lists each model once: %j', (attributes, models) => {
    expect(computeSpanFacts(buildSpan({ trace: 1, span: 1, attributes })).models).toEqual(models);
  });

  it('takes the provider from gen_ai.provider.name, else gen_ai.system, and the operation name', () => {
    expect(computeSpanFacts(buildSpan({ trace: 1, span: 1, attributes: { 'gen_ai.system': 's', 'gen_ai.operation.name': 'chat' } }))).toMatchObject({ providers: ['s'], operations: ['chat'] });
    expect(computeSpanFacts(buildSpan({ trace: 1, span: 1, attributes: { 'gen_ai.provider.name': 'p', 'gen_ai.system': 's' } }))).toMatchObject({ providers: ['p'], operations: [] });
  });
});
