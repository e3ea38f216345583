import type { SpanRecord } from '../../../src/shared/api-types.js';
import { MODEL_CALL_OPERATIONS } from '../../../src/shared/genai-operations.js';
import {
  ATTR_EXCEPTION_TYPE,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_SYSTEM,
  ATTR_HOPSCOPE_HOP_ATTEMPT,
  ATTR_HOPSCOPE_HOP_COUNT,
  ATTR_HOPSCOPE_HOP_INDEX,
  ATTR_HOPSCOPE_HOP_OUTCOME,
  ATTR_HOPSCOPE_HOP_WINNER,
  ATTR_LOGFIRE_MSG,
  FALLBACK_PREFIX,
} from './attribute-names.js';
import { computeCallCost } from './compute-call-cost.js';
import { parseSpanUsage, type SpanUsage } from './parse-usage.js';
import { asNumber, asString } from './read-value.js';

export type HopOutcomeName = 'ok' | 'error' | 'rejected' | 'skipped' | 'unknown';

export interface HopView {
  readonly index: number;
  /** Which attempt at the member, from 1 (a retried member has one hop per attempt). */
  readonly attempt: number;
  readonly spanId: string | null;
  readonly provider: string;
  readonly model: string;
  readonly outcome: HopOutcomeName;
  /**
   * False when the hop made no request (`skipped`, e.g. its model was cooling down): it has no
   * duration, tokens or cost, and is shown as "not tried" rather than as an unknown price.
   */
  readonly tried: boolean;
  readonly errorType: string | null;
  /** Null when not tried or not instrumented. */
  readonly durationMs: number | null;
  /** Null when not tried, or when the hop carries no usage. */
  readonly usage: SpanUsage | null;
  /**
   * USD as the trace total counts it (`computeCallCost`): 0 for a hop that failed or was skipped
   * without reporting usage, null (unknown) for one that reported tokens but no price.
   */
  readonly costUsd: number | null;
  /** True when the hop failed or was skipped and reported no usage: shown as "no charge". */
  readonly unbilled: boolean;
  readonly winner: boolean;
}

export interface HopStrip {
  /** False for a pydantic-ai style `fallback:a,b` span whose hops have no spans of their own. */
  readonly instrumented: boolean;
  /** The chain length the hops declare (`hopscope.hop.count`), else the number of hops shown. */
  readonly count: number;
  readonly hops: readonly HopView[];
  /** What the non-winning hops consumed; cost is null when one of them had an unknown price (`HopView.costUsd`). */
  readonly wasted: { readonly tokens: number; readonly costUsd: number | null; readonly failedHops: number; readonly skippedHops: number };
}

const OUTCOMES: readonly HopOutcomeName[] = ['ok', 'error', 'rejected', 'skipped'];

function errorTypeOf(span: SpanRecord): string | null {
  const exception = span.events.find((event) => event.name === 'exception');
  const type = asString(exception?.attributes[ATTR_EXCEPTION_TYPE]) ?? asString(span.attributes['error.type']);
  if (type) return type;
  return span.status.code === 'ERROR' ? span.status.message || 'error' : null;
}

function toHop(span: SpanRecord): HopView {
  const outcomeText = asString(span.attributes[ATTR_HOPSCOPE_HOP_OUTCOME]);
  const outcome = OUTCOMES.find((o) => o === outcomeText) ?? 'unknown';
  const tried = outcome !== 'skipped';
  const usage = tried ? parseSpanUsage(span.attributes) : null;
  const failedOrSkipped = !tried || outcome === 'error' || span.status.code === 'ERROR';
  return {
    index: asNumber(span.attributes[ATTR_HOPSCOPE_HOP_INDEX]) ?? 0,
    attempt: asNumber(span.attributes[ATTR_HOPSCOPE_HOP_ATTEMPT]) ?? 1,
    spanId: span.spanId,
    provider: asString(span.attributes[ATTR_GEN_AI_PROVIDER_NAME]) ?? asString(span.attributes[ATTR_GEN_AI_SYSTEM]) ?? '?',
    model: asString(span.attributes[ATTR_GEN_AI_RESPONSE_MODEL]) ?? asString(span.attributes[ATTR_GEN_AI_REQUEST_MODEL]) ?? span.name,
    outcome,
    tried,
    errorType: outcome === 'ok' ? null : errorTypeOf(span),
    durationMs: tried ? span.durationMs : null,
    usage,
    ...computeCallCost({ usage, failedOrSkipped }),
    winner: span.attributes[ATTR_HOPSCOPE_HOP_WINNER] === true,
  };
}

