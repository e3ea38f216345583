import { describe, expect, it } from 'vitest';
import { InstrumentationOptionError, parseInstrumentationOptions } from './settings-options.js';

describe('parseInstrumentationOptions', () => {
  it('applies the seed defaults', () => {
    expect(parseInstrumentationOptions()).toEqual({ includeContent: true, includeBinaryContent: true, version: 5, eventMode: 'attributes', useAggregatedUsageAttributeNames: false });
  });

  it('forces version 1 with a warning when eventMode is logs', () => {
    const resolved = parseInstrumentationOptions({ eventMode: 'logs', version: 3 });
    expect(resolved.version).toBe(1);
    expect(resolved.warning).toMatch(/version 1/);
    expect(parseInstrumentationOptions({ eventMode: 'logs', version: 1 }).warning).toBeUndefined();
  });

  it('rejects bad values listing the valid ones', () => {
    expect(() => parseInstrumentationOptions({ version: 6 as never })).toThrow(/valid values: 1, 2, 3, 4, 5/);
    expect(() => parseInstrumentationOptions({ eventMode: 'events' as never })).toThrow(/valid values: "attributes", "logs"/);
    try {
      parseInstrumentationOptions({ includeContent: 'no' as never });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InstrumentationOptionError);
      expect((error as InstrumentationOptionError).option).toBe('includeContent');
      expect((error as InstrumentationOptionError).validValues).toEqual([true, false]);
    }
  });
});
