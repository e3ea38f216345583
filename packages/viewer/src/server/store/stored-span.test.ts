import { describe, expect, it } from 'vitest';
import { buildSpan } from '../testing/build-spans.js';
import { readStoredSpanData, toStoredSpanData } from './stored-span.js';

describe('stored span JSON', () => {
  it('leaves out the fields at their OTLP default and reads them back as defaults', () => {
    const span = { ...buildSpan({ trace: 1, span: 1, attributes: { a: 'x' } }), flags: 0 };
    const json = JSON.stringify(toStoredSpanData(span).data);
    expect(JSON.parse(json)).toEqual({ start: span.startTimeUnixNano, end: span.endTimeUnixNano, attributes: { a: 'x' } });
    expect(readStoredSpanData(json)).toEqual({
      start: span.startTimeUnixNano,
      end: span.endTimeUnixNano,
      statusMessage: '',
      traceState: '',
      flags: 0,
      attributes: { a: 'x' },
      droppedAttributesCount: 0,
      events: [],
      droppedEventsCount: 0,
      links: [],
      droppedLinksCount: 0,
    });
  });

  it('keeps every field that is not at its default', () => {
    const span = {
      ...buildSpan({ trace: 1, span: 1 }),
      statusMessage: 'boom',
      traceState: 'k=v',
      flags: 257,
      droppedAttributesCount: 1,
      events: [{ timeUnixNano: '5', name: 'e', attributes: {}, droppedAttributesCount: 0 }],
      droppedEventsCount: 2,
      links: [{ traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), traceState: '', flags: 0, attributes: {}, droppedAttributesCount: 0 }],
      droppedLinksCount: 3,
    };
    const read = readStoredSpanData(JSON.stringify(toStoredSpanData(span).data));
    expect(read).toMatchObject({ statusMessage: 'boom', traceState: 'k=v', flags: 257, droppedAttributesCount: 1, events: span.events, droppedEventsCount: 2, links: span.links, droppedLinksCount: 3 });
  });

  it('reads rows written with every field present, as earlier versions wrote them', () => {
    const full = { start: '1', end: '2', statusMessage: '', traceState: '', flags: 1, attributes: { a: 1 }, droppedAttributesCount: 0, events: [], droppedEventsCount: 0, links: [], droppedLinksCount: 0 };
    expect(readStoredSpanData(JSON.stringify(full))).toEqual(full);
  });
});
