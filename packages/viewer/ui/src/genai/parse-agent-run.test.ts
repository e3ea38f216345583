import { describe, expect, it } from 'vitest';
import { parseAgentRun, parseToolCall } from './parse-agent-run.js';

describe('parseAgentRun', () => {
  it('reads v2+ pydantic_ai.all_messages and a JSON final_result', () => {
    const run = parseAgentRun({
      'pydantic_ai.all_messages': '[{"role":"user","parts":[{"type":"text","content":"hi"}]},{"role":"assistant","parts":[{"type":"text","content":"yo"}]}]',
      final_result: '{"city":"Paris"}',
    });
    expect(run?.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(run?.finalResult).toEqual({ city: 'Paris' });
  });
  it('reads v1 all_messages_events', () => {
    const events = [
      { content: 'hi', role: 'user', 'gen_ai.message.index': 0, 'event.name': 'gen_ai.user.message' },
      { role: 'assistant', content: 'yo', 'gen_ai.message.index': 1, 'event.name': 'gen_ai.assistant.message' },
    ];
    const run = parseAgentRun({ all_messages_events: JSON.stringify(events), final_result: 'yo' });
    expect(run?.messages.map((m) => [m.role, m.parts])).toEqual([
      ['user', [{ kind: 'text', content: 'hi' }]],
      ['assistant', [{ kind: 'text', content: 'yo' }]],
    ]);
    expect(run?.finalResult).toBe('yo');
  });
  it('is null on a span that is not an agent run', () => {
    expect(parseAgentRun({ 'gen_ai.request.model': 'x' })).toBeNull();
  });
});

describe('parseToolCall', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['v3+ names', { 'gen_ai.tool.name': 'weather', 'gen_ai.tool.call.id': 'c1', 'gen_ai.tool.call.arguments': '{"city":"Paris"}', 'gen_ai.tool.call.result': 'sunny' }],
    ['v1/v2 names', { 'gen_ai.tool.name': 'weather', 'gen_ai.tool.call.id': 'c1', tool_arguments: '{"city":"Paris"}', tool_response: 'sunny' }],
  ];
  it.each(cases)('reads %s', (_name, attributes) => {
    expect(parseToolCall(attributes)).toEqual({ name: 'weather', callId: 'c1', arguments: { city: 'Paris' }, result: 'sunny' });
  });
});
