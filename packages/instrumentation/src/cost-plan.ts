/**
 * The per-call arithmetic of a price (pure). `calcPrice` of `@pydantic/genai-prices` re-validates
 * the whole price table entry on every call (ancestor and join checks, unit sorting); once a
 * model's price is known to be valid, only the arithmetic depends on the usage. A plan is that
 * arithmetic, done in the package's own order, so the result is the same number to the last bit:
 * leaf counts per priced unit (a unit's count minus its more specific priced units, most specific
 * first), then `price * leaf / per` summed into input, output and other, then their sum.
 *
 * Only the usage Hopscope reports is planned (the seven token counts of RequestUsage); price keys
 * that cannot interact with those counts (other unit families, token kinds never reported) add
 * exactly 0 and are skipped. Anything else (an unknown price key, a time-of-day price, a count the
 * package would reject) makes the plan decline, and the caller asks `calcPrice` as before.
 * cost-plan.test.ts checks every model of the bundled price table against `calcPrice`.
 */
import type { ModelInfo, ModelPrice, TieredPrices } from '@pydantic/genai-prices';
import type { RequestUsage } from '@hopscope/models';

type TokenField = Exclude<keyof RequestUsage, 'details'>;

interface TokenUnit {
  readonly usageKey: string;
  readonly field: TokenField;
  readonly dimensions: Readonly<Record<string, string>>;
}

/** The package's units for the counts Hopscope reports (its unit table, `dimensions` as there; per 1e6). */
const TOKEN_UNITS: Readonly<Record<string, TokenUnit>> = {
  input_mtok: { usageKey: 'input_tokens', field: 'inputTokens', dimensions: { direction: 'input', family: 'tokens' } },
  output_mtok: { usageKey: 'output_tokens', field: 'outputTokens', dimensions: { direction: 'output', family: 'tokens' } },
  cache_read_mtok: { usageKey: 'cache_read_tokens', field: 'cacheReadTokens', dimensions: { direction: 'input', family: 'tokens', token_type: 'cache_read' } },
  cache_write_mtok: { usageKey: 'cache_write_tokens', field: 'cacheWriteTokens', dimensions: { direction: 'input', family: 'tokens', token_type: 'cache_write' } },
  input_audio_mtok: { usageKey: 'input_audio_tokens', field: 'inputAudioTokens', dimensions: { direction: 'input', family: 'tokens', modality: 'audio' } },
  cache_audio_read_mtok: {
    usageKey: 'cache_audio_read_tokens',
    field: 'cacheAudioReadTokens',
    dimensions: { direction: 'input', family: 'tokens', modality: 'audio', token_type: 'cache_read' },
  },
  output_audio_mtok: { usageKey: 'output_audio_tokens', field: 'outputAudioTokens', dimensions: { direction: 'output', family: 'tokens', modality: 'audio' } },
};
const TOKENS_PER = 1e6;

/** `requests_kcount`: the package counts one request per call, per 1,000, in neither direction. */
const REQUESTS_PRICE_KEY = 'requests_kcount';
const REQUESTS_PER = 1e3;

/**
 * Price keys whose units Hopscope never reports and that are neither an ancestor of a reported
 * unit nor the join of two of them: the package gives them a count of 0, so they add exactly 0.
 * (`cache_audio_write_mtok` is not here: it is the join of cache write and input audio tokens.)
 */
const ZERO_PRICE_KEYS: ReadonlySet<string> = new Set([
  'web_searches_kcount',
  'storage_searches_kcount',
  'social_searches_kcount',
  'rerank_searches_kcount',
  'code_executions_kcount',
  'audio_hours',
  'input_audio_hours',
  'output_audio_hours',
  'input_document_kpages',
  'input_annotated_document_kpages',
  'input_text_messages_kcount',
  'input_mchars',
  'input_gpixels',
  'cache_write_1h_mtok',
  'cache_write_5m_mtok',
  'input_image_mtok',
  'cache_image_read_mtok',
  'output_image_mtok',
  'input_video_mtok',
  'output_video_mtok',
  'output_reasoning_mtok',
  'output_citation_mtok',
]);

/** A price as the package applies it: a number per unit, or a base with tiers on the input tokens. */
type PlannedPrice = number | { readonly base: number; readonly tiers: readonly { readonly start: number; readonly price: number }[] };

interface PlannedLeaf {
  readonly field: TokenField;
  /** Indices (into `leaves`) of the more specific priced units whose counts this one includes. */
  readonly descendants: readonly number[];
}

interface PlannedTerm {
  readonly price: PlannedPrice;
  /** Index into `leaves`, or -1 for the one request of a call. */
  readonly leaf: number;
  readonly per: number;
  readonly direction: 'input' | 'output' | 'other';
}

/** The arithmetic of one model price. */
export interface PricePlan {
  readonly leaves: readonly PlannedLeaf[];
  readonly terms: readonly PlannedTerm[];
  readonly tiered: boolean;
}

