import { describe, expect, it } from 'vitest';
import { computeCallCost } from './compute-call-cost.js';
import { parseSpanUsage } from './parse-usage.js';

describe('computeCallCost', () => {
  it.each([
    ['a priced call', { 'gen_ai.usage.input_tokens': 5, 'operation.cost': 0.01 }, false, { costUsd: 0.01, unbilled: false }],
    ['a failed call that still reported a price', { 'operation.cost': 0.002 }, true, { costUsd: 0.002, unbilled: false }],
    ['tokens without a price', { 'gen_ai.usage.input_tokens': 7 }, false, { costUsd: null, unbilled: false }],
    ['a failed call with tokens but no price', { 'gen_ai.usage.input_tokens': 7 }, true, { costUsd: null, unbilled: false }],
    ['an answered call that reported nothing', {}, false, { costUsd: null, unbilled: false }],
    ['a failed or skipped call that reported nothing', {}, true, { costUsd: 0, unbilled: true }],
  ])('%s', (_name, attributes, failedOrSkipped, expected) => {
    expect(computeCallCost({ usage: parseSpanUsage(attributes), failedOrSkipped })).toEqual(expected);
  });
});
