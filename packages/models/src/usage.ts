/** Token usage of one request, and of a whole run. */
export interface RequestUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheWriteTokens: number;
  readonly cacheReadTokens: number;
  readonly inputAudioTokens: number;
  readonly cacheAudioReadTokens: number;
  readonly outputAudioTokens: number;
  /** Provider extras, e.g. `reasoning_tokens`. Keys keep the provider's snake_case. */
  readonly details: Readonly<Record<string, number>>;
}

/** Usage summed over a run: every request, including failed fallback hops that consumed tokens. */
export interface RunUsage extends RequestUsage {
  readonly requests: number;
  readonly toolCalls: number;
}

const ZERO: RequestUsage = Object.freeze({
  inputTokens: 0,
  outputTokens: 0,
  cacheWriteTokens: 0,
  cacheReadTokens: 0,
  inputAudioTokens: 0,
  cacheAudioReadTokens: 0,
  outputAudioTokens: 0,
  details: Object.freeze({}),
});

/**
 * A request usage with zeros for what is not given.
 * @example requestUsage({ inputTokens: 12, outputTokens: 3, details: { reasoning_tokens: 2 } })
 */
export function requestUsage(fields: Partial<RequestUsage> = {}): RequestUsage {
  return { ...ZERO, ...fields, details: { ...(fields.details ?? {}) } };
}

/** @example runUsage({ requests: 1, inputTokens: 10 }) */
export function runUsage(fields: Partial<RunUsage> = {}): RunUsage {
  return { ...requestUsage(fields), requests: fields.requests ?? 0, toolCalls: fields.toolCalls ?? 0 };
}

function addDetails(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = (out[key] ?? 0) + value;
  return out;
}

/**
 * Sums two request usages field by field (details by key).
 * @example computeUsageSum(a, b).inputTokens === a.inputTokens + b.inputTokens
 */
export function computeUsageSum(a: RequestUsage, b: RequestUsage): RequestUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    inputAudioTokens: a.inputAudioTokens + b.inputAudioTokens,
    cacheAudioReadTokens: a.cacheAudioReadTokens + b.cacheAudioReadTokens,
    outputAudioTokens: a.outputAudioTokens + b.outputAudioTokens,
    details: addDetails(a.details, b.details),
  };
}

/** Adds a request's usage to a run's usage, counting one more request. */
export function computeRunUsageAdd(run: RunUsage, request: RequestUsage, requests = 1): RunUsage {
  return { ...computeUsageSum(run, request), requests: run.requests + requests, toolCalls: run.toolCalls };
}

/** True when nothing was counted. */
export function isZeroUsage(usage: RequestUsage): boolean {
  return computeTotalTokens(usage) === 0 && usage.cacheWriteTokens === 0 && usage.cacheReadTokens === 0 && Object.values(usage.details).every((v) => v === 0);
}

/** Input plus output tokens. */
export function computeTotalTokens(usage: RequestUsage): number {
  return usage.inputTokens + usage.outputTokens;
}
