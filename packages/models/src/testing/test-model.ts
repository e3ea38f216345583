import type { ModelMessage, ModelResponse, ModelResponsePart, ToolReturnPart } from '../messages.js';
import { ModelBase, type RequestOptions } from '../model.js';
import type { ModelRequestParameters, ModelSettings, ToolDefinition } from '../settings.js';
import { EventListStreamedResponse, type ModelResponseStreamEvent, type StreamedResponse } from '../stream.js';
import { computeEstimatedUsage } from './estimate-usage.js';
import { computeArgsFromSchema } from './schema-args.js';

export interface TestModelOptions {
  /** Which function tools to call on the first request: all (default), none, or these names. */
  readonly callTools?: 'all' | readonly string[];
  /** The final text; by default a JSON summary of the tool returns, or `success (no tool calls)`. */
  readonly customOutputText?: string;
  /** Arguments for the output tool; generated from its schema by default. */
  readonly customOutputArgs?: Record<string, unknown>;
  /** Seed for generated arguments. */
  readonly seed?: number;
  readonly modelName?: string;
  readonly settings?: ModelSettings;
}

/**
 * A deterministic model for tests: calls the available tools with generated arguments once,
 * then answers with text (or calls the output tool). No network.
 * @example
 * const model = new TestModel({ customOutputText: 'Paris' });
 * const response = await model.request([modelRequest([userPrompt('Capital of France?')])]);
 */
export class TestModel extends ModelBase {
  readonly modelName: string;
  readonly system = 'test';
  private readonly options: TestModelOptions;
  /** The parameters of the last request, for assertions. */
  lastParameters: ModelRequestParameters | undefined;

  constructor(options: TestModelOptions = {}) {
    super(options.settings ? { settings: options.settings } : {});
    this.options = options;
    this.modelName = options.modelName ?? 'test';
  }

  protected async doRequest(messages: readonly ModelMessage[], _settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<ModelResponse> {
    options.signal?.throwIfAborted();
    this.lastParameters = parameters;
    const parts = this.respond(messages, parameters);
    return {
      kind: 'response',
      parts,
      usage: computeEstimatedUsage(messages, parts),
      modelName: this.modelName,
      providerName: this.system,
      finishReason: parts.some((p) => p.partKind === 'tool-call') ? 'tool_call' : 'stop',
      timestamp: new Date(),
    };
  }

  protected async doRequestStream(messages: readonly ModelMessage[], settings: ModelSettings | undefined, parameters: ModelRequestParameters, options: RequestOptions): Promise<StreamedResponse> {
    const response = await this.doRequest(messages, settings, parameters, options);
    return new EventListStreamedResponse(this.modelName, this.system, async function* (manager, setUsage, setFinish) {
      for (const [index, part] of response.parts.entries()) {
        options.signal?.throwIfAborted();
        if (part.partKind === 'text') {
          const words = part.content.split(/(?<= )/);
          for (const word of words) yield manager.handleTextDelta(index, word) as ModelResponseStreamEvent | undefined;
        } else {
          yield manager.handlePart(index, part);
        }
      }
      setUsage(response.usage);
      setFinish(response.finishReason);
    });
  }

  private respond(messages: readonly ModelMessage[], parameters: ModelRequestParameters): ModelResponsePart[] {
    const last = messages[messages.length - 1];
    const returns = last?.kind === 'request' ? last.parts.filter((p): p is ToolReturnPart => p.partKind === 'tool-return') : [];
    const retries = last?.kind === 'request' ? last.parts.filter((p) => p.partKind === 'retry-prompt') : [];
    const seed = this.options.seed ?? 0;
    const isFirst = !messages.some((m) => m.kind === 'response');
    if (isFirst || retries.length > 0) {
      const tools = this.toolsToCall(parameters.functionTools);
      const retryNames = new Set(retries.map((r) => (r as { toolName?: string }).toolName).filter(Boolean));
      const chosen = isFirst ? tools : tools.filter((t) => retryNames.has(t.name));
      if (chosen.length > 0) return chosen.map((tool, i) => ({ partKind: 'tool-call', toolName: tool.name, args: computeArgsFromSchema(tool.parametersJsonSchema, seed + i) as Record<string, unknown>, toolCallId: `pyd_ai_tool_call_id__${tool.name}` }));
    }
    const outputTool = parameters.outputTools[0];
    if (outputTool && (!parameters.allowTextOutput || this.options.customOutputArgs)) {
      const args = this.options.customOutputArgs ?? (computeArgsFromSchema(outputTool.parametersJsonSchema, seed) as Record<string, unknown>);
      return [{ partKind: 'tool-call', toolName: outputTool.name, args, toolCallId: `pyd_ai_tool_call_id__${outputTool.name}` }];
    }
    if (this.options.customOutputText !== undefined) return [{ partKind: 'text', content: this.options.customOutputText }];
    if (returns.length > 0) {
      const summary: Record<string, unknown> = {};
      for (const r of returns) summary[r.toolName] = r.content;
      return [{ partKind: 'text', content: JSON.stringify(summary) }];
    }
    return [{ partKind: 'text', content: 'success (no tool calls)' }];
  }

  private toolsToCall(tools: readonly ToolDefinition[]): readonly ToolDefinition[] {
    const which = this.options.callTools ?? 'all';
    return which === 'all' ? tools : tools.filter((t) => which.includes(t.name));
  }
}
