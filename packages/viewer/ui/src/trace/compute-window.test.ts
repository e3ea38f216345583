import { describe, expect, it } from 'vitest';
import { computeScrollToRow, computeWindow } from './compute-window.js';

describe('computeWindow', () => {
  const base = { viewportHeight: 480, rowHeight: 24, rowCount: 100_000, overscan: 5 };
  const cases: Array<[string, number, { start: number; end: number; offsetTop: number }]> = [
    ['top', 0, { start: 0, end: 26, offsetTop: 0 }],
    ['middle', 240, { start: 5, end: 36, offsetTop: 120 }],
    ['past the end clamps', 10_000_000, { start: 99_975, end: 100_000, offsetTop: 2_399_400 }],
    ['negative clamps', -50, { start: 0, end: 26, offsetTop: 0 }],
  ];
  it.each(cases)('%s', (_name, scrollTop, expected) => {
    expect(computeWindow({ ...base, scrollTop })).toEqual({ ...expected, totalHeight: 2_400_000 });
  });
  it('renders nothing for an empty list', () => {
    expect(computeWindow({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 });
  });
});

describe('computeScrollToRow', () => {
  const base = { scrollTop: 240, viewportHeight: 480, rowHeight: 24 };
  it.each([
    [5, 120],
    [40, 504],
    [15, null],
  ])('row %i -> %s', (row, expected) => {
    expect(computeScrollToRow({ ...base, row })).toBe(expected);
  });
});
