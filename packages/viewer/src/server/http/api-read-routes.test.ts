import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SpanBatch, SpanRecord, SpanSearchResult, TraceDetail, TraceSkeleton } from '../../shared/api-types.js';
import type { NormalizedLog } from '../otlp/normalized-types.js';
import { buildFallbackTrace, buildSpan, toTestId } from '../testing/build-spans.js';
import { startTestViewer, type TestViewer } from '../testing/start-test-viewer.js';

let viewer: TestViewer;
const TRACE = toTestId(1, 16);
const id = (span: number): string => toTestId(span, 8);

async function getJson<T>(path: string, status = 200): Promise<T> {
  const response = await fetch(`${viewer.url}${path}`);
  expect(response.status).toBe(status);
  return (await response.json()) as T;
}

beforeEach(async () => {
  viewer = await startTestViewer();
  await viewer.store.ingestSpans([
    ...buildFallbackTrace(1),
    buildSpan({ trace: 1, span: 30, parent: 1, name: 'execute_tool météo', startMs: 50, attributes: { args: { $kv: [['city', 'Zürich']] }, big: { $i: '9223372036854775807' }, quote: 'say "hi" 50%_off' } }),
    buildSpan({ trace: 1, span: 31, parent: 99, name: 'orphan', startMs: 60 }),
  ]);
  const log: NormalizedLog = {
    traceId: TRACE, spanId: id(2), timeUnixNano: '1700000000003000000', observedTimeUnixNano: '0', severityNumber: 9, severityText: 'INFO', eventName: 'gen_ai.user.message',
    body: { $kv: [['content', 'hello']] }, attributes: {}, droppedAttributesCount: 0, flags: 0,
    resource: { attributes: {}, droppedAttributesCount: 0, schemaUrl: '' }, scope: { name: 'logs', version: '', attributes: {}, droppedAttributesCount: 0, schemaUrl: '' },
  };
  await viewer.store.ingestLogs([log]);
});
afterEach(async () => viewer.close());

describe('GET /api/traces/:traceId/skeleton', () => {
  it('gives the waterfall columns in start order, parents as indexes and the hop spans', async () => {
    const skeleton = await getJson<TraceSkeleton>(`/api/traces/${TRACE}/skeleton`);
    expect(skeleton.summary.spanCount).toBe(7);
    expect(skeleton.spanIds).toEqual([1, 2, 10, 11, 12, 30, 31].map(id));
    expect(skeleton.parents).toEqual([-1, 0, 1, 1, 1, 0, -1]);
    expect(skeleton.nameIndexes.map((n) => skeleton.names[n])).toEqual(['invoke_agent agent', 'chat c-model', 'hop 0', 'hop 1', 'hop 2', 'execute_tool météo', 'orphan']);
    expect(skeleton.startOffsetsUs).toEqual([0, 2_000, 5_000, 15_000, 25_000, 50_000, 60_000]);
    expect(skeleton.durationsUs).toEqual([100_000, 90_000, 10_000, 10_000, 10_000, 10_000, 10_000]);
    expect(skeleton.statusCodes).toEqual([0, 0, 2, 0, 0, 0, 0]);
    expect(skeleton.kinds).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(skeleton.hops).toEqual([[2, 0, 'error'], [3, 1, 'rejected'], [4, 2, 'ok']]);
  });

  it('is 404 for an unknown trace and 400 for a bad id', async () => {
    await getJson(`/api/traces/${toTestId(2, 16)}/skeleton`, 404);
    await getJson('/api/traces/xyz/skeleton', 400);
  });
});

