import { describe, expect, it } from 'vitest';
import { parseRoute, toRouteHash, type Route } from './parse-route.js';

describe('parseRoute / toRouteHash', () => {
  const cases: Array<[string, Route]> = [
    ['#/', { view: 'list', filters: {} }],
    ['#/?model=gpt-4o&hasFallback=true&minCostUsd=0.5&q=hello%20world', { view: 'list', filters: { model: 'gpt-4o', q: 'hello world', hasFallback: true, minCostUsd: 0.5 } }],
    ['#/?cursor=WzE3MDAsImFiIl0', { view: 'list', filters: {}, cursor: 'WzE3MDAsImFiIl0' }],
    ['#/?model=gpt-4o&cursor=WzE3MDAsImFiIl0', { view: 'list', filters: { model: 'gpt-4o' }, cursor: 'WzE3MDAsImFiIl0' }],
    ['#/trace/0af7651916cd43dd8448eb211c80319c', { view: 'trace', traceId: '0af7651916cd43dd8448eb211c80319c', spanId: null }],
    ['#/trace/0af7/span/b7ad6b7169203331', { view: 'trace', traceId: '0af7', spanId: 'b7ad6b7169203331' }],
    ['#/compare/aa/bb', { view: 'compare', a: 'aa', b: 'bb' }],
  ];
  it.each(cases)('round-trips %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(toRouteHash(route))).toEqual(route);
  });
  it.each(['#/trace/not-hex', '#/compare/aa', '#/nowhere', '#/%E0', '#/trace/%zz', '#/compare/%E0/aa'])('rejects %s', (hash) => {
    expect(parseRoute(hash).view).toBe('not-found');
  });
  it('treats an empty hash as the list and lowercases ids', () => {
    expect(parseRoute('')).toEqual({ view: 'list', filters: {} });
    expect(parseRoute('#/trace/ABCD')).toEqual({ view: 'trace', traceId: 'abcd', spanId: null });
  });
  it('puts the page cursor in the hash after the filters, and leaves an empty one out', () => {
    expect(toRouteHash({ view: 'list', filters: { hasFallback: true }, cursor: 'abc' })).toBe('#/?hasFallback=true&cursor=abc');
    expect(parseRoute('#/?cursor=')).toEqual({ view: 'list', filters: {} });
  });
  it('drops malformed filter values', () => {
    expect(parseRoute('#/?minTokens=lots&status=WEIRD&hasFallback=maybe')).toEqual({ view: 'list', filters: {} });
  });
});
