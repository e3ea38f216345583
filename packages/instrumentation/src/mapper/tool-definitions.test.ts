import { describe, expect, it } from 'vitest';
import { modelRequestParameters, type ModelRequestParameters, type ToolDefinition } from '@hopscope/models';
import { toCompactJson } from './serialize.js';
import { toModelRequestParametersJson, toToolDefinitionsJson } from './tool-definitions.js';

const weather = { name: 'get_weather', description: 'Weather', parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } } } };
const bare = { name: 'ping', description: '', parametersJsonSchema: {} };
const output = { name: 'final_result', parametersJsonSchema: { type: 'object' }, kind: 'output' as const };

describe('toToolDefinitionsJson', () => {
  it('lists function tools then output tools, dropping empty descriptions and schemas', () => {
    expect(toToolDefinitionsJson(modelRequestParameters({ functionTools: [weather, bare], outputTools: [output] }))).toBe(
      '[{"type":"function","name":"get_weather","description":"Weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}},' +
        '{"type":"function","name":"ping"},{"type":"function","name":"final_result","parameters":{"type":"object"}}]',
    );
  });
  it('is undefined without tools', () => {
    expect(toToolDefinitionsJson(modelRequestParameters())).toBeUndefined();
  });
});

describe('toModelRequestParametersJson', () => {
  it('uses snake_case keys in the reference field order', () => {
    const parameters = modelRequestParameters({ outputTools: [output], outputMode: 'tool', allowTextOutput: false, instructionParts: [{ content: 'Be brief.', dynamic: false }] });
    expect(toModelRequestParametersJson(parameters)).toBe(
      '{"function_tools":[],"output_mode":"tool","output_tools":[{"name":"final_result","parameters_json_schema":{"type":"object"},"sequential":false,"kind":"output"}],' +
        '"allow_text_output":false,"instruction_parts":[{"content":"Be brief.","dynamic":false,"part_kind":"instruction"}]}',
    );
  });
  it('dumps tool fields in order and drops instruction texts without content', () => {
    const parameters = modelRequestParameters({ functionTools: [{ ...weather, strict: true, sequential: true, metadata: { k: 1 } }], instructionParts: [{ content: 'secret', dynamic: true }] });
    const parsed = JSON.parse(toModelRequestParametersJson(parameters, { includeContent: false })) as { function_tools: object[]; instruction_parts: object[] };
    expect(Object.keys(parsed.function_tools[0] ?? {})).toEqual(['name', 'parameters_json_schema', 'description', 'strict', 'sequential', 'kind', 'metadata']);
    expect(parsed.instruction_parts).toEqual([{ dynamic: true, part_kind: 'instruction' }]);
  });
});

describe('tool JSON reuse', () => {
  it('writes the same text as one compact JSON of the whole dump, with or without the optional fields', () => {
    const full = modelRequestParameters({ functionTools: [weather, bare], outputTools: [output], outputMode: 'tool', instructionParts: [{ content: 'x', dynamic: true }] });
    const { outputMode: _dropped, ...withoutMode } = full;
    const noTextFlag = { ...full, allowTextOutput: undefined as unknown as boolean };
    const expected = (p: typeof full) =>
      toCompactJson({
        function_tools: JSON.parse(toModelRequestParametersJson({ ...p, outputTools: [] })).function_tools,
        ...(p.outputMode !== undefined ? { output_mode: p.outputMode } : {}),
        output_tools: JSON.parse(toModelRequestParametersJson({ ...p, functionTools: [] })).output_tools,
        allow_text_output: p.allowTextOutput,
        ...(p.instructionParts ? { instruction_parts: p.instructionParts.map((part) => ({ content: part.content, dynamic: part.dynamic, part_kind: 'instruction' })) } : {}),
      });
    for (const p of [full, withoutMode as typeof full, noTextFlag]) {
      expect(toModelRequestParametersJson(p)).toBe(expected(p));
      expect(toModelRequestParametersJson(p)).toBe(expected(p));
    }
  });

  it('notices a reassigned field of a tool that was already rendered', () => {
    const tool = { ...weather };
    const parameters = modelRequestParameters({ functionTools: [tool] });
    expect(toToolDefinitionsJson(parameters)).toContain('"description":"Weather"');
    (tool as { description: string }).description = 'Forecast';
    expect(toToolDefinitionsJson(parameters)).toContain('"description":"Forecast"');
    expect(toModelRequestParametersJson(parameters)).toContain('"description":"Forecast"');
  });

  it('notices every field of the dump, and a schema object replaced', () => {
    const tool: Record<string, unknown> = { ...weather };
    const parameters = modelRequestParameters({ functionTools: [tool as unknown as typeof weather] });
    const dump = () => (JSON.parse(toModelRequestParametersJson(parameters)) as { function_tools: Record<string, unknown>[] }).function_tools[0];
    expect(dump()).toMatchObject({ name: 'get_weather', sequential: false, kind: 'function' });
    tool['name'] = 'forecast';
    tool['strict'] = true;
    tool['sequential'] = true;
    tool['metadata'] = { k: 1 };
    expect(dump()).toMatchObject({ name: 'forecast', strict: true, sequential: true, metadata: { k: 1 } });
    tool['parametersJsonSchema'] = { type: 'object' };
    expect(dump()?.['parameters_json_schema']).toEqual({ type: 'object' });
    expect(toToolDefinitionsJson(parameters)).toBe('[{"type":"function","name":"forecast","description":"Weather","parameters":{"type":"object"}}]');
  });
});

describe('the texts of one parameters object, remembered by identity', () => {
  type Writable = { -readonly [K in keyof ModelRequestParameters]: ModelRequestParameters[K] };
  const fresh = () => {
    const functionTools: ToolDefinition[] = [{ ...weather }];
    const parameters = { ...modelRequestParameters({ functionTools, instructionParts: [{ content: 'Be brief.', dynamic: false }] }) } as Writable;
    return { functionTools, parameters };
  };
  const render = (parameters: ModelRequestParameters) => [toToolDefinitionsJson(parameters), toModelRequestParametersJson(parameters), toModelRequestParametersJson(parameters, { includeContent: false })];
  const rebuilt = (parameters: ModelRequestParameters) => render({ ...parameters, functionTools: [...parameters.functionTools], outputTools: [...parameters.outputTools] });
  const mutations: Record<string, (f: ReturnType<typeof fresh>) => void> = {
    'a tool pushed': (f) => f.functionTools.push({ ...bare }),
    'a tool replaced': (f) => (f.functionTools[0] = { ...bare }),
    'a field of a tool reassigned': (f) => ((f.functionTools[0] as { description: string }).description = 'Changed'),
    'the tool list replaced': (f) => (f.parameters.functionTools = [{ ...bare }]),
    'output tools reassigned': (f) => (f.parameters.outputTools = [output]),
    'allowTextOutput reassigned': (f) => (f.parameters.allowTextOutput = false),
    'outputMode reassigned': (f) => (f.parameters.outputMode = 'tool'),
    'an instruction part reassigned': (f) => ((f.parameters.instructionParts![0] as { content: string }).content = 'Be long.'),
    'instruction parts removed': (f) => delete f.parameters.instructionParts,
  };

  it.each(Object.keys(mutations))('is never stale: %s', (name) => {
    const f = fresh();
    const before = render(f.parameters);
    expect(render(f.parameters)).toEqual(before);
    mutations[name]!(f);
    const after = render(f.parameters);
    expect(after).toEqual(rebuilt(f.parameters));
    expect(after).not.toEqual(before);
  });
});
