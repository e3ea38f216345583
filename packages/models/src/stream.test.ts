import { describe, expect, it } from 'vitest';
import { ModelResponsePartsManager } from './stream.js';

describe('ModelResponsePartsManager', () => {
  it('starts parts by vendor id and appends deltas to them', () => {
    const manager = new ModelResponsePartsManager();
    expect(manager.handleTextDelta('a', 'Hel')).toEqual({ eventKind: 'part-start', index: 0, part: { partKind: 'text', content: 'Hel' } });
    expect(manager.handleToolCallDelta('t', { toolName: 'get', args: '{"ci', toolCallId: 'c1' })).toMatchObject({ eventKind: 'part-start', index: 1 });
    expect(manager.handleTextDelta('a', 'lo')).toEqual({ eventKind: 'part-delta', index: 0, delta: { partDeltaKind: 'text', contentDelta: 'lo' } });
    manager.handleToolCallDelta('t', { args: 'ty":"Paris"}' });
    expect(manager.getParts()).toEqual([
      { partKind: 'text', content: 'Hello' },
      { partKind: 'tool-call', toolName: 'get', args: '{"city":"Paris"}', toolCallId: 'c1' },
    ]);
  });

  it('refuses a delta of the wrong kind for a known vendor id', () => {
    const manager = new ModelResponsePartsManager();
    manager.handleTextDelta(0, 'x');
    expect(() => manager.handleThinkingDelta(0, { content: 'y' })).toThrow(/Cannot apply a thinking delta to a text part/);
  });

  it('skips an empty first text delta', () => {
    expect(new ModelResponsePartsManager().handleTextDelta(undefined, '')).toBeUndefined();
  });
});
