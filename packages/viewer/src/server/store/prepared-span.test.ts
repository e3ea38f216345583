import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { buildSpan } from '../testing/build-spans.js';
import { fromPreparedSpanWire, toPreparedSpanBatch, toPreparedSpanWire, wirePackTransfer } from './prepared-span.js';

describe('toPreparedSpanBatch', () => {
  it('serialises each distinct resource once and survives its wire form exactly', () => {
    const spans = [
      buildSpan({ trace: 1, span: 1, attributes: { 'gen_ai.usage.input_tokens': -3, 'gen_ai.request.model': 'm', 'operation.cost': 0.5 } }),
      buildSpan({ trace: 1, span: 2, parent: 1, attributes: { 'gen_ai.input.messages': 'x'.repeat(300 * 1024) } }),
      { ...buildSpan({ trace: 2, span: 1 }), statusCode: 2 },
      buildSpan({ trace: 2, span: 2, parent: 1, attributes: { 'hopscope.hop.index': 0, 'hopscope.hop.outcome': 'skipped' } }),
      buildSpan({ trace: 2, span: 3, parent: 1, attributes: { 'hopscope.hop.index': 1, 'hopscope.hop.outcome': 'rejected' } }),
    ];
    const batch = toPreparedSpanBatch(spans);
    expect(batch.resources).toHaveLength(1);
    expect(batch.spans[0]?.facts.usage?.inputTokens).toBe(-3);
    expect(batch.spans[1]?.bigValues).toHaveLength(1);
    expect(batch.spans.slice(3).map(({ facts }) => [facts.isFailedHop, facts.isSkippedHop])).toEqual([[false, true], [true, false]]);
    expect(fromPreparedSpanWire(structuredClone(toPreparedSpanWire(batch)))).toEqual(batch);
  });

  it('packs a batch into a few values that cross a message port, moved, and come back exactly', () => {
    const spans = [
      buildSpan({ trace: 1, span: 1, attributes: { 'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"naïve 日本 \u{1F600}"}]}]', 'gen_ai.request.model': 'm-1', 'gen_ai.provider.name': 'openai' } }),
      buildSpan({ trace: 1, span: 2, parent: 1, attributes: { 'gen_ai.usage.input_tokens': 2 ** 40, 'gen_ai.usage.output_tokens': 0, 'operation.cost': 0 } }),
      buildSpan({ trace: 2, span: 1, attributes: { 'gen_ai.request.model': 'm-1', 'gen_ai.response.model': 'm-1-2025', 'gen_ai.operation.name': 'chat' } }),
      buildSpan({ trace: 2, span: 2, parent: 1, attributes: { 'gen_ai.output.messages': 'y'.repeat(300 * 1024) } }),
    ];
    const batch = toPreparedSpanBatch(spans);
    // A chunk bound smaller than one span: every span gets a chunk of its own.
    const wire = toPreparedSpanWire(batch, 16);
    expect(wire.text).toHaveLength(spans.length);
    const channel = new MessageChannel();
    channel.port1.postMessage(wire, wirePackTransfer(wire));
    expect(wire.numbers.byteLength).toBe(0);
    const received = receiveMessageOnPort(channel.port2)?.message;
    channel.port1.close();
    expect(fromPreparedSpanWire(received)).toEqual(batch);
    expect(fromPreparedSpanWire(toPreparedSpanWire(batch))).toEqual(batch);
    expect(batch.spans[1]?.facts).toMatchObject({ usage: { inputTokens: 2 ** 40, outputTokens: 0 }, costUsd: 0 });
    expect(batch.spans[2]?.facts.costUsd).toBeNull();
    expect(batch.spans[0]?.parentSpanId).toBeNull();
  });
});
