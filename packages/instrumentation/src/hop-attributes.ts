/**
 * Attributes of a fallback hop span (pure): Hopscope's one extension to the reference format.
 * Each hop of a FallbackModel call is a child of the fallback's chat span with the member's own
 * identity, usage, cost and outcome (see the package README).
 */
import type { Attributes } from '@opentelemetry/api';
import type { HopRecord, RequestUsage } from '@hopscope/models';
import * as A from './semconv/attributes.js';
import { toBaggageAttributes, toChatSpanName, toModelIdentityAttributes } from './mapper/chat-start.js';
import { toUsageAttributes } from './mapper/usage.js';
import type { BaggageIds } from './mapper/types.js';

/** @example toHopSpanName(record) === 'chat gpt-4o-mini' */
export function toHopSpanName(record: Pick<HopRecord, 'modelName'>): string {
  return toChatSpanName(record.modelName);
}

/** The tokens a hop consumed: its response's usage, else what the record reports. @example toHopUsage(record)?.inputTokens */
export function toHopUsage(record: Pick<HopRecord, 'response' | 'usage'>): RequestUsage | undefined {
  return record.response?.usage ?? record.usage;
}

/**
 * Everything on a hop span except the error: member identity, hop position and outcome, then the
 * response attributes (usage, response model, cost, response id, finish reason) when known.
 * @example toHopSpanAttributes(record, { baggage: {}, costUsd: 0.0012 })
 */
export function toHopSpanAttributes(record: HopRecord, o: { baggage: BaggageIds; costUsd: number | undefined }): Attributes {
  const usage = toHopUsage(record);
  const response = record.response;
  return {
    [A.ATTR_GEN_AI_OPERATION_NAME]: A.GEN_AI_OPERATION_CHAT,
    ...toModelIdentityAttributes({ modelName: record.modelName, system: record.provider, baseUrl: record.baseUrl }),
    ...toBaggageAttributes(o.baggage),
    [A.ATTR_HOPSCOPE_HOP_INDEX]: record.index,
    [A.ATTR_HOPSCOPE_HOP_COUNT]: record.count,
    [A.ATTR_HOPSCOPE_HOP_OUTCOME]: record.outcome,
    [A.ATTR_HOPSCOPE_HOP_WINNER]: record.winner,
    ...(record.hedged ? { [A.ATTR_HOPSCOPE_HOP_HEDGED]: true } : {}),
    ...(record.attempt > 1 ? { [A.ATTR_HOPSCOPE_HOP_ATTEMPT]: record.attempt } : {}),
    ...(usage ? toUsageAttributes(usage) : {}),
    ...(response ? { [A.ATTR_GEN_AI_RESPONSE_MODEL]: response.modelName || record.modelName } : {}),
    ...(o.costUsd !== undefined ? { [A.ATTR_OPERATION_COST]: o.costUsd } : {}),
    ...(response?.providerResponseId !== undefined ? { [A.ATTR_GEN_AI_RESPONSE_ID]: response.providerResponseId } : {}),
    ...(response?.finishReason !== undefined ? { [A.ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: [response.finishReason] } : {}),
  };
}
