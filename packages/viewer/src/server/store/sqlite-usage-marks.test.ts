import { describe, expect, it } from 'vitest';
import { computeUsageBelow } from './sqlite-usage-marks.js';

const span = (spanId: string, parentSpanId: string | null, usage: boolean) => ({ spanId, parentSpanId, usage: usage ? { inputTokens: 1 } : null });

describe('computeUsageBelow', () => {
  it('marks every ancestor of a span with usage, and nothing else', () => {
    const spans = [span('root', null, true), span('chat', 'root', true), span('hop', 'chat', true), span('tool', 'root', false)];
    expect(computeUsageBelow(spans)).toEqual(new Set(['root', 'chat']));
  });

  it('stops at parents not in the batch (orphans: the parent is marked when it arrives) and survives cycles', () => {
    expect(computeUsageBelow([span('child', 'missing', true)])).toEqual(new Set());
    expect(computeUsageBelow([span('a', 'b', true), span('b', 'a', false)])).toEqual(new Set(['b', 'a']));
  });
});
