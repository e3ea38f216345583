import { describe, expect, it } from 'vitest';
import { requestUsage } from '@hopscope/models';
import { recordChatMetrics, toChatMetricAttributes, type ChatMeasurement } from './metrics.js';
import { createTestTelemetry } from './testing/index.js';

function measurement(requestModel: string, responseModel: string): ChatMeasurement {
  return { system: 'openai', requestModel, responseModel, usage: requestUsage({ inputTokens: 10, outputTokens: 2 }), cost: 0.5, durationSeconds: 0.25, timeToFirstChunkSeconds: undefined };
}

describe('recordChatMetrics', () => {
  it('records each (system, request model, response model) under its own attributes, with shared attribute objects', async () => {
    const telemetry = createTestTelemetry();
    const { instruments } = telemetry.settings();
    for (let i = 0; i < 3; i++) {
      recordChatMetrics(instruments, measurement('gpt-4o', 'gpt-4o-2024-11-20'));
      recordChatMetrics(instruments, measurement('gpt-4o', 'gpt-4o-mini'));
    }
    const metrics = await telemetry.collectMetrics();
    const tokens = metrics.find((metric) => metric.name === 'gen_ai.client.token.usage')!;
    const cost = metrics.find((metric) => metric.name === 'operation.cost')!;
    expect(tokens.points).toEqual([
      { attributes: { ...toChatMetricAttributes(measurement('gpt-4o', 'gpt-4o-2024-11-20')), 'gen_ai.token.type': 'input' }, count: 3, sum: 30 },
      { attributes: { ...toChatMetricAttributes(measurement('gpt-4o', 'gpt-4o-2024-11-20')), 'gen_ai.token.type': 'output' }, count: 3, sum: 6 },
      { attributes: { ...toChatMetricAttributes(measurement('gpt-4o', 'gpt-4o-mini')), 'gen_ai.token.type': 'input' }, count: 3, sum: 30 },
      { attributes: { ...toChatMetricAttributes(measurement('gpt-4o', 'gpt-4o-mini')), 'gen_ai.token.type': 'output' }, count: 3, sum: 6 },
    ]);
    expect(cost.points.map((point) => point.attributes['gen_ai.response.model'])).toEqual(['gpt-4o-2024-11-20', 'gpt-4o-mini']);
    await telemetry.shutdown();
  });

  it('stays right past the bound of remembered attribute sets', async () => {
    const telemetry = createTestTelemetry();
    const { instruments } = telemetry.settings();
    for (let i = 0; i < 1500; i++) recordChatMetrics(instruments, measurement(`model-${i % 1100}`, `model-${i % 1100}`));
    const duration = (await telemetry.collectMetrics()).find((metric) => metric.name === 'gen_ai.client.operation.duration')!;
    expect(duration.points).toHaveLength(1100);
    for (const point of duration.points) expect(point.attributes['gen_ai.request.model']).toBe(point.attributes['gen_ai.response.model']);
    expect(duration.points.find((point) => point.attributes['gen_ai.request.model'] === 'model-5')?.count).toBe(2);
    await telemetry.shutdown();
  });
});
