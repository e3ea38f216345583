import { describe, expect, it } from 'vitest';
import { matchesSpan, SEARCH_VALUE_CHARS, toSpanSearchFilter } from './span-search.js';

describe('toSpanSearchFilter', () => {
  it('narrows printable ASCII needles with LIKE, escaping the LIKE wildcards', () => {
    expect(toSpanSearchFilter('50%_off').params).toEqual(['%50\\%\\_off%']);
    expect(toSpanSearchFilter('weather').sql).toContain('data LIKE ?1');
  });

  it('scans every span for needles the stored JSON spells differently or LIKE folds wrongly', () => {
    for (const needle of ['say "hi"', 'a\\b', 'line\nbreak', 'évian', '東京']) expect(toSpanSearchFilter(needle)).toEqual({ sql: '1', params: [] });
  });
});

describe('matchesSpan', () => {
  const span = (attributes: Record<string, unknown>) => ({ name: 'Chat GPT-4o', spanId: '00f067aa0ba902b7', attributes: () => attributes as never });
  it('matches the name (case-insensitive), the id, an attribute key or a value', () => {
    expect(matchesSpan({ needle: 'gpt-4o', ...span({}) })).toBe(true);
    expect(matchesSpan({ needle: '0ba902', ...span({}) })).toBe(true);
    expect(matchesSpan({ needle: 'hop.outcome', ...span({ 'hopscope.hop.outcome': 'ok' }) })).toBe(true);
    expect(matchesSpan({ needle: 'rejected', ...span({ 'hopscope.hop.outcome': 'Rejected' }) })).toBe(true);
    expect(matchesSpan({ needle: '"city":"paris"', ...span({ args: { city: 'Paris' } }) })).toBe(true);
    expect(matchesSpan({ needle: 'nothing', ...span({ a: 'b' }) })).toBe(false);
  });

  it('looks only at the start of long values and never parses attributes when the name matches', () => {
    const long = `${'x'.repeat(SEARCH_VALUE_CHARS)}needle`;
    expect(matchesSpan({ needle: 'needle', ...span({ message: long }) })).toBe(false);
    expect(matchesSpan({ needle: 'chat', name: 'chat', spanId: 'a', attributes: () => { throw new Error('parsed'); } })).toBe(true);
  });
});
