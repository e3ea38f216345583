import { describe, expect, it } from 'vitest';
import { binaryContent } from '@hopscope/models';
import { BINARY_OMITTED_PLACEHOLDER, CIRCULAR_REFERENCE_PLACEHOLDER, computeBinaryIdentifier, toCompactJson, toSerializableValue, toUrlSafeBase64 } from './serialize.js';

const keep = { includeBinaryContent: true };
const drop = { includeBinaryContent: false };

describe('toSerializableValue', () => {
  it.each([
    ['bytes as URL-safe base64 with padding', new Uint8Array([255]), '_w=='],
    ['bytes needing - and _', new Uint8Array([251, 255, 191]), '-_-_'],
    ['date', new Date(Date.UTC(2026, 0, 2)), '2026-01-02T00:00:00.000Z'],
    ['bigint', 12n, 12],
    ['non-finite number', Number.NaN, 'NaN'],
    ['map and set', { m: new Map([['a', 1]]), s: new Set([1, 2]) }, { m: { a: 1 }, s: [1, 2] }],
    ['undefined and functions dropped in objects', { a: undefined, f: () => 1, b: 1 }, { b: 1 }],
    ['error', new TypeError('bad'), 'TypeError: bad'],
    ['toJSON honoured', { toJSON: () => ({ x: 1 }) }, { x: 1 }],
  ])('%s', (_name, value, expected) => {
    expect(toSerializableValue(value, keep)).toEqual(expected);
  });

  it('dumps BinaryContent like pydantic, and drops its data without binary content', () => {
    const content = binaryContent(new Uint8Array([255]), 'image/png');
    expect(JSON.stringify(toSerializableValue([content], keep))).toBe(
      JSON.stringify([{ data: '_w==', media_type: 'image/png', vendor_metadata: null, kind: 'binary', identifier: computeBinaryIdentifier(content) }]),
    );
    expect(toSerializableValue({ r: content, raw: new Uint8Array([1]) }, drop)).toEqual({
      r: { media_type: 'image/png', vendor_metadata: null, kind: 'binary', identifier: computeBinaryIdentifier(content) },
      raw: BINARY_OMITTED_PLACEHOLDER,
    });
  });

  it('uses the explicit identifier, else 6 hex digits of the SHA-1', () => {
    expect(computeBinaryIdentifier({ ...binaryContent(new Uint8Array([1]), 'a/b'), identifier: 'mine' })).toBe('mine');
    expect(computeBinaryIdentifier(binaryContent(new TextEncoder().encode('abc'), 'a/b'))).toBe('a9993e');
  });

  it('replaces cycles but not repeated objects', () => {
    const shared = { v: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic['self'] = cyclic;
    expect(toSerializableValue(cyclic, keep)).toEqual({ shared: { v: 1 }, again: { v: 1 }, self: CIRCULAR_REFERENCE_PLACEHOLDER });
  });

  it('never throws: a throwing getter gives a message', () => {
    const hostile = Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(toSerializableValue(hostile, keep)).toBe('Unable to serialize: boom');
  });
});

describe('toCompactJson', () => {
  it('is compact, keeps key order and escapes lone surrogates', () => {
    expect(toCompactJson({ b: 1, a: [true, 'é'] })).toBe('{"b":1,"a":[true,"é"]}');
    const text = toCompactJson({ s: 'x\uD800y' });
    expect(text).toBe('{"s":"x\\ud800y"}');
    expect(JSON.parse(text)).toEqual({ s: 'x\uD800y' });
    expect(toCompactJson(undefined)).toBe('null');
  });
  it('toUrlSafeBase64 pads', () => {
    expect(toUrlSafeBase64(new Uint8Array([1, 2]))).toBe('AQI=');
  });
});
