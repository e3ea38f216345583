import { describe, expect, it } from 'vitest';
import { parseToolArgs } from './parse-tool-args.js';

const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };

describe('parseToolArgs', () => {
  it('accepts a JSON text or an object with the required keys', () => {
    expect(parseToolArgs({ args: '{"city":"Paris"}' }, schema)).toEqual({ ok: true, args: { city: 'Paris' } });
    expect(parseToolArgs({ args: { city: 'Rome' } }, schema)).toEqual({ ok: true, args: { city: 'Rome' } });
    expect(parseToolArgs({ args: undefined }, { type: 'object' })).toEqual({ ok: true, args: {} });
  });

  it('reports invalid JSON with the raw input', () => {
    const parsed = parseToolArgs({ args: '{"city":' }, schema);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatchObject({ type: 'json_invalid', loc: [], input: '{"city":' });
  });

  it('reports a JSON value that is not an object, and each missing required key', () => {
    expect(parseToolArgs({ args: '[1]' }, schema)).toMatchObject({ ok: false, errors: [{ type: 'json_invalid' }] });
    expect(parseToolArgs({ args: '{}' }, { required: ['city', 'days'] })).toMatchObject({ ok: false, errors: [{ loc: ['city'], msg: 'Field required' }, { loc: ['days'] }] });
  });
});
