import { describe, expect, it } from 'vitest';
import { makeDetail, makeSpan } from '../test-support/make-span.js';
import { computeCompare } from './compute-compare.js';

function fallbackTrace(hops: Array<{ outcome: string; ms: number; tokens?: number; cost?: number }>, callMs = 10) {
  const parent = makeSpan({ spanId: 'p', name: 'chat m', durationMs: callMs, attributes: { 'gen_ai.operation.name': 'chat' } });
  const children = hops.map((h, index) =>
    makeSpan({
      spanId: `h${index}`,
      parentSpanId: 'p',
      durationMs: h.ms,
      status: h.outcome === 'error' ? { code: 'ERROR', message: 'boom' } : { code: 'UNSET', message: '' },
      attributes: {
        'gen_ai.operation.name': 'chat', 'hopscope.hop.index': index, 'hopscope.hop.outcome': h.outcome, 'hopscope.hop.winner': h.outcome === 'ok',
        'gen_ai.request.model': `m${index}`,
        ...(h.tokens === undefined ? {} : { 'gen_ai.usage.input_tokens': h.tokens }),
        ...(h.cost === undefined ? {} : { 'operation.cost': h.cost }),
      },
    }),
  );
  return makeDetail([parent, ...children]);
}

describe('computeCompare', () => {
  it('aligns call by call, then hop by hop, with b-minus-a deltas', () => {
    const a = fallbackTrace([{ outcome: 'error', ms: 100, tokens: 0 }, { outcome: 'ok', ms: 300, tokens: 50, cost: 0.5 }], 420);
    const b = fallbackTrace([{ outcome: 'ok', ms: 200, tokens: 40, cost: 0.25 }], 210);
    const rows = computeCompare({ a, b });
    expect(rows.map((r) => [r.label, r.kind, r.a?.outcome ?? null, r.b?.outcome ?? null, r.durationDeltaMs, r.tokenDelta, r.costDeltaUsd])).toEqual([
      // a's failed hop reported 0 tokens without a price: unknown, so a's call is unknown too.
      ['call 1', 'call', 'fallback, hop 2 of 2 won', 'fallback, hop 1 of 1 won', -210, -10, null],
      ['call 1 · hop 1', 'hop', 'error', 'ok (winner)', 100, 40, null],
      ['call 1 · hop 2', 'hop', 'ok (winner)', null, null, null, null],
    ]);
  });

  it('counts a failed hop without usage as no charge ($0), so its deltas are known', () => {
    const a = fallbackTrace([{ outcome: 'error', ms: 100 }, { outcome: 'ok', ms: 300, tokens: 50, cost: 0.5 }]);
    const b = fallbackTrace([{ outcome: 'error', ms: 150 }, { outcome: 'ok', ms: 200, tokens: 40, cost: 0.25 }]);
    const rows = computeCompare({ a, b });
    expect(rows.map((r) => [r.label, r.a?.costUsd, r.a?.unbilled, r.b?.costUsd, r.costDeltaUsd])).toEqual([
      ['call 1', 0.5, false, 0.25, -0.25],
      ['call 1 · hop 1', 0, true, 0, 0],
      ['call 1 · hop 2', 0.5, false, 0.25, -0.25],
    ]);
  });

  it('counts a skipped hop as 0 ms, 0 tokens and $0 against a tried one', () => {
    const a = fallbackTrace([{ outcome: 'skipped', ms: 1 }, { outcome: 'ok', ms: 300, tokens: 50, cost: 0.5 }]);
    const b = fallbackTrace([{ outcome: 'error', ms: 120, tokens: 7, cost: 0.01 }, { outcome: 'ok', ms: 300, tokens: 50, cost: 0.5 }]);
    const hop1 = computeCompare({ a, b }).find((r) => r.label === 'call 1 · hop 1');
    expect([hop1?.a?.tried, hop1?.durationDeltaMs, hop1?.tokenDelta, hop1?.costDeltaUsd]).toEqual([false, 120, 7, 0.01]);
  });

  it('lines up a plain call with a fallback call in the same position on the call row, its hops below', () => {
    const plain = makeDetail([
      makeSpan({ spanId: 'x', durationMs: 500, attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm1', 'gen_ai.usage.input_tokens': 30, 'operation.cost': 0.3 } }),
    ]);
    const fallback = fallbackTrace([{ outcome: 'error', ms: 100 }, { outcome: 'ok', ms: 300, tokens: 40, cost: 0.25 }], 700);
    const rows = computeCompare({ a: plain, b: fallback });
    expect(rows.map((r) => [r.label, r.a?.model ?? null, r.b?.model ?? null, r.durationDeltaMs, r.tokenDelta, r.costDeltaUsd])).toEqual([
      ['call 1', 'm1', 'm1', 200, 10, -0.04999999999999999],
      ['call 1 · hop 1', null, 'm0', null, null, null],
      ['call 1 · hop 2', null, 'm1', null, null, null],
    ]);
  });

  it('reads a plain call that failed without usage as no charge, one answered without usage as unknown', () => {
    const call = (id: string, failed: boolean) =>
      makeDetail([makeSpan({ spanId: id, status: failed ? { code: 'ERROR', message: 'x' } : { code: 'UNSET', message: '' }, attributes: { 'gen_ai.operation.name': 'chat' } })]);
    expect(computeCompare({ a: call('f', true), b: call('g', true) }).map((r) => [r.a?.costUsd, r.a?.unbilled, r.costDeltaUsd])).toEqual([[0, true, 0]]);
    expect(computeCompare({ a: call('f', true), b: call('o', false) }).map((r) => [r.b?.costUsd, r.costDeltaUsd])).toEqual([[null, null]]);
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

  it('lines up the attempts at a retried member apart, never one over the other', () => {
    const withRetry = (secondAttempt: boolean) => {
      const parent = makeSpan({ spanId: 'p', name: 'chat m', attributes: { 'gen_ai.operation.name': 'chat' } });
      const attempt = (spanId: string, outcome: string, attemptNumber: number, tokens: number) =>
        makeSpan({ spanId, parentSpanId: 'p', durationMs: 10, attributes: { 'gen_ai.operation.name': 'chat', 'hopscope.hop.index': 0, 'hopscope.hop.outcome': outcome, 'hopscope.hop.winner': outcome === 'ok', ...(attemptNumber > 1 ? { 'hopscope.hop.attempt': attemptNumber } : {}), 'gen_ai.usage.input_tokens': tokens, 'operation.cost': 0 } });
      return makeDetail(secondAttempt ? [parent, attempt('a1', 'error', 1, 3), attempt('a2', 'ok', 2, 40)] : [parent, attempt('b1', 'ok', 1, 30)]);
    };
    const rows = computeCompare({ a: withRetry(true), b: withRetry(false) }).filter((r) => r.kind === 'hop');
    expect(rows.map((r) => [r.label, r.a?.tokens ?? null, r.b?.tokens ?? null])).toEqual([
      ['call 1 · hop 1', 3, 30],
      ['call 1 · hop 1 · attempt 2', 40, null],
    ]);
  });
});
