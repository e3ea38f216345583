import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceListQuery, TraceSummary } from '../../shared/api-types.js';
import { buildSpan, toTestId } from '../testing/build-spans.js';
import { SqliteSpanStore } from './sqlite-span-store.js';
import { LIST_FIRST_MIN_MATCHES, toTraceListSql, toTraceSearchPlan, type TraceCursor, type TraceSearchPlan } from './trace-list-sql.js';

// Enough traces that common terms pass LIST_FIRST_MIN_MATCHES; starts shuffled against the ingest
// order (so search_docs rowids do not follow the list) and shared by pairs (so trace_id breaks ties).
const TRACES = 2400;
const words = (trace: number): string[] => ['everyone', ...(trace % 7 === 0 ? [] : ['often']), ...(trace % 400 === 3 ? ['rare'] : [])];
// A second document, ingested later, for some traces: 'rare' only there, 'everyone' twice.
const lateWords = (trace: number): string[] => (trace % 600 === 1 ? ['everyone', 'rare'] : []);
const message = (text: string): string => JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: text }] }]);
const model = (trace: number): string => `m-${trace % 3}`;
const isError = (trace: number): boolean => trace % 5 === 0;

let dir: string;
let store: SqliteSpanStore;
let db: DatabaseSync;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hopscope-list-search-'));
  store = SqliteSpanStore.open({ path: dir });
  const span = (trace: number, index: number, text: string) =>
    buildSpan({
      trace,
      span: index,
      parent: index === 1 ? undefined : 1,
      startMs: ((trace * 7919) % (TRACES / 2)) * 10 + index - 1,
      statusCode: isError(trace) ? 2 : 0,
      attributes: { 'gen_ai.request.model': model(trace), 'gen_ai.input.messages': message(text) },
    });
  const traces = Array.from({ length: TRACES }, (_, index) => index + 1);
  for (let at = 0; at < TRACES; at += 400) await store.ingestSpans(traces.slice(at, at + 400).map((trace) => span(trace, 1, words(trace).join(' '))));
  await store.ingestSpans(traces.filter((trace) => lateWords(trace).length > 0).map((trace) => span(trace, 2, lateWords(trace).join(' '))));
  db = new DatabaseSync(join(dir, 'hopscope.db'), { readOnly: true });
});
afterAll(async () => {
  db.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const traceNumber = (traceId: string): number => Number.parseInt(traceId, 16);
const hasAll = (trace: number, terms: string[]): boolean => {
  const text = [...words(trace), ...lateWords(trace)];
  return terms.every((term) => text.some((word) => word.startsWith(term)));
};

async function allPages(query: TraceListQuery, limit: number): Promise<TraceSummary[]> {
  const traces: TraceSummary[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page = await store.listTraces({ ...query, limit, cursor });
    traces.push(...page.traces);
    cursor = page.nextCursor;
  }
  return traces;
}

// The reference: the same filters without `q`, all pages, then the terms tested in JavaScript.
async function expected(query: TraceListQuery & { q: string }): Promise<TraceSummary[]> {
  const { q, ...rest } = query;
  return (await allPages(rest, 200)).filter((trace) => hasAll(traceNumber(trace.traceId), q.split(' ')));
}

const QUERIES: (TraceListQuery & { q: string })[] = [
  { q: 'everyone' },
  { q: 'ever' },
  { q: 'often' },
  { q: 'rare' },
  { q: 'everyone rare' },
  { q: 'often', model: 'm-1' },
  { q: 'everyone', status: 'ERROR' },
  { q: 'rare', model: 'm-2' },
  { q: 'often', status: 'ERROR', model: 'm-0' },
  { q: 'nobody' },
];

describe('trace list full-text search', () => {
  it('pages exactly like the list without q filtered by the terms, for common and rare terms and every combination', async () => {
    for (const query of QUERIES) {
      const want = await expected(query);
      expect(await allPages(query, 37), JSON.stringify(query)).toEqual(want);
      expect(await allPages(query, 200), JSON.stringify(query)).toEqual(want);
    }
    expect((await expected({ q: 'rare' })).map((trace) => traceNumber(trace.traceId)).sort((a, b) => a - b)).toEqual([1, 3, 403, 601, 803, 1201, 1203, 1603, 1801, 2003]);
  });

  it('gives the same pages with either plan (cursor paging included)', () => {
    const pages = (query: TraceListQuery, plan: TraceSearchPlan): string[] => {
      const ids: string[] = [];
      let cursor: TraceCursor | null = null;
      for (;;) {
        const { sql, params } = toTraceListSql(query, cursor, 23, plan);
        const rows = db.prepare(sql).all(...params) as { trace_id: string; start_us: number }[];
        ids.push(...rows.map((row) => row.trace_id));
        const last = rows.at(-1);
        if (rows.length < 23 || !last) return ids;
        cursor = { startUs: last.start_us, traceId: last.trace_id };
      }
    };
    for (const query of QUERIES) expect(pages(query, 'list-first'), JSON.stringify(query)).toEqual(pages(query, 'matches-first'));
    expect(pages({ q: 'often' }, 'list-first')).toHaveLength(TRACES - Math.floor(TRACES / 7));
  });

  it('walks the list for common terms and starts from the matches for rare ones', () => {
    expect([0, 11, LIST_FIRST_MIN_MATCHES - 1, LIST_FIRST_MIN_MATCHES].map(toTraceSearchPlan)).toEqual(['matches-first', 'matches-first', 'matches-first', 'list-first']);
    const plan = (query: TraceListQuery, searchPlan: TraceSearchPlan): string => {
      const { sql, params } = toTraceListSql(query, { startUs: 2e15, traceId: toTestId(1, 16) }, 51, searchPlan);
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('; ');
    };
    expect(plan({ q: 'often' }, 'list-first')).toMatch(/^SEARCH traces USING INDEX traces_start/);
    expect(plan({ q: 'often' }, 'list-first')).not.toContain('TEMP B-TREE');
    expect(plan({ q: 'rare' }, 'matches-first')).toMatch(/^SEARCH traces USING INDEX sqlite_autoindex_traces_1/);
  });
});
