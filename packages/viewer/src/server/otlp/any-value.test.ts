import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OtlpDecodeError } from './otlp-decode-error.js';
import { OTLP_MESSAGES } from './otlp-messages.js';
import { parseAnyValue, parseKeyValues, setAttribute, toAttributeRecord, toAttributeValue, toOtlpAnyValue } from './any-value.js';
import type { TaggedValue } from './normalized-types.js';

const roundTripThroughProtobuf = (json: Record<string, unknown>): unknown => {
  const type = OTLP_MESSAGES.traces.request;
  const request = { resourceSpans: [{ resource: { attributes: [{ key: 'k', value: json }] } }] };
  const decoded = type.decode(type.encode(type.fromObject(request)).finish()) as unknown as { resourceSpans: { resource: { attributes: { value: unknown }[] } }[] };
  return decoded.resourceSpans[0]?.resource.attributes[0]?.value;
};

const CASES: { name: string; json: Record<string, unknown>; tagged: TaggedValue; plain: unknown }[] = [
  { name: 'string', json: { stringValue: 'héllo' }, tagged: 'héllo', plain: 'héllo' },
  { name: 'empty string', json: { stringValue: '' }, tagged: '', plain: '' },
  { name: 'bool', json: { boolValue: false }, tagged: false, plain: false },
  { name: 'int as string', json: { intValue: '42' }, tagged: 42, plain: 42 },
  { name: 'negative int', json: { intValue: '-7' }, tagged: -7, plain: -7 },
  { name: 'int beyond 2^53', json: { intValue: '9007199254740993' }, tagged: { $i: '9007199254740993' }, plain: '9007199254740993' },
  { name: 'non-integral double', json: { doubleValue: 0.25 }, tagged: 0.25, plain: 0.25 },
  { name: 'integral double stays a double', json: { doubleValue: 5 }, tagged: { $d: 5 }, plain: 5 },
  { name: 'bytes', json: { bytesValue: 'AAEC/w==' }, tagged: { $b: 'AAEC/w==' }, plain: { bytesBase64: 'AAEC/w==' } },
  { name: 'array of mixed', json: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: '1' }, {}] } }, tagged: ['a', 1, null], plain: ['a', 1, null] },
  {
    name: 'nested kvlist',
    json: { kvlistValue: { values: [{ key: 'x', value: { kvlistValue: { values: [{ key: 'y', value: { boolValue: true } }] } } }] } },
    tagged: { $kv: [['x', { $kv: [['y', true]] }]] },
    plain: { x: { y: true } },
  },
  { name: 'empty AnyValue', json: {}, tagged: null, plain: null },
];

describe('parseAnyValue', () => {
  it.each(CASES)('$name: JSON, protobuf and back to OTLP/JSON', ({ json, tagged, plain }) => {
    expect(parseAnyValue(json, 'v')).toEqual(tagged);
    expect(parseAnyValue(roundTripThroughProtobuf(json), 'v')).toEqual(tagged);
    expect(toAttributeValue(tagged)).toEqual(plain);
    expect(parseAnyValue(toOtlpAnyValue(tagged), 'v')).toEqual(tagged);
  });

  it.each([
    { name: 'int as JSON number', json: { intValue: 12 }, tagged: 12 },
    { name: 'double as string', json: { doubleValue: '1.5' }, tagged: 1.5 },
    { name: 'NaN', json: { doubleValue: 'NaN' }, tagged: { $d: 'NaN' } },
    { name: 'Infinity', json: { doubleValue: 'Infinity' }, tagged: { $d: 'Infinity' } },
    { name: 'unknown fields ignored', json: { stringValue: 's', futureField: 1 }, tagged: 's' },
  ])('accepts $name', ({ json, tagged }) => {
    expect(parseAnyValue(json, 'v')).toEqual(tagged);
  });

  it.each([
    { json: { intValue: 'twelve' }, where: 'attr.intValue' },
    { json: { stringValue: 3 }, where: 'attr.stringValue' },
    { json: { arrayValue: { values: 'x' } }, where: 'attr.arrayValue.values' },
    { json: 'plain', where: 'attr' },
  ])('says where a bad value is: $where', ({ json, where }) => {
    expect(() => parseAnyValue(json, 'attr')).toThrow(expect.objectContaining({ where }));
  });
});

