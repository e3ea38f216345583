import { describe, expect, it } from 'vitest';
import { buildSpan } from '../testing/build-spans.js';
import { fromPreparedSpanWire, toPreparedSpanBatch, toPreparedSpanWire } from './prepared-span.js';

describe('toPreparedSpanBatch', () => {
  it('serialises each distinct resource once and survives its wire form exactly', () => {
    const spans = [
      buildSpan({ trace: 1, span: 1, attributes: { 'gen_ai.usage.input_tokens': -3, 'gen_ai.request.model': 'm', 'operation.cost': 0.5 } }),
      buildSpan({ trace: 1, span: 2, parent: 1, attributes: { 'gen_ai.input.messages': 'x'.repeat(300 * 1024) } }),
      { ...buildSpan({ trace: 2, span: 1 }), statusCode: 2 },
      buildSpan({ trace: 2, span: 2, parent: 1, attributes: { 'hopscope.hop.index': 0, 'hopscope.hop.outcome': 'skipped' } }),
      buildSpan({ trace: 2, span: 3, parent: 1, attributes: { 'hopscope.hop.index': 1, 'hopscope.hop.outcome': 'rejected' } }),
    ];
    const batch = toPreparedSpanBatch(spans);
    expect(batch.resources).toHaveLength(1);
    expect(batch.spans[0]?.facts.usage?.inputTokens).toBe(-3);
    expect(batch.spans[1]?.bigValues).toHaveLength(1);
    expect(batch.spans.slice(3).map(({ facts }) => [facts.isFailedHop, facts.isSkippedHop])).toEqual([[false, true], [true, false]]);
    expect(fromPreparedSpanWire(structuredClone(toPreparedSpanWire(batch)))).toEqual(batch);
  });
});
