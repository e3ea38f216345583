import { describe, expect, it } from 'vitest';
import { FEATURES_BY_VERSION, formatSpanName, INSTRUMENTATION_VERSIONS, isInstrumentationVersion } from './versions.js';

describe('FEATURES_BY_VERSION (spec section 12)', () => {
  it.each([
    [1, 'events', 'kind-url', 'binary', 'agent run', 'running tool', 'tool_arguments', 'all_messages_events', 'error'],
    [2, 'messages', 'kind-url', 'binary', 'agent run', 'running tool', 'tool_arguments', 'pydantic_ai.all_messages', 'error'],
    [3, 'messages', 'kind-url', 'binary', 'invoke_agent a', 'execute_tool a', 'gen_ai.tool.call.arguments', 'pydantic_ai.all_messages', 'error'],
    [4, 'messages', 'uri', 'blob', 'invoke_agent a', 'execute_tool a', 'gen_ai.tool.call.arguments', 'pydantic_ai.all_messages', 'error'],
    [5, 'messages', 'uri', 'blob', 'invoke_agent a', 'execute_tool a', 'gen_ai.tool.call.arguments', 'pydantic_ai.all_messages', 'unset'],
  ] as const)('v%i', (version, format, url, bin, agentSpan, toolSpan, argsAttr, agentMessages, deferral) => {
    const row = FEATURES_BY_VERSION[version];
    expect([row.messageFormat, row.urlPart, row.binaryPart, formatSpanName(row.agentRunSpanName, 'a'), formatSpanName(row.toolSpanName, 'a'), row.toolArgumentsAttribute, row.agentMessagesAttribute, row.toolDeferralStatus])
      .toEqual([format, url, bin, agentSpan, toolSpan, argsAttr, agentMessages, deferral]);
  });

  it('rows are frozen and versions validated', () => {
    expect(Object.isFrozen(FEATURES_BY_VERSION[5])).toBe(true);
    expect(INSTRUMENTATION_VERSIONS.every(isInstrumentationVersion)).toBe(true);
    expect([0, 6, '5', null].some(isInstrumentationVersion)).toBe(false);
  });

  it('keeps $ patterns in names literal', () => {
    expect(formatSpanName('execute_tool {name}', '$&x')).toBe('execute_tool $&x');
  });
});

describe('semconv subpath is dependency-free', () => {
  it('its source files import nothing', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = new URL('.', import.meta.url);
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = await readFile(new URL(file, dir), 'utf8');
      const imports = [...source.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      expect(imports.every((spec) => spec?.startsWith('./')), `${file}: ${imports.join(', ')}`).toBe(true);
    }
  });
});
