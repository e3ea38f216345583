import { describe, expect, it } from 'vitest';
import { computePageTrail } from './page-trail.js';

describe('computePageTrail', () => {
  it('records the previous page per filters and cursor, the first page as empty', () => {
    let trail = computePageTrail({ trail: [], filterKey: '', cursor: 'c1', previous: undefined });
    trail = computePageTrail({ trail, filterKey: '', cursor: 'c2', previous: 'c1' });
    trail = computePageTrail({ trail, filterKey: 'model=x', cursor: 'c2', previous: 'cx' });
    expect(trail).toEqual([
      ['\nc1', ''],
      ['\nc2', 'c1'],
      ['model=x\nc2', 'cx'],
    ]);
  });

  it('keeps one entry per page, the latest, and stays bounded', () => {
    let trail = computePageTrail({ trail: [], filterKey: '', cursor: 'c', previous: 'a' });
    trail = computePageTrail({ trail, filterKey: '', cursor: 'c', previous: 'b' });
    expect(trail).toEqual([['\nc', 'b']]);
    for (let i = 0; i < 300; i += 1) trail = computePageTrail({ trail, filterKey: '', cursor: `c${i}`, previous: `c${i - 1}` });
    expect(trail).toHaveLength(200);
    expect(trail[trail.length - 1]).toEqual(['\nc299', 'c298']);
  });
});
