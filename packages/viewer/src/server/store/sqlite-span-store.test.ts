import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NormalizedSpan, TaggedAttributes } from '../otlp/normalized-types.js';
import { buildFallbackTrace, buildSpan, toTestId } from '../testing/build-spans.js';
import { toPreparedSpanBatch } from './prepared-span.js';
import { SqliteSpanStore } from './sqlite-span-store.js';

let dir: string;
let store: SqliteSpanStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hopscope-store-'));
  store = SqliteSpanStore.open({ path: dir });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** facets.trace_count of models, providers and operations, as `kind value` -> count. */
const readFacetCounts = (db: DatabaseSync): Record<string, number> =>
  Object.fromEntries((db.prepare("SELECT kind, value, trace_count FROM facets WHERE kind <> 'service' ORDER BY kind, value").all() as { kind: string; value: string; trace_count: number }[]).map((row) => [`${row.kind} ${row.value}`, row.trace_count]));

/** How many trace rows list each model, provider and operation. */
const countListedValues = (db: DatabaseSync): Record<string, number> =>
  Object.fromEntries(
    (db.prepare(`SELECT kind, value, count(*) AS n FROM (
        SELECT 'model' AS kind, j.value AS value FROM traces, json_each(traces.models) j
        UNION ALL SELECT 'provider', j.value FROM traces, json_each(traces.providers) j
        UNION ALL SELECT 'operation', j.value FROM traces, json_each(traces.operations) j)
      GROUP BY kind, value ORDER BY kind, value`).all() as { kind: string; value: string; n: number }[]).map((row) => [`${row.kind} ${row.value}`, row.n]),
  );

const summaryOf = async (trace: number) => (await store.getSummaries([toTestId(trace, 16)]))[0];

/** A fallback call (span 1) with one hop child per outcome, in order. */
const buildHopTrace = (trace: number, outcomes: readonly string[]): NormalizedSpan[] => [
  buildSpan({ trace, span: 1, name: 'chat fallback:m0,m1', attributes: { 'gen_ai.request.model': 'fallback:m0,m1' } }),
  ...outcomes.map((outcome, index) =>
    buildSpan({ trace, span: 10 + index, parent: 1, name: `hop ${index}`, startMs: index, attributes: { 'hopscope.hop.index': index, 'hopscope.hop.outcome': outcome } })),
];

const EXPECTED_FALLBACK_USAGE = { inputTokens: 60, outputTokens: 12, cacheReadTokens: 4, cacheWriteTokens: 2, reasoningTokens: 3, costUsd: null, costPartial: true };

