import { describe, expect, it } from 'vitest';
import { computeUsageSum, requestUsage } from '../usage.js';
import { ForwardingStreamedResponse, type StreamEnd } from './forwarding-stream.js';
import { messages, ScriptedModel } from './test-support.js';

const earlier = requestUsage({ inputTokens: 100, outputTokens: 7 });

async function forward(steps: ConstructorParameters<typeof ScriptedModel>[1] = []) {
  const ends: StreamEnd[] = [];
  const inner = await new ScriptedModel('m', steps).requestStream(messages);
  const stream = new ForwardingStreamedResponse(inner, { mapUsage: (u) => computeUsageSum(earlier, u), onEnd: (end) => void ends.push(end) });
  return { inner, stream, ends };
}

describe('ForwardingStreamedResponse', () => {
  it('forwards every event, rewrites the usage of the final response and of get(), and ends once as complete', async () => {
    const { inner, stream, ends } = await forward();
    const response = await stream.finalResponse();
    expect(response.parts).toEqual(inner.get().parts);
    expect(response.usage.inputTokens).toBe(110);
    expect(stream.get().usage.outputTokens).toBe(12);
    expect(stream.usage().inputTokens).toBe(110);
    expect(stream.isComplete).toBe(true);
    expect(ends).toEqual([{ kind: 'complete' }]);
  });

  it('reports an early stop as abandoned and an error as error, letting onEnd replace the error', async () => {
    const stopped = await forward();
    for await (const _event of stopped.stream) break;
    expect(stopped.ends).toEqual([{ kind: 'abandoned' }]);

    const failure = new Error('cut');
    const inner = await new ScriptedModel('m', [{ breakAfter: 1, error: failure }]).requestStream(messages);
    const replaced = new Error('replaced');
    const stream = new ForwardingStreamedResponse(inner, { onEnd: (end) => (end.kind === 'error' && end.error === failure ? replaced : undefined) });
    await expect(stream.finalResponse()).rejects.toBe(replaced);
  });

  it('can be iterated only once, and close() ends an unread stream', async () => {
    const { stream, ends } = await forward();
    stream.close();
    expect(ends).toEqual([{ kind: 'abandoned' }]);
    await stream.finalResponse();
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toThrow(/only once/);
  });
});
