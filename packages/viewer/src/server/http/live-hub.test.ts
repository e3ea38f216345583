import type { Response } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveUpdate, TraceSummary } from '../../shared/api-types.js';
import { LiveHub } from './live-hub.js';

/** A subscriber that keeps the updates written to it. */
function buildSubscriber(): { response: Response; updates: LiveUpdate[] } {
  const updates: LiveUpdate[] = [];
  const response = {
    status: () => response,
    set: () => response,
    flushHeaders: () => undefined,
    on: () => response,
    end: () => undefined,
    write: (frame: string) => {
      const data = /^event: traces\ndata: (.*)\n\n$/s.exec(frame)?.[1];
      if (data !== undefined) updates.push(JSON.parse(data) as LiveUpdate);
      return true;
    },
  } as unknown as Response;
  return { response, updates };
}

const summaryOf = (traceId: string): TraceSummary => ({ traceId }) as TraceSummary;

let hub: LiveHub | undefined;
afterEach(() => hub?.close());

describe('LiveHub', () => {
  it('pushes the other traces of an update when one of them cannot be read', async () => {
    hub = new LiveHub({
      intervalMs: 1,
      getSummaries: async (traceIds) => {
        if (traceIds.includes('bad')) throw new RangeError('Value is too large to be represented as a JavaScript number');
        return traceIds.map(summaryOf);
      },
    });
    const { response, updates } = buildSubscriber();
    hub.subscribe(response);
    hub.notify(['a', 'bad', 'b']);
    await expect.poll(() => updates.length).toBe(1);
    expect(updates[0]?.traces.map((trace) => trace.traceId)).toEqual(['a', 'b']);
    hub.notify(['c']);
    await expect.poll(() => updates.length).toBe(2);
    expect(updates[1]?.traces.map((trace) => trace.traceId)).toEqual(['c']);
  });
});
