import type { NormalizedResource, NormalizedScope, NormalizedSpan, TaggedAttributes } from '../otlp/normalized-types.js';

const RESOURCE: NormalizedResource = { attributes: { 'service.name': 'test-service' }, droppedAttributesCount: 0, schemaUrl: '' };
const SCOPE: NormalizedScope = { name: 'hopscope-test', version: '1', attributes: {}, droppedAttributesCount: 0, schemaUrl: '' };

/** A hex id of `bytes` bytes from a small number (test data only). */
export const toTestId = (value: number, bytes: 8 | 16): string => value.toString(16).padStart(bytes * 2, '0');

/**
 * A normalised span with defaults, for store and summary tests.
 *
 * @example
 * buildSpan({ trace: 1, span: 2, parent: 1, name: 'chat gpt-4o', attributes: { 'gen_ai.usage.input_tokens': 3 } });
 */
export function buildSpan(options: {
  trace: number;
  span: number;
  parent?: number;
  name?: string;
  startMs?: number;
  durationMs?: number;
  statusCode?: number;
  attributes?: TaggedAttributes;
  service?: string;
}): NormalizedSpan {
  const start = BigInt(1_700_000_000_000 + (options.startMs ?? 0)) * 1_000_000n;
  const end = start + BigInt(options.durationMs ?? 10) * 1_000_000n;
  return {
    traceId: toTestId(options.trace, 16),
    spanId: toTestId(options.span, 8),
    parentSpanId: options.parent === undefined ? null : toTestId(options.parent, 8),
    name: options.name ?? `span ${options.span}`,
    kind: 1,
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: end.toString(),
    statusCode: options.statusCode ?? 0,
    statusMessage: '',
    traceState: '',
    flags: 1,
    attributes: options.attributes ?? {},
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    resource: options.service ? { ...RESOURCE, attributes: { 'service.name': options.service } } : RESOURCE,
    scope: SCOPE,
  };
}

/**
 * The rollup fixture: agent run > `chat fallback:a,b,c` > three hop spans, each hop with usage,
 * hop 1 without a price. The agent and chat spans repeat usage that the hops already carry.
 */
export function buildFallbackTrace(trace: number, options: { priceEveryHop?: boolean } = {}): NormalizedSpan[] {
  const usage = (input: number, output: number): TaggedAttributes => ({ 'gen_ai.usage.input_tokens': input, 'gen_ai.usage.output_tokens': output });
  const hop = (index: number, outcome: string, extra: TaggedAttributes): NormalizedSpan =>
    buildSpan({
      trace,
      span: 10 + index,
      parent: 2,
      name: `hop ${index}`,
      startMs: 5 + index * 10,
      statusCode: outcome === 'error' ? 2 : 0,
      attributes: { 'gen_ai.operation.name': 'chat', 'hopscope.hop.index': index, 'hopscope.hop.count': 3, 'hopscope.hop.outcome': outcome, ...extra },
    });
  return [
    buildSpan({ trace, span: 1, name: 'invoke_agent agent', durationMs: 100, attributes: { 'gen_ai.operation.name': 'invoke_agent', ...usage(60, 12), 'gen_ai.aggregated_usage.input_tokens': 60 } }),
    buildSpan({
      trace,
      span: 2,
      parent: 1,
      name: 'chat c-model',
      startMs: 2,
      durationMs: 90,
      attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'c-model', 'gen_ai.provider.name': 'c', 'logfire.msg': 'chat fallback:a-model,b-model,c-model', ...usage(30, 7), 'operation.cost': 0.003 },
    }),
    hop(0, 'error', { 'gen_ai.request.model': 'a-model', 'gen_ai.provider.name': 'a', ...usage(10, 0), 'operation.cost': 0.001 }),
    hop(1, 'rejected', { 'gen_ai.request.model': 'b-model', 'gen_ai.provider.name': 'b', ...usage(20, 5), ...(options.priceEveryHop ? { 'operation.cost': 0.002 } : {}) }),
    hop(2, 'ok', {
      'gen_ai.request.model': 'c-model',
      'gen_ai.provider.name': 'c',
      'hopscope.hop.winner': true,
      ...usage(30, 7),
      'gen_ai.usage.cache_read.input_tokens': 4,
      'gen_ai.usage.cache_creation.input_tokens': 2,
      'gen_ai.usage.details.reasoning_tokens': 3,
      'operation.cost': 0.003,
    }),
  ];
}
