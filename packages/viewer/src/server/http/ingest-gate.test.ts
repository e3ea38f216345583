import { describe, expect, it } from 'vitest';
import { IngestGate } from './ingest-gate.js';

describe('IngestGate', () => {
  it('counts a request at its declared bytes, then at what its body holds as it grows', () => {
    const gate = new IngestGate({ maxPendingRequests: 4, maxPendingBytes: 1_000 });
    const first = gate.enter(Number.NaN)!;
    expect(gate.pendingBodyBytes).toBe(0);
    expect(first.grow(600)).toBe(true);
    expect(gate.pendingBodyBytes).toBe(600);
    const second = gate.enter(100)!;
    expect(second.grow(50)).toBe(true);
    expect(gate.pendingBodyBytes).toBe(700);
    expect(second.grow(500)).toBe(false);
    expect(gate.pendingBodyBytes).toBe(700);
    expect(gate.enter(400)).toBeNull();
    second.release();
    first.release();
    first.release();
    expect([gate.pending, gate.pendingBodyBytes]).toEqual([0, 0]);
  });

  it('lets a request alone pass the byte budget, and keeps tryEnter for bodies read whole', () => {
    const gate = new IngestGate({ maxPendingRequests: 1, maxPendingBytes: 1_000 });
    const alone = gate.enter(0)!;
    expect(alone.grow(5_000)).toBe(true);
    expect(gate.tryEnter(1)).toBeNull();
    alone.release();
    const release = gate.tryEnter(10);
    expect(gate.pendingBodyBytes).toBe(10);
    release?.();
    expect(gate.pending).toBe(0);
  });
});
