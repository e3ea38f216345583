/**
 * One open chat span (spec section 2): start attributes from the prepared request, fallback
 * hops as child spans, finish attributes re-read from the span, rename, error recording, and
 * the metrics once the span has ended. Every telemetry step is guarded: the call goes on.
 */
import { propagation, SpanKind, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { isZeroUsage, modelRequestParameters, unwrapModel, type HopRecord, type Model, type ModelMessage, type ModelRequestParameters, type ModelResponse, type ModelSettings } from '@hopscope/models';
import * as A from './semconv/attributes.js';
import { toChatSpanName, toChatStartAttributes, toFallbackWinnerAttributes } from './mapper/chat-start.js';
import { toChatFinishAttributes } from './mapper/chat-finish.js';
import type { BaggageIds, ModelIdentity } from './mapper/types.js';
import { createChatContext } from './active-chat.js';
import { readBaggageIds } from './baggage.js';
import { computeCostSum, computeResponseCost } from './cost.js';
import { toHopSpanAttributes, toHopSpanName, toHopUsage } from './hop-attributes.js';
import { recordChatMetrics, type ChatMeasurement, type ConsumptionMeasurement } from './metrics.js';
import { recordSpanError } from './record-error.js';
import { guard, reportTelemetryFailure } from './report-failure.js';
import type { InstrumentationSettings } from './settings.js';

/** The call being instrumented: the model as the caller sees it and the request's inputs. */
export interface ChatCall {
  readonly model: Model;
  readonly messages: readonly ModelMessage[];
  readonly settings: ModelSettings | undefined;
  readonly parameters: ModelRequestParameters | undefined;
}

function readAttribute(span: Span, key: string): unknown {
  return (span as unknown as { attributes?: Attributes }).attributes?.[key];
}

function hopCost(record: HopRecord): number | undefined {
  const usage = toHopUsage(record);
  if (!usage || isZeroUsage(usage)) return undefined;
  if (record.response) return computeResponseCost(record.response);
  return computeResponseCost({ usage, modelName: record.modelName, providerName: record.provider, providerUrl: record.baseUrl, timestamp: new Date(record.startTime) });
}

/** True for a hop that consumed tokens. */
function consumedTokens(record: HopRecord): boolean {
  const usage = toHopUsage(record);
  return usage !== undefined && !isZeroUsage(usage);
}

/** The baggage of a context without agent ids: shared, only read. */
const NO_BAGGAGE: BaggageIds = Object.freeze({});

function readBaggageOf(parent: Context): BaggageIds {
  try {
    return propagation.getBaggage(parent) === undefined ? NO_BAGGAGE : readBaggageIds(parent);
  } catch (error) {
    reportTelemetryFailure('baggage', error);
    return NO_BAGGAGE;
  }
}

function prepareRequest(call: ChatCall): [ModelSettings | undefined, ModelRequestParameters] {
  try {
    return call.model.prepareRequest(call.settings, call.parameters);
  } catch (error) {
    reportTelemetryFailure('prepareRequest', error);
    return [call.settings, call.parameters ?? modelRequestParameters()];
  }
}

/**
 * One open chat span. The common path (a request that answers, no fallback hops) runs without a
 * closure or a promise of its own: each telemetry step is guarded by a try/catch in place.
 */
export class ChatSpanRecorder {
  readonly context: Context;
  private readonly span: Span;
  private readonly startedAt = performance.now();
  private readonly baggage: BaggageIds;
  private parameters: ModelRequestParameters | undefined;
  private identity: ModelIdentity;
  private hops: HopRecord[] | undefined;
  /** Hop records of FallbackModels nested in the chain, by that FallbackModel, until its own hop arrives. */
  private nested: Map<Model, HopRecord[]> | undefined;
  /** The nested hops of each hop whose member was a FallbackModel itself. */
  private hopChildren: Map<HopRecord, readonly HopRecord[]> | undefined;
  private firstChunkAt: number | undefined;
  private measurement: ChatMeasurement | undefined;
  private failed = false;

  private constructor(
    private readonly settings: InstrumentationSettings,
    private readonly call: ChatCall,
    private readonly parent: Context,
  ) {
    this.baggage = readBaggageOf(parent);
    const identity: ModelIdentity = { modelName: call.model.modelName, system: call.model.system, baseUrl: call.model.baseUrl };
    this.identity = identity;
    const [preparedSettings, preparedParameters] = prepareRequest(call);
    this.parameters = preparedParameters;
    let attributes: Attributes;
    try {
      attributes = toChatStartAttributes({ model: identity, settings: preparedSettings, parameters: preparedParameters, baggage: this.baggage, includeContent: settings.includeContent });
    } catch (error) {
      reportTelemetryFailure('chat start attributes', error);
      attributes = {};
    }
    this.span = settings.tracer.startSpan(toChatSpanName(identity.modelName), { kind: SpanKind.CLIENT, attributes }, parent);
    this.context = createChatContext(parent, this.span, call.model, call.messages);
  }

  /**
   * Opens the chat span, or returns undefined (reported through diag) when telemetry fails.
   * @example const chat = ChatSpanRecorder.start(settings, call, context.active());
   */
  static start(settings: InstrumentationSettings, call: ChatCall, parent: Context): ChatSpanRecorder | undefined {
    try {
      return new ChatSpanRecorder(settings, call, parent);
    } catch (error) {
      reportTelemetryFailure('chat span start', error);
      return undefined;
    }
  }

  /** Keeps the hops of a FallbackModel that is a member of this chain (or of a chain nested in it) for that member's hop. */
  private keepNested(record: HopRecord): void {
    const key = unwrapModel(record.fallback);
    const nested = (this.nested ??= new Map());
    const list = nested.get(key);
    if (list) list.push(record);
    else nested.set(key, [record]);
  }

  /** Receives the FallbackModel's hop records: one child span each; the winner renames the chat span. */
  readonly onHop = (record: HopRecord): void => {
    // A member that is a FallbackModel itself reports its hops here too: they wait for its own hop.
    if (unwrapModel(record.fallback) !== unwrapModel(this.call.model)) {
      this.keepNested(record);
      return;
    }
    (this.hops ??= []).push(record);
    guard('hop span', () => this.recordHopSpan(record), undefined);
    if (record.winner) guard('fallback winner attributes', () => this.applyWinner(record), undefined);
  };

  /** Finishes and ends the span with the response of a request, and passes the response on. */
  readonly completeRequest = (response: ModelResponse): ModelResponse => {
    this.finish(response);
    // This runs as a reaction to the response, in the context the request was made in: the parent.
    this.end(this.parent);
    return response;
  };

  /** Fails and ends the span of a request that threw, and rethrows. */
  readonly failRequest = (error: unknown): never => {
    this.fail(error);
    this.end();
    throw error;
  };

  /** Notes when the first streamed event reached the consumer. */
  markFirstChunk(): void {
    this.firstChunkAt ??= performance.now();
  }

  /** Sets the finish attributes for a (possibly partial) response and renames the span. */
  finish(response: ModelResponse): void {
    try {
      this.applyFinish(response);
    } catch (error) {
      reportTelemetryFailure('chat finish', error);
    }
  }

  /** Records the exception event and ERROR status; a failed call records no metrics. */
  fail(error: unknown): void {
    this.failed = true;
    guard('chat error', () => recordSpanError(this.span, error, { escaped: false, describe: true }), undefined);
  }

  /** Ends the span, then records the metrics (in `metricsContext`, else the active one) if a response was finished and nothing failed. */
  end(metricsContext?: Context): void {
    try {
      this.span.end();
    } catch (error) {
      reportTelemetryFailure('chat span end', error);
    }
    const measurement = this.measurement;
    if (measurement === undefined || this.failed) return;
    try {
      recordChatMetrics(this.settings.instruments, measurement, metricsContext);
    } catch (error) {
      reportTelemetryFailure('chat metrics', error);
    }
  }

  /**
   * The hop's span under `parent`. A hop whose member was a FallbackModel gets that chain's hops as
   * its children (taken from the nested records), and its cost is theirs summed: its usage is the
   * inner chain's sum, which no single model's price fits.
   */
  private recordHopSpan(record: HopRecord, parent: Context = this.context): void {
    const children = this.takeNested(record);
    const attributes = toHopSpanAttributes(record, { baggage: this.baggage, costUsd: this.costOfHop(record) });
    const span = this.settings.tracer.startSpan(toHopSpanName(record), { kind: SpanKind.CLIENT, startTime: record.startTime, attributes }, parent);
    if (record.outcome === 'error' && record.error !== undefined) recordSpanError(span, record.error, { escaped: false, describe: true });
    if (children !== undefined) {
      const inner = trace.setSpan(parent, span);
      for (const child of children) this.recordHopSpan(child, inner);
    }
    span.end(record.startTime + record.durationMs);
  }

  /** Moves the nested records of the hop's member (a FallbackModel) to the hop, if there are any. */
  private takeNested(record: HopRecord): readonly HopRecord[] | undefined {
    const key = unwrapModel(record.model);
    const children = this.nested?.get(key);
    if (children === undefined) return undefined;
    this.nested!.delete(key);
    (this.hopChildren ??= new Map()).set(record, children);
    return children;
  }

  /** A hop's cost: its nested hops' costs summed when its member was a FallbackModel, else its own. */
  private costOfHop(record: HopRecord): number | undefined {
    const children = this.hopChildren?.get(record);
    if (children === undefined) return hopCost(record);
    return computeCostSum(children.filter(consumedTokens).map((child) => this.costOfHop(child)));
  }

  private applyWinner(record: HopRecord): void {
    const identity: ModelIdentity = { modelName: record.modelName, system: record.provider, baseUrl: record.baseUrl };
    const [settings, parameters] = record.model.prepareRequest(this.call.settings, this.call.parameters);
    this.span.setAttributes(toFallbackWinnerAttributes({ model: identity, settings, parameters, includeContent: this.settings.includeContent }));
    this.identity = identity;
    this.parameters = parameters;
  }

  /** What each hop that consumed tokens used, under the hop's own model and provider (for the metrics). */
  private consumptionOfHops(hops: readonly HopRecord[], out: ConsumptionMeasurement[] = []): ConsumptionMeasurement[] {
    for (const hop of hops) {
      const children = this.hopChildren?.get(hop);
      if (children !== undefined) {
        this.consumptionOfHops(children, out);
        continue;
      }
      const usage = toHopUsage(hop);
      if (!usage || isZeroUsage(usage)) continue;
      out.push({ system: hop.provider, requestModel: hop.modelName, responseModel: hop.response?.modelName || hop.modelName, usage, cost: hopCost(hop) });
    }
    return out;
  }

  private costOf(response: ModelResponse): number | undefined {
    const hops = this.hops;
    if (hops === undefined || hops.length === 0) return computeResponseCost(response);
    return computeCostSum(hops.filter(consumedTokens).map((hop) => this.costOfHop(hop)));
  }

  private applyFinish(response: ModelResponse): void {
    const span = this.span;
    const requestModel = String(readAttribute(span, A.ATTR_GEN_AI_REQUEST_MODEL) ?? this.identity.modelName);
    const system = String(readAttribute(span, A.ATTR_GEN_AI_SYSTEM) ?? this.identity.system);
    const responseModel = response.modelName || requestModel;
    const cost = this.costOf(response);
    const durationSeconds = (performance.now() - this.startedAt) / 1000;
    const timeToFirstChunkSeconds = this.firstChunkAt === undefined ? undefined : (this.firstChunkAt - this.startedAt) / 1000;
    const hops = this.hops === undefined || this.hops.length === 0 ? undefined : this.consumptionOfHops(this.hops);
    this.measurement = { system, requestModel, responseModel, usage: response.usage, cost, durationSeconds, timeToFirstChunkSeconds, ...(hops === undefined ? {} : { hops }) };
    if (!span.isRecording()) return;
    const { settings } = this;
    const finish = toChatFinishAttributes({
      response,
      inputMessages: this.call.messages,
      parameters: this.parameters,
      requestModel,
      system,
      costUsd: cost,
      content: settings.content,
      eventMode: settings.eventMode,
    });
    // One setAttribute per key, as setAttributes does, without its list of entries.
    const attributes = finish.attributes;
    for (const key in attributes) span.setAttribute(key, attributes[key]!);
    if (timeToFirstChunkSeconds !== undefined) span.setAttribute(A.METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK, timeToFirstChunkSeconds);
    for (const record of finish.logRecords) settings.logger.emit({ eventName: record.eventName, body: record.body as never, attributes: record.attributes, context: this.context });
    span.updateName(toChatSpanName(requestModel));
  }
}
