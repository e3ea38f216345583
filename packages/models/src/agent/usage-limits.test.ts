import { describe, expect, it } from 'vitest';
import { runUsage } from '../usage.js';
import { UsageLimitExceeded } from './errors.js';
import { computeRequestLimitViolation, computeTokenLimitViolation, computeToolCallsLimitViolation, DEFAULT_REQUEST_LIMIT, throwIfViolated } from './usage-limits.js';

describe('usage limits', () => {
  it('allows requests up to the limit and names the limit beyond it', () => {
    expect(computeRequestLimitViolation(runUsage({ requests: 1 }), { requestLimit: 2 })).toBeUndefined();
    expect(computeRequestLimitViolation(runUsage({ requests: 2 }), { requestLimit: 2 })).toMatchObject({ limitName: 'requestLimit', limit: 2, value: 3 });
    expect(computeRequestLimitViolation(runUsage({ requests: DEFAULT_REQUEST_LIMIT }), {})?.limit).toBe(50);
  });

  it('checks input, output and total tokens, and ignores unset limits', () => {
    const usage = runUsage({ inputTokens: 60, outputTokens: 50 });
    expect(computeTokenLimitViolation(usage, {})).toBeUndefined();
    expect(computeTokenLimitViolation(usage, { inputTokensLimit: 60, outputTokensLimit: 50 })).toBeUndefined();
    expect(computeTokenLimitViolation(usage, { outputTokensLimit: 49 })?.limitName).toBe('outputTokensLimit');
    expect(computeTokenLimitViolation(usage, { totalTokensLimit: 100 })).toMatchObject({ limitName: 'totalTokensLimit', value: 110 });
  });

  it('counts the tool calls about to run', () => {
    expect(computeToolCallsLimitViolation(runUsage({ toolCalls: 1 }), 2, { toolCallsLimit: 3 })).toBeUndefined();
    expect(computeToolCallsLimitViolation(runUsage({ toolCalls: 1 }), 3, { toolCallsLimit: 3 })?.message).toMatch(/tool_calls_limit of 3/);
  });

  it('throws a typed error carrying the limit', () => {
    const thrown = (() => {
      try {
        throwIfViolated(computeRequestLimitViolation(runUsage({ requests: 3 }), { requestLimit: 3 }));
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(UsageLimitExceeded);
    expect(thrown).toMatchObject({ limitName: 'requestLimit', limit: 3, value: 4 });
  });
});