describe('GET /api/traces/:traceId/spans?ids=', () => {
  it('gives the full records of the asked spans (as the whole-trace endpoint does) and their logs', async () => {
    const batch = await getJson<SpanBatch>(`/api/traces/${TRACE}/spans?ids=${[12, 2, 77].map(id).join(',')}`);
    const detail = await getJson<TraceDetail>(`/api/traces/${TRACE}`);
    const byId = new Map(detail.spans.map((span): [string, SpanRecord] => [span.spanId, span]));
    expect(batch.spans).toEqual([byId.get(id(2)), byId.get(id(12))]);
    expect(batch.logs.map((log) => [log.spanId, log.eventName])).toEqual([[id(2), 'gen_ai.user.message']]);
  });

  it('refuses a missing, malformed or too long id list', async () => {
    await getJson(`/api/traces/${TRACE}/spans`, 400);
    await getJson(`/api/traces/${TRACE}/spans?ids=zz`, 400);
    await getJson(`/api/traces/${TRACE}/spans?ids=${Array.from({ length: 257 }, (_, i) => id(i + 1)).join(',')}`, 400);
  });
});

describe('GET /api/traces/:traceId/search?q=', () => {
  const search = async (q: string) => (await getJson<SpanSearchResult>(`/api/traces/${TRACE}/search?q=${encodeURIComponent(q)}`)).spanIds;

  it('finds spans by name, id, attribute key and value, case-insensitive, in start order', async () => {
    expect(await search('rejected')).toEqual([id(11)]);
    expect(await search('HOP ')).toEqual([10, 11, 12].map(id));
    expect(await search(id(31).slice(4))).toEqual([id(31)]);
    expect(await search('hopscope.hop.winner')).toEqual([id(12)]);
    expect(await search('  ')).toEqual([]);
  });

  it('finds what only the API form of a value shows, and needles with quotes, wildcards or non-ASCII', async () => {
    expect(await search('"city":"zürich"')).toEqual([id(30)]);
    expect(await search('zürich')).toEqual([id(30)]);
    expect(await search('MÉTÉO')).toEqual([id(30)]);
    expect(await search('9223372036854775807')).toEqual([id(30)]);
    expect(await search('say "hi"')).toEqual([id(30)]);
    expect(await search('50%_off')).toEqual([id(30)]);
    expect(await search('50%x')).toEqual([]);
  });

  it('is 404 for an unknown trace', async () => {
    await getJson(`/api/traces/${toTestId(2, 16)}/search?q=x`, 404);
  });
});

describe('GET /api/traces', () => {
  it('answers 400 where: cursor for a cursor the server did not hand out, and 500 for any other failure of the list', async () => {
    expect(await getJson(`/api/traces?cursor=${encodeURIComponent('not-a-cursor')}`, 400)).toMatchObject({ where: 'cursor' });
    viewer.store.listTraces = async () => {
      throw new RangeError('Value is too large to be represented as a JavaScript number');
    };
    expect(await getJson('/api/traces', 500)).toEqual({ error: 'Internal server error' });
  });

  it('lists and opens a trace whose span ends at 2^64 - 1 ns', async () => {
    const traceId = toTestId(5, 16);
    await viewer.store.ingestSpans([{ ...buildSpan({ trace: 5, span: 1, startMs: 1_000 }), endTimeUnixNano: '18446744073709551615' }]);
    const list = await getJson<{ traces: { traceId: string }[] }>('/api/traces');
    expect(list.traces.map((trace) => trace.traceId)).toContain(traceId);
    expect((await getJson<TraceDetail>(`/api/traces/${traceId}`)).spans[0]?.endTimeUnixNano).toBe('18446744073709551615');
    await getJson(`/api/traces/${traceId}/skeleton`);
  });
});

describe('GET /api/traces/:traceId/spans/:spanId/attributes/:key', () => {
  it('serves a slice of an attribute the span has, and 404 for a name only Object.prototype has', async () => {
    expect(await getJson(`/api/traces/${TRACE}/spans/${id(30)}/attributes/quote?length=3`)).toEqual({ key: 'quote', offset: 0, totalChars: 16, text: 'say' });
    for (const key of ['toString', 'hasOwnProperty', 'valueOf', 'constructor', '__proto__', 'missing']) {
      expect(await getJson(`/api/traces/${TRACE}/spans/${id(30)}/attributes/${key}`, 404)).toMatchObject({ where: 'key' });
    }
    await getJson(`/api/traces/${TRACE}/spans/${id(77)}/attributes/quote`, 404);
  });
});