describe('parseKeyValues fast path', () => {
  /** The reference: every item through parseAnyValue with its full where path. */
  const reference = (list: unknown[]): Record<string, unknown> => {
    const attributes: Record<string, unknown> = {};
    list.forEach((item, index) => {
      const { key, value } = item as { key?: unknown; value?: unknown };
      if (key !== undefined && typeof key !== 'string') throw new OtlpDecodeError(`attributes[${index}].key`, 'expected a string');
      attributes[(key as string | undefined) ?? ''] = parseAnyValue(value, `attributes[${index}].value`);
    });
    return attributes;
  };
  const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constantFrom('-0', '007', '9007199254740993', '1e3', 'NaN', '', null), fc.bigInt().map(String));
  const value = fc.oneof(
    fc.record({ stringValue: scalar }),
    fc.record({ boolValue: scalar }),
    fc.record({ intValue: scalar }),
    fc.record({ doubleValue: scalar }),
    fc.record({ stringValue: scalar, intValue: scalar }),
    fc.constant({}),
    fc.constant(null),
    fc.record({ arrayValue: fc.record({ values: fc.array(fc.record({ intValue: scalar }), { maxLength: 2 }) }) }),
  );

  it('gives what parseAnyValue gives item by item, errors and their where included', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.oneof(fc.constantFrom('a', 'b'), fc.constant(undefined), fc.integer()), value }, { requiredKeys: [] }), { maxLength: 5 }), (list) => {
        let expected: unknown;
        try {
          expected = reference(list);
        } catch (error) {
          expect(() => parseKeyValues(list, 'attributes')).toThrow(expect.objectContaining({ where: (error as OtlpDecodeError).where }));
          return;
        }
        expect(parseKeyValues(list, 'attributes')).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('attributes named __proto__', () => {
  const own = (record: object): unknown => Object.getOwnPropertyDescriptor(record, '__proto__')?.value;

  it('parseKeyValues keeps the key as data, for a flat value and for a kvlist, without touching the prototype', () => {
    const flat = parseKeyValues([{ key: '__proto__', value: { stringValue: 'x' } }, { key: 'a', value: { intValue: '1' } }], 'attributes');
    expect(Object.keys(flat)).toEqual(['__proto__', 'a']);
    expect(own(flat)).toBe('x');
    const kvlist = parseKeyValues([{ key: '__proto__', value: { kvlistValue: { values: [{ key: 'polluted', value: { boolValue: true } }] } } }], 'attributes');
    expect(Object.getPrototypeOf(kvlist)).toBe(Object.prototype);
    expect((kvlist as Record<string, unknown>).$kv).toBeUndefined();
    expect(own(kvlist)).toEqual({ $kv: [['polluted', true]] });
    expect(JSON.stringify(kvlist)).toBe('{"__proto__":{"$kv":[["polluted",true]]}}');
  });

  it('toAttributeRecord and setAttribute keep it, and JSON round-trips it', () => {
    const record = toAttributeRecord(JSON.parse('{"__proto__":{"$kv":[["k",1]]},"b":2}'));
    expect(own(record)).toEqual({ k: 1 });
    expect(JSON.parse(JSON.stringify(record))).toEqual(JSON.parse('{"__proto__":{"k":1},"b":2}'));
    const target: Record<string, number> = {};
    setAttribute(target, '__proto__', 1);
    setAttribute(target, '__proto__', 2);
    expect(own(target)).toBe(2);
    expect(Object.keys(target)).toEqual(['__proto__']);
  });
});
