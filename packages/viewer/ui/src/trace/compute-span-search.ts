import type { SpanRecord } from '../../../src/shared/api-types.js';

/**
 * Indexes of the spans whose name, id or attribute values contain `query` (case-insensitive).
 * Attribute values longer than `maxValueChars` are searched only in their first characters, so a
 * 5 MB message does not stall typing.
 *
 * @example
 * computeSpanSearch({ spans: detail.spans, query: 'weather' });
 */
export function computeSpanSearch(options: { readonly spans: readonly SpanRecord[]; readonly query: string; readonly maxValueChars?: number }): number[] {
  const needle = options.query.trim().toLowerCase();
  if (needle === '') return [];
  const limit = options.maxValueChars ?? 20_000;
  const hits: number[] = [];
  options.spans.forEach((span, i) => {
    if (span.name.toLowerCase().includes(needle) || span.spanId.includes(needle)) {
      hits.push(i);
      return;
    }
    for (const [key, value] of Object.entries(span.attributes)) {
      const text = typeof value === 'string' ? value.slice(0, limit) : JSON.stringify(value).slice(0, limit);
      if (key.toLowerCase().includes(needle) || text.toLowerCase().includes(needle)) {
        hits.push(i);
        return;
      }
    }
  });
  return hits;
}
