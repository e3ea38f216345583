import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaggedValue } from '../otlp/normalized-types.js';
import { buildSpan, toTestId } from '../testing/build-spans.js';
import { matchesSpan } from './span-search.js';
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
const text = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'É', '"', '\\', '%', '_', ' ', ':', '\n', '1', '$'), maxLength: 8 });
const value: fc.Arbitrary<TaggedValue> = fc.oneof(
  text,
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.array(text, { maxLength: 2 }),
  text.map((inner): TaggedValue => ({ $kv: [[inner, inner]] })),
  fc.constant<TaggedValue>({ $i: '9007199254740993' }),
  fc.constant<TaggedValue>({ $b: 'AAEC' }),
);

describe('SqliteSpanStore.searchSpans', () => {
  it('finds exactly the spans a scan of their full records finds (the SQL prefilter loses nothing)', async () => {
    let trace = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, fc.dictionary(text, value, { maxKeys: 3 })), { minLength: 1, maxLength: 6 }), text, async (spans, query) => {
        trace += 1;
        await store.ingestSpans(spans.map(([name, attributes], i) => buildSpan({ trace, span: i + 1, name, startMs: i, attributes })));
        const traceId = toTestId(trace, 16);
        const needle = query.trim().toLowerCase();
        const detail = await store.getTrace(traceId);
        const expected = needle === '' ? [] : (detail?.spans ?? []).filter((span) => matchesSpan({ needle, name: span.name, spanId: span.spanId, attributes: () => span.attributes })).map((span) => span.spanId);
        expect((await store.searchSpans(traceId, query))?.spanIds).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
