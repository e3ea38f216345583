/**
 * The Agent: a model, instructions, tools and an optional output tool, run as a thin loop.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { UserError } from '../errors.js';
import type { Model } from '../model.js';
import type { ModelResponseStreamEvent } from '../stream.js';
import { EventChannel } from './event-channel.js';
import { toOutputTool } from './process-output.js';
import { ModelResolver } from './resolve-model.js';
import { executeRun, type AgentConfig, type UserPromptInput } from './run.js';
import type { Tool } from './tool.js';
import type { AgentOptions, AgentRunResult, RunOptions } from './types.js';

/** A streamed run: iterate the final response's events, then await `result()`. */
export interface AgentStreamRun<TOutput> extends AsyncIterable<ModelResponseStreamEvent> {
  result(): Promise<AgentRunResult<TOutput>>;
}

/** A model override that lasts until disposed. */
export interface AgentOverride extends Disposable {
  restore(): void;
}

function toConfig(options: AgentOptions<unknown>): AgentConfig {
  const retries = options.retries ?? 1;
  if (!Number.isInteger(retries) || retries < 0) throw new UserError(`Agent retries must be a non-negative integer, got ${String(options.retries)}`);
  const output = options.outputTool ? toOutputTool(options.outputTool) : undefined;
  const tools = new Map<string, Tool>();
  for (const t of options.tools ?? []) {
    const name = t.definition.name;
    if (tools.has(name)) throw new UserError(`Tool name '${name}' is used twice`);
    if (name === output?.definition.name) throw new UserError(`Tool name '${name}' clashes with the output tool`);
    tools.set(name, t);
  }
  return {
    agentName: options.name ?? 'agent',
    description: options.description,
    instructions: options.instructions,
    systemPrompt: options.systemPrompt,
    tools,
    output,
    modelSettings: options.modelSettings,
    metadata: options.metadata,
    retries,
    usageLimits: options.usageLimits,
  };
}

/**
 * An LLM with tools, run until it gives a final answer.
 * @example
 * const agent = new Agent('openai:gpt-4o', { instructions: 'Be brief.', tools: [weather] });
 * const result = await agent.run('Weather in Paris?');
 * if (result.status === 'complete') console.log(result.output, result.usage.inputTokens);
 */
export class Agent<TOutput = string> {
  readonly name: string;
  readonly description: string | undefined;
  private readonly config: AgentConfig;
  private readonly scopedModel = new AsyncLocalStorage<Model | string>();
  private readonly resolver = new ModelResolver();
  private overrides: { readonly model: Model | string }[] = [];

  constructor(
    private readonly model: Model | string,
    options: AgentOptions<TOutput> = {},
  ) {
    if (typeof model !== 'string' && (typeof model !== 'object' || model === null)) throw new UserError('An agent needs a Model or a "provider:model" string');
    this.config = toConfig(options as AgentOptions<unknown>);
    this.name = this.config.agentName;
    this.description = this.config.description;
  }

  /** The model runs use now: a scoped override, else the latest disposable one, else the agent's. */
  get currentModel(): Model | string {
    return this.scopedModel.getStore() ?? this.overrides[this.overrides.length - 1]?.model ?? this.model;
  }

  /** Runs the agent to a final answer, or to deferred tool calls. */
  async run(prompt?: UserPromptInput, options: RunOptions = {}): Promise<AgentRunResult<TOutput>> {
    return executeRun<TOutput>(this.config, this.resolver.resolve(this.currentModel), prompt, options);
  }

  /**
   * Runs the agent, streaming the final response's events; earlier tool-calling rounds run unseen.
   * @example
   * const stream = agent.runStream('Tell me a story');
   * for await (const event of stream) if (event.eventKind === 'part-delta' && event.delta.partDeltaKind === 'text') process.stdout.write(event.delta.contentDelta);
   * const result = await stream.result();
   */
  runStream(prompt?: UserPromptInput, options: RunOptions = {}): AgentStreamRun<TOutput> {
    const channel = new EventChannel<ModelResponseStreamEvent>();
    const modelChoice = this.currentModel;
    const promise = (async () => executeRun<TOutput>(this.config, this.resolver.resolve(modelChoice), prompt, options, channel))();
    promise.then(
      () => channel.close(),
      (error: unknown) => channel.close({ value: error }),
    );
    return {
      [Symbol.asyncIterator]: () => channel[Symbol.asyncIterator](),
      result: () => promise,
    };
  }

  /**
   * Swaps the model, for tests: within `fn` only, or until the returned override is disposed.
   * @example
   * await agent.override({ model: new TestModel() }, () => agent.run('hi'));
   * using _ = agent.override({ model: new TestModel() });
   */
  override<R>(options: { model: Model | string }, fn: () => R): R;
  override(options: { model: Model | string }): AgentOverride;
  override<R>(options: { model: Model | string }, fn?: () => R): R | AgentOverride {
    if (fn) return this.scopedModel.run(options.model, fn);
    const entry = { model: options.model };
    this.overrides.push(entry);
    const restore = () => {
      const index = this.overrides.indexOf(entry);
      if (index >= 0) this.overrides.splice(index, 1);
    };
    return { restore, [Symbol.dispose]: restore };
  }
}
