import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../shared/api-types.js';
import { toTraceSkeleton, type SkeletonRow } from './trace-skeleton.js';

const makeSummaryForTest = (): TraceSummary => ({
  traceId: 'feed', rootName: 'root', rootSpanId: 'a', serviceName: 'svc', startTimeUnixNano: '1000000', durationMs: 1, spanCount: 4, errorCount: 0, status: 'UNSET',
  models: [], providers: [], operations: [], hasFallback: false, failedHopCount: 0, skippedHopCount: 0,
  usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, costUsd: null, costPartial: false },
});

const row = (spanId: string, parent: string | null, name: string, startUs: number, endUs: number, hop: [unknown, unknown] = [null, null], statusCode = 0): SkeletonRow => [
  spanId, parent, name, 1, statusCode, startUs, endUs, hop[0], hop[1],
];

describe('toTraceSkeleton', () => {
  it('resolves parents to indexes, interns names and makes times relative to the earliest start', () => {
    const skeleton = toTraceSkeleton(makeSummaryForTest(), [
      row('a', null, 'root', 1_000, 1_500),
      row('b', 'a', 'chat', 1_010, 1_200),
      row('c', 'a', 'chat', 1_020, 1_020, [1, 'error'], 2),
      row('d', 'c', 'tool', 1_030, 1_040),
    ]);
    expect(skeleton).toMatchObject({
      spanIds: ['a', 'b', 'c', 'd'],
      parents: [-1, 0, 0, 2],
      names: ['root', 'chat', 'tool'],
      nameIndexes: [0, 1, 1, 2],
      kinds: [1, 1, 1, 1],
      statusCodes: [0, 0, 2, 0],
      startOffsetsUs: [0, 10, 20, 30],
      durationsUs: [500, 190, 0, 10],
      hops: [[2, 1, 'error']],
    });
  });

  it('makes orphans (parent not arrived) and self-parented spans roots, and children may start before their parent', () => {
    const skeleton = toTraceSkeleton(makeSummaryForTest(), [row('b', 'a', 'early child', 5, 6), row('x', 'missing', 'orphan', 7, 8), row('a', null, 'root', 9, 20), row('s', 's', 'self', 10, 11)]);
    expect(skeleton.parents).toEqual([2, -1, -1, -1]);
    expect(skeleton.startOffsetsUs).toEqual([0, 2, 4, 5]);
  });

  it('keeps a hop whose index is not a number (index 0) and a missing outcome as empty text', () => {
    expect(toTraceSkeleton(makeSummaryForTest(), [row('h', null, 'hop', 0, 1, ['{"$i":"1"}', null])]).hops).toEqual([[0, 0, '']]);
  });

  it('is empty for no rows', () => {
    expect(toTraceSkeleton(makeSummaryForTest(), [])).toMatchObject({ spanIds: [], parents: [], names: [], hops: [] });
  });
});
