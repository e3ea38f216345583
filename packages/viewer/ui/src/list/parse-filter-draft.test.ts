import { describe, expect, it } from 'vitest';
import { computeRebasedDraft, parseFilterDraft, toFilterDraft } from './parse-filter-draft.js';

const empty = toFilterDraft({});

describe('parseFilterDraft', () => {
  it('applies every typed field at once: search, cost and tokens', () => {
    const draft = { ...empty, q: ' Paris ', minCostUsd: '0.001', minTokens: '10', maxTokens: '5000' };
    expect(parseFilterDraft({ filters: { model: 'gpt-4o' }, draft })).toEqual({ model: 'gpt-4o', q: 'Paris', minCostUsd: 0.001, minTokens: 10, maxTokens: 5000 });
  });

  it('applies a select change together with what is typed', () => {
    const draft = { ...empty, maxTokens: '50' };
    expect(parseFilterDraft({ filters: { status: 'OK' }, draft, patch: { hasFallback: true, status: undefined } })).toEqual({ hasFallback: true, maxTokens: 50 });
  });

  it('clears a filter whose field is emptied or malformed', () => {
    const draft = { ...empty, minTokens: 'lots' };
    expect(parseFilterDraft({ filters: { minTokens: 10, maxCostUsd: 1, q: 'x' }, draft })).toEqual({});
  });
});

describe('computeRebasedDraft', () => {
  it('takes the fields whose applied value changed, keeps what is being typed in the others', () => {
    const draft = { ...empty, q: 'par', minTokens: '10' };
    expect(computeRebasedDraft({ draft, before: { q: 'x', minTokens: 10 }, after: { minTokens: 10, maxTokens: 99 } })).toEqual({ ...empty, q: '', minTokens: '10', maxTokens: '99' });
    expect(computeRebasedDraft({ draft, before: {}, after: { model: 'y' } })).toEqual(draft);
  });
});
