import { describe, expect, it } from 'vitest';
import { ModelTimeoutError } from '../errors.js';
import { computeCooldownMs, HealthTracker } from './health.js';
import { httpError } from './test-support.js';

const options = { defaultMs: 10_000, maxMs: 120_000 };

describe('computeCooldownMs', () => {
  it('uses Retry-After, else the default, capped, and nothing for errors that will not pass', () => {
    expect(computeCooldownMs(httpError(429, 'a', { 'retry-after': '60' }), options)).toBe(60_000);
    expect(computeCooldownMs(httpError(429, 'a', { 'retry-after': '3600' }), options)).toBe(120_000);
    expect(computeCooldownMs(httpError(503, 'a'), options)).toBe(10_000);
    expect(computeCooldownMs(new ModelTimeoutError('slow', { modelName: 'a', provider: 'p' }), options)).toBe(10_000);
    expect(computeCooldownMs(httpError(401, 'a'), options)).toBeUndefined();
    expect(computeCooldownMs(new Error('bug'), options)).toBeUndefined();
  });
});

describe('HealthTracker', () => {
  it('cools a member down, then lets exactly one probe through', () => {
    const health = new HealthTracker(2, options);
    health.recordFailure(0, httpError(429, 'a', { 'retry-after': '30' }), 1_000);
    expect(health.admit(0, 30_999)).toBe('skip');
    expect(health.admit(1, 30_999)).toBe('try');
    expect(health.peek(0, 31_000)).toBe('probe');
    expect(health.admit(0, 31_000)).toBe('probe');
    expect(health.admit(0, 31_001)).toBe('skip');
    health.recordSuccess(0);
    expect(health.admit(0, 31_002)).toBe('try');
  });

  it('starts a new cooldown when the probe fails, and frees the probe when it was aborted', () => {
    const health = new HealthTracker(1, options);
    health.recordFailure(0, httpError(500, 'a'), 0);
    expect(health.admit(0, 10_000)).toBe('probe');
    health.releaseProbe(0);
    expect(health.admit(0, 10_000)).toBe('probe');
    health.recordFailure(0, httpError(500, 'a'), 10_000);
    expect(health.admit(0, 19_999)).toBe('skip');
    expect(health.snapshot(['a'])[0]).toMatchObject({ state: 'cooling', cooldownUntil: 20_000, consecutiveFailures: 2 });
  });

  it('closes the circuit when the probe gets a non-retryable answer, which proves the member is up', () => {
    const health = new HealthTracker(1, options);
    health.recordFailure(0, httpError(503, 'a'), 0);
    health.admit(0, 10_000);
    health.recordFailure(0, httpError(400, 'a'), 10_000);
    expect(health.snapshot(['a'])[0]!.state).toBe('healthy');
  });

  it('picks the member whose cooldown ends first', () => {
    const health = new HealthTracker(3, options);
    health.recordFailure(0, httpError(429, 'a', { 'retry-after': '50' }), 0);
    health.recordFailure(1, httpError(429, 'b', { 'retry-after': '20' }), 0);
    health.recordFailure(2, httpError(429, 'c', { 'retry-after': '40' }), 0);
    expect(health.earliest([0, 1, 2])).toBe(1);
  });

  it('tries every member when cooldown is off', () => {
    const health = new HealthTracker(1, false);
    health.recordFailure(0, httpError(429, 'a', { 'retry-after': '60' }), 0);
    expect(health.admit(0, 1)).toBe('try');
    expect(health.snapshot(['a'])[0]!.state).toBe('healthy');
  });
});
