import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelRequest, textPart, userPrompt, type ModelResponse } from '@hopscope/models';
import { createTestTelemetry } from './testing/index.js';
import { InstrumentationSettings } from './settings.js';
import { INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION } from './scope.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const response: ModelResponse = { kind: 'response', parts: [textPart('Hi!')], usage: { inputTokens: 1, outputTokens: 1, cacheWriteTokens: 0, cacheReadTokens: 0, inputAudioTokens: 0, cacheAudioReadTokens: 0, outputAudioTokens: 0, details: {} }, timestamp: new Date(0) };

describe('InstrumentationSettings', () => {
  it('forces version 1 for eventMode logs and warns once per process', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    expect(new InstrumentationSettings({ eventMode: 'logs' }).version).toBe(1);
    expect(new InstrumentationSettings({ eventMode: 'logs', version: 3 }).version).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('throws at construction for a bad value, naming the valid ones', () => {
    expect(() => new InstrumentationSettings({ version: 0 as never })).toThrow(/valid values: 1, 2, 3, 4, 5/);
  });

  it('uses one instrumentation scope with the package version', async () => {
    const telemetry = createTestTelemetry();
    const settings = telemetry.settings();
    settings.tracer.startSpan('probe').end();
    const [span] = telemetry.finishedSpans();
    expect(span?.instrumentationScope).toEqual({ name: INSTRUMENTATION_SCOPE_NAME, version: INSTRUMENTATION_SCOPE_VERSION, schemaUrl: undefined });
  });

  it('exposes the v1 events and the v2+ messages of a conversation', () => {
    const settings = new InstrumentationSettings({ version: 4, includeContent: false });
    const messages = [modelRequest([userPrompt('Hello')]), response];
    expect(settings.messagesToOtelEvents(messages).map((e) => [e.name, e.body])).toEqual([
      ['gen_ai.user.message', { content: { kind: 'text' }, role: 'user' }],
      ['gen_ai.assistant.message', { role: 'assistant', content: [{ kind: 'text' }] }],
    ]);
    expect(settings.messagesToOtelMessages(messages)).toEqual([
      { role: 'user', parts: [{ type: 'text' }] },
      { role: 'assistant', parts: [{ type: 'text' }] },
    ]);
  });
});
