import { describe, expect, it } from 'vitest';
import { computeUuidV7, newUuidV7 } from './uuid-v7.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('computeUuidV7', () => {
  it('puts the milliseconds first, then version 7, the sequence, the variant and the random bits', () => {
    const id = computeUuidV7({ timeMs: 0x0190_1234_5678, sequence: 0xabc, randomBytes: new Uint8Array([0xff, 1, 2, 3, 4, 5, 6, 7]) });
    expect(id).toBe('01901234-5678-7abc-bf01-020304050607');
    expect(id).toMatch(UUID_V7);
  });

  it('rejects out-of-range fields', () => {
    expect(() => computeUuidV7({ timeMs: -1, sequence: 0, randomBytes: new Uint8Array(8) })).toThrow(RangeError);
    expect(() => computeUuidV7({ timeMs: 1, sequence: 0x1000, randomBytes: new Uint8Array(8) })).toThrow(/sequence/);
    expect(() => computeUuidV7({ timeMs: 1, sequence: 0, randomBytes: new Uint8Array(4) })).toThrow(/random bytes/);
  });
});

describe('newUuidV7', () => {
  it('encodes the given time and sorts later times after earlier ones', () => {
    const early = newUuidV7(1_700_000_000_000);
    const late = newUuidV7(1_700_000_000_500);
    expect(early).toMatch(UUID_V7);
    expect(parseInt(late.replace(/-/g, '').slice(0, 12), 16)).toBe(1_700_000_000_500);
    expect(early < late).toBe(true);
  });

  it('stays strictly increasing within one millisecond and when the clock goes back', () => {
    const ids = [newUuidV7(1_800_000_000_000), newUuidV7(1_800_000_000_000), newUuidV7(1_799_999_999_999), newUuidV7(1_800_000_000_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
