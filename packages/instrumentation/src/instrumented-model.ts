/**
 * InstrumentedModel: a WrapperModel that gives every request and stream of the wrapped model a
 * chat span, metrics, and (for a FallbackModel) hop spans.
 */
import { MODEL_AGENT_HOOKS, WrapperModel, type AgentHooks, type Model, type ModelMessage, type ModelRequestParameters, type ModelResponse, type ModelSettings, type RequestOptions, type StreamedResponse } from '@hopscope/models';
import { toAgentHooks } from './agent/agent-hooks.js';
import { instrumentChatRequest, instrumentChatStream, type RunCall } from './instrument-request.js';
import { resolveModel } from './resolve-model.js';
import { InstrumentationSettings, type InstrumentationOptions } from './settings.js';

const INSTRUMENTED_MARKER = Symbol.for('hopscope.instrumentation.instrumented-model');

const runRequest: RunCall<ModelResponse> = (call, options) => call.model.request(call.messages, call.settings, call.parameters, options);
const runStream: RunCall<StreamedResponse> = (call, options) => call.model.requestStream(call.messages, call.settings, call.parameters, options);

/**
 * Given to an Agent, it also gives the agent's runs, tool calls and output functions their spans
 * under its settings, in place of the hooks instrumentAll installed (spec section 1).
 * @example
 * const model = new InstrumentedModel('openai:gpt-4o', new InstrumentationSettings({ includeContent: false }));
 * const response = await model.request([modelRequest([userPrompt('Hello')])]);
 */
export class InstrumentedModel extends WrapperModel {
  readonly instrumentation: InstrumentationSettings;
  readonly [INSTRUMENTED_MARKER] = true;
  readonly [MODEL_AGENT_HOOKS]: AgentHooks;

  constructor(model: Model | string, settings?: InstrumentationSettings | InstrumentationOptions) {
    super(resolveModel(model));
    this.instrumentation = settings instanceof InstrumentationSettings ? settings : new InstrumentationSettings(settings);
    this[MODEL_AGENT_HOOKS] = toAgentHooks(this.instrumentation);
  }

  override request(messages: readonly ModelMessage[], settings?: ModelSettings, parameters?: ModelRequestParameters, options?: RequestOptions): Promise<ModelResponse> {
    const call = { model: this.wrapped, messages, settings, parameters, options };
    return instrumentChatRequest(this.instrumentation, call, runRequest);
  }

  override requestStream(messages: readonly ModelMessage[], settings?: ModelSettings, parameters?: ModelRequestParameters, options?: RequestOptions): Promise<StreamedResponse> {
    const call = { model: this.wrapped, messages, settings, parameters, options };
    return instrumentChatStream(this.instrumentation, call, runStream);
  }
}

/** True for an InstrumentedModel, also from another copy of this package. @example isInstrumentedModel(instrumentModel(model)) === true */
export function isInstrumentedModel(value: unknown): value is InstrumentedModel {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[INSTRUMENTED_MARKER] === true;
}

/**
 * Wraps a model in an InstrumentedModel unless it already is one (never wraps twice).
 * @example const model = instrumentModel(new OpenAIChatModel('gpt-4o'), settings);
 */
export function instrumentModel(model: Model | string, settings?: InstrumentationSettings | InstrumentationOptions): Model {
  const resolved = resolveModel(model);
  return isInstrumentedModel(resolved) ? resolved : new InstrumentedModel(resolved, settings);
}
