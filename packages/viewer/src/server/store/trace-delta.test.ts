import { describe, expect, it } from 'vitest';
import { buildSpan } from '../testing/build-spans.js';
import { toPreparedSpan } from './prepared-span.js';
import { computeSpanIntoDelta, toEmptyTraceDelta, toTraceStatus } from './trace-delta.js';

/** A span of trace 1 from `startNs` to `endNs`. */
const timed = (span: number, startNs: string, endNs: string) => toPreparedSpan({ ...buildSpan({ trace: 1, span, parent: span === 1 ? undefined : 1 }), startTimeUnixNano: startNs, endTimeUnixNano: endNs }, 0, 0);

describe('computeSpanIntoDelta', () => {
  it('takes the earliest start and the latest end to the nanosecond when spans share a microsecond, in any order', () => {
    const spans = [timed(2, '1700000000000000900', '1700000000000001100'), timed(1, '1700000000000000500', '1700000000000001900'), timed(3, '1700000000000000700', '1700000000000001500')];
    for (const order of [spans, [...spans].reverse()]) {
      const delta = toEmptyTraceDelta(spans[0]!.traceId);
      for (const span of order) computeSpanIntoDelta(delta, span, span.facts);
      expect(delta).toMatchObject({ startNs: '1700000000000000500', startUs: 1_700_000_000_000_000, endNs: '1700000000000001900', endUs: 1_700_000_000_000_001 });
    }
  });

  it('takes the first span as it is, whatever its times', () => {
    const delta = toEmptyTraceDelta('t');
    const span = timed(1, '18446744073709551615', '18446744073709551615');
    computeSpanIntoDelta(delta, span, span.facts);
    expect(delta).toMatchObject({ startNs: '18446744073709551615', endNs: '18446744073709551615' });
  });
});

describe('toTraceStatus', () => {
  it('is the root status when OK or ERROR, else ERROR for an ERROR span that is not a failed-over hop', () => {
    expect(toTraceStatus(1, 3)).toBe(1);
    expect(toTraceStatus(2, 0)).toBe(2);
    expect(toTraceStatus(0, 1)).toBe(2);
    expect(toTraceStatus(null, 1)).toBe(2);
    expect(toTraceStatus(0, 0)).toBe(0);
    expect(toTraceStatus(5, 0)).toBe(0);
  });

  it('counts an ERROR span that is not a failed hop as unrecovered', () => {
    const delta = toEmptyTraceDelta('t');
    for (const [span, attributes] of [[1, {}], [2, { 'hopscope.hop.outcome': 'error' }], [3, { 'hopscope.hop.outcome': 'ok' }]] as const) {
      const prepared = toPreparedSpan(buildSpan({ trace: 1, span, statusCode: 2, attributes }), 0, 0);
      computeSpanIntoDelta(delta, prepared, prepared.facts);
    }
    expect(delta).toMatchObject({ errorCount: 3, unrecoveredErrorCount: 2 });
  });
});
