/**
 * Prices a response with `@pydantic/genai-prices` (the data pydantic-ai uses), offline: the
 * package's bundled price table is read, nothing is fetched. Lookup order as the reference
 * (spec section 7): by the provider's API URL, then by the provider name.
 */
import { calcPrice, type PriceCalculationResult, type Provider, type Usage } from '@pydantic/genai-prices';
import type { ModelResponse, RequestUsage } from '@hopscope/models';
import { reportTelemetryFailure } from './report-failure.js';

/**
 * Matching a model against the whole price table is the slow part of a lookup, so the first match
 * for a (model, provider URL, provider name) is remembered as a provider narrowed to that one
 * model (prices, with their date and time conditions, stay the package's own); unknown models
 * are remembered as unknown. Bounded: the memo is cleared when it reaches MAX_REMEMBERED.
 */
const MAX_REMEMBERED = 1024;
const remembered = new Map<string, Provider | null>();

function lookUp(usage: Usage, modelName: string, response: PricedResponse): PriceCalculationResult {
  const timestamp = response.timestamp;
  const byUrl = response.providerUrl ? calcPrice(usage, modelName, { providerApiUrl: response.providerUrl, timestamp }) : null;
  return byUrl ?? calcPrice(usage, modelName, { ...(response.providerName ? { providerId: response.providerName } : {}), timestamp });
}

function priceOf(usage: Usage, modelName: string, response: PricedResponse): PriceCalculationResult {
  const key = `${modelName}\u0000${response.providerUrl ?? ''}\u0000${response.providerName ?? ''}`;
  const known = remembered.get(key);
  if (known === null) return null;
  if (known !== undefined) return calcPrice(usage, modelName, { provider: known, timestamp: response.timestamp });
  const price = lookUp(usage, modelName, response);
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(key, price ? { ...price.provider, models: [price.model] } : null);
  return price;
}

/** What pricing needs of a response. */
export type PricedResponse = Pick<ModelResponse, 'usage' | 'modelName' | 'providerName' | 'providerUrl' | 'timestamp'>;

function toPriceUsage(usage: RequestUsage): Usage {
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
    const price = priceOf(toPriceUsage(response.usage), response.modelName, response);
    return price ? Number(price.total_price) : undefined;
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
