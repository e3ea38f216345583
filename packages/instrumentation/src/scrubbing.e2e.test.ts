/**
 * Property: with `includeContent: false` no canary text, and with `includeBinaryContent: false`
 * no canary bytes, reach any exported signal (span attributes, span events, log records, metrics,
 * the OTLP/JSON export), whatever the conversation, for requests, streams and agent runs.
 * Run metadata is not content (the reference records it whatever includeContent says), so it
 * carries no canary text here, only canary bytes.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Agent,
  binaryContent,
  CallDeferred,
  FunctionModel,
  ModelRetry,
  modelRequest,
  systemPrompt,
  textPart,
  tool,
  toolCallPart,
  toolReturnPart,
  userPrompt,
  type ModelMessage,
  type ModelRequestPart,
  type ModelResponsePart,
  type UserContent,
} from '@hopscope/models';
import { createTestTelemetry, type TestTelemetry } from './testing/index.js';
import { instrumentAll, type UninstallInstrumentation } from './instrument-all.js';
import { InstrumentedModel } from './instrumented-model.js';

const CANARY = 'CANARY_7f3a';
const BYTES = new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0xca, 0xfe, 0xba, 0xbe, 0x13, 0x37, 0x42, 0x24]);
const BYTE_FORMS = [Buffer.from(BYTES).toString('base64'), Buffer.from(BYTES).toString('base64url')];

let uninstall: UninstallInstrumentation | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

const text = fc.constantFrom(`${CANARY} hello`, `weather ${CANARY}`, `ünïcödé ${CANARY}`);
const userItem: fc.Arbitrary<UserContent> = fc.oneof(text, fc.constant(binaryContent(BYTES, 'image/png')), fc.constant(binaryContent(BYTES, 'application/pdf')));
const requestPart: fc.Arbitrary<ModelRequestPart> = fc.oneof(
  text.map(systemPrompt),
  fc.array(userItem, { minLength: 1, maxLength: 3 }).map((items) => userPrompt(items)),
  text.map((t) => userPrompt(t)),
  text.map((t) => toolReturnPart('lookup', { note: t, blob: binaryContent(BYTES, 'image/png') }, 'call_1')),
  text.map((t) => ({ partKind: 'retry-prompt' as const, content: t, toolName: 'lookup', toolCallId: 'call_2' })),
);
const responsePart: fc.Arbitrary<ModelResponsePart> = fc.oneof(
  text.map(textPart),
  text.map((t) => ({ partKind: 'thinking' as const, content: t })),
  text.map((t) => toolCallPart('lookup', { q: t }, 'call_3')),
  fc.constant({ partKind: 'file' as const, content: binaryContent(BYTES, 'image/png') }),
);
const conversation: fc.Arbitrary<ModelMessage[]> = fc
  .array(fc.tuple(fc.array(requestPart, { minLength: 1, maxLength: 3 }), fc.array(responsePart, { minLength: 1, maxLength: 2 }), text), { minLength: 1, maxLength: 3 })
  .map((turns) => turns.flatMap(([request, response, instructions]) => [modelRequest(request, { instructions }), { kind: 'response' as const, parts: response, usage: { inputTokens: 1, outputTokens: 1, cacheWriteTokens: 0, cacheReadTokens: 0, inputAudioTokens: 0, cacheAudioReadTokens: 0, outputAudioTokens: 0, details: {} }, timestamp: new Date(0) }]))
  .map((messages) => messages.slice(0, -1));

async function everySignal(telemetry: TestTelemetry): Promise<string> {
  const spans = telemetry.finishedSpans().map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status }));
  return JSON.stringify({ spans, logs: telemetry.projectLogRecords(), metrics: await telemetry.collectMetrics(), otlp: telemetry.toOtlpJson() });
}

async function runAll(telemetry: TestTelemetry, settings: ReturnType<TestTelemetry['settings']>, messages: ModelMessage[], answer: ModelResponsePart[]): Promise<void> {
  const model = new FunctionModel(() => answer, { modelName: 'gpt-4o', system: 'openai', stream: async function* () { yield `${CANARY} streamed`; } });
  await new InstrumentedModel(model, settings).request(messages);
  const stream = await new InstrumentedModel(model, settings).requestStream(messages);
  await stream.finalResponse();
  uninstall = instrumentAll(settings);
  const tools = [
    tool({ name: 'lookup', parameters: { type: 'object' }, execute: (args) => ({ echo: args, secret: CANARY, file: binaryContent(BYTES, 'image/png') }) }),
    tool({ name: 'later', parameters: { type: 'object' }, execute: () => { throw new CallDeferred({ secret: CANARY, file: binaryContent(BYTES, 'image/png') }); } }),
  ];
  const agentModel = new FunctionModel((history) => (history.length === 1 ? [toolCallPart('lookup', { q: CANARY }, 'a'), toolCallPart('later', { q: CANARY }, 'b')] : [textPart(CANARY)]));
  await new Agent(agentModel, { instructions: CANARY, tools, metadata: { tenant: 'acme' } }).run(`${CANARY} go`);
  await new Agent(new FunctionModel(() => [textPart(`${CANARY} final`)]), { metadata: { file: binaryContent(BYTES, 'image/png') } }).run(`${CANARY} go`);
  // A retry's message is its retry prompt: a tool retry, then an output function's retry.
  let toolCalls = 0;
  let outputCalls = 0;
  const flaky = tool({
    name: 'flaky',
    parameters: { type: 'object' },
    execute: () => {
      toolCalls += 1;
      if (toolCalls === 1) throw new ModelRetry(`${CANARY} try the full name`);
      return 'ok';
    },
  });
  const retryModel = new FunctionModel((history) => (history.length === 1 ? [toolCallPart('flaky', {}, 'r1')] : history.length === 3 ? [toolCallPart('flaky', {}, 'r2')] : [toolCallPart('final_result', { answer: 'x' }, `o${history.length}`)]));
  await new Agent(retryModel, {
    tools: [flaky],
    outputTool: {
      parameters: { type: 'object', properties: { answer: { type: 'string' } } },
      process: (value) => {
        outputCalls += 1;
        if (outputCalls === 1) throw new ModelRetry(`${CANARY} answer in French`);
        return value;
      },
    },
  }).run('go');
  expect([toolCalls, outputCalls]).toEqual([2, 2]);
  uninstall();
  uninstall = undefined;
}

describe('scrubbing across every signal', () => {
  it.each([
    { label: 'no content text with includeContent: false', options: { includeContent: false }, forbidText: true },
    { label: 'no bytes with includeBinaryContent: false', options: { includeBinaryContent: false }, forbidText: false },
  ])('leaks $label, in any version', async ({ options, forbidText }) => {
    await fc.assert(
      fc.asyncProperty(conversation, fc.array(responsePart, { minLength: 1, maxLength: 3 }), fc.constantFrom(1, 2, 3, 4, 5), async (messages, answer, version) => {
        const telemetry = createTestTelemetry();
        const settings = telemetry.settings({ version: version as 1 | 2 | 3 | 4 | 5, ...options });
        await runAll(telemetry, settings, messages, answer);
        const exported = await everySignal(telemetry);
        if (forbidText) {
          expect(exported).not.toContain(CANARY);
        } else {
          for (const form of BYTE_FORMS) expect(exported).not.toContain(form);
          expect(exported).toContain(CANARY);
        }
      }),
      { numRuns: 25 },
    );
  });
});
