import { describe, expect, it } from 'vitest';
import { makeSpan } from '../test-support/make-span.js';
import { computeHopStrip, toHopKey, toHopLabel } from './compute-hop-strip.js';

const parent = makeSpan({ spanId: 'p', name: 'chat claude-sonnet', attributes: { 'gen_ai.request.model': 'claude-sonnet', 'operation.cost': 0.03 } });
function hop(index: number, outcome: string, extra: Record<string, string | number | boolean> = {}, error?: string) {
  return makeSpan({
    spanId: `h${index}`,
    parentSpanId: 'p',
    durationMs: 100 + index,
    status: error ? { code: 'ERROR', message: `${error}: boom` } : { code: 'UNSET', message: '' },
    events: error ? [{ name: 'exception', timeUnixNano: '1', attributes: { 'exception.type': error }, droppedAttributesCount: 0 }] : [],
    attributes: { 'hopscope.hop.index': index, 'hopscope.hop.count': 3, 'hopscope.hop.outcome': outcome, 'gen_ai.provider.name': `p${index}`, 'gen_ai.request.model': `m${index}`, ...extra },
  });
}

describe('computeHopStrip', () => {
  it('keeps every attempt at a retried member, in order, with its own label and key', () => {
    const retried = { ...hop(1, 'ok', { 'hopscope.hop.winner': true, 'hopscope.hop.attempt': 2 }), spanId: 'h1b' };
    const strip = computeHopStrip({ span: parent, children: [retried, hop(1, 'error', {}, 'ModelServerError'), hop(0, 'error', {}, 'ModelServerError')] });
    expect(strip?.hops.map((h) => [toHopLabel(h), toHopKey(h), h.outcome, h.winner])).toEqual([
      ['#1', '0:1', 'error', false],
      ['#2', '1:1', 'error', false],
      ['#2 (attempt 2)', '1:2', 'ok', true],
    ]);
  });

  it('lists the hops in index order, marks the winner and totals the waste', () => {
    const children = [
      hop(2, 'ok', { 'hopscope.hop.winner': true, 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.output_tokens': 5, 'operation.cost': 0.01 }),
      hop(0, 'error', { 'hopscope.hop.winner': false }, 'ModelHTTPError'),
      hop(1, 'rejected', { 'hopscope.hop.winner': false, 'gen_ai.usage.input_tokens': 7, 'gen_ai.usage.output_tokens': 3, 'operation.cost': 0.02 }),
    ];
    const strip = computeHopStrip({ span: parent, children });
    expect(strip?.instrumented).toBe(true);
    expect(strip?.count).toBe(3);
    expect(strip?.hops.map((h) => [h.index, h.provider, h.model, h.outcome, h.errorType, h.winner])).toEqual([
      [0, 'p0', 'm0', 'error', 'ModelHTTPError', false],
      [1, 'p1', 'm1', 'rejected', null, false],
      [2, 'p2', 'm2', 'ok', null, true],
    ]);
    expect(strip?.wasted).toEqual({ tokens: 10, costUsd: 0.02, failedHops: 2, skippedHops: 0 });
  });

  it('makes the wasted cost unknown when a failed hop used tokens without a price', () => {
    const children = [hop(0, 'rejected', { 'hopscope.hop.winner': false, 'gen_ai.usage.input_tokens': 7 }), hop(1, 'ok', { 'hopscope.hop.winner': true })];
    expect(computeHopStrip({ span: parent, children })?.wasted).toEqual({ tokens: 7, costUsd: null, failedHops: 1, skippedHops: 0 });
  });

  it('prices hops by the server rule: failed or skipped without usage cost nothing, tokens without a price are unknown', () => {
    const children = [
      hop(0, 'skipped', { 'hopscope.hop.winner': false }),
      hop(1, 'error', { 'hopscope.hop.winner': false }, 'ModelHTTPError'),
      hop(2, 'error', { 'hopscope.hop.winner': false, 'gen_ai.usage.input_tokens': 7 }, 'ModelHTTPError'),
      hop(3, 'ok', { 'hopscope.hop.winner': true, 'gen_ai.usage.input_tokens': 7, 'operation.cost': 0.001 }),
    ];
    const strip = computeHopStrip({ span: parent, children });
    expect(strip?.hops.map((h) => [h.outcome, h.costUsd, h.unbilled])).toEqual([
      ['skipped', 0, true],
      ['error', 0, true],
      ['error', null, false],
      ['ok', 0.001, false],
    ]);
    expect(computeHopStrip({ span: parent, children: [children[0]!, children[1]!, children[3]!] })?.wasted).toEqual({ tokens: 0, costUsd: 0, failedHops: 1, skippedHops: 1 });
  });

  it('makes the waste unknown when a rejected hop got an answer but reported neither tokens nor price', () => {
    const children = [hop(0, 'rejected', { 'hopscope.hop.winner': false }), hop(1, 'ok', { 'hopscope.hop.winner': true, 'operation.cost': 0.01 })];
    expect(computeHopStrip({ span: parent, children })?.wasted.costUsd).toBeNull();
  });

  it('takes the last ok hop as winner when no winner flag was recorded', () => {
    const strip = computeHopStrip({ span: parent, children: [hop(0, 'skipped'), hop(1, 'ok')] });
    expect(strip?.hops.map((h) => h.winner)).toEqual([false, true]);
  });

  it('shows a pydantic-ai fallback:a,b span as a chain without instrumented hops', () => {
    const span = makeSpan({ spanId: 'f', name: 'chat fallback:gpt-4o,claude', attributes: { 'gen_ai.request.model': 'fallback:gpt-4o,claude' } });
    const strip = computeHopStrip({ span, children: [] });
    expect(strip?.instrumented).toBe(false);
    expect(strip?.hops.map((h) => h.model)).toEqual(['gpt-4o', 'claude']);
  });

  it('gives an agent-run span no strip: its model_name is fallback:a,b, its requests have their own spans', () => {
    const span = makeSpan({
      spanId: 'a',
      name: 'invoke_agent support',
      attributes: { 'gen_ai.operation.name': 'invoke_agent', model_name: 'fallback:gpt-4o,claude-sonnet,gemini-flash', 'gen_ai.agent.name': 'support' },
    });
    expect(computeHopStrip({ span, children: [] })).toBeNull();
    const v1Run = makeSpan({ spanId: 'r', name: 'agent run', attributes: { model_name: 'fallback:gpt-4o,claude' } });
    expect(computeHopStrip({ span: v1Run, children: [] })).toBeNull();
  });

  it('reads the chain of a pydantic-ai fallback that succeeded from logfire.msg, the winner from the renamed request model', () => {
    const span = makeSpan({
      spanId: 'f',
      name: 'chat claude',
      attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'claude', 'gen_ai.response.model': 'claude-2026-01-01', 'logfire.msg': 'chat fallback:gpt-4o,claude' },
    });
    const strip = computeHopStrip({ span, children: [] });
    expect(strip?.instrumented).toBe(false);
    expect(strip?.hops.map((h) => [h.model, h.winner])).toEqual([['gpt-4o', false], ['claude', true]]);
    const plain = makeSpan({ spanId: 'p', name: 'chat gpt-4o', attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o', 'logfire.msg': 'chat gpt-4o' } });
    expect(computeHopStrip({ span: plain, children: [] })).toBeNull();
  });

  it('reads the chain from a chat fallback:a,b name when the request model is missing', () => {
    const span = makeSpan({ spanId: 'f', name: 'chat fallback:gpt-4o,claude', attributes: { 'gen_ai.operation.name': 'chat' } });
    expect(computeHopStrip({ span, children: [] })?.hops.map((h) => h.model)).toEqual(['gpt-4o', 'claude']);
  });

  it('marks a hop skipped by cooldown as not tried: no duration, tokens or cost', () => {
    const children = [hop(0, 'skipped', { 'hopscope.hop.winner': false }), hop(1, 'ok', { 'hopscope.hop.winner': true, 'gen_ai.usage.input_tokens': 4 })];
    const strip = computeHopStrip({ span: parent, children });
    const skipped = strip?.hops[0];
    expect(skipped).toMatchObject({ outcome: 'skipped', tried: false, durationMs: null, usage: null });
    expect(strip?.hops[1]).toMatchObject({ outcome: 'ok', tried: true, durationMs: 101 });
    expect(strip?.wasted).toEqual({ tokens: 0, costUsd: 0, failedHops: 0, skippedHops: 1 });
  });

  it('ignores usage a skipped hop might carry, so it never counts as waste', () => {
    const children = [hop(0, 'skipped', { 'gen_ai.usage.input_tokens': 9, 'operation.cost': 0.5 }), hop(1, 'ok')];
    const strip = computeHopStrip({ span: parent, children });
    expect(strip?.hops[0]?.usage).toBeNull();
    expect(strip?.wasted).toEqual({ tokens: 0, costUsd: 0, failedHops: 0, skippedHops: 1 });
  });

  it('keeps a tried hop without a price at an unknown cost (null), never $0', () => {
    const children = [hop(0, 'error', { 'gen_ai.usage.input_tokens': 5 }, 'RateLimitError'), hop(1, 'ok')];
    const strip = computeHopStrip({ span: parent, children });
    expect(strip?.hops[0]).toMatchObject({ tried: true, durationMs: 100 });
    expect(strip?.hops[0]?.usage?.costUsd).toBeNull();
    expect(strip?.wasted.costUsd).toBeNull();
  });

  it('is null for an ordinary chat span', () => {
    expect(computeHopStrip({ span: parent, children: [] })).toBeNull();
  });
});
