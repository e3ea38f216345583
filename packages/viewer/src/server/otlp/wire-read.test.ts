import { describe, expect, it } from 'vitest';
import { OtlpDecodeError } from './otlp-decode-error.js';
import { compareNanos, MAX_STORED_MICROS, parseEnumField, toMicros } from './wire-read.js';

describe('toMicros', () => {
  it('is exact below 2^53 µs and clamps every fixed64 beyond it', () => {
    expect(toMicros('0')).toBe(0);
    expect(toMicros('999')).toBe(0);
    expect(toMicros('1700000000123456789')).toBe(1_700_000_000_123_456);
    expect(toMicros('9007199254740991999')).toBe(MAX_STORED_MICROS);
    expect(toMicros('9007199254740992000')).toBe(MAX_STORED_MICROS);
    expect(toMicros('18446744073709551615')).toBe(MAX_STORED_MICROS);
    expect(Number.isSafeInteger(toMicros('99999999999999999999999999'))).toBe(true);
  });
});

describe('parseEnumField', () => {
  const names = ['UNSET', 'OK', 'ERROR'];
  it('takes int32 numbers and names', () => {
    expect(parseEnumField(2, names, 'STATUS_CODE_', 'code')).toBe(2);
    expect(parseEnumField('2147483647', names, 'STATUS_CODE_', 'code')).toBe(2147483647);
    expect(parseEnumField('STATUS_CODE_OK', names, 'STATUS_CODE_', 'code')).toBe(1);
  });

  it('refuses numbers outside int32, which no enum has and no column could read back', () => {
    for (const value of [2 ** 31, -(2 ** 31) - 1, 1e17, '100000000000000000']) {
      expect(() => parseEnumField(value, names, 'STATUS_CODE_', 'code')).toThrow(OtlpDecodeError);
    }
  });
});

describe('compareNanos', () => {
  it('orders decimal strings as numbers', () => {
    expect(compareNanos('999', '1000')).toBe(-1);
    expect(compareNanos('1700000000000000900', '1700000000000000500')).toBe(1);
    expect(compareNanos('18446744073709551615', '18446744073709551615')).toBe(0);
  });
});