function isMoreSpecific(general: TokenUnit, specific: TokenUnit): boolean {
  return Object.entries(general.dimensions).every(([key, value]) => specific.dimensions[key] === value);
}

function toPlannedPrice(value: number | TieredPrices): PlannedPrice | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'object' || value === null || typeof value.base !== 'number' || !Array.isArray(value.tiers)) return undefined;
  // The package sorts a copy of the tiers by start (a stable sort), as here.
  return { base: value.base, tiers: [...value.tiers].sort((a, b) => a.start - b.start) };
}

/**
 * The plan of one model price, or undefined when a price key is not one this arithmetic covers.
 * @example toPricePlan({ input_mtok: 2.5, output_mtok: 10 })?.terms.length === 2
 */
export function toPricePlan(price: ModelPrice): PricePlan | undefined {
  const priced: TokenUnit[] = [];
  const entries: [TokenUnit | 'requests', PlannedPrice][] = [];
  for (const [key, value] of Object.entries(price)) {
    if (value === undefined || ZERO_PRICE_KEYS.has(key)) continue;
    const unit = key === REQUESTS_PRICE_KEY ? 'requests' : TOKEN_UNITS[key];
    const planned = toPlannedPrice(value);
    if (unit === undefined || planned === undefined) return undefined;
    if (unit !== 'requests') priced.push(unit);
    entries.push([unit, planned]);
  }
  // The package's leaf order: most dimensions first, then by usage key.
  const order = [...priced].sort((a, b) => Object.keys(b.dimensions).length - Object.keys(a.dimensions).length || a.usageKey.localeCompare(b.usageKey));
  const leaves = order.map((unit) => ({ field: unit.field, descendants: order.flatMap((other, i) => (other !== unit && isMoreSpecific(unit, other) ? [i] : [])) }));
  const terms = entries.map(([unit, planned]): PlannedTerm => {
    if (unit === 'requests') return { price: planned, leaf: -1, per: REQUESTS_PER, direction: 'other' };
    const direction = unit.dimensions.direction === 'input' ? 'input' : unit.dimensions.direction === 'output' ? 'output' : 'other';
    return { price: planned, leaf: order.indexOf(unit), per: TOKENS_PER, direction };
  });
  return { leaves, terms, tiered: entries.some(([, planned]) => typeof planned !== 'number') };
}

function priceOfTerm(price: PlannedPrice, count: number, inputTokens: number, per: number): number {
  if (typeof price === 'number') return (price * count) / per;
  if (count <= 0) return 0;
  let perMillion = price.base;
  for (const tier of price.tiers) if (inputTokens > tier.start) perMillion = tier.price;
  return (((perMillion * count) / 1e6) * 1e6) / per;
}

/**
 * The price in USD of `usage` under `plan`, or undefined when the package would reject the usage
 * (a negative or non-finite count, or a count below the sum of its more specific counts).
 * @example computePlannedCost(toPricePlan({ input_mtok: 2.5, output_mtok: 10 })!, requestUsage({ inputTokens: 1000 })) === 0.0025
 */
export function computePlannedCost(plan: PricePlan, usage: RequestUsage): number | undefined {
  const leaves = new Array<number>(plan.leaves.length);
  for (let i = 0; i < plan.leaves.length; i++) {
    const leaf = plan.leaves[i]!;
    const count = usage[leaf.field];
    if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) return undefined;
    let included = 0;
    for (const d of leaf.descendants) included += leaves[d]!;
    const value = count - included;
    if (value < 0) return undefined;
    leaves[i] = value;
  }
  const inputTokens = plan.tiered ? usage.inputTokens : 0;
  if (plan.tiered && (typeof inputTokens !== 'number' || !Number.isFinite(inputTokens) || inputTokens < 0)) return undefined;
  let input = 0;
  let output = 0;
  let other = 0;
  for (const term of plan.terms) {
    const amount = priceOfTerm(term.price, term.leaf === -1 ? 1 : leaves[term.leaf]!, inputTokens, term.per);
    if (term.direction === 'input') input += amount;
    else if (term.direction === 'output') output += amount;
    else other += amount;
  }
  return input + output + other;
}

/**
 * The model's price in force at `timestamp` (the package's rule: the newest entry whose start date
 * has passed), or undefined for what this arithmetic leaves to the package (time-of-day prices).
 * @example selectModelPrice(model, new Date()) // { input_mtok: 2.5, output_mtok: 10 }
 */
export function selectModelPrice(model: ModelInfo, timestamp: Date): ModelPrice | undefined {
  if (!Array.isArray(model.prices)) return model.prices;
  if (Number.isNaN(timestamp.getTime())) return undefined;
  for (let i = model.prices.length - 1; i >= 0; i--) {
    const entry = model.prices[i]!;
    const constraint = entry.constraint;
    if (constraint === undefined) return entry.prices;
    if (constraint.type !== 'start_date') return undefined;
    if (timestamp >= new Date(constraint.start_date)) return entry.prices;
  }
  return model.prices[0]?.prices;
}
