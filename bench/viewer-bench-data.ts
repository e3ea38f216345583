/**
 * Shared data for the viewer benchmarks: 512-span OTLP batches with ~20 GenAI-like attributes.
 */
import { OTLP_MESSAGES } from '../packages/viewer/src/server/otlp/otlp-messages.js';

const hex = (value: number, bytes: number): string => value.toString(16).padStart(bytes * 2, '0');

/** One ExportTraceServiceRequest (OTLP/JSON shape, hex ids) of `spans` spans in traces of 8. */
export function buildBatch(batch: number, spans = 512): Record<string, unknown> {
  const list = Array.from({ length: spans }, (_, index) => {
    const trace = batch * 1000 + Math.floor(index / 8);
    const span = index % 8;
    const start = BigInt(1_700_000_000_000 + batch * 1000 + index) * 1_000_000n;
    const attributes: Record<string, unknown>[] = [
      ['gen_ai.operation.name', { stringValue: 'chat' }],
      ['gen_ai.provider.name', { stringValue: ['openai', 'anthropic', 'google'][index % 3] }],
      ['gen_ai.system', { stringValue: 'openai' }],
      ['gen_ai.request.model', { stringValue: `model-${index % 5}` }],
      ['gen_ai.response.model', { stringValue: `model-${index % 5}-2025` }],
      ['gen_ai.usage.input_tokens', { intValue: String(100 + index) }],
      ['gen_ai.usage.output_tokens', { intValue: String(20 + index) }],
      ['gen_ai.usage.cache_read.input_tokens', { intValue: '8' }],
      ['operation.cost', { doubleValue: 0.00123 }],
      ['gen_ai.response.id', { stringValue: `resp_${batch}_${index}` }],
      ['gen_ai.response.finish_reasons', { arrayValue: { values: [{ stringValue: 'stop' }] } }],
      ['gen_ai.request.temperature', { doubleValue: 0.7 }],
      ['gen_ai.request.max_tokens', { intValue: '1024' }],
      ['server.address', { stringValue: 'api.example.com' }],
      ['server.port', { intValue: '443' }],
      ['gen_ai.agent.name', { stringValue: 'agent' }],
      ['gen_ai.conversation.id', { stringValue: `conv-${trace}` }],
      ['gen_ai.input.messages', { stringValue: `[{"role":"user","parts":[{"type":"text","content":"question ${index} about the weather in city ${trace}"}]}]` }],
      ['gen_ai.output.messages', { stringValue: `[{"role":"assistant","parts":[{"type":"text","content":"answer ${index}"}],"finish_reason":"stop"}]` }],
      ['hopscope.hop.index', { intValue: String(span % 3) }],
    ].map(([key, value]) => ({ key, value }));
    return {
      traceId: hex(trace + 1, 16),
      spanId: hex(trace * 8 + span + 1, 8),
      parentSpanId: span === 0 ? '' : hex(trace * 8 + 1, 8),
      name: span === 0 ? 'invoke_agent agent' : `chat model-${index % 5}`,
      kind: span === 0 ? 1 : 3,
      startTimeUnixNano: start.toString(),
      endTimeUnixNano: (start + 5_000_000n).toString(),
      attributes,
      status: { code: 0 },
    };
  });
  return { resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'bench' } }] }, scopeSpans: [{ scope: { name: 'bench' }, spans: list }] }] };
}

const toProtobufObject = (value: unknown, key = ''): unknown => {
  if (Array.isArray(value)) return value.map((item) => toProtobufObject(item));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, toProtobufObject(item, name)]));
  if (typeof value === 'string' && ['traceId', 'spanId', 'parentSpanId'].includes(key)) return Buffer.from(value, 'hex');
  return value;
};

/** The batch as protobuf bytes. */
export function encodeBatch(request: Record<string, unknown>): Uint8Array {
  const type = OTLP_MESSAGES.traces.request;
  return type.encode(type.fromObject(toProtobufObject(request) as Record<string, unknown>)).finish();
}

/** p-th percentile of `values` (milliseconds). */
export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
