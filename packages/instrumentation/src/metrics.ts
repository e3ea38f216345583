/**
 * The metric recorder (spec section 8, plus duration and time to first chunk beyond the
 * reference). InstrumentationSettings makes the instruments once per meter provider (again when
 * the global one it follows changes); values are recorded after the chat span has ended, only for
 * requests whose response was finished.
 */
import type { Attributes, Context, Histogram, Meter } from '@opentelemetry/api';
import type { RequestUsage } from '@hopscope/models';
import * as A from './semconv/attributes.js';
import { ThreeKeyMemo } from './three-key-memo.js';

/** Advisory buckets of `gen_ai.client.token.usage` (semconv, as the reference). @example TOKEN_USAGE_BUCKETS[0] === 1 */
export const TOKEN_USAGE_BUCKETS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];
/** Advisory buckets (seconds) of `gen_ai.client.operation.duration` and time to first chunk. @example DURATION_BUCKETS.at(-1) === 81.92 */
export const DURATION_BUCKETS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

export interface ChatInstruments {
  readonly tokenUsage: Histogram;
  readonly cost: Histogram;
  readonly duration: Histogram;
  readonly timeToFirstChunk: Histogram;
}

/**
 * Creates the four chat histograms on a meter (it throws if the meter does; InstrumentationSettings reports that through diag).
 * @example const instruments = createChatInstruments(meterProvider.getMeter('@hopscope/instrumentation'));
 */
export function createChatInstruments(meter: Meter): ChatInstruments {
  return {
    tokenUsage: meter.createHistogram(A.METRIC_GEN_AI_CLIENT_TOKEN_USAGE, { unit: '{token}', description: 'Measures number of input and output tokens used', advice: { explicitBucketBoundaries: TOKEN_USAGE_BUCKETS } }),
    cost: meter.createHistogram(A.METRIC_OPERATION_COST, { unit: '{USD}', description: 'Monetary cost' }),
    duration: meter.createHistogram(A.METRIC_GEN_AI_CLIENT_OPERATION_DURATION, { unit: 's', description: 'GenAI operation duration', advice: { explicitBucketBoundaries: DURATION_BUCKETS } }),
    timeToFirstChunk: meter.createHistogram(A.METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK, {
      unit: 's',
      description: 'Time from issuing a streaming request to the first chunk being surfaced to the consumer',
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    }),
  };
}

/** What one model consumed: its identity, tokens and cost. */
export interface ConsumptionMeasurement {
  readonly system: string;
  readonly requestModel: string;
  readonly responseModel: string;
  readonly usage: RequestUsage;
  readonly cost: number | undefined;
}

/** One finished chat request, as the metrics see it. */
export interface ChatMeasurement extends ConsumptionMeasurement {
  readonly durationSeconds: number;
  readonly timeToFirstChunkSeconds: number | undefined;
  /**
   * A fallback call's hops that consumed tokens, each under its own model and provider: their
   * tokens and cost are recorded instead of the call's sum, which would put another model's
   * tokens under the winner's name.
   */
  readonly hops?: readonly ConsumptionMeasurement[];
}

/**
 * The attributes every chat metric carries, in the reference's order.
 * @example toChatMetricAttributes({ system: 'openai', requestModel: 'gpt-4o', responseModel: 'gpt-4o-2024-08-06' })
 */
export function toChatMetricAttributes(measurement: Pick<ChatMeasurement, 'system' | 'requestModel' | 'responseModel'>): Attributes {
  return {
    [A.ATTR_GEN_AI_PROVIDER_NAME]: measurement.system,
    [A.ATTR_GEN_AI_SYSTEM]: measurement.system,
    [A.ATTR_GEN_AI_OPERATION_NAME]: A.GEN_AI_OPERATION_CHAT,
    [A.ATTR_GEN_AI_REQUEST_MODEL]: measurement.requestModel,
    [A.ATTR_GEN_AI_RESPONSE_MODEL]: measurement.responseModel,
  };
}

interface MetricAttributeSet {
  readonly common: Attributes;
  readonly input: Attributes;
  readonly output: Attributes;
}

/**
 * The attribute objects of one (system, request model, response model), built once and shared by
 * every record: they are frozen, and the SDK only reads them. Bounded: cleared at MAX_REMEMBERED.
 */
const MAX_REMEMBERED = 1024;
const attributeSets = new ThreeKeyMemo<MetricAttributeSet>(MAX_REMEMBERED);

function metricAttributesOf(measurement: Pick<ConsumptionMeasurement, 'system' | 'requestModel' | 'responseModel'>): MetricAttributeSet {
  const { system, requestModel, responseModel } = measurement;
  const known = attributeSets.get(system, requestModel, responseModel);
  if (known !== undefined) return known;
  const common = toChatMetricAttributes(measurement);
  return attributeSets.set(system, requestModel, responseModel, {
    common: Object.freeze(common),
    input: Object.freeze({ ...common, [A.ATTR_GEN_AI_TOKEN_TYPE]: 'input' }),
    output: Object.freeze({ ...common, [A.ATTR_GEN_AI_TOKEN_TYPE]: 'output' }),
  });
}

/** Tokens (zero counts skipped) and cost when known, under the consumer's identity. */
function recordConsumption(instruments: ChatInstruments, consumption: ConsumptionMeasurement, ctx: Context | undefined): void {
  const { common, input, output } = metricAttributesOf(consumption);
  if (consumption.usage.inputTokens) instruments.tokenUsage.record(consumption.usage.inputTokens, input, ctx);
  if (consumption.usage.outputTokens) instruments.tokenUsage.record(consumption.usage.outputTokens, output, ctx);
  if (consumption.cost !== undefined) instruments.cost.record(consumption.cost, common, ctx);
}

/**
 * Records a finished request: tokens (zero counts skipped), cost when known, duration, TTFT for streams.
 * `ctx` is the context to record in, when the caller has it at hand (the SDK looks up the active one otherwise).
 * @example recordChatMetrics(settings.instruments, { system: 'openai', requestModel: 'gpt-4o', responseModel: 'gpt-4o', usage, cost: 0.001, durationSeconds: 0.4, timeToFirstChunkSeconds: undefined });
 */
export function recordChatMetrics(instruments: ChatInstruments, measurement: ChatMeasurement, ctx?: Context): void {
  const { common } = metricAttributesOf(measurement);
  if (measurement.hops === undefined) recordConsumption(instruments, measurement, ctx);
  else for (const hop of measurement.hops) recordConsumption(instruments, hop, ctx);
  instruments.duration.record(measurement.durationSeconds, common, ctx);
  if (measurement.timeToFirstChunkSeconds !== undefined) instruments.timeToFirstChunk.record(measurement.timeToFirstChunkSeconds, common, ctx);
}
