import { describe, expect, it } from 'vitest';
import { toToolDeferralOutcome } from './tool-deferral.js';
import type { InstrumentationVersion } from './types.js';

class CallDeferred extends Error {
  constructor(readonly metadata?: unknown) { super('deferred'); }
}
const approval = Object.assign(new Error('needs approval'), { name: 'ApprovalRequired', metadata: { reason: 'refund', blob: new Uint8Array([255]) } });
const marked = Object.defineProperty(new Error('x'), Symbol.for('hopscope.error.markers'), { value: new Set(['HopscopeError', 'CallDeferred']) });
const content = (version: InstrumentationVersion, includeContent = true, includeBinaryContent = true) => ({ version, includeContent, includeBinaryContent });

describe('toToolDeferralOutcome', () => {
  it.each([[1, true], [2, true], [3, true], [4, true], [5, false]] as const)('v%i records and errors: %s', (version, isError) => {
    const outcome = toToolDeferralOutcome(new CallDeferred({ id: 7 }), content(version));
    expect(outcome).toEqual({
      attributes: { 'pydantic_ai.tool.deferral.name': 'CallDeferred', 'pydantic_ai.tool.deferral.metadata': '{"id":7}' },
      recordException: isError,
      setError: isError,
    });
  });

  it('recognises ApprovalRequired by name and by error markers', () => {
    expect(toToolDeferralOutcome(approval, content(5))?.attributes['pydantic_ai.tool.deferral.name']).toBe('ApprovalRequired');
    expect(toToolDeferralOutcome(marked, content(5))?.attributes).toEqual({ 'pydantic_ai.tool.deferral.name': 'CallDeferred' });
  });

  it('drops metadata without content, and its binary without binary content', () => {
    expect(toToolDeferralOutcome(approval, content(5, false))?.attributes).toEqual({ 'pydantic_ai.tool.deferral.name': 'ApprovalRequired' });
    const metadata = toToolDeferralOutcome(approval, content(5, true, false))?.attributes['pydantic_ai.tool.deferral.metadata'];
    expect(metadata).toBe('{"reason":"refund","blob":"<binary data omitted>"}');
  });

  it.each([new Error('boom'), 'CallDeferred', null, undefined])('is undefined for %s', (error) => {
    expect(toToolDeferralOutcome(error, content(5))).toBeUndefined();
  });
});
