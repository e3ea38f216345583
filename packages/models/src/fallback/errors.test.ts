import { describe, expect, it } from 'vitest';
import { HopscopeError } from '../errors.js';
import type { HopRecord } from '../hop.js';
import type { ModelResponse } from '../messages.js';
import { requestUsage } from '../usage.js';
import { FallbackExceptionGroup, FallbackResponseRejectedError, FallbackStreamError, HedgeLostError } from './errors.js';
import { ScriptedModel } from './test-support.js';

const model = new ScriptedModel('gpt-4o');
const response: ModelResponse = { kind: 'response', parts: [], usage: requestUsage({ inputTokens: 3 }), timestamp: new Date(0) };

function hop(index: number, outcome: HopRecord['outcome'], extra: Partial<HopRecord> = {}): HopRecord {
  return { index, count: 3, fallback: model, model, modelName: `m${index}`, provider: 'test', baseUrl: undefined, startTime: 0, durationMs: 0, outcome, winner: false, hedged: false, attempt: 1, ...extra };
}

describe('fallback errors', () => {
  it('FallbackExceptionGroup is an AggregateError and a HopscopeError, also for a copy from another package instance', () => {
    const group = new FallbackExceptionGroup([new Error('a')], [hop(0, 'error'), hop(1, 'skipped')]);
    expect(group).toBeInstanceOf(AggregateError);
    expect(group).toBeInstanceOf(HopscopeError);
    expect(group.rejectedLast).toBe(false);
    expect(group.message).toBe('All models from FallbackModel failed (1 sub-exception)');
    const foreign = Object.assign(Object.create(AggregateError.prototype) as object, { [Symbol.for('hopscope.error.markers')]: new Set(['FallbackExceptionGroup', 'HopscopeError']) });
    expect(foreign).toBeInstanceOf(FallbackExceptionGroup);
    expect(new AggregateError([])).not.toBeInstanceOf(FallbackExceptionGroup);
  });

  it('FallbackExceptionGroup reports a rejected last hop even when skipped hops follow it', () => {
    const group = new FallbackExceptionGroup([new Error('a'), new FallbackResponseRejectedError('m1', response)], [hop(0, 'error'), hop(1, 'rejected', { response }), hop(2, 'skipped')]);
    expect(group.rejectedLast).toBe(true);
    expect(group.lastResponse).toBe(response);
    expect(group.message).toMatch(/the last model \(m1\) answered but a response check rejected the answer/);
  });

  it('FallbackStreamError, FallbackResponseRejectedError and HedgeLostError carry the fields callers branch on', () => {
    const cause = new Error('socket reset');
    const stream = new FallbackStreamError(hop(1, 'error'), cause);
    expect(stream).toBeInstanceOf(HopscopeError);
    expect([stream.name, stream.hop.index, stream.cause]).toEqual(['FallbackStreamError', 1, cause]);
    expect(stream.message).toMatch(/m1 \(hop 2 of 3\) failed after output had started: socket reset/);
    const rejected = new FallbackResponseRejectedError('m0', response);
    expect([rejected.name, rejected.modelName, rejected.response]).toEqual(['FallbackResponseRejectedError', 'm0', response]);
    const lost = new HedgeLostError(2);
    expect([lost.name, lost.winnerIndex]).toEqual(['HedgeLostError', 2]);
    expect(lost).toBeInstanceOf(HopscopeError);
  });
});