function computeWasted(hops: readonly HopView[]): HopStrip['wasted'] {
  let tokens = 0;
  let costUsd: number | null = 0;
  let failedHops = 0;
  let skippedHops = 0;
  for (const hop of hops) {
    if (hop.winner) continue;
    if (!hop.tried) {
      skippedHops += 1;
      continue;
    }
    failedHops += 1;
    tokens += (hop.usage?.inputTokens ?? 0) + (hop.usage?.outputTokens ?? 0);
    costUsd = costUsd === null || hop.costUsd === null ? null : costUsd + hop.costUsd;
  }
  return { tokens, costUsd, failedHops, skippedHops };
}

/**
 * The models of a pydantic-ai style `fallback:a,b` model request: its `gen_ai.request.model`, its
 * `chat fallback:a,b` name, or, once a member answered and the span was renamed to it, the
 * `logfire.msg` Logfire wrote at the span's start. Only a model-request span qualifies: the
 * agent-run span also carries `model_name: 'fallback:a,b'` (span spec §9), but its requests have
 * spans of their own.
 */
function fallbackChain(span: SpanRecord): string[] | null {
  const operation = asString(span.attributes[ATTR_GEN_AI_OPERATION_NAME]);
  if (operation !== undefined && !MODEL_CALL_OPERATIONS.has(operation)) return null;
  const message = asString(span.attributes[ATTR_LOGFIRE_MSG]);
  const candidates = [asString(span.attributes[ATTR_GEN_AI_REQUEST_MODEL]), span.name, message].map((text) => text?.replace(/^chat /, ''));
  for (const text of candidates) {
    if (text?.startsWith(FALLBACK_PREFIX)) return text.slice(FALLBACK_PREFIX.length).split(',').filter(Boolean);
  }
  return null;
}

/**
 * The hop strip of a fallback call: from its `hopscope.hop.*` child spans when there are any,
 * else from a pydantic-ai style `fallback:a,b` name ("hops not instrumented"). Null when the span
 * is not a fallback call.
 *
 * @example
 * computeHopStrip({ span: chatSpan, children: childSpansOf(chatSpan) })?.wasted.tokens;
 */
export function computeHopStrip(options: { readonly span: SpanRecord; readonly children: readonly SpanRecord[] }): HopStrip | null {
  const hopSpans = options.children.filter((child) => child.attributes[ATTR_HOPSCOPE_HOP_INDEX] !== undefined);
  if (hopSpans.length > 0) {
    const hops = hopSpans.map(toHop).sort((a, b) => a.index - b.index || a.attempt - b.attempt);
    const anyWinnerFlag = hopSpans.some((s) => s.attributes[ATTR_HOPSCOPE_HOP_WINNER] !== undefined);
    const marked = anyWinnerFlag ? hops : markLastOkAsWinner(hops);
    const declared = Math.max(0, ...hopSpans.map((s) => asNumber(s.attributes[ATTR_HOPSCOPE_HOP_COUNT]) ?? 0));
    return { instrumented: true, count: Math.max(declared, hops.length), hops: marked, wasted: computeWasted(marked) };
  }
  const chain = fallbackChain(options.span);
  if (!chain) return null;
  // After a fallback the request model is the winner's own name; the response model may be a dated version of it.
  const winnerNames = [ATTR_GEN_AI_REQUEST_MODEL, ATTR_GEN_AI_RESPONSE_MODEL].map((key) => asString(options.span.attributes[key]));
  const failed = options.span.status.code === 'ERROR';
  const hops: HopView[] = chain.map((model, index) => ({
    index,
    attempt: 1,
    spanId: null,
    provider: '',
    model,
    outcome: 'unknown',
    tried: true,
    errorType: null,
    durationMs: null,
    usage: null,
    costUsd: null,
    unbilled: false,
    winner: !failed && winnerNames.includes(model),
  }));
  return { instrumented: false, count: hops.length, hops, wasted: { tokens: 0, costUsd: 0, failedHops: 0, skippedHops: 0 } };
}

/** Traces from before `hopscope.hop.winner` existed: the last `ok` hop is the winner. */
function markLastOkAsWinner(hops: readonly HopView[]): HopView[] {
  const lastOk = hops.map((h) => h.outcome).lastIndexOf('ok');
  return hops.map((hop, i) => ({ ...hop, winner: i === lastOk }));
}

/**
 * A hop's place in the chain as shown: its 1-based position, and the attempt when the chain retried the member.
 * @example toHopLabel({ index: 1, attempt: 2 }); // '#2 (attempt 2)'
 */
export const toHopLabel = (hop: Pick<HopView, 'index' | 'attempt'>): string => `#${hop.index + 1}${hop.attempt > 1 ? ` (attempt ${hop.attempt})` : ''}`;

/**
 * A key unique to each hop of a strip (the index repeats when the chain retried a member).
 * @example toHopKey({ index: 1, attempt: 2 }); // '1:2'
 */
export const toHopKey = (hop: Pick<HopView, 'index' | 'attempt'>): string => `${hop.index}:${hop.attempt}`;
