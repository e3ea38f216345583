import { describe, expect, it } from 'vitest';
import { ModelConnectionError } from '../errors.js';
import type { HopRecord } from '../hop.js';
import type { ModelResponseStreamEvent } from '../stream.js';
import { FallbackExceptionGroup, FallbackStreamError } from './errors.js';
import { FallbackModel } from './fallback-model.js';
import { httpError, messages, ScriptedModel } from './test-support.js';

const cut = () => new ModelConnectionError('socket reset', { modelName: 'a', provider: 'test' });

function setup(aSteps: ConstructorParameters<typeof ScriptedModel>[1]) {
  const records: HopRecord[] = [];
  const a = new ScriptedModel('a', aSteps);
  const b = new ScriptedModel('b', [], { chunks: ['Four', '.'] });
  const model = new FallbackModel(a, b, { cooldown: false, retry: false, onHop: (r) => records.push(r) });
  return { a, b, model, records };
}

async function readAll(stream: AsyncIterable<ModelResponseStreamEvent>): Promise<ModelResponseStreamEvent[]> {
  const events: ModelResponseStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe('FallbackModel.requestStream', () => {
  it('falls back on a failure before the first event and streams the next member, first event included', async () => {
    const { model, records } = setup([{ error: httpError(529, 'a') }]);
    const stream = await model.requestStream(messages);
    const events = await readAll(stream);
    expect(events[0]).toMatchObject({ eventKind: 'part-start', part: { partKind: 'text', content: 'Four' } });
    const final = events.at(-1);
    expect(final?.eventKind === 'final-response' && final.response.parts).toEqual([{ partKind: 'text', content: 'Four.' }]);
    expect(records.map((r) => [r.modelName, r.outcome, r.winner])).toEqual([
      ['a', 'error', false],
      ['b', 'ok', true],
    ]);
    expect(records[1]!.usage?.inputTokens).toBe(10);
  });

  it('falls back when the stream breaks before its first event', async () => {
    const { model } = setup([{ breakAfter: 0, error: cut() }]);
    expect((await (await model.requestStream(messages)).finalResponse()).modelName).toBe('b');
  });

  it('never switches after output started: surfaces FallbackStreamError naming the hop', async () => {
    const { b, model, records } = setup([{ breakAfter: 2, error: cut() }]);
    const stream = await model.requestStream(messages);
    const seen: ModelResponseStreamEvent[] = [];
    const failure = await (async () => {
      for await (const event of stream) seen.push(event);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(2);
    expect(failure).toBeInstanceOf(FallbackStreamError);
    const hop = (failure as FallbackStreamError).hop;
    expect([hop.modelName, hop.index, hop.outcome]).toEqual(['a', 0, 'error']);
    expect((failure as FallbackStreamError).cause).toBeInstanceOf(ModelConnectionError);
    expect(hop.usage?.outputTokens).toBe(2);
    expect(hop.response?.parts).toEqual([{ partKind: 'text', content: 'Four it' }]);
    expect(records).toEqual([hop]);
    expect(b.calls).toHaveLength(0);
  });

  it('cools down a member whose stream broke mid-way', async () => {
    const model = new FallbackModel(new ScriptedModel('a', [{ breakAfter: 1, error: cut() }]), new ScriptedModel('b'));
    await (await model.requestStream(messages)).finalResponse().catch(() => undefined);
    expect(model.health()[0]!.state).toBe('cooling');
  });

  it('hedges a stream whose first chunk is slow: the next member streams, the slow one is aborted', async () => {
    const records: HopRecord[] = [];
    const a = new ScriptedModel('a', ['stall']);
    const model = new FallbackModel(a, new ScriptedModel('b'), { hedgeAfterMs: 5, cooldown: false, onHop: (r) => records.push(r) });
    const response = await (await model.requestStream(messages)).finalResponse();
    expect(response.modelName).toBe('b');
    expect(a.calls[0]!.options.signal?.aborted).toBe(true);
    expect(records.map((r) => [r.modelName, r.outcome, r.hedged, r.winner])).toEqual([
      ['a', 'error', false, false],
      ['b', 'ok', true, true],
    ]);
  });

  it('surfaces the caller abort as is mid-stream, not as a fallback error', async () => {
    const { model } = setup([]);
    const controller = new AbortController();
    const stream = await model.requestStream(messages, undefined, undefined, { signal: controller.signal });
    const failure = await (async () => {
      for await (const _event of stream) controller.abort(new Error('stop'));
    })().catch((e: unknown) => e);
    expect(failure).toEqual(new Error('stop'));
  });

  it('records the winner when the reader stops early', async () => {
    const { model, records } = setup([]);
    const stream = await model.requestStream(messages);
    for await (const _event of stream) break;
    expect(records.map((r) => [r.modelName, r.outcome, r.winner])).toEqual([['a', 'ok', true]]);
  });

  it('throws the group when every member fails before output', async () => {
    const model = new FallbackModel(new ScriptedModel('a', [{ error: httpError(500, 'a') }]), new ScriptedModel('b', [{ error: httpError(401, 'b') }]), { cooldown: false });
    await expect(model.requestStream(messages)).rejects.toBeInstanceOf(FallbackExceptionGroup);
  });
});
