import type { SpanRecord, TraceDetail, TraceSkeleton, TraceSummary } from '../../../src/shared/api-types.js';

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
    skippedHopCount: 0,
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

/** One span of a test skeleton; times in microseconds. */
export interface SkeletonSpan {
  readonly id: string;
  readonly parent?: string;
  readonly name?: string;
  readonly startUs?: number;
  readonly durationUs?: number;
  readonly statusCode?: number;
  readonly hop?: readonly [hopIndex: number, outcome: string];
}

/**
 * A TraceSkeleton as the server encodes it (columns in start order, parents as indexes, names
 * interned), for unit tests.
 *
 * @example
 * makeSkeleton([{ id: 'r' }, { id: 'c', parent: 'r', startUs: 5 }]);
 */
export function makeSkeleton(spans: readonly SkeletonSpan[]): TraceSkeleton {
  const sorted = [...spans].sort((a, b) => (a.startUs ?? 0) - (b.startUs ?? 0));
  const index = new Map(sorted.map((span, i) => [span.id, i]));
  const names = [...new Set(sorted.map((span) => span.name ?? span.id))];
  const nameIndex = new Map(names.map((name, i) => [name, i]));
  const base = sorted[0]?.startUs ?? 0;
  return {
    summary: makeSummary({ traceId: 'feed', spanCount: spans.length }),
    spanIds: sorted.map((span) => span.id),
    parents: sorted.map((span) => (span.parent === undefined ? -1 : (index.get(span.parent) ?? -1))),
    names,
    nameIndexes: sorted.map((span) => nameIndex.get(span.name ?? span.id) ?? 0),
    kinds: sorted.map(() => 1),
    statusCodes: sorted.map((span) => span.statusCode ?? 0),
    startOffsetsUs: sorted.map((span) => (span.startUs ?? 0) - base),
    durationsUs: sorted.map((span) => span.durationUs ?? 10),
    hops: sorted.flatMap((span, i) => (span.hop ? [[i, span.hop[0], span.hop[1]] as const] : [])),
  };
}