describe('SqliteSpanStore rollups', () => {
  const orders: { name: string; batches: (spans: ReturnType<typeof buildFallbackTrace>) => ReturnType<typeof buildFallbackTrace>[] }[] = [
    { name: 'one batch', batches: (spans) => [spans] },
    { name: 'children first, one span per request', batches: (spans) => [...spans].reverse().map((span) => [span]) },
    { name: 'parents first, one span per request', batches: (spans) => spans.map((span) => [span]) },
    { name: 'middle span last', batches: (spans) => [[spans[0]!, spans[2]!, spans[3]!, spans[4]!], [spans[1]!]] },
    { name: 'every request sent twice', batches: (spans) => spans.flatMap((span) => [[span], [span]]) },
  ];

  it.each(orders)('counts hop usage once and cost as unknown when a hop has no price ($name)', async ({ batches }) => {
    for (const batch of batches(buildFallbackTrace(1))) await store.ingestSpans(batch);
    const summary = await summaryOf(1);
    expect(summary?.usage).toMatchObject(EXPECTED_FALLBACK_USAGE);
    expect(summary?.usage.knownCostUsd).toBeCloseTo(0.004, 10);
    expect(summary).toMatchObject({ spanCount: 5, hasFallback: true, failedHopCount: 2, skippedHopCount: 0, rootName: 'invoke_agent agent', serviceName: 'test-service', errorCount: 1, status: 'UNSET' });
    expect([...(summary?.models ?? [])].sort()).toEqual(['a-model', 'b-model', 'c-model']);
    expect([...(summary?.providers ?? [])].sort()).toEqual(['a', 'b', 'c']);
  });

  it.each(orders)('counts failed hops (error, rejected) apart from hops not tried (skipped) ($name)', async ({ batches }) => {
    for (const batch of batches(buildHopTrace(6, ['skipped', 'error', 'skipped', 'rejected']))) await store.ingestSpans(batch);
    expect(await summaryOf(6)).toMatchObject({ spanCount: 5, hasFallback: true, failedHopCount: 2, skippedHopCount: 2 });
  });

  it('counts hops once when a whole export is sent again, fresh trace and stored trace in one request', async () => {
    await store.ingestSpans(buildHopTrace(6, ['skipped', 'error', 'ok']));
    await store.ingestSpans([...buildHopTrace(6, ['skipped', 'error', 'ok']), ...buildHopTrace(7, ['skipped', 'skipped', 'ok']), ...buildHopTrace(7, ['skipped', 'skipped', 'ok'])]);
    expect(await summaryOf(6)).toMatchObject({ spanCount: 4, failedHopCount: 1, skippedHopCount: 1 });
    expect(await summaryOf(7)).toMatchObject({ spanCount: 4, failedHopCount: 0, skippedHopCount: 2 });
  });

  it('sums the cost of every counted hop when all are priced', async () => {
    await store.ingestSpans(buildFallbackTrace(2, { priceEveryHop: true }));
    const usage = (await summaryOf(2))?.usage;
    expect(usage?.costPartial).toBe(false);
    expect(usage?.costUsd).toBeCloseTo(0.006, 10);
  });

  /** Every order a client may send a parent span (1) and its child (2) in, retries included. */
  const PAIR_ORDERS: { name: string; batches: (spans: NormalizedSpan[]) => NormalizedSpan[][] }[] = [
    { name: 'one batch', batches: (spans) => [spans] },
    { name: 'child first', batches: ([parent, child]) => [[child!], [parent!]] },
    { name: 'parent first', batches: ([parent, child]) => [[parent!], [child!]] },
    { name: 'sent twice', batches: ([parent, child]) => [[parent!], [parent!, child!], [child!]] },
  ];
  const chat = (trace: number, span: number, attributes: TaggedAttributes, parent?: number, statusCode = 0): NormalizedSpan =>
    buildSpan({ trace, span, parent, statusCode, startMs: span, attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm', ...attributes } });

  it('counts the cost of a priced span without token usage', async () => {
    await store.ingestSpans([chat(20, 1, { 'operation.cost': 0.05 })]);
    expect((await summaryOf(20))?.usage).toMatchObject({ inputTokens: 0, costUsd: 0.05, costPartial: false, knownCostUsd: 0.05 });
  });

  it.each(PAIR_ORDERS)('counts a cost a wrapper repeats from its child once ($name)', async ({ batches }) => {
    for (const batch of batches([chat(21, 1, { 'operation.cost': 0.05 }), chat(21, 2, { 'operation.cost': 0.05 }, 1)])) await store.ingestSpans(batch);
    expect((await summaryOf(21))?.usage).toMatchObject({ costUsd: 0.05, costPartial: false });
  });

  it.each(PAIR_ORDERS)('reads a chat span with neither usage nor cost as an unknown cost (never as 0 USD) unless a call below it is counted ($name)', async ({ batches }) => {
    for (const batch of batches([buildSpan({ trace: 22, span: 1, name: 'agent' }), chat(22, 2, {}, 1)])) await store.ingestSpans(batch);
    expect((await summaryOf(22))?.usage).toMatchObject({ costUsd: null, costPartial: true, knownCostUsd: 0 });
    for (const batch of batches([chat(23, 1, {}), chat(23, 2, { 'gen_ai.usage.input_tokens': 4, 'operation.cost': 0.01 }, 1)])) await store.ingestSpans(batch);
    expect((await summaryOf(23))?.usage).toMatchObject({ inputTokens: 4, costUsd: 0.01, costPartial: false });
  });

  it('keeps what was priced beside an unknown price, and takes a failed call without usage as unbilled', async () => {
    await store.ingestSpans([buildSpan({ trace: 24, span: 1 }), chat(24, 2, { 'operation.cost': 0.02 }, 1), chat(24, 3, {}, 1)]);
    expect((await summaryOf(24))?.usage).toMatchObject({ costUsd: null, costPartial: true, knownCostUsd: 0.02 });
    await store.ingestSpans([chat(25, 1, {}, undefined, 2)]);
    expect((await summaryOf(25))?.usage).toMatchObject({ costUsd: 0, costPartial: false });
  });

  it('never sums gen_ai.aggregated_usage and reads no usage as zero tokens and zero cost', async () => {
    await store.ingestSpans([buildSpan({ trace: 3, span: 1, attributes: { 'gen_ai.aggregated_usage.input_tokens': 99 } })]);
    expect((await summaryOf(3))?.usage).toMatchObject({ inputTokens: 0, costUsd: 0, costPartial: false });
  });

  it('assembles orphans into a trace as their root arrives', async () => {
    const [root, ...rest] = buildFallbackTrace(4);
    await store.ingestSpans(rest);
    expect(await summaryOf(4)).toMatchObject({ rootSpanId: null, spanCount: 4 });
    await store.ingestSpans([root!]);
    expect(await summaryOf(4)).toMatchObject({ rootSpanId: toTestId(1, 8), rootName: 'invoke_agent agent', spanCount: 5 });
    expect((await store.getTrace(toTestId(4, 16)))?.spans.map((span) => span.name)).toEqual(['invoke_agent agent', 'chat c-model', 'hop 0', 'hop 1', 'hop 2']);
  });

  it('reports duplicates and keeps counts when a client retries', async () => {
    const spans = buildFallbackTrace(5);
    expect(await store.ingestSpans(spans)).toMatchObject({ accepted: 5, duplicates: 0 });
    expect(await store.ingestSpans(spans)).toMatchObject({ accepted: 0, duplicates: 5 });
    expect((await store.getStats()).spans).toBe(5);
  });
});

describe('SqliteSpanStore trace status', () => {
  const orders = [
    { name: 'one request', batches: (spans: NormalizedSpan[]) => [spans] },
    { name: 'children first', batches: (spans: NormalizedSpan[]) => [...spans].reverse().map((span) => [span]) },
    { name: 'root first', batches: (spans: NormalizedSpan[]) => spans.map((span) => [span]) },
  ];
  const errorTrace = (trace: number, rootStatus: number, child: TaggedAttributes) => [
    buildSpan({ trace, span: 1, statusCode: rootStatus, name: 'agent' }),
    buildSpan({ trace, span: 2, parent: 1, startMs: 1, statusCode: 2, attributes: child }),
    buildSpan({ trace, span: 3, parent: 1, startMs: 2 }),
  ];

  it.each(orders)('lists a trace whose root is UNSET and a span below is ERROR as ERROR, found by the status filter ($name)', async ({ batches }) => {
    for (const batch of batches(errorTrace(40, 0, { 'gen_ai.operation.name': 'execute_tool' }))) await store.ingestSpans(batch);
    expect(await summaryOf(40)).toMatchObject({ status: 'ERROR', errorCount: 1 });
    expect((await store.listTraces({ status: 'ERROR' })).traces.map((trace) => trace.traceId)).toEqual([toTestId(40, 16)]);
    expect((await store.listTraces({ status: 'UNSET' })).traces).toEqual([]);
  });

  it.each(orders)('keeps UNSET a trace whose only ERROR spans are fallback hops that failed over, and keeps an explicit root status ($name)', async ({ batches }) => {
    for (const batch of batches(errorTrace(41, 0, { 'hopscope.hop.index': 0, 'hopscope.hop.outcome': 'error' }))) await store.ingestSpans(batch);
    for (const batch of batches(errorTrace(42, 1, { 'gen_ai.operation.name': 'execute_tool' }))) await store.ingestSpans(batch);
    for (const batch of batches([buildSpan({ trace: 43, span: 1, statusCode: 2 }), buildSpan({ trace: 43, span: 2, parent: 1 })])) await store.ingestSpans(batch);
    expect(await summaryOf(41)).toMatchObject({ status: 'UNSET', errorCount: 1, failedHopCount: 1 });
    expect(await summaryOf(42)).toMatchObject({ status: 'OK', errorCount: 1 });
    expect(await summaryOf(43)).toMatchObject({ status: 'ERROR' });
    expect((await store.listTraces({ status: 'ERROR' })).traces.map((trace) => trace.traceId)).toEqual([toTestId(43, 16)]);
  });

  it('upgrades a database whose trace status was the root status alone', async () => {
    await store.ingestSpans(errorTrace(44, 0, { 'gen_ai.operation.name': 'execute_tool' }));
    await store.ingestSpans(errorTrace(45, 0, { 'hopscope.hop.index': 0, 'hopscope.hop.outcome': 'rejected' }));
    await store.ingestSpans(errorTrace(46, 1, {}));
    await store.close();
    const db = new DatabaseSync(join(dir, 'hopscope.db'));
    db.exec('ALTER TABLE traces DROP COLUMN unrecovered_error_count');
    db.exec('UPDATE traces SET status = root_status');
    db.close();
    store = SqliteSpanStore.open({ path: dir });
    expect((await store.getSummaries([44, 45, 46].map((trace) => toTestId(trace, 16)))).map((summary) => summary.status)).toEqual(['ERROR', 'UNSET', 'OK']);
    await store.ingestSpans([buildSpan({ trace: 45, span: 9, parent: 1, statusCode: 2 })]);
    expect((await summaryOf(45))?.status).toBe('ERROR');
  });
});

describe('SqliteSpanStore trace times', () => {
  /** A span of trace `trace` whose start and end are `startNs` and `endNs`. */
  const timed = (trace: number, span: number, startNs: string, endNs: string, parent?: number): NormalizedSpan =>
    ({ ...buildSpan({ trace, span, parent }), startTimeUnixNano: startNs, endTimeUnixNano: endNs });

  it.each([
    { name: 'one request, child listed first', batches: (root: NormalizedSpan, child: NormalizedSpan) => [[child, root]] },
    { name: 'child in an earlier request', batches: (root: NormalizedSpan, child: NormalizedSpan) => [[child], [root]] },
    { name: 'root in an earlier request', batches: (root: NormalizedSpan, child: NormalizedSpan) => [[root], [child]] },
  ])('starts and ends the trace at the exact nanosecond when spans share a microsecond ($name)', async ({ batches }) => {
    const root = timed(30, 1, '1700000000000000500', '1700000000000002900');
    const child = timed(30, 2, '1700000000000000900', '1700000000000002100', 1);
    for (const batch of batches(root, child)) await store.ingestSpans(batch);
    expect(await summaryOf(30)).toMatchObject({ startTimeUnixNano: '1700000000000000500', durationMs: 0.0024 });
  });
});

describe('SqliteSpanStore usage spellings', () => {
  it('sums into the trace totals the cache and reasoning token spellings the span view reads', async () => {
    await store.ingestSpans([
      buildSpan({ trace: 1, span: 1, attributes: { 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.cache_write.input_tokens': 1, 'gen_ai.usage.details.cache_read_input_tokens': 2, 'gen_ai.usage.reasoning.output_tokens': 3 } }),
      buildSpan({ trace: 1, span: 2, attributes: { 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.details.cache_creation_input_tokens': 4 } }),
    ]);
    expect((await summaryOf(1))?.usage).toMatchObject({ inputTokens: 20, cacheWriteTokens: 5, cacheReadTokens: 2, reasoningTokens: 3 });
  });
});

describe('SqliteSpanStore.getSummaries', () => {
  it('reads a trace whose spans claim more tokens than 2^53, the totals clamped there', async () => {
    const huge = { 'gen_ai.usage.input_tokens': { $i: '100000000000000000' }, 'gen_ai.usage.output_tokens': { $i: '9007199254740991' } };
    await store.ingestSpans([buildSpan({ trace: 1, span: 1, attributes: huge }), buildSpan({ trace: 1, span: 2, attributes: huge })]);
    await store.ingestSpans([buildSpan({ trace: 1, span: 3, attributes: huge })]);
    expect((await summaryOf(1))?.usage).toMatchObject({ inputTokens: Number.MAX_SAFE_INTEGER, outputTokens: Number.MAX_SAFE_INTEGER });
    expect((await store.listTraces({ minTokens: 1 })).traces).toHaveLength(1);
  });


  it('leaves out a trace row that cannot be read and gives the others', async () => {
    await store.ingestSpans([buildSpan({ trace: 1, span: 1 }), buildSpan({ trace: 2, span: 1 }), buildSpan({ trace: 3, span: 1 })]);
    const db = new DatabaseSync(join(dir, 'hopscope.db'));
    db.prepare('UPDATE traces SET start_us = ? WHERE trace_id = ?').run(2n ** 60n, toTestId(2, 16));
    db.close();
    const summaries = await store.getSummaries([1, 2, 3].map((trace) => toTestId(trace, 16)));
    expect(summaries.map((summary) => summary.traceId)).toEqual([toTestId(1, 16), toTestId(3, 16)]);
  });
});

describe('SqliteSpanStore list and search', () => {
  it('pages newest first with a cursor and filters by model, fallback, tokens and text', async () => {
    for (let trace = 1; trace <= 5; trace++) await store.ingestSpans(buildFallbackTrace(trace).map((span) => ({ ...span, startTimeUnixNano: String(BigInt(span.startTimeUnixNano) + BigInt(trace) * 1_000_000_000n) })));
    await store.ingestSpans([buildSpan({ trace: 9, span: 1, name: 'plain', startMs: 60_000, attributes: { 'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"where is the aardvark"}]}]' } })]);
    const first = await store.listTraces({ limit: 4 });
    expect(first.traces.map((trace) => trace.traceId)).toEqual([9, 5, 4, 3].map((n) => toTestId(n, 16)));
    const second = await store.listTraces({ limit: 4, cursor: first.nextCursor ?? '' });
    expect(second.traces.map((trace) => trace.traceId)).toEqual([2, 1].map((n) => toTestId(n, 16)));
    expect(second.nextCursor).toBeNull();
    expect((await store.listTraces({ model: 'b-model' })).traces).toHaveLength(5);
    expect((await store.listTraces({ hasFallback: false })).traces.map((trace) => trace.rootName)).toEqual(['plain']);
    expect((await store.listTraces({ minTokens: 72, maxTokens: 72 })).traces).toHaveLength(5);
    expect((await store.listTraces({ q: 'aardv' })).traces.map((trace) => trace.rootName)).toEqual(['plain']);
    expect((await store.listTraces({ q: 'hop' })).traces).toHaveLength(5);
    expect(await store.getFacets()).toMatchObject({ services: ['test-service'], providers: ['a', 'b', 'c'], operations: ['chat', 'invoke_agent'] });
  });

  it('keeps big attribute values whole and serves them in slices', async () => {
    const big = 'x'.repeat(300 * 1024) + 'END';
    await store.ingestSpans([buildSpan({ trace: 1, span: 1, attributes: { 'gen_ai.output.messages': big } })]);
    const span = (await store.getTrace(toTestId(1, 16)))?.spans[0];
    expect(span?.truncatedAttributes).toEqual({ 'gen_ai.output.messages': { totalChars: big.length } });
    expect((span?.attributes['gen_ai.output.messages'] as string).length).toBeLessThan(big.length);
    const slice = await store.getAttributeSlice(toTestId(1, 16), toTestId(1, 8), 'gen_ai.output.messages', big.length - 3, 10);
    expect(slice).toEqual({ key: 'gen_ai.output.messages', offset: big.length - 3, totalChars: big.length, text: 'END' });
  });
});

describe('SqliteSpanStore group commit', () => {
  it('writes concurrent calls in one transaction, resolving only once another connection can read them', async () => {
    const calls = [1, 2, 3].map((trace) => store.ingestSpans(buildFallbackTrace(trace)));
    const reader = new DatabaseSync(join(dir, 'hopscope.db'), { readOnly: true });
    try {
      const results = await Promise.all(calls);
      expect(results.map((result) => result.accepted)).toEqual([5, 5, 5]);
      expect(reader.prepare('SELECT count(*) AS n FROM spans').get()).toEqual({ n: 15 });
    } finally {
      reader.close();
    }
  });

  it('fails a bad batch alone: the others of the group are stored and counted', async () => {
    const bad = buildSpan({ trace: 8, span: 1 });
    const poisoned = { ...bad, resource: { ...bad.resource, toJSON: () => { throw new Error('unserialisable resource'); } } };
    const [first, failed, last] = await Promise.allSettled([store.ingestSpans(buildFallbackTrace(1)), store.ingestSpans([poisoned]), store.ingestSpans(buildFallbackTrace(2))]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { accepted: 5 } });
    expect(failed).toMatchObject({ status: 'rejected', reason: new Error('unserialisable resource') });
    expect(last).toMatchObject({ status: 'fulfilled', value: { accepted: 5 } });
    expect((await store.getStats()).spans).toBe(10);
    expect((await store.listTraces({ limit: 10 })).traces.map((trace) => trace.spanCount)).toEqual([5, 5]);
    expect(await summaryOf(8)).toBeUndefined();
  });

  it('fails a batch whose SQL fails alone, inside the group transaction: the others are written again and counted once', async () => {
    const bad = toPreparedSpanBatch([buildSpan({ trace: 8, span: 1 })]);
    const unbindable = { ...bad, spans: bad.spans.map((span) => ({ ...span, json: {} as unknown as string })) };
    const [first, failed, last] = await Promise.allSettled([
      store.ingestPreparedSpans(toPreparedSpanBatch(buildFallbackTrace(1))),
      store.ingestPreparedSpans(unbindable),
      store.ingestPreparedSpans(toPreparedSpanBatch(buildFallbackTrace(2))),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { accepted: 5, duplicates: 0 } });
    expect(failed).toMatchObject({ status: 'rejected' });
    expect(last).toMatchObject({ status: 'fulfilled', value: { accepted: 5, duplicates: 0 } });
    expect((await store.getStats()).spans).toBe(10);
    expect((await summaryOf(1))?.usage).toMatchObject(EXPECTED_FALLBACK_USAGE);
    expect(await summaryOf(8)).toBeUndefined();
    expect((await store.ingestSpans(buildFallbackTrace(1))).duplicates).toBe(5);
  });

  it('takes the row-by-row path for a trace whose spans are stored without its summary row', async () => {
    await store.ingestSpans(buildFallbackTrace(1).slice(0, 3));
    const db = new DatabaseSync(join(dir, 'hopscope.db'));
    db.exec(`DELETE FROM traces WHERE trace_id = '${toTestId(1, 16)}'`);
    db.close();
    const result = await store.ingestSpans([...buildFallbackTrace(1), ...buildFallbackTrace(2)]);
    expect(result).toMatchObject({ accepted: 7, duplicates: 3 });
    expect((await summaryOf(1))?.spanCount).toBe(2);
    expect((await summaryOf(2))?.usage).toMatchObject(EXPECTED_FALLBACK_USAGE);
  });

  it('counts a span sent twice in one request once (traces seen for the first time)', async () => {
    const spans = buildFallbackTrace(6);
    expect(await store.ingestSpans([...spans, ...spans])).toMatchObject({ accepted: 5, duplicates: 5 });
    expect((await summaryOf(6))?.usage).toMatchObject(EXPECTED_FALLBACK_USAGE);
  });
});

describe('SqliteSpanStore byte cap', () => {
  it('evicts whole least recently written traces and keeps the newest', async () => {
    await store.close();
    store = SqliteSpanStore.open({ path: dir, maxBytes: 200_000 });
    const filler = 'y'.repeat(2_000);
    for (let trace = 1; trace <= 40; trace++) {
      await store.ingestSpans(Array.from({ length: 5 }, (_, index) => buildSpan({ trace, span: index + 1, parent: index === 0 ? undefined : 1, attributes: { 'gen_ai.input.messages': filler } })));
    }
    const stats = await store.getStats();
    expect(stats.bytes).toBeLessThanOrEqual(200_000);
    const remaining = (await store.listTraces({ limit: 200 })).traces;
    expect(remaining.every((trace) => trace.spanCount === 5)).toBe(true);
    expect(remaining[0]?.traceId).toBe(toTestId(40, 16));
    expect(remaining.length).toBeLessThan(40);
    expect(stats.spans).toBe(remaining.length * 5);
    expect(await store.getTrace(toTestId(1, 16))).toBeNull();
  });

  it('drops the model/provider values and facets of evicted traces, and keeps those still in use', async () => {
    await store.close();
    store = SqliteSpanStore.open({ path: dir, maxBytes: 60_000 });
    const filler = 'z'.repeat(2_000);
    for (let trace = 1; trace <= 30; trace++) {
      const model = trace <= 3 ? `old-model-${trace}` : 'kept-model';
      await store.ingestSpans([buildSpan({ trace, span: 1, attributes: { 'gen_ai.request.model': model, 'gen_ai.provider.name': 'p', 'gen_ai.input.messages': filler } })]);
    }
    expect((await store.getFacets()).models).toEqual(['kept-model']);
    expect((await store.listTraces({ model: 'old-model-1' })).traces).toEqual([]);
    expect((await store.listTraces({ model: 'kept-model', limit: 200 })).traces.length).toBe((await store.listTraces({ limit: 200 })).traces.length);
    const db = new DatabaseSync(join(dir, 'hopscope.db'), { readOnly: true });
    try {
      const orphans = db.prepare('SELECT count(*) AS n FROM trace_values v WHERE NOT EXISTS (SELECT 1 FROM traces t WHERE t.trace_id = v.trace_id)').get();
      expect(orphans).toEqual({ n: 0 });
      expect(readFacetCounts(db)).toEqual(countListedValues(db));
    } finally {
      db.close();
    }
  });

  it('filters by a model exactly, whatever characters it holds, and counts each trace once per facet over many requests', async () => {
    // 'a"gpt-4' is written a\"gpt-4 in the JSON list: "gpt-4" is in the text, not in the list.
    const models = ['gpt-4', 'gpt-4o', 'a"gpt-4', 'back\\slash', 'ünï-cødé', '[]', ''];
    for (const [index, model] of models.entries()) {
      await store.ingestSpans([buildSpan({ trace: index + 1, span: 1, attributes: { 'gen_ai.request.model': model, 'gen_ai.operation.name': 'chat' } })]);
      const response: TaggedAttributes = model === 'gpt-4o' ? { 'gen_ai.response.model': 'gpt-4' } : {};
      await store.ingestSpans([buildSpan({ trace: index + 1, span: 2, parent: 1, attributes: { 'gen_ai.request.model': model, ...response, 'gen_ai.operation.name': 'chat' } })]);
    }
    for (const [index, model] of models.entries()) {
      if (model === '') continue;
      const expected = model === 'gpt-4' ? [toTestId(1, 16), toTestId(2, 16)] : [toTestId(index + 1, 16)];
      expect((await store.listTraces({ model, limit: 200 })).traces.map((trace) => trace.traceId).sort()).toEqual(expected.sort());
    }
    expect((await store.listTraces({ model: 'gpt', limit: 200 })).traces).toEqual([]);
    expect((await store.listTraces({ operation: 'chat', limit: 200 })).traces).toHaveLength(models.length);
    // A value listed under another kind only, or one listed value beside an unlisted one: no trace
    // (answered from the facets, with no scan of the trace rows).
    expect((await store.listTraces({ provider: 'gpt-4', limit: 200 })).traces).toEqual([]);
    expect((await store.listTraces({ model: 'gpt-4', operation: 'embeddings', limit: 200 })).traces).toEqual([]);
    expect((await store.listTraces({ model: 'gpt-4', operation: 'chat', limit: 200 })).traces).toHaveLength(2);
    const db = new DatabaseSync(join(dir, 'hopscope.db'), { readOnly: true });
    try {
      expect(readFacetCounts(db)).toEqual(countListedValues(db));
      expect(readFacetCounts(db)['model gpt-4']).toBe(2);
    } finally {
      db.close();
    }
  });

  it('upgrades a database whose facets did not count traces: counts them from trace_values, keeps services there only', async () => {
    for (let trace = 1; trace <= 6; trace++) {
      await store.ingestSpans([buildSpan({ trace, span: 1, service: `svc-${trace % 2}`, attributes: { 'gen_ai.request.model': `m-${trace % 3}`, 'gen_ai.provider.name': 'p' } })]);
    }
    await store.close();
    // The layout written before: facets without trace_count, a trace_values row per listed value.
    const old = new DatabaseSync(join(dir, 'hopscope.db'));
    old.exec('ALTER TABLE facets DROP COLUMN trace_count');
    old.exec(`INSERT INTO trace_values (kind, value, trace_id)
      SELECT 'model', j.value, trace_id FROM traces, json_each(traces.models) j
      UNION ALL SELECT 'provider', j.value, trace_id FROM traces, json_each(traces.providers) j`);
    old.close();
    store = SqliteSpanStore.open({ path: dir });
    const db = new DatabaseSync(join(dir, 'hopscope.db'), { readOnly: true });
    try {
      expect(readFacetCounts(db)).toEqual({ 'model m-0': 2, 'model m-1': 2, 'model m-2': 2, 'provider p': 6 });
      expect(db.prepare("SELECT DISTINCT kind FROM trace_values").all()).toEqual([{ kind: 'service' }]);
    } finally {
      db.close();
    }
    expect((await store.listTraces({ model: 'm-1' })).traces.map((trace) => trace.traceId).sort()).toEqual([toTestId(1, 16), toTestId(4, 16)]);
    expect((await store.getFacets()).services).toEqual(['svc-0', 'svc-1']);
  });

  it('upgrades a database whose traces counted skipped hops as failed: splits the count from the stored spans', async () => {
    await store.ingestSpans([...buildHopTrace(1, ['skipped', 'error', 'skipped', 'ok']), ...buildHopTrace(2, ['rejected', 'ok']), ...buildHopTrace(3, ['ok'])]);
    await store.ingestSpans([buildSpan({ trace: 4, span: 1, name: 'plain', attributes: { 'gen_ai.input.messages': '"skipped"' } })]);
    await store.close();
    // The layout written before: no skipped_hop_count, skipped hops counted in failed_hop_count.
    const old = new DatabaseSync(join(dir, 'hopscope.db'));
    old.exec(`UPDATE traces SET failed_hop_count = failed_hop_count + skipped_hop_count`);
    old.exec('ALTER TABLE traces DROP COLUMN skipped_hop_count');
    old.close();
    store = SqliteSpanStore.open({ path: dir });
    const counts = (await store.listTraces({ limit: 10 })).traces.map(({ traceId, failedHopCount, skippedHopCount }) => ({ traceId, failedHopCount, skippedHopCount }));
    expect(counts.sort((a, b) => a.traceId.localeCompare(b.traceId))).toEqual([
      { traceId: toTestId(1, 16), failedHopCount: 1, skippedHopCount: 2 },
      { traceId: toTestId(2, 16), failedHopCount: 1, skippedHopCount: 0 },
      { traceId: toTestId(3, 16), failedHopCount: 0, skippedHopCount: 0 },
      { traceId: toTestId(4, 16), failedHopCount: 0, skippedHopCount: 0 },
    ]);
    await store.ingestSpans(buildHopTrace(1, ['skipped', 'error', 'skipped', 'ok', 'skipped']));
    expect(await summaryOf(1)).toMatchObject({ failedHopCount: 1, skippedHopCount: 3 });
  });
});
