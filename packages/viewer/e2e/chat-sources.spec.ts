import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { postOtlp, postSpans, toOtlpAttributes, useBrowserSession, type SpecSpan } from './helpers.js';

// Conversations in the shapes other instrumentations send, each posted as its own trace.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const CHAT = { 'gen_ai.operation.name': 'chat', 'gen_ai.system': 'openai', 'gen_ai.request.model': 'gpt-4o' };

const session = useBrowserSession({ seed: false });

/** Posts one chat span and opens it; returns its conversation region. */
async function openChat(span: SpecSpan, logs: ReadonlyArray<{ eventName: string; attributes: Record<string, unknown> }> = []): Promise<Locator> {
  const { traceId, spanIds } = await postSpans(session.viewer.url, [span]);
  if (logs.length > 0) {
    const logRecords = logs.map((log) => ({ timeUnixNano: String(BigInt(Date.now()) * 1_000_000n), traceId, spanId: spanIds[0], eventName: log.eventName, attributes: toOtlpAttributes(log.attributes) }));
    await postOtlp(session.viewer.url, { resourceLogs: [{ resource: { attributes: [] }, scopeLogs: [{ scope: { name: 'e2e' }, logRecords }] }] });
  }
  await session.page.goto(`${session.viewer.url}/#/trace/${traceId}/span/${spanIds[0]}`);
  const chat = session.page.getByRole('region', { name: 'Conversation' });
  await chat.waitFor();
  return chat;
}

describe('conversations from other instrumentations', () => {
  it('keeps OpenAI-style content that looks like JSON (tool return, assistant answer)', async () => {
    const input = [
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temperature": 21}' },
    ];
    const chat = await openChat({ name: 'chat gpt-4o', attributes: { ...CHAT, 'gen_ai.input.messages': JSON.stringify(input), 'gen_ai.output.messages': '[{"role":"assistant","content":"{\\"city\\": \\"Paris\\"}"}]' } });
    await chat.getByRole('region', { name: 'tool return (tool)' }).getByText('"temperature": 21').waitFor();
    await chat.getByRole('list', { name: 'Output messages' }).getByText('{"city": "Paris"}').waitFor();
    expect(await chat.getByText('(no parts)').count()).toBe(0);
  });

  it('shows flattened legacy tool calls and a JSON-looking flattened completion', async () => {
    const chat = await openChat({
      name: 'openai.chat',
      attributes: {
        ...CHAT,
        'gen_ai.prompt.0.role': 'user',
        'gen_ai.prompt.0.content': 'Return JSON for Paris',
        'gen_ai.completion.0.role': 'assistant',
        'gen_ai.completion.0.content': '{"city": "Paris"}',
        'gen_ai.completion.0.tool_calls.0.id': 'call_9',
        'gen_ai.completion.0.tool_calls.0.name': 'get_weather',
        'gen_ai.completion.0.tool_calls.0.arguments': '{"city":"Lyon"}',
      },
    });
    await chat.getByText('{"city": "Paris"}').waitFor();
    await chat.getByRole('region', { name: 'tool call get_weather' }).getByText('"city": "Lyon"').waitFor();
  });

  it('renders the deprecated gen_ai.content.prompt / completion span events', async () => {
    const chat = await openChat({
      name: 'chat gpt-4',
      attributes: CHAT,
      events: [
        { name: 'gen_ai.content.prompt', attributes: { 'gen_ai.prompt': JSON.stringify([{ role: 'user', content: 'What is the capital of France?' }]) } },
        { name: 'gen_ai.content.completion', attributes: { 'gen_ai.completion': JSON.stringify([{ role: 'assistant', content: 'Paris, of course' }]) } },
      ],
    });
    await chat.getByText('What is the capital of France?').waitFor();
    await chat.getByText('Paris, of course').waitFor();
  });

  it('renders semconv GenAI events on the span', async () => {
    const chat = await openChat({
      name: 'chat gpt-4o-mini',
      attributes: CHAT,
      events: [
        { name: 'gen_ai.user.message', attributes: { 'gen_ai.system': 'openai', content: 'Hello span events' } },
        { name: 'gen_ai.choice', attributes: { 'gen_ai.system': 'openai', index: 0, finish_reason: 'stop', message: JSON.stringify({ role: 'assistant', content: 'Hi there' }) } },
      ],
    });
    await chat.getByText('format: GenAI events on the span').waitFor();
    await chat.getByText('Hello span events').waitFor();
    await chat.getByRole('list', { name: 'Output messages' }).getByText('Hi there').waitFor();
  });

  it('renders the messages of a gen_ai.client.inference.operation.details log record', async () => {
    const chat = await openChat({ name: 'chat gpt-4.1', attributes: CHAT }, [
      {
        eventName: 'gen_ai.client.inference.operation.details',
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Semconv question?' }] }]),
          'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: 'Semconv answer.' }], finish_reason: 'stop' }]),
        },
      },
    ]);
    await chat.getByText('Semconv question?').waitFor();
    await chat.getByText('Semconv answer.').waitFor();
  });

  it('shows a structured blob sent as OTLP bytes as its image', async () => {
    const input = [{ role: 'user', parts: [{ type: 'text', content: 'what is this?' }, { type: 'blob', modality: 'image', mime_type: 'image/png', content: { bytesBase64: PNG } }] }];
    const chat = await openChat({ name: 'chat structured-bytes', attributes: { ...CHAT, 'gen_ai.input.messages': input } });
    const image = chat.getByRole('img', { name: 'inline image (image/png)' });
    expect(await image.getAttribute('src')).toBe(`data:image/png;base64,${PNG}`);
    expect(await chat.getByText('content not captured').count()).toBe(0);
  });
});
