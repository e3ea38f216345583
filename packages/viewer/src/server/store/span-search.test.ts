import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_CHARS } from './span-facts.js';
import { matchesLog, matchesSpan, toSearchFilter } from './span-search.js';

const SPAN_COLUMNS = ['name', 'span_id', 'data'];

describe('toSearchFilter', () => {
  it('narrows printable ASCII needles with LIKE, escaping the LIKE wildcards', () => {
    expect(toSearchFilter('50%_off', SPAN_COLUMNS).params).toEqual(['%50\\%\\_off%']);
    expect(toSearchFilter('weather', SPAN_COLUMNS).sql).toContain('data LIKE ?1');
    expect(toSearchFilter('weather', ['data']).sql).not.toContain('name LIKE');
  });

  it('keeps every row whose JSON holds text escapes, tagged values or a value kept apart', () => {
    const { sql } = toSearchFilter('weather', SPAN_COLUMNS);
    expect(sql).toContain(String.raw`instr(data, '\\u') > 0`);
    expect(sql).toContain(String.raw`instr(data, '\\/') > 0`);
    expect(sql).toContain(`instr(data, '"$') > 0`);
    expect(sql).toContain(`instr(data, '"truncated"') > 0`);
  });

  it('scans every row for needles the stored JSON spells differently or LIKE folds wrongly', () => {
    for (const needle of ['say "hi"', 'a\\b', 'line\nbreak', 'évian', '東京']) expect(toSearchFilter(needle, SPAN_COLUMNS)).toEqual({ sql: '1', params: [] });
  });
});

describe('matchesSpan', () => {
  const span = (attributes: Record<string, unknown>, events: { name: string; attributes: Record<string, unknown> }[] = []) =>
    ({ name: 'Chat GPT-4o', spanId: '00f067aa0ba902b7', record: () => ({ attributes, events }) as never });

  it('matches the name (case-insensitive), the id, an attribute key or a value', () => {
    expect(matchesSpan({ needle: 'gpt-4o', ...span({}) })).toBe(true);
    expect(matchesSpan({ needle: '0ba902', ...span({}) })).toBe(true);
    expect(matchesSpan({ needle: 'hop.outcome', ...span({ 'hopscope.hop.outcome': 'ok' }) })).toBe(true);
    expect(matchesSpan({ needle: 'rejected', ...span({ 'hopscope.hop.outcome': 'Rejected' }) })).toBe(true);
    expect(matchesSpan({ needle: '"city":"paris"', ...span({ args: { city: 'Paris' } }) })).toBe(true);
    expect(matchesSpan({ needle: 'nothing', ...span({ a: 'b' }) })).toBe(false);
  });

  it('reads JSON values as the list search indexes them, escapes decoded', () => {
    const messages = JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'un café\nà Paris, a/b' }] }]).replace('é', '\\u00e9').replace('/', '\\/');
    expect(messages).toContain('caf\\u00e9');
    expect(matchesSpan({ needle: 'café', ...span({ 'gen_ai.input.messages': messages }) })).toBe(true);
    expect(matchesSpan({ needle: 'a/b', ...span({ 'gen_ai.input.messages': messages }) })).toBe(true);
    expect(matchesSpan({ needle: 'café', ...span({ args: { text: 'caf\u00e9' } }) })).toBe(true);
  });

  it('matches event names and event attributes', () => {
    expect(matchesSpan({ needle: 'gen_ai.choice', ...span({}, [{ name: 'gen_ai.choice', attributes: {} }]) })).toBe(true);
    expect(matchesSpan({ needle: 'zebra', ...span({}, [{ name: 'e', attributes: { body: '{"content":"a zebra"}' } }]) })).toBe(true);
    expect(matchesSpan({ needle: 'zebra', ...span({}, [{ name: 'e', attributes: { body: 'a horse' } }]) })).toBe(false);
  });

  it('reads values as far as the list search indexes them, and never reads the record when the name matches', () => {
    expect(matchesSpan({ needle: 'needle', ...span({ message: `${'x'.repeat(50_000)}needle` }) })).toBe(true);
    expect(matchesSpan({ needle: 'needle', ...span({ message: `${'x'.repeat(MAX_SEARCH_CHARS)}needle` }) })).toBe(false);
    expect(matchesSpan({ needle: 'chat', name: 'chat', spanId: 'a', record: () => { throw new Error('parsed'); } })).toBe(true);
  });
});

describe('matchesLog', () => {
  it('matches a log record by its event name, body (escapes decoded) or attributes', () => {
    const log = { eventName: 'gen_ai.user.message', body: { content: 'un caf\u00e9' }, attributes: { 'gen_ai.system': 'openai' } };
    expect(matchesLog('café', log)).toBe(true);
    expect(matchesLog('café', { ...log, body: '{"content":"un caf\\u00e9"}' })).toBe(true);
    expect(matchesLog('user.message', log)).toBe(true);
    expect(matchesLog('openai', log)).toBe(true);
    expect(matchesLog('zebra', log)).toBe(false);
  });
});
