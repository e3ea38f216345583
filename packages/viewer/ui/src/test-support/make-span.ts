import type { SpanRecord, TraceDetail, TraceSummary } from '../../../src/shared/api-types.js';

/**
 * A SpanRecord for unit tests, with defaults for every field not given.
 *
 * @example
 * makeSpan({ spanId: 'a1', name: 'chat gpt-4o', attributes: { 'gen_ai.operation.name': 'chat' } });
 */
export function makeSpan(fields: Partial<SpanRecord> & { readonly spanId: string }): SpanRecord {
  return {
    traceId: 'feed',
    parentSpanId: null,
    name: fields.spanId,
    kind: 'INTERNAL',
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000010000000',
    durationMs: 10,
    status: { code: 'UNSET', message: '' },
    traceState: '',
    flags: 1,
    attributes: {},
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    resource: { attributes: { 'service.name': 'svc' }, droppedAttributesCount: 0, schemaUrl: '' },
    scope: { name: 'test', version: '', attributes: {}, droppedAttributesCount: 0, schemaUrl: '' },
    ...fields,
  };
}

/**
 * A TraceSummary for unit tests.
 *
 * @example
 * makeSummary({ traceId: 'aa', models: ['gpt-4o'] });
 */
export function makeSummary(fields: Partial<TraceSummary> & { readonly traceId: string }): TraceSummary {
  return {
    rootName: 'root',
    rootSpanId: 'r',
    serviceName: 'svc',
    startTimeUnixNano: '1700000000000000000',
    durationMs: 10,
    spanCount: 1,
    errorCount: 0,
    status: 'UNSET',
    models: [],
    providers: [],
    operations: [],
    hasFallback: false,
    failedHopCount: 0,
    usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, costUsd: null, costPartial: false },
    ...fields,
  };
}

/**
 * A TraceDetail from spans, for unit tests.
 *
 * @example
 * makeDetail([makeSpan({ spanId: 'a' })]);
 */
export function makeDetail(spans: readonly SpanRecord[]): TraceDetail {
  return { summary: makeSummary({ traceId: spans[0]?.traceId ?? 'feed', spanCount: spans.length }), spans, logs: [] };
}
