/**
 * Prices a response with `@pydantic/genai-prices` (the data pydantic-ai uses), offline: the
 * package's bundled price table is read, nothing is fetched. Lookup order as the reference
 * (spec section 7): by the provider's API URL, then by the provider name.
 */
import { calcPrice, type ModelInfo, type ModelPrice, type PriceCalculationResult, type Provider, type Usage } from '@pydantic/genai-prices';
import { requestUsage, type ModelResponse, type RequestUsage } from '@hopscope/models';
import { computePlannedCost, selectModelPrice, toPricePlan, type PricePlan } from './cost-plan.js';
import { reportTelemetryFailure } from './report-failure.js';
import { ThreeKeyMemo } from './three-key-memo.js';

/**
 * Matching a model against the whole price table is the slow part of a lookup, so the first match
 * for a (model, provider URL, provider name) is remembered: the matched model, and its provider
 * narrowed to that one model (prices, with their date and time conditions, stay the package's own);
 * unknown models are remembered as unknown. Bounded: the memo is cleared at MAX_REMEMBERED.
 */
const MAX_REMEMBERED = 1024;

interface KnownModel {
  readonly provider: Provider;
  readonly model: ModelInfo;
}

const remembered = new ThreeKeyMemo<KnownModel | null>(MAX_REMEMBERED);

/**
 * After the match, `calcPrice` still re-validates the model's price entry on every call; the plan
 * of an entry the package has accepted once keeps only the arithmetic (cost-plan.ts). Entries are
 * the package's own objects, so the plans live as long as the price data (a WeakMap).
 */
const plans = new WeakMap<ModelPrice, PricePlan | null>();
const ZERO_USAGE = toPriceUsage(requestUsage());

function lookUp(usage: Usage, modelName: string, response: PricedResponse): PriceCalculationResult {
  const timestamp = response.timestamp;
  const byUrl = response.providerUrl ? calcPrice(usage, modelName, { providerApiUrl: response.providerUrl, timestamp }) : null;
  return byUrl ?? calcPrice(usage, modelName, { ...(response.providerName ? { providerId: response.providerName } : {}), timestamp });
}

/** The entry's plan, made once: only for an entry that the package prices without complaint. */
function planOf(known: KnownModel, modelName: string, timestamp: Date): PricePlan | null {
  const price = selectModelPrice(known.model, timestamp);
  if (price === undefined) return null;
  let plan = plans.get(price);
  if (plan === undefined) {
    plan = toPricePlan(price) ?? null;
    if (plan !== null && !isAcceptedByPackage(known.provider, modelName, timestamp)) plan = null;
    plans.set(price, plan);
  }
  return plan;
}

function isAcceptedByPackage(provider: Provider, modelName: string, timestamp: Date): boolean {
  try {
    return calcPrice(ZERO_USAGE, modelName, { provider, timestamp }) !== null;
  } catch {
    return false;
  }
}

function priceOf(usage: RequestUsage, modelName: string, response: PricedResponse): number | undefined {
  const providerUrl = response.providerUrl ?? '';
  const providerName = response.providerName ?? '';
  const known = remembered.get(modelName, providerUrl, providerName);
  if (known === null) return undefined;
  if (known === undefined) {
    const price = lookUp(toPriceUsage(usage), modelName, response);
    remembered.set(modelName, providerUrl, providerName, price ? { provider: { ...price.provider, models: [price.model] }, model: price.model } : null);
    return price ? Number(price.total_price) : undefined;
  }
  const timestamp = response.timestamp ?? new Date();
  const plan = planOf(known, modelName, timestamp);
  const planned = plan === null ? undefined : computePlannedCost(plan, usage);
  if (planned !== undefined) return planned;
  const price = calcPrice(toPriceUsage(usage), modelName, { provider: known.provider, timestamp });
  return price ? Number(price.total_price) : undefined;
}

/** What pricing needs of a response. */
export type PricedResponse = Pick<ModelResponse, 'usage' | 'modelName' | 'providerName' | 'providerUrl' | 'timestamp'>;

/**
 * Our usage in @pydantic/genai-prices' field names.
 * @example toPriceUsage(requestUsage({ inputTokens: 10 })).input_tokens === 10
 */
export function toPriceUsage(usage: RequestUsage): Usage {
  return {
    input_tokens: usage.inputTokens,
    output_tokens: usage.outputTokens,
    cache_write_tokens: usage.cacheWriteTokens,
    cache_read_tokens: usage.cacheReadTokens,
    input_audio_tokens: usage.inputAudioTokens,
    cache_audio_read_tokens: usage.cacheAudioReadTokens,
    output_audio_tokens: usage.outputAudioTokens,
  };
}

/**
 * The response's price in USD, or undefined when no price is known (never 0 for "unknown").
 * @example
 * computeResponseCost({ usage, modelName: 'gpt-4o-2024-11-20', timestamp: new Date() }) // 0.002225 for spec 6.1's usage
 */
export function computeResponseCost(response: PricedResponse): number | undefined {
  if (!response.modelName) {
    reportTelemetryFailure('cost lookup', new Error('the response has no model name'));
    return undefined;
  }
  try {
    return priceOf(response.usage, response.modelName, response);
  } catch (error) {
    reportTelemetryFailure('cost lookup', error);
    return undefined;
  }
}

/**
 * Sums known prices (to 12 significant digits, so float noise does not show); undefined when
 * any priced item is unknown or none is given, so a partial figure is never passed off as the total.
 * @example computeCostSum([0.001, 0.002]) // 0.003
 */
export function computeCostSum(costs: readonly (number | undefined)[]): number | undefined {
  if (costs.length === 0) return undefined;
  let total = 0;
  for (const cost of costs) {
    if (cost === undefined) return undefined;
    total += cost;
  }
  return Number(total.toPrecision(12));
}
