import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedLog, TaggedValue } from '../otlp/normalized-types.js';
import { buildSpan, toTestId } from '../testing/build-spans.js';
import { matchesLog, matchesSpan } from './span-search.js';
import { SqliteSpanStore } from './sqlite-span-store.js';

let dir: string;
let store: SqliteSpanStore;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hopscope-search-'));
  store = SqliteSpanStore.open({ path: dir });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

// Characters that trip LIKE, JSON escaping and case folding.
const text = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'É', '"', '\\', '%', '_', ' ', ':', '\n', '1', '$', '/', 'u'), maxLength: 8 });
// JSON text as message attributes hold it, some characters written as escapes (\u00e9, \/).
const jsonText = fc.array(text, { maxLength: 2 }).map((items) => JSON.stringify(items).replaceAll('é', '\\u00e9').replaceAll('/', '\\/'));
const value: fc.Arbitrary<TaggedValue> = fc.oneof(
  text,
  jsonText,
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.array(text, { maxLength: 2 }),
  text.map((inner): TaggedValue => ({ $kv: [[inner, inner]] })),
  fc.constant<TaggedValue>({ $i: '9007199254740993' }),
  fc.constant<TaggedValue>({ $b: 'AAEC' }),
);
const attributes = fc.dictionary(text, value, { maxKeys: 3 });
const spanInput = fc.record({
  name: text,
  attributes,
  events: fc.array(fc.record({ name: text, attributes }), { maxLength: 1 }),
  logBody: fc.option(value, { nil: undefined }),
});

const buildLog = (traceId: string, spanId: string, body: TaggedValue): NormalizedLog => ({
  traceId, spanId, timeUnixNano: '1700000000003000000', observedTimeUnixNano: '0', severityNumber: 9, severityText: 'INFO', eventName: 'gen_ai.user.message',
  body, attributes: {}, droppedAttributesCount: 0, flags: 0,
  resource: { attributes: {}, droppedAttributesCount: 0, schemaUrl: '' }, scope: { name: 'logs', version: '', attributes: {}, droppedAttributesCount: 0, schemaUrl: '' },
});

describe('SqliteSpanStore.searchSpans', () => {
  it('finds exactly the spans a scan of their full records and logs finds (the SQL prefilter loses nothing)', async () => {
    let trace = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(spanInput, { minLength: 1, maxLength: 6 }), fc.oneof(text, fc.constantFrom('é', '/', 'caf')), async (spans, query) => {
        trace += 1;
        const traceId = toTestId(trace, 16);
        await store.ingestSpans(spans.map(({ name, attributes, events }, i) => ({
          ...buildSpan({ trace, span: i + 1, name, startMs: i, attributes }),
          events: events.map((event) => ({ ...event, timeUnixNano: '1', droppedAttributesCount: 0 })),
        })));
        const logs = spans.flatMap(({ logBody }, i) => (logBody === undefined ? [] : [buildLog(traceId, toTestId(i + 1, 8), logBody)]));
        if (logs.length > 0) await store.ingestLogs(logs);
        const needle = query.trim().toLowerCase();
        const detail = await store.getTrace(traceId);
        const matchesLogs = (spanId: string): boolean => (detail?.logs ?? []).some((log) => log.spanId === spanId && matchesLog(needle, log));
        const expected = needle === '' ? [] : (detail?.spans ?? []).filter((span) => matchesLogs(span.spanId) || matchesSpan({ needle, name: span.name, spanId: span.spanId, record: () => span })).map((span) => span.spanId);
        expect((await store.searchSpans(traceId, query))?.spanIds).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('SqliteSpanStore.searchSpans finds what the list search finds', () => {
  const messages = (text: string): string => JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: text }] }]);

  it('in message JSON with escapes, events, joined log records and values past their first 20,000 characters', async () => {
    const trace = 10_000;
    const traceId = toTestId(trace, 16);
    await store.ingestSpans([
      buildSpan({ trace, span: 1, name: 'root' }),
      buildSpan({ trace, span: 2, parent: 1, startMs: 1, attributes: { 'gen_ai.input.messages': messages('un café').replace('é', '\\u00e9') } }),
      { ...buildSpan({ trace, span: 3, parent: 1, startMs: 2 }), events: [{ name: 'gen_ai.content.prompt', timeUnixNano: '1', attributes: { 'gen_ai.prompt': messages('a zebra') }, droppedAttributesCount: 0 }] },
      buildSpan({ trace, span: 4, parent: 1, startMs: 3 }),
      buildSpan({ trace, span: 5, parent: 1, startMs: 4, attributes: { 'gen_ai.output.messages': messages(`${'x '.repeat(15_000)}okapi`) } }),
      buildSpan({ trace, span: 6, parent: 1, startMs: 5, attributes: { 'gen_ai.output.messages': messages(`${'y '.repeat(200_000)}quokka`) } }),
    ]);
    await store.ingestLogs([{
      traceId, spanId: toTestId(4, 8), timeUnixNano: '1700000000003000000', observedTimeUnixNano: '0', severityNumber: 9, severityText: 'INFO', eventName: 'gen_ai.user.message',
      body: { $kv: [['content', 'a giraffe']] }, attributes: {}, droppedAttributesCount: 0, flags: 0,
      resource: { attributes: {}, droppedAttributesCount: 0, schemaUrl: '' }, scope: { name: 'logs', version: '', attributes: {}, droppedAttributesCount: 0, schemaUrl: '' },
    }]);
    for (const [query, span] of [['café', 2], ['zebra', 3], ['giraffe', 4], ['okapi', 5], ['quokka', 6]] as const) {
      expect((await store.listTraces({ q: query })).traces.map((summary) => summary.traceId)).toContain(traceId);
      expect((await store.searchSpans(traceId, query))?.spanIds).toEqual([toTestId(span, 8)]);
    }
  });
});
