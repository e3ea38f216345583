import { describe, expect, it } from 'vitest';
import { makeDetail, makeSpan } from '../test-support/make-span.js';
import { computeCompare } from './compute-compare.js';

function fallbackTrace(hops: Array<{ outcome: string; ms: number; tokens: number; cost?: number }>) {
  const parent = makeSpan({ spanId: 'p', name: 'chat m', attributes: { 'gen_ai.operation.name': 'chat' } });
  const children = hops.map((h, index) =>
    makeSpan({
      spanId: `h${index}`,
      parentSpanId: 'p',
      durationMs: h.ms,
      attributes: {
        'gen_ai.operation.name': 'chat', 'hopscope.hop.index': index, 'hopscope.hop.outcome': h.outcome, 'hopscope.hop.winner': h.outcome === 'ok',
        'gen_ai.request.model': `m${index}`, 'gen_ai.usage.input_tokens': h.tokens, ...(h.cost === undefined ? {} : { 'operation.cost': h.cost }),
      },
    }),
  );
  return makeDetail([parent, ...children]);
}

describe('computeCompare', () => {
  it('aligns hop by hop with b-minus-a deltas', () => {
    const a = fallbackTrace([{ outcome: 'error', ms: 100, tokens: 0 }, { outcome: 'ok', ms: 300, tokens: 50, cost: 0.5 }]);
    const b = fallbackTrace([{ outcome: 'ok', ms: 200, tokens: 40, cost: 0.25 }]);
    const rows = computeCompare({ a, b });
    expect(rows.map((r) => [r.label, r.a?.outcome ?? null, r.b?.outcome ?? null, r.durationDeltaMs, r.tokenDelta, r.costDeltaUsd])).toEqual([
      ['call 1 · hop 1', 'error', 'ok (winner)', 100, 40, null],
      ['call 1 · hop 2', 'ok (winner)', null, null, null, null],
    ]);
  });
  it('compares plain chat calls in start order', () => {
    const chat = (id: string, start: string, tokens: number) =>
      makeSpan({ spanId: id, startTimeUnixNano: start, attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.usage.input_tokens': tokens, 'operation.cost': tokens / 100 } });
    const rows = computeCompare({ a: makeDetail([chat('x2', '2', 20), chat('x1', '1', 10)]), b: makeDetail([chat('y1', '1', 15), chat('y2', '2', 20)]) });
    expect(rows.map((r) => [r.label, r.tokenDelta, r.costDeltaUsd])).toEqual([
      ['call 1', 5, 0.04999999999999999],
      ['call 2', 0, 0],
    ]);
  });

  it('counts a wrapper call and the call below it that repeats its usage as one call', () => {
    const call = (id: string, parent: string | undefined, start: string, tokens: number) =>
      makeSpan({ spanId: id, ...(parent === undefined ? {} : { parentSpanId: parent }), startTimeUnixNano: start, attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.usage.input_tokens': tokens, 'operation.cost': tokens / 100 } });
    const wrapped = makeDetail([call('outer', undefined, '1', 120), makeSpan({ spanId: 'mid', parentSpanId: 'outer', startTimeUnixNano: '2' }), call('inner', 'mid', '3', 120)]);
    const plain = makeDetail([call('only', undefined, '1', 100)]);
    const rows = computeCompare({ a: wrapped, b: plain });
    expect(rows.map((r) => [r.label, r.a?.spanId ?? null, r.tokenDelta])).toEqual([['call 1', 'inner', -20]]);
  });
});
