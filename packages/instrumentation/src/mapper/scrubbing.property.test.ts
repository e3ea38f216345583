/**
 * Property: random conversations carry canary strings and canary bytes in every content position.
 * With includeContent false no canary string appears in any mapper output; with includeBinaryContent
 * false no base64 (standard or URL-safe) of the canary bytes appears.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  audioUrl, binaryContent, documentUrl, imageUrl, modelRequest, modelRequestParameters, requestUsage, runUsage, systemPrompt, textPart,
  toolCallPart, toolReturnPart, userPrompt, videoUrl,
  type ModelMessage, type ModelRequestPart, type ModelResponsePart, type UserContent,
} from '@hopscope/models';
import { toAgentRunEndAttributes } from './agent-run.js';
import { toChatFinishAttributes } from './chat-finish.js';
import { toChatStartAttributes } from './chat-start.js';
import { toOtelEvents } from './events.js';
import { toOtelMessages } from './messages.js';
import { toOutputFunctionStartAttributes } from './output-function.js';
import { toToolDeferralOutcome } from './tool-deferral.js';
import { toToolResultAttributes, toToolRetryAttributes, toToolStartAttributes } from './tool-span.js';
import type { ContentOptions, InstrumentationVersion } from './types.js';

const CANARY = 'CANARYq7Zx';
const canaryText = fc.string({ maxLength: 6 }).map((s) => `${s}${CANARY}${s}`);
const canaryBytes = fc.uint8Array({ minLength: 0, maxLength: 12 }).map((tail) => new Uint8Array([0xca, 0x7a, 0x21, 0xfe, 0xed, 0xbe, ...tail]));
const binary = fc.tuple(canaryBytes, fc.constantFrom('image/png', 'audio/wav', 'video/mp4', 'application/pdf')).map(([data, mediaType]) => binaryContent(data, mediaType));
const payload: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, canaryText, binary, canaryBytes, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('value'), { maxKeys: 3 })),
})).value;
const url = canaryText.map((t) => `https://example.test/${encodeURIComponent(t)}/file.png`);
const userContent: fc.Arbitrary<UserContent> = fc.oneof(
  canaryText, binary,
  url.map((u) => imageUrl(u)), url.map((u) => audioUrl(u)), url.map((u) => videoUrl(u)), url.map((u) => documentUrl(u)),
  canaryText.map((fileId) => ({ kind: 'uploaded-file' as const, fileId, mediaType: 'application/pdf' })),
);
const retryContent = fc.oneof(canaryText, fc.array(fc.record({ type: fc.constant('value_error'), loc: fc.constant(['x']), msg: canaryText, input: payload }), { minLength: 1, maxLength: 2 }));
const requestPart: fc.Arbitrary<ModelRequestPart> = fc.oneof(
  canaryText.map(systemPrompt),
  fc.oneof(canaryText, fc.array(userContent, { minLength: 1, maxLength: 3 })).map((c) => userPrompt(c)),
  payload.map((c) => toolReturnPart('tool_a', c, 'call_1')),
  fc.tuple(retryContent, fc.boolean()).map(([content, withTool]) => ({ partKind: 'retry-prompt' as const, content, toolCallId: 'call_2', ...(withTool ? { toolName: 'tool_a' } : {}) })),
);
const args = fc.oneof(canaryText, fc.dictionary(fc.constantFrom('x', 'y'), payload, { minKeys: 1, maxKeys: 2 }));
const responsePart: fc.Arbitrary<ModelResponsePart> = fc.oneof(
  canaryText.map(textPart),
  canaryText.map((content) => ({ partKind: 'thinking' as const, content })),
  binary.map((content) => ({ partKind: 'file' as const, content })),
  args.map((a) => toolCallPart('tool_a', a, 'call_1')),
  args.map((a) => ({ partKind: 'builtin-tool-call' as const, toolName: 'web_search', args: a, toolCallId: 'b1' })),
  payload.map((content) => ({ partKind: 'builtin-tool-return' as const, toolName: 'web_search', content, toolCallId: 'b1' })),
);
const message: fc.Arbitrary<ModelMessage> = fc.oneof(
  fc.tuple(fc.array(requestPart, { minLength: 1, maxLength: 4 }), fc.option(canaryText, { nil: undefined })).map(([parts, instructions]) => modelRequest(parts, instructions === undefined ? {} : { instructions })),
  fc.array(responsePart, { maxLength: 4 }).map((parts) => ({ kind: 'response' as const, parts, usage: requestUsage({ inputTokens: 3 }), timestamp: new Date(0) })),
);
const scenario = fc.record({ messages: fc.array(message, { minLength: 1, maxLength: 5 }), response: responsePart, instructions: canaryText, extra: payload, bytes: canaryBytes });

interface Scenario { messages: ModelMessage[]; response: ModelResponsePart; instructions: string; extra: unknown; bytes: Uint8Array }

function allOutputs(s: Scenario, content: ContentOptions): unknown[] {
  const parameters = modelRequestParameters({ instructionParts: [{ content: s.instructions, dynamic: false }] });
  const response = { kind: 'response' as const, parts: [s.response], usage: requestUsage({ outputTokens: 1 }), timestamp: new Date(0) };
  const finish = (eventMode: 'attributes' | 'logs') =>
    toChatFinishAttributes({ response, inputMessages: s.messages, parameters, requestModel: 'm', system: 'test', costUsd: 0.1, content, eventMode });
  const deferral = Object.assign(new Error('deferred'), { name: 'CallDeferred', metadata: s.extra });
  return [
    toOtelMessages(s.messages, content), toOtelEvents(s.messages, content, { parameters, system: 'test' }), finish('attributes'), finish('logs'),
    toChatStartAttributes({ model: { modelName: 'm', system: 'test', baseUrl: undefined }, settings: undefined, parameters, baggage: {}, includeContent: content.includeContent }),
    toAgentRunEndAttributes({ usage: runUsage(), allMessages: s.messages, finalResult: s.extra, succeeded: true, newMessageIndex: 1, instructions: s.instructions, variableInstructions: false, aggregatedUsage: false, content }),
    toToolStartAttributes({ call: toolCallPart('tool_a', { x: s.extra }, 'c'), baggage: {}, content }), toToolResultAttributes(s.extra, content),
    toToolResultAttributes([binaryContent(s.bytes, 'image/png'), s.bytes], content),
    toOtelMessages([{ ...response, parts: [{ partKind: 'file', content: binaryContent(s.bytes, 'image/png') }] }], content),
    toToolRetryAttributes(s.instructions, content), toToolDeferralOutcome(deferral, content),
    toOutputFunctionStartAttributes({ target: 'final_result', output: s.extra, baggage: {}, content }),
  ];
}

function base64Forms(bytes: Uint8Array): string[] {
  const standard = Buffer.from(bytes).toString('base64');
  const urlSafe = standard.replace(/\+/g, '-').replace(/\//g, '_');
  return [standard, urlSafe, standard.slice(0, 8), urlSafe.slice(0, 8)];
}

const versions = fc.constantFrom<InstrumentationVersion>(1, 2, 3, 4, 5);

describe('scrubbing', () => {
  it('includeContent false: no canary string in any mapper output', () => {
    fc.assert(fc.property(scenario, versions, fc.boolean(), (s, version, includeBinaryContent) => {
      expect(JSON.stringify(allOutputs(s, { version, includeContent: false, includeBinaryContent }))).not.toContain(CANARY);
    }), { numRuns: 300 });
  });

  it('includeBinaryContent false: no base64 of the canary bytes, standard or URL-safe', () => {
    fc.assert(fc.property(scenario, versions, (s, version) => {
      const text = JSON.stringify(allOutputs(s, { version, includeContent: true, includeBinaryContent: false }));
      for (const form of base64Forms(s.bytes)) expect(text).not.toContain(form);
    }), { numRuns: 300 });
  });

  it('the canaries are really there with everything included (the properties can fail)', () => {
    fc.assert(fc.property(scenario, versions, (s, version) => {
      const text = JSON.stringify(allOutputs(s, { version, includeContent: true, includeBinaryContent: true }));
      expect(text).toContain(CANARY);
      expect(text.includes('ynoh/u2+') || text.includes('ynoh_u2-')).toBe(true);
    }), { numRuns: 100 });
  });
});
