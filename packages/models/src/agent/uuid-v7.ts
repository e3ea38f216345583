/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, the version, 12 bits that count up within a
 * millisecond, the variant and 62 random bits. Ids sort by creation time as strings.
 */
import { getRandomValues } from 'node:crypto';

/**
 * Formats a UUIDv7 from its fields. Pure.
 * @example computeUuidV7({ timeMs: 0x0190_0000_0000, sequence: 0, randomBytes: new Uint8Array(8) })
 */
export function computeUuidV7(options: { timeMs: number; sequence: number; randomBytes: Uint8Array }): string {
  const { timeMs, sequence, randomBytes } = options;
  if (!Number.isInteger(timeMs) || timeMs < 0 || timeMs >= 2 ** 48) throw new RangeError(`UUIDv7 time must be an integer in [0, 2^48), got ${timeMs}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 0xfff) throw new RangeError(`UUIDv7 sequence must be an integer in [0, 4095], got ${sequence}`);
  if (randomBytes.length < 8) throw new RangeError(`UUIDv7 needs 8 random bytes, got ${randomBytes.length}`);
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(timeMs / 2 ** (8 * (5 - i))) % 256;
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  for (let i = 0; i < 8; i++) bytes[8 + i] = randomBytes[i]!;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let lastTimeMs = -1;
let lastSequence = 0;

/**
 * A new UUIDv7, strictly greater than the previous one from this process.
 * @example const runId = newUuidV7();
 */
export function newUuidV7(now: number = Date.now()): string {
  let timeMs = Math.max(now, lastTimeMs);
  let sequence: number;
  if (timeMs === lastTimeMs) {
    sequence = lastSequence + 1;
    if (sequence > 0xfff) {
      timeMs += 1;
      sequence = 0;
    }
  } else {
    sequence = getRandomValues(new Uint16Array(1))[0]! & 0x3ff;
  }
  lastTimeMs = timeMs;
  lastSequence = sequence;
  return computeUuidV7({ timeMs, sequence, randomBytes: getRandomValues(new Uint8Array(8)) });
}
